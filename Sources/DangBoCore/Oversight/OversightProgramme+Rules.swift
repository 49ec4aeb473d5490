/// The rules an annual programme must keep before it is recorded (issue 11 point 2). Pure: the caller passes the tree
/// and says which members are known.
extension OversightProgramme {
    /// Every rule this programme breaks, in the order of its fields; empty when it may be recorded:
    /// - its year is one a day can hold, and the conductor organization exists on at least one day of it (established
    ///   by 31/12, not dissolved by 1/1);
    /// - each item is planned in a real quarter or month of the programme's year, has subjects, and each exists: an
    ///   organization established by the last day of the item's period (dissolved since is fine, as for a case), a
    ///   member known to the registry;
    /// - no two items name the same case.
    public func violations(in tree: OrganizationTree, isKnownMember: (MemberID) -> Bool) -> [OversightProgrammeViolation] {
        let code = tree[conductorOrganization]?.code ?? ""
        var found: [OversightProgrammeViolation] = []
        func add(_ reason: OversightProgrammeViolation.Reason) {
            found.append(OversightProgrammeViolation(programme: self, reason: reason, conductorCode: code))
        }
        guard let year = days, let lastDay = year.lastDay else {
            add(.invalidYear)
            return found
        }
        if let conductor = tree[conductorOrganization] {
            if conductor.established > lastDay {
                add(.conductorNotEstablished(established: conductor.established))
            } else if let dissolved = conductor.dissolved, dissolved <= year.start {
                add(.conductorDissolved(dissolved: dissolved))
            }
        } else {
            add(.unknownConductor)
        }

        var references: Set<String> = []
        for (index, item) in items.enumerated() {
            let period = item.planned.days
            if period == nil {
                add(.invalidPeriod(item: index))
            } else if item.planned.year != self.year {
                add(.plannedOutsideYear(item: index))
            }
            if item.subjects.isEmpty { add(.noSubjects(item: index)) }
            let by = period?.lastDay ?? lastDay
            for subject in item.subjects {
                switch subject {
                case .organization(let id):
                    guard let organization = tree[id] else { add(.unknownSubjectOrganization(item: index, id)); continue }
                    if organization.established > by {
                        add(.subjectNotEstablished(item: index, code: organization.code,
                                                   established: organization.established))
                    }
                case .member(let id):
                    if !isKnownMember(id) { add(.unknownSubjectMember(item: index, id)) }
                }
            }
            if let reference = item.caseReference, !references.insert(reference).inserted {
                add(.caseInTwoItems(item: index, reference: reference))
            }
        }
        return found
    }

    /// Throws the first rule this programme breaks (see `violations(in:isKnownMember:)`).
    public func validate(in tree: OrganizationTree, isKnownMember: (MemberID) -> Bool) throws(OversightProgrammeViolation) {
        if let first = violations(in: tree, isKnownMember: isKnownMember).first { throw first }
    }

    /// Every rule this programme breaks against a registry in memory.
    public func violations(in registry: Registry) -> [OversightProgrammeViolation] {
        violations(in: registry.tree) { registry.members[$0] != nil }
    }

    /// Throws the first rule this programme breaks against a registry in memory.
    public func validate(in registry: Registry) throws(OversightProgrammeViolation) {
        if let first = violations(in: registry).first { throw first }
    }
}
