/// One version of a rule: its value as one regulation states it, from the day it applies.
public struct RuleVersion<Value: Sendable>: Sendable {
    /// The regulation this version follows.
    public let regulation: Regulation
    /// The first day this version applies (usually the regulation's own `appliesFrom`).
    public let appliesFrom: Day
    /// The value a check uses: months, years, a set of event kinds…
    public let value: Value
    /// The value in Vietnamese, for the table: "từ đủ 18 đến đủ 60 tuổi (tính theo tháng)".
    public let valueText: String
    /// The clause as written in the regulation ("mục 1.1.1", "Điều 5, khoản 1"); nil when not known.
    public let clause: String?
    /// True when a source quotes this clause of this regulation for this rule: RULES.md, or a secondary source named
    /// where the version is defined (RULES "How to read this file"). False marks what RULES §3 and §13 leave
    /// unconfirmed, chiefly the 2025 texts, and values carried over to a text nobody has quoted yet.
    public let confirmed: Bool

    public init(_ regulation: Regulation, _ clause: String?, value: Value, text: String, confirmed: Bool,
                from appliesFrom: Day? = nil) {
        self.regulation = regulation
        self.appliesFrom = appliesFrom ?? regulation.appliesFrom
        self.value = value
        self.valueText = text
        self.clause = clause
        self.confirmed = confirmed
    }

    /// What a message cites: "Quy định 294-QĐ/TW, mục 1.1.1".
    public var citation: String { regulation.citation(clause: clause) }

    /// This version without its typed value.
    public var described: RuleVersionDescription {
        RuleVersionDescription(regulation: regulation, appliesFrom: appliesFrom, valueText: valueText, clause: clause,
                               confirmed: confirmed)
    }
}

extension RuleVersion: Equatable where Value: Equatable {}
