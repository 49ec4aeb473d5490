/// The rules a case's progress must keep before it is recorded (RULES §4, "Steps" and "Statuses"; issue 11 point 2).
/// Pure: the caller passes the case and says which members are known.
extension OversightProgress {
    /// Every rule this progress breaks, in the order of its fields; empty when it may be recorded:
    /// - it belongs to `oversightCase` (the same reference);
    /// - its steps follow the case's stage sequence (`OversightCase.stageSequence(remedies:)`): each stage one the
    ///   case passes (a follow-up only when the outcome asks remedies), after the stage of every step before it (no
    ///   going back, no stage twice), with no required stage left out before it; each day on or after the case's first
    ///   day and on or after the day of the step before (the same day is fine: a notice may go out the day of the
    ///   conclusion);
    /// - the case has an outcome once concluded, and none before;
    /// - once decided, the case has a team; each member of the team is known to the registry (`isKnownMember`); a team
    ///   has a leader, who is one of its members;
    /// - each subject outcome is about one of the case's subjects;
    /// - a violation (the case's outcome or a subject's) states whether discipline is proposed; discipline is proposed
    ///   only for a violation.
    public func violations(
        of oversightCase: OversightCase, isKnownMember: (MemberID) -> Bool
    ) -> [OversightProgressViolation] {
        var found: [OversightProgressViolation] = []
        func add(_ reason: OversightProgressViolation.Reason) {
            found.append(OversightProgressViolation(progress: self, oversightCase: oversightCase, reason: reason))
        }
        if caseReference != oversightCase.reference { add(.otherCase) }

        // The steps, against the sequence of the case.
        let remedies = asksRemedies(oversightCase)
        let sequence = oversightCase.stageSequence(remedies: remedies)
        var reached: OversightStage?
        for (index, step) in steps.enumerated() {
            if !sequence.contains(step.stage) {
                add(step.stage == .followUp ? .followUpWithoutRemedies(step: index) : .stageNotPassed(step: index))
            } else if let last = reached, step.stage <= last {
                add(.stageGoesBack(step: index, after: last))
            } else {
                let missing = sequence.required(after: reached, before: step.stage)
                if !missing.isEmpty { add(.stagesSkipped(step: index, missing: missing)) }
                reached = step.stage
            }
            if step.day < oversightCase.started {
                add(.stepBeforeStart(step: index))
            } else if index > 0, step.day < steps[index - 1].day {
                add(.stepBeforePrevious(step: index))
            }
        }

        // The outcome, which the case keeps.
        let isConcluded = steps.contains { $0.stage == .concluded }
        if isConcluded, oversightCase.outcome == nil { add(.concludedWithoutOutcome) }
        if !isConcluded, oversightCase.outcome != nil { add(.outcomeWithoutConclusion) }

        // The team.
        if team.isEmpty, steps.contains(where: { $0.stage == .decided }) { add(.noTeam) }
        for member in team where !isKnownMember(member) { add(.unknownTeamMember(member)) }
        if let teamLeader {
            if !team.contains(teamLeader) { add(.leaderNotInTeam) }
        } else if !team.isEmpty {
            add(.noTeamLeader)
        }

        // The outcome of each subject, and discipline.
        for subject in subjectOutcomes.keys.sorted(by: Self.subjectOrder) where !oversightCase.subjects.contains(subject) {
            add(.notASubject(subject))
        }
        let violation = oversightCase.outcome == .violation || subjectOutcomes.values.contains(.violation)
        if violation, isConcluded, disciplineProposed == nil { add(.disciplineProposalNotStated) }
        if !violation, disciplineProposed == true { add(.disciplineWithoutViolation) }
        return found
    }

    /// Throws the first rule this progress breaks (see `violations(of:isKnownMember:)`).
    public func validate(
        of oversightCase: OversightCase, isKnownMember: (MemberID) -> Bool
    ) throws(OversightProgressViolation) {
        if let first = violations(of: oversightCase, isKnownMember: isKnownMember).first { throw first }
    }

    /// Every rule this progress breaks against a registry in memory: its case is the registry's case with the same
    /// reference; none is a violation of its own.
    public func violations(in registry: Registry) -> [OversightProgressViolation] {
        guard let oversightCase = registry.cases.first(where: { $0.reference == caseReference }) else {
            return [OversightProgressViolation(progress: self, oversightCase: nil, reason: .unknownCase)]
        }
        return violations(of: oversightCase) { registry.members[$0] != nil }
    }

    /// Throws the first rule this progress breaks against a registry in memory.
    public func validate(in registry: Registry) throws(OversightProgressViolation) {
        if let first = violations(in: registry).first { throw first }
    }

    /// Organizations before members, each by id: a stable order for the subjects of a dictionary.
    static func subjectOrder(_ lhs: OversightSubject, _ rhs: OversightSubject) -> Bool {
        switch (lhs, rhs) {
        case (.organization(let a), .organization(let b)): a < b
        case (.member(let a), .member(let b)): a < b
        case (.organization, .member): true
        case (.member, .organization): false
        }
    }
}
