import DangBoCore

/// The cells a member may enter on a day, weighted by size, in O(log n): the history is cut into epochs at every day
/// the tree changes, so that within one epoch the same cells exist under the same grassroots organizations.
///
/// NB: a cell is not offered during the 60 days before its dissolution, so that nobody is sent into a cell that is
/// about to close; the members already there leave through its transitions.
struct CellEpochs: Sendable {
    struct Choice: Sendable {
        var cells: [Int] = []
        /// Running totals of the cells' weights.
        var cumulative: [Double] = []

        mutating func append(_ cell: Int, weight: Double) {
            cells.append(cell)
            cumulative.append((cumulative.last ?? 0) + weight)
        }

        func pick(using random: inout SeededGenerator) -> Int? {
            guard let total = cumulative.last, total > 0 else { return cells.first }
            let ticket = random.unit() * total
            var low = 0, high = cumulative.count - 1
            while low < high {
                let middle = (low + high) / 2
                if cumulative[middle] > ticket { high = middle } else { low = middle + 1 }
            }
            return cells[low]
        }
    }

    struct Epoch: Sendable {
        var start: Day
        var all = Choice()
        /// The cells of each grassroots organization, by its index.
        var byGrassroots: [Int: Choice] = [:]
    }

    static let closingNotice = 60

    private(set) var epochs: [Epoch] = []

    init(tree: TreeBlueprint, from: Day, through: Day) {
        var boundaries: Set<Day> = [from]
        for organization in tree.organizations {
            for version in organization.versions {
                boundaries.insert(version.validity.start)
                if let end = version.validity.end { boundaries.insert(end) }
            }
            if let dissolved = organization.dissolved {
                boundaries.insert(dissolved.adding(days: -Self.closingNotice))
            }
        }
        let starts = boundaries.filter { $0 >= from && $0 <= through }.sorted()
        for (number, start) in starts.enumerated() {
            let end = number + 1 < starts.count ? starts[number + 1] : through.next
            var epoch = Epoch(start: start)
            for (index, organization) in tree.organizations.enumerated() where tree.weights[index] > 0 {
                guard let version = organization.version(on: start), version.kind.isCell else { continue }
                if let dissolved = organization.dissolved, dissolved.ordinal < end.ordinal + Self.closingNotice { continue }
                epoch.all.append(index, weight: tree.weights[index])
                if let grassroots = tree.grassrootsAncestor(of: index, on: start) {
                    epoch.byGrassroots[grassroots, default: Choice()].append(index, weight: tree.weights[index])
                }
            }
            epochs.append(epoch)
        }
    }

    private func epoch(on day: Day) -> Epoch {
        var low = 0, high = epochs.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if epochs[middle].start <= day { low = middle } else { high = middle - 1 }
        }
        return epochs[low]
    }

    /// A cell open to newcomers on `day`, other than `excluded`, by weight; inside `grassroots` when it has one.
    func pick(on day: Day, excluding excluded: Int? = nil, within grassroots: Int? = nil,
              using random: inout SeededGenerator) -> Int? {
        let epoch = epoch(on: day)
        let choice = grassroots.flatMap { epoch.byGrassroots[$0] } ?? epoch.all
        for _ in 0..<6 {
            guard let cell = choice.pick(using: &random) else { return nil }
            if cell != excluded { return cell }
        }
        return choice.cells.first { $0 != excluded }
    }

    /// Whether `cell` is open to newcomers on `day`.
    func isOpen(_ cell: Int, on day: Day) -> Bool { epoch(on: day).all.cells.contains(cell) }
}
