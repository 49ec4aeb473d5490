import DangBoCore

/// Cell meetings (issue 11 point 4) over the last years of the history: most months a regular meeting, most quarters
/// a thematic one, at days that test the edges (a stretch's first and last day, a cell's first and last day, two
/// meetings on one day), some too short, some exactly at the minimum, and the attendance of every member on the cell's
/// rolls that day, with members absent without reason in two or three months of a year.
struct MeetingBlueprint {
    let options: SyntheticRegistry.Options
    let index: StayIndex
    private(set) var meetings: [Meeting] = []

    init(options: SyntheticRegistry.Options, index: StayIndex) {
        self.options = options
        self.index = index
    }

    private var tree: TreeBlueprint { index.tree }

    mutating func build(random: inout SeededGenerator) {
        guard options.meetingYears > 0 else { return }
        let start = max(options.from, Day(year: options.through.year - options.meetingYears, month: 1, day: 1)!)
        for (position, organization) in tree.organizations.enumerated() {
            for version in organization.versions where version.kind.isCell {
                let first = max(version.validity.start, start)
                let last = min(version.validity.lastDay ?? options.through, options.through)
                guard first <= last else { continue }
                // Who skips: one member of the cell a year, absent without reason in two or three months of it.
                var skipper: [Int: (member: Int, months: Set<Int>)] = [:]
                var month = Day(year: first.year, month: first.month, day: 1)!
                while month <= last {
                    let low = max(month, first), high = min(month.adding(months: 1).previous, last)
                    if skipper[month.year] == nil {
                        let pool = index.members(.cell(position), on: low, officialOnly: true)
                        if !pool.isEmpty, random.chance(0.4) {
                            var months = Set<Int>()
                            let count = random.chance(0.5) ? 3 : 2
                            while months.count < count { months.insert(random.int(in: 1...12)) }
                            skipper[month.year] = (random.pick(pool), months)
                        } else {
                            skipper[month.year] = (-1, [])
                        }
                    }
                    // A regular meeting most months (a month missed now and then), on an edge day one time in three.
                    if random.chance(0.92) {
                        let day = Self.day(low, high, &random)
                        add(.regular, organization, position, day, &random, skipper[month.year])
                        if random.chance(0.03) { add(.thematic, organization, position, day, &random, skipper[month.year]) }
                    }
                    // A thematic meeting in about two quarters of three, in a month of the quarter.
                    if random.chance(0.25) { add(.thematic, organization, position, Self.day(low, high, &random), &random, nil) }
                    month = month.adding(months: 1)
                }
            }
        }
        meetings.sort { ($0.held, $0.reference) < ($1.held, $1.reference) }
    }

    /// A day from `low` to `high`: the first, the last, or one between.
    private static func day(_ low: Day, _ high: Day, _ random: inout SeededGenerator) -> Day {
        switch random.below(6) {
        case 0: low
        case 1: high
        default: low.adding(days: random.below(high.ordinal - low.ordinal + 1))
        }
    }

    private mutating func add(_ kind: MeetingKind, _ organization: Organization, _ position: Int, _ day: Day,
                              _ random: inout SeededGenerator, _ skipper: (member: Int, months: Set<Int>)?) {
        let minutes = switch random.below(20) {
        case 0: 89
        case 1: 90
        case 2: random.int(in: 45...88)
        default: random.int(in: 91...180)
        }
        let attendance = index.members(.cell(position), on: day, officialOnly: false).map { member -> Attendance in
            let id = MemberID(member + 1)
            if let skipper, skipper.member == member, skipper.months.contains(day.month) {
                return Attendance(member: id, status: .absentUnexcused)
            }
            return switch random.below(40) {
            case 0: Attendance(member: id, status: .absentExcused)
            case 1: Attendance(member: id, status: .absentUnexcused)
            default: Attendance(member: id, status: .present)
            }
        }
        meetings.append(Meeting(reference: "SH-\(organization.code)-\(day.iso)-\(kind == .regular ? "TK" : "CD")-\(meetings.count + 1)",
                                cell: organization.id, kind: kind, held: day, durationMinutes: minutes,
                                attendance: Dictionary(attendance.map { ($0.member, $0) }, uniquingKeysWith: { first, _ in first })
                                    .values.sorted { $0.member < $1.member }))
    }
}
