import DangBoCore
@testable import DangBoInterchange
import Foundation
import Testing

/// A party document as .docx: a package Word and LibreOffice open (content types, relationships, well-formed parts),
/// A4 with the margins of RULES §9, Times New Roman, the HD 36 components in reading order with the text escaped, the
/// header rule, the table's header row repeated; the same document gives the same bytes.
@Suite struct PartyDocumentDOCXTests {
    static let example = PartyDocument(
        superior: "Đảng bộ tỉnh Vĩnh Phúc", issuer: "Đảng ủy Khối các cơ quan tỉnh", number: 15, typeCode: "BC", issuerCode: "ĐUK",
        place: "Vĩnh Phúc", date: Day(iso: "2021-03-30")!, kind: "BÁO CÁO",
        summary: "Sơ kết công tác xây dựng Đảng quý I, phương hướng nhiệm vụ quý II năm 2021",
        body: [
            .heading("I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ QUÝ I", level: 1),
            .heading("1. Công tác tổ chức, cán bộ", level: 2),
            .paragraph("Đến 30/3/2021, Đảng bộ Khối các cơ quan tỉnh có 57 chi, đảng bộ cơ sở, với 4.046 đảng viên."),
            .paragraph("Ban chấp hành & Ban thường vụ <dự thảo>"),
            .table(header: ["Tổ chức", "Đảng viên", "Nữ"], rows: [["Chi bộ A", "1.234", "56"], ["Chi bộ B", "12", "3"]]),
        ],
        authority: "T/M Ban Thường vụ", signerTitle: "Bí thư", signerName: "Nguyễn Văn Bình",
        recipients: ["Thường trực Tỉnh ủy (b/c),", "Ban Tổ chức Tỉnh ủy (b/c),", "Lưu VP."])

    /// The parts of a written package, by path, its bytes and its texts in reading order.
    static func parts(of document: PartyDocument) throws -> (bytes: Data, parts: [String: [XMLTokenizer.Token]], texts: [String]) {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dangbo-\(UUID().uuidString).docx")
        defer { try? FileManager.default.removeItem(at: url) }
        try PartyDocumentDOCX.write(document, to: url)
        let package = try XLSXPackage(url: url, limits: .standard)
        var parts: [String: [XMLTokenizer.Token]] = [:]
        for path in ["[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels", "word/styles.xml",
                     "word/settings.xml", "word/document.xml"] {
            var tokens: [XMLTokenizer.Token] = []
            try package.parse(path, large: true) { tokens.append($0) }  // NB: throws unless well-formed
            parts[path] = tokens
        }
        return (try Data(contentsOf: url), parts, try PartyDocumentDOCX.texts(of: url))
    }

    static func elements(_ tokens: [XMLTokenizer.Token], named name: String) -> [XMLTokenizer.Element] {
        tokens.compactMap { if case .start(let element) = $0, element.name == name { element } else { nil } }
    }

    @Test func theComponentsOfHD36InReadingOrder() throws {
        let texts = try Self.parts(of: Self.example).texts
        let expected = ["ĐẢNG BỘ TỈNH VĨNH PHÚC", "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH", "*", "Số 15-BC/ĐUK", "ĐẢNG CỘNG SẢN VIỆT NAM",
                        "Vĩnh Phúc, ngày 30 tháng 3 năm 2021", "BÁO CÁO",
                        "Sơ kết công tác xây dựng Đảng quý I, phương hướng nhiệm vụ quý II năm 2021", "-----",
                        "I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ QUÝ I", "1. Công tác tổ chức, cán bộ",
                        "Đến 30/3/2021, Đảng bộ Khối các cơ quan tỉnh có 57 chi, đảng bộ cơ sở, với 4.046 đảng viên.",
                        "Ban chấp hành & Ban thường vụ <dự thảo>",
                        "Tổ chức", "Đảng viên", "Nữ", "Chi bộ A", "1.234", "56", "Chi bộ B", "12", "3",
                        "Nơi nhận:", "- Thường trực Tỉnh ủy (b/c),", "- Ban Tổ chức Tỉnh ủy (b/c),", "- Lưu VP.",
                        "T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Nguyễn Văn Bình"]
        #expect(texts == expected)
    }

