import DangBoCore

/// Inspection and supervision cases (kiểm tra, giám sát) year by year: each grassroots organization's committee and
/// inspection commission supervise regularly and inspect now and then (thematic, party finance, on signs of
/// violation, enforcement of discipline); cells supervise their own members; the bloc's standing committee and
/// inspection commission look at grassroots organizations. Subjects are organizations in the conductor's subtree and
/// members on its rolls on the day the case starts, so each case passes the rules an import checks
/// (`OversightCase.violations`), as `SeatAndCaseValidityTests` holds.
struct OversightBlueprint {
    let options: SyntheticRegistry.Options
    let index: StayIndex
    private(set) var cases: [OversightCase] = []
    /// Cases numbered so far by conductor organization in the current year.
    private var numbers: [Int: Int] = [:]

    init(options: SyntheticRegistry.Options, index: StayIndex) {
        self.options = options
        self.index = index
    }

    private var tree: TreeBlueprint { index.tree }

    private struct Plan {
        var activity: OversightActivity
        var mode: OversightMode
        var conductor: ConductorKind
        var probability: Double
        var count: Int = 1
    }

    /// What a grassroots committee (đảng ủy cơ sở) and its inspection commission do in a year.
    private static let committeePlans = [
        Plan(activity: .supervision, mode: .regular, conductor: .committee, probability: 1, count: 2),
        Plan(activity: .supervision, mode: .regular, conductor: .inspectionCommission, probability: 1, count: 2),
        Plan(activity: .supervision, mode: .thematic, conductor: .committee, probability: 0.5),
        Plan(activity: .inspection, mode: .thematic, conductor: .committee, probability: 0.6),
        Plan(activity: .inspection, mode: .finance, conductor: .inspectionCommission, probability: 0.7),
        Plan(activity: .inspection, mode: .violationSigns, conductor: .inspectionCommission, probability: 0.06),
        Plan(activity: .inspection, mode: .enforcement, conductor: .inspectionCommission, probability: 0.04),
        Plan(activity: .inspection, mode: .regular, conductor: .inspectionCommission, probability: 0.3),
    ]

    /// What a grassroots cell (chi bộ cơ sở) does: its committee or secretary, and the cell meeting itself.
    private static let cellPlans = [
        Plan(activity: .supervision, mode: .regular, conductor: .committee, probability: 1),
        Plan(activity: .supervision, mode: .regular, conductor: .cell, probability: 0.5),
        Plan(activity: .inspection, mode: .thematic, conductor: .committee, probability: 0.3),
        Plan(activity: .inspection, mode: .finance, conductor: .committee, probability: 0.2),
        Plan(activity: .inspection, mode: .violationSigns, conductor: .committee, probability: 0.03),
    ]

    mutating func build(random: inout SeededGenerator) {
        let grassrootsCount = tree.grassroots.count
        for year in options.from.year...options.through.year {
            numbers = [:]
            guard let january = Day(year: year, month: 1, day: 1), let december = Day(year: year, month: 12, day: 31)
            else { continue }
            let yearStart = max(january, options.from), yearEnd = min(december, options.through)
            guard yearStart <= yearEnd else { continue }
            rootCases(yearStart...yearEnd, grassrootsCount: grassrootsCount, random: &random)
            for grassroots in tree.grassroots {
                let organization = tree.organizations[grassroots]
                let opens = max(yearStart, organization.established.adding(days: 30))
                let closes = min(yearEnd, organization.dissolved?.adding(days: -1) ?? yearEnd)
                guard opens <= closes, let version = tree.version(grassroots, on: opens) else { continue }
                let plans = version.kind == .grassrootsCommittee ? Self.committeePlans : Self.cellPlans
                for plan in plans {
                    for _ in 0..<plan.count where random.chance(plan.probability) {
                        addCase(plan, by: grassroots, in: opens...closes, random: &random)
                    }
                }
                if version.kind == .grassrootsCommittee { cellCases(below: grassroots, in: opens...closes, random: &random) }
            }
        }
        cases.sort { ($0.started, $0.reference) < ($1.started, $1.reference) }
    }

