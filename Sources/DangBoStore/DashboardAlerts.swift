import DangBoCore

/// What the dashboard asks staff to do (issue 9 point 3, UX.md "Alerts say what to do and by when"): probationers
/// due for recognition, badges due at the next ceremony day, temporary stays open; each for the caller's scope.
public struct DashboardAlerts: Hashable, Sendable {
    /// A probationer whose 12 months end by the window's last day (Charter Art. 5, RULES §3.2).
    public struct Probation: Hashable, Sendable {
        public var member: Member
        /// The member's cell on the alerts' day.
        public var cell: OrganizationSummary
        /// The day recognition falls due (`Journal.probationEnd(asOf:)`); before `asOf`: overdue.
        public var due: Day

        public init(member: Member, cell: OrganizationSummary, due: Day) {
            self.member = member
            self.cell = cell
            self.due = due
        }
    }

    /// A member whose next badge falls due by the next ceremony day (RULES §3.8).
    public struct Badge: Hashable, Sendable {
        public var member: Member
        public var cell: OrganizationSummary
        /// The milestone in years of party age (30, 40, …).
        public var years: Int
        /// The day the member reaches it.
        public var due: Day

        public init(member: Member, cell: OrganizationSummary, years: Int, due: Day) {
            self.member = member
            self.cell = cell
            self.years = years
            self.due = due
        }
    }

    /// Which side of a temporary stay the scope sees (RULES §3.5, QĐ 232 §6.3.2).
    public enum StayKind: String, Hashable, Sendable {
        /// A member of a cell in scope attending elsewhere for a while (`temporary_out`).
        case away
        /// A member attending a cell in scope for a while (`temporary_in`).
        case attending
    }

    /// A temporary stay open on the alerts' day.
    public struct TemporaryStay: Hashable, Sendable {
        public var member: Member
        /// Away: the member's own cell that day; attending: the cell attended.
        public var cell: OrganizationSummary
        public var kind: StayKind
        /// The day the stay started.
        public var since: Day

        public init(member: Member, cell: OrganizationSummary, kind: StayKind, since: Day) {
            self.member = member
            self.cell = cell
            self.kind = kind
            self.since = since
        }
    }

    /// The day the alerts are for.
    public var asOf: Day
    /// The last day of the probation window (`asOf` plus the window's days).
    public var until: Day
    /// The next ceremony day on or after `asOf` (3/2, 19/5, 2/9, 7/11).
    public var ceremony: Day
    /// Overdue first: by due day, then member id.
    public var probations: [Probation]
    /// By due day, then member id; empty when `badgesCapped`.
    public var badges: [Badge]
    /// By start day, then member id, then kind.
    public var temporaryStays: [TemporaryStay]
    /// True when the scope had more badge candidates than `Store.badgeCandidateCap`: the badges were not computed.
    public var badgesCapped: Bool

    public init(asOf: Day, until: Day, ceremony: Day, probations: [Probation], badges: [Badge],
                temporaryStays: [TemporaryStay], badgesCapped: Bool = false) {
        self.asOf = asOf
        self.until = until
        self.ceremony = ceremony
        self.probations = probations
        self.badges = badges
        self.temporaryStays = temporaryStays
        self.badgesCapped = badgesCapped
    }

    /// The badge ceremony days of a year (RULES §3.8): 3/2, 19/5, 2/9, 7/11.
    public static func ceremonyDays(of year: Int) -> [Day] {
        [(2, 3), (5, 19), (9, 2), (11, 7)].compactMap { Day(year: year, month: $0.0, day: $0.1) }
    }

    /// The first ceremony day on or after `day`.
    public static func nextCeremony(onOrAfter day: Day) -> Day {
        (ceremonyDays(of: day.year) + ceremonyDays(of: day.year + 1)).first { $0 >= day }!
    }

    /// The last ceremony day before `day`: badges reached after it and by the next one are presented at the next.
    public static func previousCeremony(before day: Day) -> Day {
        (ceremonyDays(of: day.year - 1) + ceremonyDays(of: day.year)).last { $0 < day }!
    }
}
