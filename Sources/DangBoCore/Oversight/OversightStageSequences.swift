/// Which stages a case passes, by activity and mode: the value of `RuleBook.oversightStages`.
///
/// - Regular supervision (giám sát thường xuyên: attending meetings, hearing reports, reading documents) has no
///   decision, no team, no self-report and no verification: it is concluded directly, planned or not. Announcing its
///   result is optional.
/// - Thematic supervision and every inspection pass decided → self-report → verification → team report → concluded →
///   notified; a plan before the decision is optional (an inspection on signs of violation is seldom planned).
/// - Follow-up comes last, required when the outcome asks remedies (`OversightOutcome.asksRemedies`) and not allowed
///   otherwise.
///
/// Supervision in a mode other than regular and thematic (the review's keys allow it) is read as thematic: it is
/// supervision with a decision, not a glance at documents.
public struct OversightStageSequences: Hashable, Sendable {
    /// The sequence of regular supervision.
    public var regularSupervision: OversightStageSequence
    /// The sequence of thematic supervision and of every inspection.
    public var withTeam: OversightStageSequence

    public init(regularSupervision: OversightStageSequence, withTeam: OversightStageSequence) {
        self.regularSupervision = regularSupervision
        self.withTeam = withTeam
    }

    /// The sequence of a case of `activity` in `mode`; `remedies` says whether its outcome asks remedies (false while
    /// it has no outcome), which decides whether it ends with a follow-up.
    public func sequence(for activity: OversightActivity, mode: OversightMode, remedies: Bool) -> OversightStageSequence {
        let sequence = activity == .supervision && mode == .regular ? regularSupervision : withTeam
        return remedies ? sequence : sequence.withoutFollowUp
    }
}
