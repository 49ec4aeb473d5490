import DangBoCore

/// What happens to the members of a cell on a day the tree changes under them.
struct CellTransition: Sendable {
    /// Where the members go.
    enum Target: Sendable {
        /// Into one cell (a merger, a split): its index.
        case cell(Int)
        /// Into some cell of a grassroots organization (the agency that takes over the staff): its index.
        case within(Int)
        /// Into any cell of the bloc.
        case anywhere
    }

    var day: Day
    var target: Target
    /// 1 when the cell is dissolved (everyone leaves); below 1 when a new cell draws some members away.
    var probability: Double
    /// Whether members move on `day` itself (merger, split) or on some day of the month before (dissolution).
    var exact: Bool
}

/// The dated organization tree of the bloc, with what the member simulation needs to keep every member in a cell
/// that exists: the weight of each cell (its relative size) and the transitions that empty or split it.
///
/// Organizations are indexed from 0 (`id = index + 1`): the root, then the grassroots organizations, then partial
/// committees (and grassroots cells that later become subordinate cells), then subordinate cells, so that a parent
/// always comes before its children, whatever the version.
struct TreeBlueprint: Sendable {
    private(set) var organizations: [Organization] = []
    /// Relative size of each cell (0 for organizations that are not cells).
    private(set) var weights: [Double] = []
    /// For each organization, the transitions of its members, by day.
    private(set) var transitions: [[CellTransition]] = []
    /// Indexes of every grassroots organization that ever existed.
    private(set) var grassroots: [Int] = []
    let root = 0

    init(options: SyntheticRegistry.Options, random: inout SeededGenerator) {
        var drafts = DraftTree(options: options)
        drafts.build(random: &random)
        drafts.finish(into: &self)
    }

    fileprivate init(organizations: [Organization], weights: [Double], transitions: [[CellTransition]], grassroots: [Int]) {
        self.organizations = organizations
        self.weights = weights
        self.transitions = transitions
        self.grassroots = grassroots
    }

    func id(_ index: Int) -> OrganizationID { OrganizationID(index + 1) }
    func index(_ id: OrganizationID) -> Int { id.rawValue - 1 }

    func version(_ index: Int, on day: Day) -> OrganizationVersion? { organizations[index].version(on: day) }

    /// The grassroots organization above (or equal to) `index` on `day`, nil when it does not exist that day.
    func grassrootsAncestor(of index: Int, on day: Day) -> Int? {
        var current = index
        for _ in 0..<8 {
            guard let version = version(current, on: day) else { return nil }
            if version.kind.isGrassroots { return current }
            guard let parent = version.parent else { return nil }
            current = self.index(parent)
        }
        return nil
    }

    /// The cells that ever stood below grassroots organization `index` (itself when it is a cell).
    func cellsEverBelow(_ index: Int) -> [Int] {
        organizations.indices.filter { candidate in
            guard organizations[candidate].versions[0].kind.isCell else { return false }
            return organizations[candidate].versions.contains { version in
                grassrootsAncestor(of: candidate, on: version.validity.start) == index
                    || version.validity.end.map { grassrootsAncestor(of: candidate, on: $0.previous) == index } == true
            }
        }
    }
}

/// The tree while it is drawn: organizations refer to each other by draft index until the final order is known.
private struct DraftTree {
    struct Version {
        var start: Day
        var end: Day?
        var name: String
        var kind: OrganizationKind
        var parent: Int?
    }

    struct Draft {
        var code: String
        var versions: [Version]
        var weight: Double = 0
        var transitions: [CellTransition] = []
        /// 0 root, 1 grassroots, 2 partial committee (or a grassroots cell that becomes a subordinate cell),
        /// 3 subordinate cell: the order of the final ids.
        var rank: Int
        /// Children numbered so far (for their codes).
        var children = 0
        /// Plays a part in the history already (renamed, merged, moved, dissolved): left alone by the others.
        var busy = false

        var kind: OrganizationKind { versions[0].kind }
        var name: String { versions[0].name }
    }

    let options: SyntheticRegistry.Options
    var drafts: [Draft] = []
    var grassrootsNumber = 0

    init(options: SyntheticRegistry.Options) { self.options = options }

    var span: Int { options.through.ordinal - options.from.ordinal }

