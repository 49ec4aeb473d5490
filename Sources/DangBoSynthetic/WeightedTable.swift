/// A fixed table of values with integer weights, drawn from in O(log n).
struct WeightedTable<Element: Sendable>: Sendable {
    private let elements: [Element]
    /// Running totals of the weights: `cumulative[i]` is the sum of the weights of elements 0…i.
    private let cumulative: [Int]

    init(_ entries: [(Element, Int)]) {
        precondition(!entries.isEmpty && entries.allSatisfy { $0.1 >= 0 }, "a table needs entries with weights")
        elements = entries.map(\.0)
        var total = 0
        cumulative = entries.map { total += $0.1; return total }
        precondition(total > 0, "a table needs a positive total weight")
    }

    var total: Int { cumulative[cumulative.count - 1] }
    var values: [Element] { elements }

    func pick(using random: inout SeededGenerator) -> Element {
        let ticket = random.below(total)
        // The first running total above the ticket.
        var low = 0, high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] > ticket { high = middle } else { low = middle + 1 }
        }
        return elements[low]
    }
}