    @Test func a4TheMarginsTheFontTheRuleAndTheRepeatedHeaderRow() throws {
        let parts = try Self.parts(of: Self.example).parts
        let document = try #require(parts["word/document.xml"])
        let size = try #require(Self.elements(document, named: "pgSz").first)
        #expect(size["w"] == "11906" && size["h"] == "16838")
        let margins = try #require(Self.elements(document, named: "pgMar").first)
        // 20 mm top and bottom, 30 mm left, 15 mm right, in twentieths of a point.
        #expect(margins["top"] == "1134" && margins["bottom"] == "1134" && margins["left"] == "1701" && margins["right"] == "850")
        let styles = try #require(parts["word/styles.xml"])
        let fonts = try #require(Self.elements(styles, named: "rFonts").first)
        #expect(["ascii", "hAnsi", "cs", "eastAsia"].allSatisfy { fonts[$0] == "Times New Roman" })
        // The header's rule: one paragraph border, under "ĐẢNG CỘNG SẢN VIỆT NAM".
        #expect(Self.elements(document, named: "pBdr").count == 1)
        #expect(Self.elements(document, named: "tblHeader").count == 1)
        // The document part is the package's main document.
        let types = try #require(parts["[Content_Types].xml"])
        let overrides = Self.elements(types, named: "Override")
        #expect(overrides.contains { $0["PartName"] == "/word/document.xml"
            && $0["ContentType"] == "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml" })
        let relationships = try #require(parts["_rels/.rels"])
        let relationship = try #require(Self.elements(relationships, named: "Relationship").first)
        #expect(relationship["Target"] == "word/document.xml")
    }

    @Test func aDraftLeavesRoomForItsNumberAndTheSameDocumentGivesTheSameBytes() throws {
        var draft = Self.example
        draft.number = nil
        draft.superior = ""
        let written = try Self.parts(of: draft)
        let texts = written.texts
        #expect(texts.prefix(3) == ["ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH", "*", "Số     -BC/ĐUK"])
        #expect(try Self.parts(of: draft).bytes == written.bytes)
    }

    /// Where LibreOffice is installed (optional, docs/operations.md), the document converts to PDF through
    /// `PartyDocumentPDF` (what `dangbo report issued --format pdf` runs), its chart included.
    @Test(.enabled(if: PartyDocumentPDF.program != nil, "LibreOffice is not installed")) func theDocumentConvertsToPDF() throws {
        var document = Self.example
        document.body.append(.chart(PartyDocument.Chart(title: "Biến động đảng viên quý I/2021", categories: ["Kết nạp", "Chuyển đi"],
                                                        series: [.init(name: "Đảng viên", values: [26, 12])])))
        let pdf = FileManager.default.temporaryDirectory.appendingPathComponent("dangbo-\(UUID().uuidString).pdf")
        defer { try? FileManager.default.removeItem(at: pdf) }
        try PartyDocumentPDF.write(document, to: pdf)
        let bytes = try Data(contentsOf: pdf)
        #expect(bytes.starts(with: Data("%PDF".utf8)) && bytes.count > 5_000)
    }

    /// Point 5: a chart of the document is a native Word chart: its own part, declared and related, placed inline in
    /// the body where the block stands, its categories and values cached in the part (the document's own figures),
    /// with its title as text; the appendix's charts follow the body's in numbering.
    @Test func aChartIsANativeChartPartWithItsFiguresCached() throws {
        var document = Self.example
        let movements = PartyDocument.Chart(title: "Biến động đảng viên quý I/2021", categories: ["Kết nạp", "Chuyển đến", "Từ trần"],
                                            series: [.init(name: "Đảng viên", values: [26, 1_234, 0])])
        let ages = PartyDocument.Chart(title: "Độ tuổi", categories: ["18-30", "31-35"],
                                       series: [.init(name: "Nam", values: [3, 4]), .init(name: "Nữ & khác", values: [5, 6])])
        document.body.insert(.chart(movements), at: 4)
        document.appendix = [.heading("PHỤ LỤC", level: 1), .chart(ages)]
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dangbo-\(UUID().uuidString).docx")
        defer { try? FileManager.default.removeItem(at: url) }
        try PartyDocumentDOCX.write(document, to: url)
        let package = try XLSXPackage(url: url, limits: .standard)
        func tokens(_ path: String) throws -> [XMLTokenizer.Token] {
            var tokens: [XMLTokenizer.Token] = []
            try package.parse(path, large: true) { tokens.append($0) }
            return tokens
        }
        /// The texts of every `c:v` of a chart part, in order.
        func cached(_ path: String) throws -> [String] {
            var values: [String] = [], inValue = false
            for token in try tokens(path) {
                switch token {
                case .start(let element): inValue = element.name == "v"  // NB: names without their prefix (c:v)
                case .text(let text, _) where inValue: values.append(text)
                case .end: inValue = false
                default: break
                }
            }
            return values
        }
        #expect(try cached("word/charts/chart1.xml") == ["Đảng viên", "Kết nạp", "Chuyển đến", "Từ trần", "26", "1234", "0"])
        #expect(try cached("word/charts/chart2.xml") == ["Nam", "18-30", "31-35", "3", "4", "Nữ & khác", "18-30", "31-35", "5", "6"])
        let types = Self.elements(try tokens("[Content_Types].xml"), named: "Override").compactMap { $0["PartName"] }
        #expect(types.contains("/word/charts/chart1.xml") && types.contains("/word/charts/chart2.xml"))
        let relationships = Self.elements(try tokens("word/_rels/document.xml.rels"), named: "Relationship")
            .filter { $0["Type"]?.hasSuffix("/chart") == true }
        #expect(relationships.map { $0["Target"] } == ["charts/chart1.xml", "charts/chart2.xml"])
        let body = try tokens("word/document.xml")
        #expect(Self.elements(body, named: "chart").map { $0["id"] } == ["rIdChart1", "rIdChart2"])
        let texts = try PartyDocumentDOCX.texts(of: url)
        let title = try #require(texts.firstIndex(of: "Biến động đảng viên quý I/2021"))
        #expect(texts[title - 1] == "Ban chấp hành & Ban thường vụ <dự thảo>" && texts.last == "Độ tuổi")
    }
}