    /// The given month if it falls well inside the history, else the day at `fraction` of it; `day` 0 draws a day.
    func day(year: Int, month: Int, day: Int = 0, fraction: Double, random: inout SeededGenerator) -> Day? {
        guard span > 60 else { return nil }
        let inside = (options.from.ordinal + 30)...(options.through.ordinal - 1)
        if let planned = Day(year: year, month: month, day: day == 0 ? random.int(in: 1...28) : day),
           inside.contains(planned.ordinal) {
            return planned
        }
        let ordinal = options.from.ordinal + Int(Double(span) * fraction) + random.int(in: -20...20)
        return Day(ordinal: min(max(ordinal, inside.lowerBound), inside.upperBound))
    }

    /// A day drawn between two fractions of the history.
    func day(between low: Double, and high: Double, random: inout SeededGenerator) -> Day? {
        guard span > 60 else { return nil }
        let a = options.from.ordinal + max(30, Int(Double(span) * low))
        let b = max(a, options.from.ordinal + min(span - 1, Int(Double(span) * high)))
        return Day(ordinal: random.int(in: a...b))
    }

    static func pad(_ number: Int) -> String { number < 10 ? "0\(number)" : "\(number)" }

    @discardableResult
    mutating func add(name: String, kind: OrganizationKind, parent: Int?, from start: Day, rank: Int) -> Int {
        let code: String
        if let parent {
            drafts[parent].children += 1
            code = "\(drafts[parent].code).\(Self.pad(drafts[parent].children))"
        } else if kind == .upperCommittee {
            code = options.rootCode
        } else {
            grassrootsNumber += 1
            code = "\(options.rootCode).\(Self.pad(grassrootsNumber))"
        }
        drafts.append(Draft(code: code, versions: [Version(start: start, end: nil, name: name, kind: kind, parent: parent)],
                            rank: rank))
        return drafts.count - 1
    }

    /// Closes the last version of `index` on `day` and opens one with `change` applied.
    mutating func split(_ index: Int, on day: Day, _ change: (inout Version) -> Void) {
        var next = drafts[index].versions[drafts[index].versions.count - 1]
        drafts[index].versions[drafts[index].versions.count - 1].end = day
        next.start = day
        change(&next)
        drafts[index].versions.append(next)
    }

    mutating func dissolve(_ index: Int, on day: Day, target: CellTransition.Target, exact: Bool) {
        drafts[index].versions[drafts[index].versions.count - 1].end = day
        drafts[index].transitions.append(CellTransition(day: day, target: target, probability: 1, exact: exact))
        drafts[index].busy = true
    }

    // MARK: - Drawing

    mutating func build(random: inout SeededGenerator) {
        let from = options.from
        _ = add(name: options.rootName, kind: .upperCommittee, parent: nil, from: from, rank: 0)
        let count = max(1, options.grassroots)
        let committeeCount = count >= 3 ? Int((Double(count) * options.committeeShare).rounded()) : 0
        var largeNames = Array(AgencyPool.large.prefix(committeeCount))
        while largeNames.count < committeeCount { largeNames.append("Cơ quan số \(largeNames.count + 1)") }
        var smallNames = Array(AgencyPool.small.prefix(count - committeeCount))
        while smallNames.count < count - committeeCount { smallNames.append("Đơn vị sự nghiệp số \(smallNames.count + 1)") }
        shuffle(&largeNames, random: &random)
        shuffle(&smallNames, random: &random)

        var committees: [Int] = []
        var partials = 0
        for number in 1...count {
            let isCommittee = (number * committeeCount) / count != ((number - 1) * committeeCount) / count
            if isCommittee {
                let index = add(name: "Đảng bộ \(largeNames.removeFirst())", kind: .grassrootsCommittee, parent: 0,
                                from: from, rank: 1)
                committees.append(index)
                // NB: the last committee always gets a partial committee when none has one yet, so that a cell can be
                // put under one (a change of depth) in every registry that has committees.
                if addCells(to: index, forcePartial: partials == 0 && committees.count == committeeCount,
                            random: &random) {
                    partials += 1
                }
            } else {
                let index = add(name: "Chi bộ \(smallNames.removeFirst())", kind: .grassrootsCell, parent: 0, from: from,
                                rank: 1)
                drafts[index].weight = 8 + 18 * random.unit()
            }
        }
        addHistory(committees: committees, random: &random)
    }

