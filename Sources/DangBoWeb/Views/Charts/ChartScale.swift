/// A value axis from zero to a round top (1, 2 or 5 times a power of ten, so that ticks read 0, 500, 1.000, …) and the
/// colours of the charts: dark and light pairs that stay apart when printed in grey.
struct ChartScale {
    /// The top of the axis: the smallest round number at least the largest value (1 for an axis of zeros, so that
    /// nothing divides by zero).
    let top: Int
    /// The distance between ticks; `top` is a multiple of it.
    let step: Int

    init(maximum: Int) {
        var magnitude = 1
        while magnitude * 10 <= max(maximum, 1) { magnitude *= 10 }
        // NB: at most five steps above zero, the finest that fits.
        let candidates = [magnitude / 10, magnitude].filter { $0 > 0 }.flatMap { m in [1, 2, 5].map { $0 * m } } + [magnitude * 10]
        step = candidates.first { $0 * 5 >= maximum }!
        top = max((maximum + step - 1) / step * step, step)
    }

    /// The ticks from zero to `top`.
    var ticks: [Int] { Array(stride(from: 0, through: top, by: step)) }

    /// `value`'s share of `length` on this axis.
    func length(of value: Int, in length: Double) -> Double { Double(value) / Double(top) * length }

    // Colours: luminance far apart (dark red, light rose; dark blue, light rose) so that a grey print tells them apart.
    static let dark = "#7a0f14"
    static let light = "#eaa9ad"
    static let male = "#2d5073"
    static let female = "#eaa9ad"
    static let outline = "#5f6368"
}
