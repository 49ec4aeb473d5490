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

    static var libreOffice: String? {
        ["/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/local/bin/soffice"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Where LibreOffice is installed (optional, docs/operations.md), the document converts to PDF.
    @Test(.enabled(if: libreOffice != nil, "LibreOffice is not installed")) func theDocumentConvertsToPDF() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dangbo-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let docx = directory.appendingPathComponent("bao-cao.docx")
        try PartyDocumentDOCX.write(Self.example, to: docx)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.libreOffice!)
        process.arguments = ["--headless", "-env:UserInstallation=file://\(directory.path)/profile", "--convert-to", "pdf",
                             "--outdir", directory.path, docx.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let pdf = try Data(contentsOf: directory.appendingPathComponent("bao-cao.pdf"))
        #expect(process.terminationStatus == 0 && pdf.starts(with: Data("%PDF".utf8)) && pdf.count > 5_000)
    }
}
