import DangBoCore
import Plot

/// A party document's chart (`PartyDocument.Chart`) as server-rendered SVG: a column per category and series, the
/// figure over each column, the category under it; the same figures as a table under the picture (`ChartFigure`).
struct DocumentChart {
    var chart: PartyDocument.Chart
    /// Distinguishes two charts of one page.
    var number: Int

    static let width = 640.0, height = 260.0, left = 44.0, right = 8.0, top = 24.0, bottom = 44.0

    var figure: ChartFigure {
        let table = chart.table
        return ChartFigure(
            heading: chart.title, svg: svg, emptyMessage: "Không có số liệu nào khác 0.",
            columns: [""] + table.header.dropFirst(), rows: table.rows.map { row in (row[0], row.dropFirst().map { .text($0) }) })
    }

    var svg: SVG? {
        let maximum = chart.series.flatMap(\.values).max() ?? 0
        guard maximum > 0, !chart.categories.isEmpty else { return nil }
        let n = VietnameseFormat.number
        let scale = ChartScale(maximum: maximum)
        let plotWidth = Self.width - Self.left - Self.right, plotHeight = Self.height - Self.top - Self.bottom
        let baseline = Self.top + plotHeight
        let slot = plotWidth / Double(chart.categories.count)
        let barWidth = slot * 0.7 / Double(chart.series.count)
        let colours = [ChartScale.dark, ChartScale.light, ChartScale.male, ChartScale.outline]
        var children: [SVG] = []
        for tick in scale.ticks {
            let y = baseline - scale.length(of: tick, in: plotHeight)
            children.append(.line(x1: Self.left, y1: y, x2: Self.width - Self.right, y2: y, stroke: tick == 0 ? ChartScale.outline : "#d9d9de"))
            children.append(.label(n(tick), x: Self.left - 6, y: y + 4, anchor: .end, size: 10))
        }
        for (index, category) in chart.categories.enumerated() {
            let x = Self.left + slot * Double(index) + slot * 0.15
            for (offset, series) in chart.series.enumerated() {
                let value = series.values[index]
                let height = scale.length(of: value, in: plotHeight)
                let barX = x + barWidth * Double(offset)
                children.append(.rect(x: barX, y: baseline - height, width: barWidth, height: height,
                                      fill: colours[offset % colours.count], title: "\(category): \(n(value)) \(series.name.lowercased())"))
                children.append(.label(n(value), x: barX + barWidth / 2, y: baseline - height - 4, anchor: .middle, size: 10))
            }
            children.append(.label(category, x: Self.left + slot * (Double(index) + 0.5), y: baseline + 16, anchor: .middle, size: 10))
        }
        let id = "bieu-do-van-ban-\(number)"
        return .root(id: id, width: Self.width, height: Self.height, title: chart.title,
                     desc: chart.categories.enumerated().map { index, category in
                         "\(category): " + chart.series.map { n($0.values[index]) }.joined(separator: ", ")
                     }.joined(separator: "; "), children)
    }
}
