/// The age pyramid's bands (issue 9 "charts"): five years each, cut at the same ages as `AgeBand.bands` so that every
/// pyramid band lies inside one band of the statistics (21-25 and 26-30 inside 18-30, 71-75 and 76-80 inside 71-80).
extension AgeBand {
    /// Inclusive upper bounds in years and labels, youngest first; the first band takes anyone younger (as `bands`
    /// does), the last is open.
    public static let pyramidBands: [(upTo: Int?, label: String)] = {
        var bands: [(upTo: Int?, label: String)] = [(20, "18-20")]
        for upTo in stride(from: 25, through: 85, by: 5) { bands.append((upTo, "\(upTo - 4)-\(upTo)")) }
        return bands + [(nil, "86+")]
    }()

    /// The position in `pyramidBands` of the band holding `age`.
    public static func pyramidIndex(age: Int) -> Int {
        pyramidBands.firstIndex { $0.upTo.map { age <= $0 } ?? true }!
    }
}
