import DangBoCore
import DangBoStore
@testable import DangBoWeb
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// The charts' SVG (issue 9 "charts as server-rendered SVG"): well-formed XML with a title and a description, bars
/// proportional to their figures, numbers with one fixed decimal, and a sentence instead of a picture when there is
/// nothing to draw.
@Suite struct ChartTests {
    /// The elements of an XML text in document order, with their attributes and text; nil when it is not well-formed.
    final class Elements: NSObject, XMLParserDelegate {
        var found: [(name: String, attributes: [String: String], text: String)] = []
        private var open: [Int] = []

        static func parse(_ text: String) -> [(name: String, attributes: [String: String], text: String)]? {
            let parser = XMLParser(data: Data(text.utf8))
            let collector = Elements()
            parser.delegate = collector
            return parser.parse() ? collector.found : nil
        }

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            open.append(found.count)
            found.append((name, attributes, ""))
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            open.removeLast()
        }

        /// Text counts for every element it lies in (a bar's `<title>` is its bar's text too).
        func parser(_ parser: XMLParser, foundCharacters string: String) {
            for index in open { found[index].text += string }
        }
    }

    static let organization = OrganizationSummary(id: OrganizationID(1), code: "DUK", name: "Đảng bộ Khối <thử> & \"kiểm\"",
                                                  kind: .upperCommittee, parent: nil)
    static let asOf = Day(iso: "2026-11-30")!

    static func standing(_ values: [(Int, Int)]) -> StandingSeries {
        let days = StandingSeries.days(months: values.count, asOf: asOf)
        return StandingSeries(asOf: asOf, points: zip(days, values).map { .init(day: $0, official: $1.0, probationary: $1.1) })
    }

    /// Checks what every chart must be, and returns its elements.
    static func checked(_ svg: SVG?, id: String) throws -> [(name: String, attributes: [String: String], text: String)] {
        let text = try #require(svg).rendered
        let elements = try #require(Elements.parse(text), "not well-formed: \(text.prefix(200))")
        let root = try #require(elements.first)
        #expect(root.name == "svg" && root.attributes["role"] == "img" && root.attributes["id"] == id)
        #expect(root.attributes["aria-labelledby"] == "\(id)-title \(id)-desc")
        #expect(elements[1].name == "title" && elements[1].attributes["id"] == "\(id)-title" && !elements[1].text.isEmpty)
        #expect(elements[2].name == "desc" && elements[2].attributes["id"] == "\(id)-desc" && !elements[2].text.isEmpty)
        // Fixed decimals: every coordinate "123.4", never "1e-05", "nan" or "inf".
        for element in elements {
            for key in ["x", "y", "width", "height", "x1", "y1", "x2", "y2", "font-size"] {
                guard let value = element.attributes[key] else { continue }
                #expect(value.wholeMatch(of: /-?[0-9]+\.[0-9]/) != nil, "\(element.name) \(key)=\(value)")
            }
        }
        #expect(!text.contains("<script") && !text.contains("style="))
        // The same bytes every time.
        #expect(svg?.rendered == text)
        return elements
    }

    @Test func theStandingChartStacksProportionalBars() throws {
        let series = Self.standing([(3_900, 146), (4_000, 46), (1_000, 0), (0, 500)])
        let chart = StandingChart(series: series, organization: Self.organization)
        let elements = try Self.checked(chart.svg, id: "bieu-do-dang-vien-DUK")
        let bars = elements.filter { $0.name == "rect" && $0.text.contains(":") }
        #expect(bars.count == 8)
        let heights = bars.map { Double($0.attributes["height"]!)! }
        // Official below, probationary above, each proportional to its figure (to the tenth of a point written).
        let values = series.points.flatMap { [$0.official, $0.probationary] }
        let unit = heights[0] / Double(values[0])
        for (height, value) in zip(heights, values) { #expect(abs(height - Double(value) * unit) <= 0.1, "\(value): \(height)") }
        #expect(heights[2] > heights[0] && heights[5] == 0 && heights[6] == 0)
        // The probationary bar sits on the official one.
        let official = bars[0].attributes, probationary = bars[1].attributes
        #expect(abs(Double(probationary["y"]!)! + Double(probationary["height"]!)! - Double(official["y"]!)!) <= 0.2)
        // Vietnamese text, escaped: the organization's name with its markup characters reads back as written.
        #expect(elements[1].text.contains(Self.organization.name))
        #expect(bars[0].text == "tháng 8/2026: 4.046 đảng viên (3.900 chính thức, 146 dự bị)")
        let html = chart.figure.html
        #expect(html.contains("<th>tháng 11/2026</th>") && html.contains(">4.046</a>"))
        #expect(html.contains("/dang-vien?to-chuc=DUK&amp;dang-vien=chinh-thuc&amp;ngay=31/8/2026"))
    }

    @Test func thePyramidPutsMenLeftAndWomenRight() throws {
        var pyramid = AgePyramid(asOf: Self.asOf)
        pyramid.add(40, gender: .male, age: 33)
        pyramid.add(10, gender: .female, age: 33)
        pyramid.add(20, gender: .female, age: 90)
        let chart = AgePyramidChart(pyramid: pyramid, organization: Self.organization)
        let elements = try Self.checked(chart.svg, id: "bieu-do-thap-tuoi-DUK")
        let center = AgePyramidChart.width / 2
        let men = elements.filter { $0.name == "rect" && $0.text.hasPrefix("Nam ") }
        let women = elements.filter { $0.name == "rect" && $0.text.hasPrefix("Nữ ") }
        #expect(men.count == AgeBand.pyramidBands.count && women.count == AgeBand.pyramidBands.count)
        for bar in men { #expect(Double(bar.attributes["x"]!)! + Double(bar.attributes["width"]!)! <= center) }
        for bar in women { #expect(Double(bar.attributes["x"]!)! >= center) }
        func width(_ bars: [(name: String, attributes: [String: String], text: String)], _ label: String) -> Double {
            Double(bars.first { $0.text.contains(" \(label) tuổi") }!.attributes["width"]!)!
        }
        #expect(abs(width(men, "31-35") - 4 * width(women, "31-35")) <= 0.2)
        #expect(abs(width(women, "86+") - 2 * width(women, "31-35")) <= 0.2)
        // Oldest on top.
        let bandLabels = Set(AgeBand.pyramidBands.map(\.label))
        let labels = elements.filter { $0.name == "text" && bandLabels.contains($0.text) }.map(\.text)
        #expect(labels == AgeBand.pyramidBands.map(\.label).reversed())
    }

    @Test func theAdmissionChartNamesItsQuarters() throws {
        var series = AdmissionSeries(asOf: Self.asOf, quarters: AdmissionSeries.quarters(8, asOf: Self.asOf))
        series.quarters[7].admitted = 12
        series.quarters[6].admitted = 3
        series.quarters[6].readmitted = 1
        let chart = AdmissionChart(series: series, organization: Self.organization)
        let elements = try Self.checked(chart.svg, id: "bieu-do-ket-nap-DUK")
        let texts = elements.filter { $0.name == "text" }.map(\.text)
        #expect(texts.contains("quý I/2025") && texts.contains("quý IV/2026"))
        let bars = elements.filter { $0.name == "rect" && $0.text.hasPrefix("quý") }
        #expect(bars.count == 16)
        let twelve = Double(bars.first { $0.text == "quý IV/2026: 12 kết nạp" }!.attributes["height"]!)!
        let three = Double(bars.first { $0.text == "quý III/2026: 3 kết nạp" }!.attributes["height"]!)!
        #expect(abs(twelve - 4 * three) <= 0.2)
        let html = chart.figure.html
        #expect(html.contains("<th>quý IV/2026</th>"))
        #expect(html.contains(">12</a>") && html.contains("/bao-cao/so-ket/danh-sach?to-chuc=DUK&amp;tu=1/10/2026&amp;den=30/11/2026&amp;chi-tieu=ket-nap\""))
        #expect(html.contains("/bao-cao/so-ket/danh-sach?to-chuc=DUK&amp;tu=1/7/2026&amp;den=30/9/2026&amp;chi-tieu=ket-nap-lai\""))
        #expect(!html.contains("chi-tieu=ket-nap-lai&amp;") && !html.contains("tu=1/1/2025"))  // zeros are not links
    }

    @Test func nothingToDrawIsSaidInWords() throws {
        let standing = StandingChart(series: Self.standing([(0, 0), (0, 0)]), organization: Self.organization)
        #expect(standing.svg == nil)
        let html = standing.figure.html
        #expect(!html.contains("<svg") && html.contains("Không có đảng viên nào trong 2 tháng đến ngày 30/11/2026."))
        #expect(!html.contains("nan") && !html.contains("inf"))
        let pyramid = AgePyramidChart(pyramid: AgePyramid(asOf: Self.asOf), organization: Self.organization)
        #expect(pyramid.svg == nil && pyramid.figure.html.contains("Không có đảng viên nào vào ngày 30/11/2026."))
        let admissions = AdmissionChart(series: AdmissionSeries(asOf: Self.asOf, quarters: AdmissionSeries.quarters(8, asOf: Self.asOf)),
                                        organization: Self.organization)
        #expect(admissions.svg == nil)
        #expect(admissions.figure.html.contains("Không kết nạp đảng viên nào trong 8 quý đến ngày 30/11/2026."))
        // One member: a full-height bar, no division by zero anywhere.
        let one = StandingChart(series: Self.standing([(0, 0), (0, 1)]), organization: Self.organization)
        _ = try Self.checked(one.svg, id: "bieu-do-dang-vien-DUK")
    }

    @Test(arguments: [(0, 1, 1), (1, 1, 1), (3, 1, 3), (5, 1, 5), (6, 2, 6), (146, 50, 150), (4_046, 1_000, 5_000),
                      (10_000, 2_000, 10_000), (1_000_001, 500_000, 1_500_000)] as [(Int, Int, Int)])
    func scalesAreRound(maximum: Int, step: Int, top: Int) {
        let scale = ChartScale(maximum: maximum)
        #expect((scale.step, scale.top) == (step, top), "\(maximum)")
        #expect(scale.top >= maximum && scale.ticks.count <= 6)
    }
}
