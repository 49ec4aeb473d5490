/// Where a case stands on a day, as far as the registry knows: a stage of its progress, or only that it is running when
/// it was recorded without its steps (imported with its first day, and its last day and outcome once concluded).
/// `OversightCase.stage(on:progress:)` reads it.
public enum OversightCaseStage: Hashable, Sendable {
    /// A stage the case has reached: from its steps, or, without them, planned before its first day and concluded from
    /// its last day.
    case stage(OversightStage)
    /// Đang tiến hành: started and not concluded, at a step the registry does not know.
    case running

    /// As a user reads it: the stage's name, "Đang tiến hành" while running.
    public var vietnamese: String {
        switch self {
        case .stage(let stage): stage.vietnamese
        case .running: "Đang tiến hành"
        }
    }
}