    /// The bloc's own cases: its inspection commission supervises a sixth of the grassroots organizations a year, its
    /// standing committee runs thematic supervision, and inspections on finance or on signs of violation.
    private mutating func rootCases(_ days: ClosedRange<Day>, grassrootsCount: Int, random: inout SeededGenerator) {
        let plans = [
            Plan(activity: .supervision, mode: .regular, conductor: .inspectionCommission, probability: 1,
                 count: max(1, grassrootsCount / 6)),
            Plan(activity: .supervision, mode: .thematic, conductor: .committee, probability: 1,
                 count: max(1, grassrootsCount / 12)),
            Plan(activity: .inspection, mode: .finance, conductor: .inspectionCommission, probability: 1,
                 count: max(1, grassrootsCount / 10)),
            Plan(activity: .inspection, mode: .violationSigns, conductor: .inspectionCommission, probability: 0.4),
            Plan(activity: .inspection, mode: .enforcement, conductor: .inspectionCommission, probability: 0.3),
        ]
        for plan in plans {
            for _ in 0..<plan.count where random.chance(plan.probability) {
                let started = day(in: days, random: &random)
                let open = tree.grassroots.filter { tree.version($0, on: started) != nil }
                guard !open.isEmpty else { continue }
                let target = random.pick(open)
                var subjects: [OversightSubject] = []
                if plan.mode != .violationSigns { subjects.append(.organization(tree.id(target))) }
                let members = plan.mode == .violationSigns || plan.mode == .enforcement ? 1 : random.int(in: 0...2)
                subjects += index.draw(members, .grassroots(target), on: started, officialOnly: false, using: &random)
                    .map { .member(MemberID($0 + 1)) }
                guard !subjects.isEmpty else { continue }
                append(plan, by: tree.root, started: started, subjects: subjects, random: &random)
            }
        }
    }

    /// Each subordinate cell supervises a few of its own members most years.
    private mutating func cellCases(below grassroots: Int, in days: ClosedRange<Day>, random: inout SeededGenerator) {
        for cell in index.descendants[grassroots] ?? [] where tree.weights[cell] > 0 && random.chance(0.6) {
            let started = day(in: days, random: &random)
            guard tree.grassrootsAncestor(of: cell, on: started) == grassroots else { continue }
            let members = index.draw(random.int(in: 1...3), .cell(cell), on: started, officialOnly: false, using: &random)
            guard !members.isEmpty else { continue }
            let plan = Plan(activity: .supervision, mode: .regular, conductor: .cell, probability: 1)
            append(plan, by: cell, started: started, subjects: members.map { .member(MemberID($0 + 1)) }, random: &random)
        }
    }

    private mutating func addCase(_ plan: Plan, by grassroots: Int, in days: ClosedRange<Day>,
                                  random: inout SeededGenerator) {
        let started = day(in: days, random: &random)
        var subjects: [OversightSubject] = []
        let below = (index.descendants[grassroots] ?? []).filter {
            tree.grassrootsAncestor(of: $0, on: started) == grassroots
        }
        if !below.isEmpty, plan.mode != .violationSigns, plan.mode != .enforcement {
            let organizations = plan.mode == .finance || plan.mode == .thematic ? 1
                : plan.conductor == .inspectionCommission ? random.int(in: 1...3) : random.int(in: 0...1)
            for _ in 0..<organizations {
                let subject = OversightSubject.organization(tree.id(random.pick(below)))
                if !subjects.contains(subject) { subjects.append(subject) }
            }
        }
        let members: Int = switch plan.mode {
        case .violationSigns, .enforcement: 1
        case .finance: subjects.isEmpty ? 1 : 0
        case .regular: plan.conductor == .cell ? random.int(in: 1...3) : random.int(in: 3...10)
        case .thematic: random.int(in: 0...4)
        }
        subjects += index.draw(members, .grassroots(grassroots), on: started, officialOnly: false, using: &random)
            .map { .member(MemberID($0 + 1)) }
        guard !subjects.isEmpty else { return }
        append(plan, by: grassroots, started: started, subjects: subjects, random: &random)
    }

    private mutating func append(_ plan: Plan, by conductor: Int, started: Day, subjects: [OversightSubject],
                                 random: inout SeededGenerator) {
        numbers[conductor, default: 0] += 1
        let number = numbers[conductor]!
        let ended = started.adding(days: random.int(in: 14...75))
        let finished = ended <= options.through
        cases.append(OversightCase(
            reference: "\(tree.organizations[conductor].code)-\(started.year)-\(number < 10 ? "0" : "")\(number)",
            activity: plan.activity, mode: plan.mode, conductor: plan.conductor,
            conductorOrganization: tree.id(conductor), started: started, ended: finished ? ended : nil,
            outcome: finished ? outcome(of: plan.mode, random: &random) : nil, subjects: subjects))
    }

    private func outcome(of mode: OversightMode, random: inout SeededGenerator) -> OversightOutcome {
        let roll = random.unit()
        switch mode {
        case .violationSigns:
            return roll < 0.6 ? .violation : roll < 0.9 ? .shortcomings : .noViolation
        case .enforcement:
            return roll < 0.8 ? .noViolation : .shortcomings
        default:
            return roll < 0.5 ? .noViolation : roll < 0.75 ? .shortcomings : roll < 0.97 ? .positiveFactor : .violation
        }
    }

    private func day(in days: ClosedRange<Day>, random: inout SeededGenerator) -> Day {
        Day(ordinal: random.int(in: days.lowerBound.ordinal...days.upperBound.ordinal))
    }
}
