/// A disciplinary sanction (hình thức kỷ luật), lightest first: the order of the cases is the order of weight
/// (QĐ 69-QĐ/TW Điều 7). The raw values are the interchange names.
public enum Sanction: String, CaseIterable, Sendable, Codable, Comparable {
    /// Khiển trách.
    case reprimand
    /// Cảnh cáo.
    case warning
    /// Cách chức: an official member who holds a post in a committee loses it.
    case removalFromPost = "removal_from_post"
    /// Khai trừ: an official member leaves the Party.
    case expulsion
    /// Giải tán: an organization is dissolved.
    case dissolution

    /// The words of the decisions: "Khiển trách".
    public var vietnamese: String {
        switch self {
        case .reprimand: "Khiển trách"
        case .warning: "Cảnh cáo"
        case .removalFromPost: "Cách chức"
        case .expulsion: "Khai trừ"
        case .dissolution: "Giải tán"
        }
    }

    /// The key in JSON reports (camelCase, DESIGN §4): `removalFromPost`.
    public var key: String { self == .removalFromPost ? "removalFromPost" : rawValue }

    /// Whether an organization may be given it (khiển trách, cảnh cáo, giải tán), whatever the rule's version: which of
    /// them a given day allows is `RuleBook.disciplineSanctions`'s.
    public var appliesToOrganizations: Bool { self != .removalFromPost && self != .expulsion }

    /// Whether a member may be given it (khiển trách, cảnh cáo, cách chức, khai trừ).
    public var appliesToMembers: Bool { self != .dissolution }

    /// Lighter first. Only sanctions of one subject are compared in practice (khai trừ and giải tán never are).
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.weight < rhs.weight }

    private var weight: Int {
        switch self {
        case .reprimand: 0
        case .warning: 1
        case .removalFromPost: 2
        case .expulsion: 3
        case .dissolution: 4
        }
    }
}