    /// The subordinate cells of a new grassroots committee, and for some a partial committee with its own cells.
    /// Returns whether it has a partial committee.
    @discardableResult
    mutating func addCells(to committee: Int, forcePartial: Bool, random: inout SeededGenerator) -> Bool {
        let total = 70 + 250 * random.unit()
        var units = AgencyPool.units
        shuffle(&units, random: &random)
        let direct = random.int(in: options.subordinateCells)
        let partial = random.chance(0.3) || forcePartial
        var shares: [Double] = (0..<(direct + (partial ? 3 : 0))).map { _ in 0.5 + random.unit() }
        let sum = shares.reduce(0, +)
        shares = shares.map { $0 / sum * total }
        for number in 0..<direct {
            let cell = add(name: "Chi bộ \(units[number % units.count])", kind: .subordinateCell, parent: committee,
                           from: options.from, rank: 3)
            drafts[cell].weight = shares[number]
        }
        guard partial else { return false }
        let partialName = "Đảng bộ bộ phận \(random.pick(AgencyPool.partialUnits))"
        let partialIndex = add(name: partialName, kind: .partialCommittee, parent: committee, from: options.from, rank: 2)
        var cells = AgencyPool.partialCells
        shuffle(&cells, random: &random)
        for number in 0..<3 {
            let cell = add(name: "Chi bộ \(cells[number])", kind: .subordinateCell, parent: partialIndex,
                           from: options.from, rank: 3)
            drafts[cell].weight = shares[direct + number]
        }
        return true
    }

    /// Changes of depth and kind, as the restructuring of 2025 brings every week: a subordinate cell put under a
    /// partial committee of its grassroots committee, a grassroots cell under the root becoming a subordinate cell of
    /// a grassroots committee, and a subordinate cell becoming a grassroots cell under the root. The cell keeps its id
    /// and its members: nobody moves, no event is written. Drawn before the rest of the history, so that every
    /// registry with committees holds each of them.
    mutating func addReorganizations(committees: [Int], random: inout SeededGenerator) {
        func freeCells(under committee: Int) -> [Int] {
            drafts.indices.filter {
                drafts[$0].kind == .subordinateCell && drafts[$0].versions[0].parent == committee && !drafts[$0].busy
                    && drafts[$0].transitions.isEmpty
            }
        }
        // Depth (đưa chi bộ trực thuộc vào đảng bộ bộ phận): one committee with a partial committee always, others
        // now and then.
        var deepened = 0
        for committee in committees {
            guard let partial = drafts.indices.first(where: {
                drafts[$0].kind == .partialCommittee && drafts[$0].versions[0].parent == committee
            }) else { continue }
            let cells = freeCells(under: committee)
            guard cells.count >= 2, deepened == 0 || random.chance(0.5),
                  let day = day(between: 0.3, and: 0.95, random: &random)
            else { continue }
            let cell = cells[random.below(cells.count)]
            split(cell, on: day) { $0.parent = partial }
            drafts[cell].busy = true
            deepened += 1
        }

        // A subordinate cell becomes a grassroots cell under the root (the unit leaves the agency and stands alone):
        // taken from the committee with the most cells, so that it keeps some.
        var bestCommittee: (index: Int, cells: [Int])?
        for committee in committees {
            let cells = freeCells(under: committee)
            if cells.count >= 2, cells.count > bestCommittee?.cells.count ?? 0 { bestCommittee = (committee, cells) }
        }
        if let (committee, cells) = bestCommittee, let day = day(between: 0.4, and: 0.9, random: &random) {
            let cell = cells[random.below(cells.count)]
            let agency = drafts[committee].name.dropFirst("Đảng bộ ".count)
            split(cell, on: day) { version in
                version.kind = .grassrootsCell
                version.parent = 0
                version.name = "\(version.name) \(agency)"
            }
            drafts[cell].busy = true
        }

        // A grassroots cell becomes a subordinate cell of a grassroots committee of the bloc (the agency is folded
        // into a larger one). NB: it takes rank 2, with the partial committees, so that its id comes after the
        // committee's whichever was drawn first.
        var reserved = Set(AgencyPool.renames.map(\.old) + [AgencyPool.merger.first, AgencyPool.merger.second])
        reserved.formUnion(AgencyPool.abolished.prefix(options.grassroots / 20).map(\.name))
        let folds = 1 + options.grassroots / 40
        for _ in 0..<folds {
            let cells = drafts.indices.filter { index in
                drafts[index].kind == .grassrootsCell && !drafts[index].busy && drafts[index].transitions.isEmpty
                    && !reserved.contains { drafts[index].name.hasSuffix(" \($0)") }
            }
            guard !cells.isEmpty, !committees.isEmpty, let day = day(between: 0.5, and: 0.95, random: &random)
            else { break }
            let cell = cells[random.below(cells.count)]
            let committee = committees[random.below(committees.count)]
            split(cell, on: day) { version in
                version.kind = .subordinateCell
                version.parent = committee
            }
            drafts[cell].busy = true
            drafts[cell].rank = 2
        }
    }

