/// Whether a case belongs to its conductor's annual programme (RULES §4, "Forms of supervision").
extension OversightCase {
    /// Whether the rules in force on its first day want this case in its conductor's programme: supervision under the
    /// programme or plan is thematic supervision, so a thematic supervision must be an item of one
    /// (`RuleBook.oversightThematicInProgramme`).
    public var needsProgramme: Bool {
        activity == .supervision && mode == .thematic && RuleBook.oversightThematicInProgramme.version(on: started).value
    }

    /// The item of `programmes` that this case carries out: an item of a programme of the same conductor
    /// (organization and kind) naming the case's reference, with the same activity and mode. The programme's year
    /// need not be the year the case starts: an item started late is still the programme's.
    public func programmeItem(in programmes: some Sequence<OversightProgramme>) -> ProgrammeItem? {
        for programme in programmes where programme.conducts(self) {
            if let item = programme.items.first(where: {
                $0.caseReference == reference && $0.activity == activity && $0.mode == mode
            }) {
                return item
            }
        }
        return nil
    }

    /// Whether this case carries out an item of one of `programmes` (`programmeItem(in:)`).
    public func isInProgramme(_ programmes: some Sequence<OversightProgramme>) -> Bool {
        programmeItem(in: programmes) != nil
    }

    /// Throws when this case needs a programme (`needsProgramme`) and carries out no item of `programmes`.
    public func validateProgramme(_ programmes: some Sequence<OversightProgramme>) throws(NotInProgrammeViolation) {
        if needsProgramme, !isInProgramme(programmes) { throw NotInProgrammeViolation(oversightCase: self) }
    }
}
