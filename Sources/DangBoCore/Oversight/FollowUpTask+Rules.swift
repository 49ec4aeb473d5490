/// The rules a follow-up task must keep before it is recorded (issue 11 point 2). Pure: the caller passes the case and
/// its progress.
extension FollowUpTask {
    /// Every rule this task breaks, in the order of its fields; empty when it may be recorded:
    /// - it belongs to `oversightCase` (the same reference);
    /// - it says what is to be done;
    /// - the one responsible is a subject of the case: the conclusion asks remedies of those it looked at;
    /// - the case is concluded (`progress` has a conclusion) with an outcome that asks remedies, its own or a
    ///   subject's;
    /// - it is due, and was done, on or after the day of the conclusion (the day itself is fine).
    public func violations(of oversightCase: OversightCase, progress: OversightProgress?) -> [FollowUpTaskViolation] {
        var found: [FollowUpTaskViolation] = []
        func add(_ reason: FollowUpTaskViolation.Reason) { found.append(FollowUpTaskViolation(task: self, reason: reason)) }
        if caseReference != oversightCase.reference { add(.otherCase(oversightCase.reference)) }
        if text.allSatisfy(\.isWhitespace) { add(.noText) }
        if !oversightCase.subjects.contains(responsible) { add(.responsibleNotASubject) }
        guard let progress, let concluded = progress.concluded else {
            add(.caseNotConcluded)
            return found
        }
        if !progress.asksRemedies(oversightCase) { add(.noRemediesAsked) }
        if due < concluded { add(.dueBeforeConclusion(concluded: concluded)) }
        if let done, done < concluded { add(.doneBeforeConclusion(concluded: concluded)) }
        return found
    }

    /// Throws the first rule this task breaks (see `violations(of:progress:)`).
    public func validate(of oversightCase: OversightCase, progress: OversightProgress?) throws(FollowUpTaskViolation) {
        if let first = violations(of: oversightCase, progress: progress).first { throw first }
    }
}