    /// Renames, a merger, dissolutions, late establishments and re-parentings, each where the tree allows it.
    mutating func addHistory(committees: [Int], random: inout SeededGenerator) {
        addReorganizations(committees: committees, random: &random)
        let grassrootsCells = drafts.indices.filter { drafts[$0].kind == .grassrootsCell }
        func grassroots(named agency: String) -> Int? {
            drafts.indices.first { drafts[$0].rank == 1 && drafts[$0].name.hasSuffix(" \(agency)") && !drafts[$0].busy }
        }

        // Renames (đổi tên): a new version with a new name, same kind and parent.
        var renamed = 0
        for (number, rename) in AgencyPool.renames.enumerated() {
            guard let index = grassroots(named: rename.old),
                  let day = day(year: rename.year, month: rename.month, day: 1, fraction: 0.4 + 0.5 * Double(number),
                                random: &random)
            else { continue }
            let prefix = drafts[index].kind == .grassrootsCommittee ? "Đảng bộ" : "Chi bộ"
            split(index, on: day) { $0.name = "\(prefix) \(rename.new)" }
            drafts[index].busy = true
            renamed += 1
        }
        if renamed == 0, let index = drafts.indices.last(where: { drafts[$0].rank == 1 }),
           let day = day(between: 0.5, and: 0.7, random: &random) {
            let name = drafts[index].name
            split(index, on: day) { $0.name = "\(name) tỉnh" }
            drafts[index].busy = true
        }

        // The merger (hợp nhất): two grassroots cells dissolved on D, a new one established on D, members moved on D.
        let plan = AgencyPool.merger
        var first = grassroots(named: plan.first), second = grassroots(named: plan.second)
        var mergedName = "Chi bộ \(plan.merged)"
        if first == nil || second == nil {
            let free = grassrootsCells.filter { !drafts[$0].busy }
            if free.count >= 3 {
                first = free[0]
                second = free[1]
                mergedName = "\(drafts[free[0]].name) và \(drafts[free[1]].name.dropFirst("Chi bộ ".count))"
            }
        }
        if let first, let second, first != second, options.grassroots >= 4,
           let day = day(year: plan.year, month: plan.month, day: 1, fraction: 0.93, random: &random) {
            let index = add(name: mergedName, kind: .grassrootsCell, parent: 0, from: day, rank: 1)
            drafts[index].weight = drafts[first].weight + drafts[second].weight
            drafts[index].busy = true
            dissolve(first, on: day, target: .cell(index), exact: true)
            dissolve(second, on: day, target: .cell(index), exact: true)
        }

        // Agencies abolished (giải thể): their members move to the agency that takes over, in the month before.
        let abolishedCount = min(AgencyPool.abolished.count, options.grassroots / 20)
        for (number, plan) in AgencyPool.abolished.prefix(abolishedCount).enumerated() {
            var index = grassroots(named: plan.name)
            if index == nil { index = grassrootsCells.first { !drafts[$0].busy } }
            guard let index, let day = day(year: plan.year, month: plan.month, fraction: 0.3 + 0.3 * Double(number),
                                           random: &random)
            else { continue }
            let successor = grassroots(named: plan.successor).map(CellTransition.Target.within) ?? .anywhere
            dissolve(index, on: day, target: successor, exact: false)
        }

        // New agencies (thành lập mới): a grassroots cell that draws some members from an existing cell.
        let laterCount = min(AgencyPool.later.count, max(1, options.grassroots / 25))
        for (number, plan) in AgencyPool.later.prefix(laterCount).enumerated() {
            guard let day = day(year: plan.year, month: plan.month, fraction: 0.75 + 0.1 * Double(number),
                                random: &random)
            else { continue }
            let index = add(name: "Chi bộ \(plan.name)", kind: .grassrootsCell, parent: 0, from: day, rank: 1)
            drafts[index].weight = 8 + 8 * random.unit()
            drafts[index].busy = true
            let sources = drafts.indices.filter { drafts[$0].kind.isCell && !drafts[$0].busy && $0 != index }
            if !sources.isEmpty {
                let source = random.pick(sources)
                drafts[source].transitions.append(CellTransition(day: day, target: .cell(index), probability: 0.3,
                                                                 exact: true))
            }
        }

        // Inside grassroots committees: a few cells split off (new cell) and a few dissolved into their siblings.
        for committee in committees {
            let siblings = drafts.indices.filter {
                drafts[$0].kind == .subordinateCell && drafts[$0].versions[0].parent == committee && !drafts[$0].busy
            }
            if random.chance(0.3), let source = siblings.first, let day = day(between: 0.1, and: 0.9, random: &random) {
                let used = Set(drafts.filter { $0.versions[0].parent == committee }.map(\.name))
                let name = AgencyPool.units.map { "Chi bộ \($0)" }.first { !used.contains($0) }
                    ?? "Chi bộ Phòng số \(drafts[committee].children + 1)"
                let index = add(name: name, kind: .subordinateCell, parent: committee, from: day, rank: 3)
                drafts[index].weight = drafts[source].weight * 0.6
                drafts[index].busy = true
                drafts[source].transitions.append(CellTransition(day: day, target: .cell(index), probability: 0.4,
                                                                 exact: true))
            }
            if random.chance(0.2), siblings.count >= 3, let day = day(between: 0.05, and: 0.95, random: &random) {
                dissolve(siblings[siblings.count - 1], on: day, target: .within(committee), exact: false)
            }
        }

        // Re-parenting (điều chuyển): a subordinate cell moves from one grassroots committee to another.
        let moves = committees.count >= 2 ? min(2, 1 + options.grassroots / 40) : 0
        var moved = 0
        for committee in committees where moved < moves {
            let candidates = drafts.indices.filter {
                drafts[$0].kind == .subordinateCell && drafts[$0].versions[0].parent == committee && !drafts[$0].busy
                    && drafts[$0].transitions.isEmpty
            }
            guard candidates.count >= 2, let day = day(between: 0.45 + 0.3 * Double(moved), and: 0.5 + 0.3 * Double(moved),
                                                        random: &random)
            else { continue }
            let others = committees.filter { $0 != committee }
            let target = others[(moved * 7 + 3) % others.count]
            split(candidates[candidates.count - 1], on: day) { $0.parent = target }
            drafts[candidates[candidates.count - 1]].busy = true
            moved += 1
        }
    }

