import DangBoCore
import DangBoStore
import Plot

/// Tháp tuổi: members on the rolls by age band, men to the left and women to the right of the band labels, oldest on
/// top; the figures as a table whose every figure opens the member list behind it (by band and gender).
struct AgePyramidChart {
    var pyramid: AgePyramid
    var organization: OrganizationSummary

    static let width = 720.0, rowHeight = 18.0, top = 40.0, bottom = 12.0, middle = 64.0, side = 56.0

    var id: String { "bieu-do-thap-tuoi-\(organization.code)" }

    var heading: String { "Tháp tuổi đảng viên đến ngày \(VietnameseFormat.day(pyramid.asOf))" }

    var figure: ChartFigure {
        let day = VietnameseFormat.day(pyramid.asOf)
        /// The member list of the organization on the day, by gender and band when given; none for a zero.
        func link(_ value: Int, gender: String = "", band: String = "") -> String? {
            value > 0 ? SiteURL.members.with(query: [("to-chuc", organization.code), ("gioi-tinh", gender), ("tuoi", band),
                                                     ("ngay", day)]) : nil
        }
        let males = pyramid.bands.reduce(0) { $0 + $1.male }, females = pyramid.bands.reduce(0) { $0 + $1.female }
        return ChartFigure(
            heading: heading, svg: svg, emptyMessage: "Không có đảng viên nào vào ngày \(day).",
            columns: ["Độ tuổi", "Nam", "Nữ", "Cộng"],
            rows: pyramid.bands.reversed().map { band in
                (band.label, [ChartFigure.figure(band.male, link: link(band.male, gender: "nam", band: band.label)),
                              ChartFigure.figure(band.female, link: link(band.female, gender: "nu", band: band.label)),
                              ChartFigure.figure(band.total, link: link(band.total, band: band.label))])
            } + [("Tổng số", [ChartFigure.figure(males, link: link(males, gender: "nam")),
                              ChartFigure.figure(females, link: link(females, gender: "nu")),
                              ChartFigure.figure(males + females, link: link(males + females))])])
    }

    var svg: SVG? {
        guard pyramid.total > 0 else { return nil }
        let n = VietnameseFormat.number
        let bands = Array(pyramid.bands.reversed())
        let height = Self.top + Self.rowHeight * Double(bands.count) + Self.bottom
        let center = Self.width / 2
        let half = center - Self.middle / 2 - Self.side
        let scale = ChartScale(maximum: bands.map { max($0.male, $0.female) }.max() ?? 0)
        var children: [SVG] = [
            .label("Nam", x: center - Self.middle / 2 - 4, y: 16, anchor: .end, bold: true),
            .rect(x: center - Self.middle / 2 - 48, y: 22, width: 12, height: 10, fill: ChartScale.male),
            .label("Nữ", x: center + Self.middle / 2 + 4, y: 16, bold: true),
            .rect(x: center + Self.middle / 2 + 36, y: 22, width: 12, height: 10, fill: ChartScale.female),
        ]
        var rows: [SVG] = []
        for (index, band) in bands.enumerated() {
            let y = Self.top + Self.rowHeight * Double(index)
            let barHeight = Self.rowHeight - 4
            let male = scale.length(of: band.male, in: half), female = scale.length(of: band.female, in: half)
            let maleEdge = center - Self.middle / 2, femaleEdge = center + Self.middle / 2
            rows.append(.label(band.label, x: center, y: y + 12, anchor: .middle, size: 10))
            rows.append(.rect(x: maleEdge - male, y: y + 2, width: male, height: barHeight, fill: ChartScale.male,
                              title: "Nam \(band.label) tuổi: \(n(band.male))"))
            rows.append(.label(n(band.male), x: maleEdge - male - 4, y: y + 12, anchor: .end, size: 10))
            rows.append(.rect(x: femaleEdge, y: y + 2, width: female, height: barHeight, fill: ChartScale.female,
                              title: "Nữ \(band.label) tuổi: \(n(band.female))"))
            rows.append(.label(n(band.female), x: femaleEdge + female + 4, y: y + 12, size: 10))
        }
        children.append(.group([("class", "bars")], rows))
        let males = pyramid.bands.reduce(0) { $0 + $1.male }, females = pyramid.bands.reduce(0) { $0 + $1.female }
        return .root(
            id: id, width: Self.width, height: height, title: "\(heading) — \(organization.name)",
            desc: "Tháp tuổi: số đảng viên của \(organization.name) vào ngày \(VietnameseFormat.day(pyramid.asOf)) theo nhóm tuổi "
                + "5 năm, nam bên trái, nữ bên phải, nhóm tuổi cao ở trên. Tổng số \(n(pyramid.total)) đảng viên: "
                + "\(n(males)) nam, \(n(females)) nữ.",
            children)
    }
}
