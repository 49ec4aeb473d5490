import DangBoCore
import DangBoStore
import Plot

/// Kết nạp đảng viên theo quý: admissions (dark) and readmissions (light) side by side for each quarter, the count
/// over each bar; the table's figures open the review's list of those admissions for that quarter (the same count).
struct AdmissionChart {
    var series: AdmissionSeries
    var organization: OrganizationSummary

    static let width = 720.0, height = 260.0, left = 48.0, right = 12.0, top = 36.0, bottom = 36.0

    var id: String { "bieu-do-ket-nap-\(organization.code)" }

    var heading: String { "Kết nạp đảng viên \(series.quarters.count) quý gần nhất" }

    var figure: ChartFigure {
        ChartFigure(
            heading: heading, svg: svg,
            emptyMessage: "Không kết nạp đảng viên nào trong \(series.quarters.count) quý đến ngày \(VietnameseFormat.day(series.asOf)).",
            columns: ["Quý", "Từ ngày", "Đến ngày", "Kết nạp", "Kết nạp lại"],
            rows: series.quarters.map { quarter in
                /// The review's own list of the records behind the figure (the same count), as the review page links it.
                func records(_ figure: ReviewFigure.Movement, _ value: Int) -> String? {
                    guard value > 0 else { return nil }
                    return SiteURL.reviewRecords.with(query: [
                        ("to-chuc", organization.code), ("tu", VietnameseFormat.day(quarter.from)),
                        ("den", VietnameseFormat.day(quarter.to)), ("chi-tieu", figure.rawValue)])
                }
                return (quarter.label, [.text(VietnameseFormat.day(quarter.from)), .text(VietnameseFormat.day(quarter.to)),
                                        ChartFigure.figure(quarter.admitted, link: records(.admitted, quarter.admitted)),
                                        ChartFigure.figure(quarter.readmitted, link: records(.readmitted, quarter.readmitted))])
            })
    }

    var svg: SVG? {
        let quarters = series.quarters
        guard let first = quarters.first, let last = quarters.last,
              quarters.contains(where: { $0.admitted + $0.readmitted > 0 }) else { return nil }
        let n = VietnameseFormat.number
        let scale = ChartScale(maximum: quarters.map { max($0.admitted, $0.readmitted) }.max() ?? 0)
        let plotWidth = Self.width - Self.left - Self.right, plotHeight = Self.height - Self.top - Self.bottom
        let baseline = Self.top + plotHeight
        let slot = plotWidth / Double(quarters.count), barWidth = slot * 0.32
        var children: [SVG] = [
            .rect(x: Self.left, y: 8, width: 12, height: 12, fill: ChartScale.dark),
            .label("Kết nạp", x: Self.left + 16, y: 18),
            .rect(x: Self.left + 80, y: 8, width: 12, height: 12, fill: ChartScale.light),
            .label("Kết nạp lại", x: Self.left + 96, y: 18),
        ]
        for tick in scale.ticks {
            let y = baseline - scale.length(of: tick, in: plotHeight)
            children.append(.line(x1: Self.left, y1: y, x2: Self.width - Self.right, y2: y, stroke: tick == 0 ? ChartScale.outline : "#d9d9de"))
            children.append(.label(n(tick), x: Self.left - 6, y: y + 4, anchor: .end, size: 10))
        }
        var bars: [SVG] = []
        for (index, quarter) in quarters.enumerated() {
            let x = Self.left + slot * Double(index) + slot * 0.18
            for (offset, value, fill, words) in [(0.0, quarter.admitted, ChartScale.dark, "kết nạp"),
                                                 (barWidth, quarter.readmitted, ChartScale.light, "kết nạp lại")] {
                let height = scale.length(of: value, in: plotHeight)
                bars.append(.rect(x: x + offset, y: baseline - height, width: barWidth, height: height, fill: fill,
                                  title: "\(quarter.label): \(n(value)) \(words)"))
                bars.append(.label(n(value), x: x + offset + barWidth / 2, y: baseline - height - 3, anchor: .middle, size: 10))
            }
            bars.append(.label(quarter.label, x: x + barWidth, y: baseline + 16, anchor: .middle, size: 10))
        }
        children.append(.group([("class", "bars")], bars))
        let admitted = quarters.reduce(0) { $0 + $1.admitted }, readmitted = quarters.reduce(0) { $0 + $1.readmitted }
        return .root(
            id: id, width: Self.width, height: Self.height, title: "\(heading) — \(organization.name)",
            desc: "Biểu đồ cột: số đảng viên \(organization.name) kết nạp và kết nạp lại trong mỗi quý, từ \(first.label) "
                + "đến ngày \(VietnameseFormat.day(last.to)). Cộng \(quarters.count) quý: \(n(admitted)) kết nạp, \(n(readmitted)) kết nạp lại.",
            children)
    }
}