    func shuffle<T>(_ elements: inout [T], random: inout SeededGenerator) {
        guard elements.count > 1 else { return }
        for i in stride(from: elements.count - 1, to: 0, by: -1) {
            elements.swapAt(i, random.below(i + 1))
        }
    }

    // MARK: - Final order and ids

    func finish(into blueprint: inout TreeBlueprint) {
        let order = drafts.indices.sorted { (drafts[$0].rank, $0) < (drafts[$1].rank, $1) }
        var position = [Int](repeating: 0, count: drafts.count)
        for (final, draft) in order.enumerated() { position[draft] = final }
        func remap(_ target: CellTransition.Target) -> CellTransition.Target {
            switch target {
            case .cell(let index): .cell(position[index])
            case .within(let index): .within(position[index])
            case .anywhere: .anywhere
            }
        }
        var organizations: [Organization] = []
        var weights: [Double] = []
        var transitions: [[CellTransition]] = []
        var grassroots: [Int] = []
        for (final, index) in order.enumerated() {
            let draft = drafts[index]
            let versions = draft.versions.map { version in
                OrganizationVersion(
                    validity: DayRange(start: version.start, end: version.end), name: version.name, kind: version.kind,
                    parent: version.parent.map { OrganizationID(position[$0] + 1) })
            }
            organizations.append(Organization(id: OrganizationID(final + 1), code: draft.code, versions: versions))
            weights.append(draft.kind.isCell ? draft.weight : 0)
            transitions.append(draft.transitions.sorted { $0.day < $1.day }.map {
                CellTransition(day: $0.day, target: remap($0.target), probability: $0.probability, exact: $0.exact)
            })
            // NB: by any version, so that a cell that becomes a grassroots cell gets its committees and cases.
            if draft.versions.contains(where: { $0.kind.isGrassroots }) { grassroots.append(final) }
        }
        blueprint = TreeBlueprint(organizations: organizations, weights: weights, transitions: transitions,
                                  grassroots: grassroots)
    }
}
