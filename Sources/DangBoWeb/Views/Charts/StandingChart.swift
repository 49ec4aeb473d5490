import DangBoCore
import DangBoStore
import Plot

/// Đảng viên theo loại: official and probationary members on the last day of each month, as stacked bars (official
/// below, dark; probationary above, light), with the figures as a table whose cells open the member list of that day.
struct StandingChart {
    var series: StandingSeries
    var organization: OrganizationSummary

    static let width = 720.0, height = 300.0, left = 56.0, right = 12.0, top = 36.0, bottom = 36.0

    var id: String { "bieu-do-dang-vien-\(organization.code)" }

    var heading: String { "Đảng viên chính thức, dự bị \(series.points.count) tháng gần nhất" }

    static func month(_ day: Day) -> String { "tháng \(day.month)/\(day.year)" }

    var figure: ChartFigure {
        let empty = "Không có đảng viên nào trong \(series.points.count) tháng đến ngày \(VietnameseFormat.day(series.asOf))."
        return ChartFigure(
            heading: heading, svg: svg, emptyMessage: empty,
            columns: ["Tháng", "Số liệu ngày", "Chính thức", "Dự bị", "Tổng số"],
            rows: series.points.map { point in
                func link(_ filter: String?) -> String? {
                    guard point.total > 0 else { return nil }
                    return SiteURL.members.with(query: [("to-chuc", organization.code), ("dang-vien", filter ?? ""),
                                                        ("ngay", VietnameseFormat.day(point.day))])
                }
                return (Self.month(point.day), [
                    .text(VietnameseFormat.day(point.day)), ChartFigure.figure(point.official, link: link("chinh-thuc")),
                    ChartFigure.figure(point.probationary, link: link("du-bi")), ChartFigure.figure(point.total, link: link(nil)),
                ])
            })
    }

    /// The picture, or nil when every month is zero.
    var svg: SVG? {
        let points = series.points
        guard let last = points.last, points.contains(where: { $0.total > 0 }) else { return nil }
        let n = VietnameseFormat.number
        let scale = ChartScale(maximum: points.map(\.total).max() ?? 0)
        let plotWidth = Self.width - Self.left - Self.right, plotHeight = Self.height - Self.top - Self.bottom
        let baseline = Self.top + plotHeight
        let slot = plotWidth / Double(points.count), barWidth = slot * 0.7
        var children: [SVG] = [
            .rect(x: Self.left, y: 8, width: 12, height: 12, fill: ChartScale.dark),
            .label("Chính thức", x: Self.left + 16, y: 18),
            .rect(x: Self.left + 96, y: 8, width: 12, height: 12, fill: ChartScale.light),
            .label("Dự bị", x: Self.left + 112, y: 18),
        ]
        for tick in scale.ticks {
            let y = baseline - scale.length(of: tick, in: plotHeight)
            children.append(.line(x1: Self.left, y1: y, x2: Self.width - Self.right, y2: y, stroke: tick == 0 ? ChartScale.outline : "#d9d9de"))
            children.append(.label(n(tick), x: Self.left - 6, y: y + 4, anchor: .end, size: 10))
        }
        var bars: [SVG] = []
        for (index, point) in points.enumerated() {
            let x = Self.left + slot * Double(index) + (slot - barWidth) / 2
            let official = scale.length(of: point.official, in: plotHeight)
            let probationary = scale.length(of: point.probationary, in: plotHeight)
            let tip = "\(Self.month(point.day)): \(n(point.total)) đảng viên (\(n(point.official)) chính thức, \(n(point.probationary)) dự bị)"
            bars.append(.rect(x: x, y: baseline - official, width: barWidth, height: official, fill: ChartScale.dark, title: tip))
            bars.append(.rect(x: x, y: baseline - official - probationary, width: barWidth, height: probationary,
                              fill: ChartScale.light, title: tip))
            // NB: a label every third month, counted back from the last, so that the as-of month is always named.
            if (points.count - 1 - index) % 3 == 0 {
                bars.append(.label("\(point.day.month)/\(point.day.year)", x: x + barWidth / 2, y: baseline + 16, anchor: .middle, size: 10))
            }
        }
        children.append(.group([("class", "bars")], bars))
        let first = points[0]
        return .root(
            id: id, width: Self.width, height: Self.height,
            title: "\(heading) — \(organization.name)",
            desc: "Biểu đồ cột chồng: số đảng viên chính thức và dự bị của \(organization.name) vào ngày cuối mỗi tháng, "
                + "từ \(Self.month(first.day)) đến ngày \(VietnameseFormat.day(last.day)). Ngày \(VietnameseFormat.day(last.day)): "
                + "\(n(last.total)) đảng viên, \(n(last.official)) chính thức, \(n(last.probationary)) dự bị.",
            children)
    }
}
