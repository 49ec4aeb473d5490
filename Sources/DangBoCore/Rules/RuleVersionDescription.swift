/// A rule version without its typed value: a row of the rules table.
public struct RuleVersionDescription: Hashable, Sendable {
    public let regulation: Regulation
    public let appliesFrom: Day
    public let valueText: String
    public let clause: String?
    public let confirmed: Bool

    /// What a message cites: "Quy định 294-QĐ/TW, mục 1.1.1".
    public var citation: String { regulation.citation(clause: clause) }
}
