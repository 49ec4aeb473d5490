/// The stages one kind of case passes, in order, and which of them it may leave out.
///
/// A case's steps follow the sequence: each stage at most once, never back to an earlier one, and no required stage
/// left out before a later stage is reached. A stage the case has not reached yet is not missing: the case is still
/// running.
public struct OversightStageSequence: Hashable, Sendable {
    /// The stages in the order a case passes them.
    public var stages: [OversightStage]
    /// The stages of `stages` a case may pass without (planned, for one that was never in a plan).
    public var optional: Set<OversightStage>

    public init(_ stages: [OversightStage], optional: Set<OversightStage> = []) {
        self.stages = stages
        self.optional = optional
    }

    /// Whether a case of this sequence may pass `stage` at all.
    public func contains(_ stage: OversightStage) -> Bool { stages.contains(stage) }

    /// Whether a case may not go past `stage` without passing it.
    public func isRequired(_ stage: OversightStage) -> Bool { contains(stage) && !optional.contains(stage) }

    /// The required stages strictly between `earlier` (nil: before the first) and `later`, in order.
    public func required(after earlier: OversightStage?, before later: OversightStage) -> [OversightStage] {
        stages.filter { stage in isRequired(stage) && stage < later && earlier.map { stage > $0 } ?? true }
    }

    /// The last stage a case of this sequence must reach before it is over.
    public var lastRequired: OversightStage? { stages.last(where: isRequired) }

    /// This sequence without `followUp`: for a case whose outcome asks no remedies.
    public var withoutFollowUp: OversightStageSequence {
        OversightStageSequence(stages.filter { $0 != .followUp }, optional: optional.subtracting([.followUp]))
    }
}
