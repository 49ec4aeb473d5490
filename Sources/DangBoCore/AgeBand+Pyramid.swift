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

extension AgeBand {
    /// The ages in whole years a band label names, from the statistics' bands (`bands`, "18-30") or the pyramid's
    /// (`pyramidBands`, "21-25"): `from` nil for the first band (it takes anyone younger), `upTo` nil for the last
    /// (open). A label both tables hold ("31-35") names the same ages in each. Nil for no band's label.
    public static func ages(ofLabel label: String) -> (from: Int?, upTo: Int?)? {
        for table in [bands, pyramidBands] {
            guard let index = table.firstIndex(where: { $0.label == label }) else { continue }
            return (index == 0 ? nil : table[index - 1].upTo.map { $0 + 1 }, table[index].upTo)
        }
        return nil
    }

    /// Whether `age` falls in the band labelled `label` (false for no band's label).
    public static func contains(age: Int, label: String) -> Bool {
        guard let ages = ages(ofLabel: label) else { return false }
        return ages.from.map { age >= $0 } ?? true && ages.upTo.map { age <= $0 } ?? true
    }
}
