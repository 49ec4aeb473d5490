/// A thematic supervision that is no item of its conductor's annual programme (`OversightCase.validateProgramme(_:)`),
/// with the Vietnamese message a user reads, citing the rule in force on the case's first day.
///
/// Apart from `OversightViolation`: a new reason there would change the fields importers and forms switch over, and
/// the programme is a record of its own that a case is checked against once both exist.
public struct NotInProgrammeViolation: Error, Hashable, Sendable, CustomStringConvertible {
    public var oversightCase: OversightCase

    public init(oversightCase: OversightCase) { self.oversightCase = oversightCase }

    public var message: String {
        let rule = RuleBook.oversightThematicInProgramme.version(on: oversightCase.started)
        return "Cuộc giám sát chuyên đề \(oversightCase.reference) không có trong chương trình kiểm tra, giám sát năm "
            + "của chủ thể giám sát; giám sát theo chương trình, kế hoạch là giám sát chuyên đề (\(rule.citation))."
    }

    public var description: String { message }
}
