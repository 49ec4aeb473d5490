/// Everything the registry knows, in memory: the tree, the members with their checked journals, committee seats and
/// oversight cases. Core's reports run on it; the store holds it on disk and computes the same reports in SQL.
public struct Registry: Sendable {
    public var tree: OrganizationTree
    public private(set) var members: [MemberID: Member] = [:]
    public private(set) var journals: [MemberID: Journal] = [:]
    public var seats: [CommitteeSeat] = []
    public var cases: [OversightCase] = []
    /// Cell meetings with their attendance (issue 11 point 4).
    public var meetings: [Meeting] = []
    /// Disciplinary decisions with their appeals (issue 11 point 3).
    public var disciplines: [DisciplineDecision] = []
    /// Committee terms (issue 11 point 1).
    public var terms: [CommitteeTerm] = []
    /// The progress of cases and their follow-up tasks (issue 11 point 2), joined to `cases` by reference.
    public var progress: [OversightProgress] = []
    public var tasks: [FollowUpTask] = []
    /// The annual inspection and supervision programmes (issue 11 point 2).
    public var programmes: [OversightProgramme] = []

    public init(tree: OrganizationTree = OrganizationTree()) { self.tree = tree }

    /// Adds or replaces a member with a journal checked against the rules.
    public mutating func record(_ journal: Journal) {
        members[journal.member.id] = journal.member
        journals[journal.member.id] = journal
    }

    /// Checks `events` for `member` and records them, or throws the first violation.
    @discardableResult
    public mutating func record(_ member: Member, events: [MembershipEvent]) throws(JournalViolation) -> Journal {
        let journal = try Journal(member: member, events: events, tree: tree)
        record(journal)
        return journal
    }

    /// Every membership period of every member.
    public var periods: [MembershipPeriod] { journals.values.flatMap(\.periods) }
}

/// Age bands of the member statistics.
public enum AgeBand {
    /// Inclusive upper bounds in years and labels; the last band is open.
    public static let bands: [(upTo: Int?, label: String)] = [
        (30, "18-30"), (35, "31-35"), (40, "36-40"), (45, "41-45"), (50, "46-50"), (55, "51-55"), (60, "56-60"),
        (65, "61-65"), (70, "66-70"), (80, "71-80"), (nil, "81+"),
    ]

    /// The age in whole years on `day`, counted on the YYYYMMDD digits (a 29/2 birthday turns on 1/3), the same
    /// arithmetic the store does in SQL.
    public static func age(birth: Day, on day: Day) -> Int { (day.yyyymmdd - birth.yyyymmdd) / 10_000 }

    public static func label(age: Int) -> String {
        bands.first { $0.upTo.map { age <= $0 } ?? true }!.label
    }
}
