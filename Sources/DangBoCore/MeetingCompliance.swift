/// Whether the cells of a scope met as the rules ask over a period (issue 11 point 4; RULES §5): the months without a
/// regular meeting, the quarters without a thematic one, the meetings shorter than the minimum, and the members absent
/// without reason in enough months of a year to be considered for removal.
public struct MeetingCompliance: Hashable, Sendable {
    /// A stretch (a calendar month or quarter, or the part of it inside the period) in which a cell held no meeting of
    /// a kind, although it was a cell of the scope on every day of it.
    public struct Gap: Hashable, Sendable, Comparable {
        public var cell: OrganizationID
        public var from: Day
        public var to: Day

        public init(cell: OrganizationID, from: Day, to: Day) {
            self.cell = cell
            self.from = from
            self.to = to
        }

        public static func < (a: Gap, b: Gap) -> Bool { (a.from, a.cell) < (b.from, b.cell) }
    }

    /// A member absent without reason (`absent_unexcused`) from meetings of the scope in `months` distinct months of
    /// `year` (inside the period), at least `RuleBook.meetingAbsenceMonths`.
    public struct Absentee: Hashable, Sendable, Comparable {
        public var member: MemberID
        public var year: Int
        public var months: Int

        public init(member: MemberID, year: Int, months: Int) {
            self.member = member
            self.year = year
            self.months = months
        }

        public static func < (a: Absentee, b: Absentee) -> Bool { (a.year, a.member) < (b.year, b.member) }
    }

    public var withoutRegular: [Gap] = []
    public var withoutThematic: [Gap] = []
    /// Meetings held by cells of the scope in the period, shorter than the rule in force on their day.
    public var short: [Meeting] = []
    public var absentees: [Absentee] = []

    public init() {}

    /// The members absent without reason in enough months of a year (`RuleBook.meetingAbsenceMonths`, in force on
    /// the year's first day), from the months of each year each member was so absent; by year, then member.
    public static func absentees(_ absent: [MemberID: [Int: Set<Int>]]) -> [Absentee] {
        var found: [Absentee] = []
        for (member, years) in absent {
            for (year, months) in years {
                let threshold = RuleBook.meetingAbsenceMonths.version(on: Day(year: year, month: 1, day: 1)!).value
                if months.count >= threshold { found.append(.init(member: member, year: year, months: months.count)) }
            }
        }
        return found.sorted()
    }

    /// The calendar stretches of `every` months (aligned on January: 1 a month, 3 a quarter) that meet `from`–`to`,
    /// each cut to the period; `every` is read for each month from the rule in force on its first day.
    public static func stretches(from: Day, to: Day, every: (Day) -> Int) -> [(from: Day, to: Day)] {
        guard from <= to, var month = Day(year: from.year, month: from.month, day: 1) else { return [] }
        var result: [(from: Day, to: Day)] = []
        while month <= to {
            let size = max(1, every(month))
            let startMonth = (month.month - 1) / size * size + 1
            let start = Day(year: month.year, month: startMonth, day: 1)!
            let end = start.adding(months: size).previous
            if result.last?.from != max(start, from) { result.append((max(start, from), min(end, to))) }
            month = month.adding(months: 1)
        }
        return result
    }
}

extension Registry {
    /// The meeting compliance of the cells of `root`'s subtree over `from`–`to` (both included): the twin of
    /// `Store.meetingCompliance`.
    public func meetingCompliance(of root: OrganizationID, from: Day, to: Day) -> MeetingCompliance {
        var compliance = MeetingCompliance()
        guard from <= to else { return compliance }
        let held = meetings.filter { from <= $0.held && $0.held <= to && tree.isWithin($0.cell, root: root, on: $0.held) }
        var days: [MeetingKind: [OrganizationID: [Day]]] = [:]
        for meeting in held { days[meeting.kind, default: [:]][meeting.cell, default: []].append(meeting.held) }
        /// Whether `id` is a cell of the scope on every day of the stretch.
        func cellThroughout(_ id: OrganizationID, _ start: Day, _ end: Day) -> Bool {
            var day = start
            while day <= end {
                guard tree.version(of: id, on: day)?.kind.isCell == true, tree.isWithin(id, root: root, on: day) else { return false }
                day = day.adding(days: 1)
            }
            return true
        }
        for (kind, rule) in [(MeetingKind.regular, RuleBook.meetingRegularEvery), (.thematic, RuleBook.meetingThematicEvery)] {
            for stretch in MeetingCompliance.stretches(from: from, to: to, every: { rule.version(on: $0).value }) {
                for organization in tree.organizations.values where cellThroughout(organization.id, stretch.from, stretch.to) {
                    let met = days[kind]?[organization.id]?.contains { stretch.from <= $0 && $0 <= stretch.to } ?? false
                    guard !met else { continue }
                    let gap = MeetingCompliance.Gap(cell: organization.id, from: stretch.from, to: stretch.to)
                    if kind == .regular { compliance.withoutRegular.append(gap) } else { compliance.withoutThematic.append(gap) }
                }
            }
        }
        compliance.withoutRegular.sort()
        compliance.withoutThematic.sort()
        compliance.short = held.filter(\.isShort).sorted { ($0.held, $0.reference) < ($1.held, $1.reference) }
        var absent: [MemberID: [Int: Set<Int>]] = [:]
        for meeting in held {
            for line in meeting.attendance where line.status == .absentUnexcused {
                absent[line.member, default: [:]][meeting.held.year, default: []].insert(meeting.held.month)
            }
        }
        compliance.absentees = MeetingCompliance.absentees(absent)
        return compliance
    }
}
