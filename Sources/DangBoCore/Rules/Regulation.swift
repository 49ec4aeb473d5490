/// A party document that rules come from (quy định, hướng dẫn, Điều lệ): a rule version cites one of these and the
/// clause it follows (DESIGN §1.3, RULES §0).
public struct Regulation: Hashable, Sendable, Identifiable {
    /// A stable key that tells apart documents with the same code ("hd-01-2016", "hd-01-2021").
    public let id: String
    /// The code as written in documents: "QĐ 294-QĐ/TW", "HD 01-HD/TW", "Điều lệ Đảng (2011)".
    public let code: String
    /// The full Vietnamese title: "Quy định thi hành Điều lệ Đảng".
    public let title: String
    /// How a message names it, before the clause: "Quy định 294-QĐ/TW", "Hướng dẫn 01-HD/TW ngày 28/9/2021".
    public let citationName: String
    /// The day it was signed (for the Charter, the day the Congress adopted it).
    public let signed: Day
    /// The first day it applies.
    public let appliesFrom: Day
    /// False when RULES.md does not give these days: they were taken from a secondary source named where the
    /// regulation is defined, and await confirmation from the primary text (RULES §13).
    public let daysConfirmed: Bool
    /// The `id` of the regulation this one amends, if it amends rather than replaces.
    public let amends: String?

    public init(id: String, code: String, title: String, citationName: String, signed: Day, appliesFrom: Day,
                daysConfirmed: Bool = true, amends: String? = nil) {
        self.id = id
        self.code = code
        self.title = title
        self.citationName = citationName
        self.signed = signed
        self.appliesFrom = appliesFrom
        self.daysConfirmed = daysConfirmed
        self.amends = amends
    }

    /// "Quy định 294-QĐ/TW, mục 1.1.1"; the name alone when the clause is not known.
    public func citation(clause: String?) -> String {
        guard let clause, !clause.isEmpty else { return citationName }
        return "\(citationName), \(clause)"
    }
}
