import DangBoCore

/// Executive committees (cấp ủy) and inspection commissions (ủy ban kiểm tra) of every grassroots organization, term
/// by term: elected at the congress every five years (2000, 2005, … 2025), appointed when a new organization is set
/// up, and consolidated between congresses (bổ sung, kiện toàn) by a conference or an appointment when a holder
/// leaves or a seat is added. Holders are official members in the organization's subtree on the seat's first day, and
/// seats start while the organization exists: the rules an import checks (`CommitteeSeat.violations`), held for every
/// generated seat by `SeatAndCaseValidityTests`.
struct CommitteeBlueprint {
    let options: SyntheticRegistry.Options
    let index: StayIndex
    private(set) var seats: [CommitteeSeat] = []
    /// The terms filled: each committee's from its congress (or its appointment) to the next, with the seats it filled.
    private(set) var terms: [CommitteeTerm] = []
    /// Everyone who held a seat in the term being filled: nobody holds two seats of one committee.
    private var holders = Set<Int>()

    init(options: SyntheticRegistry.Options, index: StayIndex) {
        self.options = options
        self.index = index
    }

    private var tree: TreeBlueprint { index.tree }

    mutating func build(random: inout SeededGenerator) {
        for grassroots in tree.grassroots {
            for term in terms(of: grassroots, random: &random) {
                fill(term, of: grassroots, random: &random)
            }
        }
    }

    struct Term {
        var start: Day
        var end: Day?
        var source: SeatSource
    }

    /// The terms of an organization: the one in force when the history starts (or the committee appointed when it
    /// is set up), then one from each congress, each ending at the next congress or the dissolution.
    private func terms(of grassroots: Int, random: inout SeededGenerator) -> [Term] {
        let organization = tree.organizations[grassroots]
        let established = organization.established, dissolved = organization.dissolved
        var starts: [(Day, SeatSource)] = []
        if established <= options.from {
            starts.append((options.from, .congress))
        } else {
            starts.append((established.adding(days: random.int(in: 0...20)), .appointed))
        }
        // Congresses of grassroots organizations come in the spring before the bloc's congress.
        let firstYear = (options.from.year + 4) / 5 * 5
        for year in stride(from: firstYear, through: options.through.year, by: 5) {
            guard let day = Day(year: year, month: random.int(in: 3...6), day: random.int(in: 1...28)) else { continue }
            guard day > starts[starts.count - 1].0.adding(days: 180), day <= options.through,
                  dissolved.map({ day < $0 }) ?? true else { continue }
            starts.append((day, .congress))
        }
        return starts.enumerated().compactMap { number, entry in
            let end = number + 1 < starts.count ? starts[number + 1].0 : dissolved
            guard entry.0 <= options.through, end.map({ entry.0 < $0 }) ?? true else { return nil }
            return Term(start: entry.0, end: end, source: entry.1)
        }
    }

    private mutating func fill(_ term: Term, of grassroots: Int, random: inout SeededGenerator) {
        let isCommittee = tree.version(grassroots, on: term.start)?.kind == .grassrootsCommittee
        var pool = index.members(.grassroots(grassroots), on: term.start, officialOnly: true)
        guard !pool.isEmpty else { return }
        shuffle(&pool, random: &random)
        // Committees are elected from the settled staff: those who stay at least two more years come first.
        let settledUntil = term.start.adding(years: 2)
        let settled = pool.filter { index.tenureEnd(of: $0, in: grassroots, from: term.start).map { $0 >= settledUntil } ?? true }
        let passing = pool.filter { index.tenureEnd(of: $0, in: grassroots, from: term.start).map { $0 < settledUntil } ?? false }
        pool = settled + passing
        var positions: [Position]
        if isCommittee {
            let size = min(pool.count, max(7, min(15, 5 + pool.count / 25)))
            positions = [.secretary, .deputySecretary]
            if size >= 9 { positions += [.deputySecretary] + Array(repeating: .standingMember, count: size >= 13 ? 3 : 2) }
            while positions.count < size { positions.append(.member) }
            positions = Array(positions.prefix(size))
        } else if pool.count >= 9 {
            positions = [.secretary, .deputySecretary] + Array(repeating: .member, count: pool.count >= 20 ? 3 : 1)
        } else {
            positions = pool.count >= 4 && random.chance(0.5) ? [.secretary, .deputySecretary] : [.secretary]
        }
        holders = []
        var executive: [(member: Int, position: Position)] = []
        holders.formUnion(pool.prefix(positions.count))
        for (position, member) in zip(positions, pool) {
            executive.append((member, position))
            seat(grassroots, .executive, member, position, term.source, from: term.start, term: term, random: &random)
        }
        var commissionSize = 0
        if isCommittee {
            // The commission's chair is a standing member or deputy secretary; its other members sit on it alone.
            let chair = executive.first { $0.position == .standingMember } ?? executive.first { $0.position == .deputySecretary }
            var commission: [Int] = chair.map { [$0.member] } ?? []
            commission += pool.dropFirst(positions.count).prefix(pool.count >= 60 ? 4 : 2)
            holders.formUnion(commission)
            commissionSize = commission.count
            for (number, member) in commission.enumerated() {
                let position: Position = number == 0 ? .chair : number == 1 ? .deputyChair : .member
                seat(grassroots, .inspection, member, position, term.source, from: term.start, term: term, random: &random)
            }
        }
        let name = "\(term.start.year)–\(term.end?.year ?? term.start.year + 5)"
        terms.append(CommitteeTerm(organization: tree.id(grassroots), committee: .executive, name: name,
                                   validity: DayRange(start: term.start, end: term.end), size: positions.count))
        if commissionSize > 0 {
            terms.append(CommitteeTerm(organization: tree.id(grassroots), committee: .inspection, name: name,
                                       validity: DayRange(start: term.start, end: term.end), size: commissionSize))
        }
        consolidate(term, of: grassroots, random: &random)
    }

