/// How one inspection or supervision case runs (issue 11 point 2): the steps it took, the team that does it and what
/// it concluded.
///
/// It sits beside its `OversightCase` (joined by `caseReference`), which keeps the case's header and its outcome; the
/// outcome is not repeated here. Its rules are in `violations(of:isKnownMember:)`.
public struct OversightProgress: Hashable, Sendable {
    /// The `OversightCase.reference` of the case.
    public var caseReference: String
    /// The steps in the order the case took them, one per stage (`OversightStageSequence`).
    public var steps: [OversightStep]
    /// For a conclusion: its text (nội dung kết luận), "" until there is one.
    public var conclusion: String
    /// The team (tổ, đoàn kiểm tra, giám sát) the decision set up, its leader among them.
    public var team: [MemberID]
    public var teamLeader: MemberID?
    /// The outcome for a subject, where the conclusion tells the subjects apart; the case's own outcome
    /// (`OversightCase.outcome`) is the one the review counts.
    public var subjectOutcomes: [OversightSubject: OversightOutcome]
    /// For a violation: whether the conclusion proposes discipline (đề nghị thi hành kỷ luật); nil while not stated.
    public var disciplineProposed: Bool?

    public init(
        caseReference: String, steps: [OversightStep] = [], conclusion: String = "", team: [MemberID] = [],
        teamLeader: MemberID? = nil, subjectOutcomes: [OversightSubject: OversightOutcome] = [:],
        disciplineProposed: Bool? = nil
    ) {
        self.caseReference = caseReference
        self.steps = steps
        self.conclusion = conclusion
        self.team = team
        self.teamLeader = teamLeader
        self.subjectOutcomes = subjectOutcomes
        self.disciplineProposed = disciplineProposed
    }

    /// The day of the first step at `stage`, nil when the case has not reached it.
    public func day(of stage: OversightStage) -> Day? { steps.first { $0.stage == stage }?.day }

    /// The day of the conclusion, nil until the case is concluded.
    public var concluded: Day? { day(of: .concluded) }

    /// The stage the case is at on `day`: that of the last step on or before it. Before its first step a case is
    /// `planned`: it exists in the register, nothing has been decided yet.
    public func stage(on day: Day) -> OversightStage {
        steps.last { $0.day <= day }?.stage ?? .planned
    }

    /// Whether `oversightCase`'s outcome or one subject's outcome asks remedies, so that the case ends with a
    /// follow-up.
    public func asksRemedies(_ oversightCase: OversightCase) -> Bool {
        (oversightCase.outcome?.asksRemedies ?? false) || subjectOutcomes.values.contains { $0.asksRemedies }
    }

    /// Whether one of the follow-up tasks of this case is overdue on `day` (`FollowUpTask.isOverdue(on:)`); tasks of
    /// other cases are ignored.
    public func isOverdue(on day: Day, tasks: some Sequence<FollowUpTask>) -> Bool {
        tasks.contains { $0.caseReference == caseReference && $0.isOverdue(on: day) }
    }

    /// Whether `oversightCase` is over on `day`: it reached, on or before `day`, the last stage its sequence requires
    /// and, when it asks remedies, it has follow-up tasks and each was done on or before `day`.
    public func isClosed(on day: Day, of oversightCase: OversightCase, tasks: some Sequence<FollowUpTask>) -> Bool {
        let remedies = asksRemedies(oversightCase)
        guard let last = oversightCase.stageSequence(remedies: remedies).lastRequired,
              let reached = self.day(of: last), reached <= day else { return false }
        guard remedies else { return true }
        let own = tasks.filter { $0.caseReference == caseReference }
        return !own.isEmpty && own.allSatisfy { $0.done.map { $0 <= day } ?? false }
    }
}
