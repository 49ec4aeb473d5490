import DangBoCore

/// Who was in which cell when, by cell and by grassroots organization: where committee seats and oversight subjects
/// are drawn from. Draws use rejection sampling over the stays of an organization, so each costs O(1) on average
/// whatever the size of the registry.
struct StayIndex: Sendable {
    let tree: TreeBlueprint
    let stays: [Stay]
    /// For each member, where their stays begin (one more entry at the end).
    let stayStarts: [Int]
    /// The stays of each cell, by cell index.
    private var byCell: [[Int32]]
    /// The stays of every cell that ever stood below a grassroots organization, by its index.
    private var byGrassroots: [Int: [Int32]] = [:]
    /// The organizations that ever stood below a grassroots organization (itself excluded), by its index.
    private(set) var descendants: [Int: [Int]] = [:]

    init(tree: TreeBlueprint, stays: [Stay], stayStarts: [Int]) {
        self.tree = tree
        self.stays = stays
        self.stayStarts = stayStarts
        byCell = [[Int32]](repeating: [], count: tree.organizations.count)
        for (index, stay) in stays.enumerated() { byCell[Int(stay.cell)].append(Int32(index)) }
        for grassroots in tree.grassroots {
            byGrassroots[grassroots] = tree.cellsEverBelow(grassroots).flatMap { byCell[$0] }
            descendants[grassroots] = tree.organizations.indices.filter { index in
                index != grassroots && tree.organizations[index].versions.contains { version in
                    tree.grassrootsAncestor(of: index, on: version.validity.start) == grassroots
                }
            }
        }
    }

    /// Where a draw looks: the members of a grassroots organization's subtree, or of one cell.
    enum Scope {
        case grassroots(Int)
        case cell(Int)
    }

    private func pool(_ scope: Scope) -> [Int32] {
        switch scope {
        case .grassroots(let index): byGrassroots[index] ?? []
        case .cell(let index): byCell[index]
        }
    }

    private func accepts(_ stay: Stay, _ scope: Scope, on day: Day, officialOnly: Bool) -> Bool {
        guard officialOnly ? stay.isOfficial(on: day) : stay.contains(day) else { return false }
        switch scope {
        case .grassroots(let index): return tree.grassrootsAncestor(of: Int(stay.cell), on: day) == index
        case .cell(let index): return Int(stay.cell) == index
        }
    }

    /// Every member (by index) on the rolls in `scope` on `day`, in stay order.
    func members(_ scope: Scope, on day: Day, officialOnly: Bool) -> [Int] {
        pool(scope).compactMap { index in
            let stay = stays[Int(index)]
            return accepts(stay, scope, on: day, officialOnly: officialOnly) ? Int(stay.member) : nil
        }
    }

    /// Up to `count` distinct members on the rolls in `scope` on `day`, at random, none of `excluded`.
    func draw(_ count: Int, _ scope: Scope, on day: Day, officialOnly: Bool, excluding excluded: Set<Int> = [],
              using random: inout SeededGenerator) -> [Int] {
        let pool = pool(scope)
        guard count > 0, !pool.isEmpty else { return [] }
        var found: [Int] = []
        var seen = excluded
        var attempts = 0
        while found.count < count, attempts < 30 * count + 30 {
            attempts += 1
            let stay = stays[Int(pool[random.below(pool.count)])]
            guard accepts(stay, scope, on: day, officialOnly: officialOnly), seen.insert(Int(stay.member)).inserted
            else { continue }
            found.append(Int(stay.member))
        }
        if found.count < count {
            // Few stays fit that day: look at all of them.
            for member in members(scope, on: day, officialOnly: officialOnly) where found.count < count {
                if seen.insert(member).inserted { found.append(member) }
            }
        }
        return found
    }

    /// The last day (exclusive) `member`, in grassroots organization `grassroots` on `day`, is still on its rolls,
    /// following moves between its cells; nil when still there at the end of the history.
    func tenureEnd(of member: Int, in grassroots: Int, from day: Day) -> Day? {
        let range = stayStarts[member]..<stayStarts[member + 1]
        guard var current = range.first(where: { stays[$0].contains(day) }) else { return day.next }
        while true {
            let end = stays[current].end
            guard end != .max else { return nil }
            let next = current + 1
            guard next < range.upperBound, stays[next].start == end,
                  tree.grassrootsAncestor(of: Int(stays[next].cell), on: Day(ordinal: Int(end))) == grassroots
            else { return Day(ordinal: Int(end)) }
            current = next
        }
    }
}