    /// Seats added between congresses: a conference elects an extra member, or the superior appoints one.
    private mutating func consolidate(_ term: Term, of grassroots: Int, random: inout SeededGenerator) {
        let lastYear = min(term.end?.previous.year ?? options.through.year, options.through.year)
        guard term.start.year < lastYear else { return }
        for year in (term.start.year + 1)...lastYear where random.chance(0.15) {
            guard let planned = Day(year: year, month: random.int(in: 1...12), day: random.int(in: 1...28)),
                  planned > term.start, planned <= options.through, term.end.map({ planned < $0 }) ?? true,
                  tree.version(grassroots, on: planned) != nil,
                  let member = index.draw(1, .grassroots(grassroots), on: planned, officialOnly: true, excluding: holders,
                                          using: &random).first
            else { continue }
            holders.insert(member)
            seat(grassroots, .executive, member, .member, random.chance(0.6) ? .conference : .appointed, from: planned,
                 term: term, random: &random)
        }
    }

    /// Adds a seat held until the term ends or the holder leaves the organization; a holder who leaves is often
    /// replaced a few weeks later.
    private mutating func seat(_ grassroots: Int, _ committee: CommitteeKind, _ member: Int, _ position: Position,
                               _ source: SeatSource, from start: Day, term: Term, replacing: Bool = false,
                               random: inout SeededGenerator) {
        let leaves = index.tenureEnd(of: member, in: grassroots, from: start)
        var end = term.end
        // NB: one seat in four is left as the term recorded it when its holder leaves, as a committee that forgot to
        // end it: the seat ends all the same (`CommitteeSeat.end`), and the twin tests see both ways. Chosen from the
        // seat itself, not drawn, so that the rest of the generated registry stays as it was.
        let endsAsRecorded = (member + start.ordinal) % 4 == 0
        if let leaves, end.map({ leaves < $0 }) ?? true, !endsAsRecorded { end = leaves }
        if let known = end, known > options.through { end = nil }
        let signed = source == .congress ? min(start.adding(days: random.int(in: 3...20)), options.through) : start
        seats.append(CommitteeSeat(
            organization: tree.id(grassroots), committee: committee, member: MemberID(member + 1), position: position,
            source: source, validity: DayRange(start: start, end: end),
            decision: DecisionLedger.placeholder(.decision, date: signed, issuer: MembershipSimulation.blocStanding)))

        guard !replacing, let leaves, leaves <= options.through, term.end.map({ leaves < $0 }) ?? true,
              random.chance(0.6) else { return }
        let day = leaves.adding(days: random.int(in: 20...150))
        guard day <= options.through, term.end.map({ day < $0 }) ?? true, tree.version(grassroots, on: day) != nil,
              let successor = index.draw(1, .grassroots(grassroots), on: day, officialOnly: true, excluding: holders,
                                         using: &random).first
        else { return }
        holders.insert(successor)
        let keyPosition = position != .member
        let source: SeatSource = keyPosition && random.chance(0.5) ? .appointed : .conference
        seat(grassroots, committee, successor, position, source, from: day, term: term, replacing: true, random: &random)
    }

    private func shuffle(_ elements: inout [Int], random: inout SeededGenerator) {
        guard elements.count > 1 else { return }
        for i in stride(from: elements.count - 1, to: 0, by: -1) { elements.swapAt(i, random.below(i + 1)) }
    }
}
