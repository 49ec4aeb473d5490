import DangBoCore

/// Numbers the generated decisions the way an office does: each series (decisions "QĐ", transfer notes "GT") counts
/// from 1 every year in the order of signing, so that "15-QĐ/ĐUK" was signed before "16-QĐ/ĐUK".
///
/// While generating, a decision carries only its series in `number`; `assign` writes the final numbers in one pass,
/// sorting by day with a counting sort (O(decisions + days)).
struct DecisionLedger: Sendable {
    enum Series: String, CaseIterable, Sendable {
        /// Quyết định of the bloc's standing committee: admissions, recognitions, removals, committees.
        case decision = "QĐ"
        /// Giấy giới thiệu sinh hoạt đảng: transfers in, out, between cells and temporary.
        case transferNote = "GT"
    }

    private struct Item {
        /// Index in the events (`isSeat == false`) or in the seats.
        var index: Int32
        var isSeat: Bool
        var series: UInt8
        var day: Int32
    }

    private var items: [Item] = []
    /// The code after the series: "ĐUK" for a root coded "DUK".
    let suffix: String

    init(rootCode: String) {
        // NB: codes are written in ASCII ("DUK") but document symbols in Vietnamese ("ĐUK").
        suffix = rootCode.hasPrefix("D") ? "Đ" + rootCode.dropFirst() : rootCode
    }

    static func placeholder(_ series: Series, date: Day, issuer: String) -> Decision {
        Decision(number: series.rawValue, date: date, issuer: issuer)
    }

    mutating func noteEvent(at index: Int, _ decision: Decision) {
        guard let date = decision.date, let series = Series(rawValue: decision.number) else { return }
        items.append(Item(index: Int32(index), isSeat: false, series: Self.code(series), day: Int32(date.ordinal)))
    }

    mutating func noteSeat(at index: Int, _ decision: Decision) {
        guard let date = decision.date, let series = Series(rawValue: decision.number) else { return }
        items.append(Item(index: Int32(index), isSeat: true, series: Self.code(series), day: Int32(date.ordinal)))
    }

    private static func code(_ series: Series) -> UInt8 { series == .decision ? 0 : 1 }

    func assign(events: inout [MembershipEvent], seats: inout [CommitteeSeat]) {
        guard let first = items.map(\.day).min(), let last = items.map(\.day).max() else { return }
        var starts = [Int](repeating: 0, count: Int(last - first) + 2)
        for item in items { starts[Int(item.day - first) + 1] += 1 }
        for offset in 1..<starts.count { starts[offset] += starts[offset - 1] }
        var ordered = [Int](repeating: 0, count: items.count)
        for (position, item) in items.enumerated() {
            let bucket = Int(item.day - first)
            ordered[starts[bucket]] = position
            starts[bucket] += 1
        }
        let firstYear = Day(ordinal: Int(first)).year
        let years = Day(ordinal: Int(last)).year - firstYear + 1
        var counters = [Int](repeating: 0, count: years * 2)
        let series = Series.allCases.map { "-\($0.rawValue)/\(suffix)" }
        var currentDay: Int32 = .min
        var currentYear = firstYear
        for position in ordered {
            let item = items[position]
            if item.day != currentDay {
                currentDay = item.day
                currentYear = Day(ordinal: Int(item.day)).year
            }
            let counter = (currentYear - firstYear) * 2 + Int(item.series)
            counters[counter] += 1
            let number = "\(counters[counter])\(series[Int(item.series)])"
            if item.isSeat {
                seats[Int(item.index)].decision?.number = number
            } else {
                events[Int(item.index)].decision?.number = number
            }
        }
    }
}
