extension OversightCase {
    /// The stages this case passes under the rules in force on its first day, given whether its outcome asks remedies
    /// (`remedies`: the case's outcome, or one subject's, asks them).
    public func stageSequence(remedies: Bool) -> OversightStageSequence {
        RuleBook.oversightStages.version(on: started).value.sequence(for: activity, mode: mode, remedies: remedies)
    }

    /// The day this case was concluded: its progress's conclusion when there is a progress; for a case recorded
    /// without one (imported with its outcome and end day), its end day when it has an outcome.
    public func concluded(progress: OversightProgress?) -> Day? {
        if let progress { return progress.concluded }
        return outcome == nil ? nil : ended
    }

    /// The stage this case is at on `day`. With steps, that of `progress` (`OversightProgress.stage(on:)`). Recorded
    /// without them (no progress, or one without steps), read from the case's own days: concluded from its last day
    /// when it has an outcome (`concluded(progress: nil)`), running from its first day, planned before it.
    public func stage(on day: Day, progress: OversightProgress?) -> OversightCaseStage {
        if let progress, !progress.steps.isEmpty { return .stage(progress.stage(on: day)) }
        if let concluded = concluded(progress: nil), concluded <= day { return .stage(.concluded) }
        return started <= day ? .running : .stage(.planned)
    }
}
