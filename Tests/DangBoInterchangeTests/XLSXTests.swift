import Foundation
import Testing
@testable import DangBoInterchange

/// The XLSX codecs: what the writer writes the reader reads back unchanged, and workbooks as Excel writes them
/// (shared strings, rich text, styles, dates, numbers) read as the user sees them.
@Suite struct XLSXTests {
    // MARK: - Round trip

    @Test func writerAndReaderAgree() throws {
        // setup
        let folder = try TemporaryFolder()
        let url = folder.url.appendingPathComponent("book.xlsx")
        let wide = (0..<30).map { "c\($0)" }
        let tables = [
            Table(name: "members", header: ["national_id", "full_name", "note", "birth_date"], rows: [
                TableRow(line: 2, cells: ["001085012345", "Nguyễn Thị Hà", "", "1985-04-12"]),
                TableRow(line: 3, cells: ["026190004321", "", "Đảng ủy Khối <Cơ quan> & \"Doanh nghiệp\"", ""]),
                TableRow(line: 4, cells: ["3", "dòng 1\ndòng 2", "x\r\ny", " khoảng trắng "]),
                TableRow(line: 5, cells: ["4", "_x0041_ \u{1} \t", "=1+1", "😀 e\u{301}"]),
            ]),
            Table(name: "events", header: ["national_id", "kind"], rows: [
                TableRow(line: 2, cells: ["001085012345", "admitted"]),
            ]),
            Table(name: "empty", header: [], rows: []),
            Table(name: "wide", header: wide, rows: [TableRow(line: 2, cells: wide.map { $0.uppercased() })]),
        ]
        // MUT
        try XLSXWriter.write(tables, to: url)
        let read = try XLSXReader.read(url: url)
        // validate
        #expect(read == tables)
    }

    @Test func writerSkipsEmptyRowsButKeepsRowNumbers() throws {
        // setup
        let folder = try TemporaryFolder()
        let url = folder.url.appendingPathComponent("book.xlsx")
        let table = Table(name: "organizations", header: ["code", "name"], rows: [
            TableRow(line: 2, cells: ["VD", "Đảng bộ Khối"]),
            TableRow(line: 3, cells: ["", ""]),
            TableRow(line: 4, cells: ["VD.01", ""]),
        ])
        // MUT
        try XLSXWriter.write([table], to: url)
        // validate
        #expect(try XLSXReader.read(url: url) == [Table(name: "organizations", header: ["code", "name"], rows: [
            TableRow(line: 2, cells: ["VD", "Đảng bộ Khối"]),
            TableRow(line: 4, cells: ["VD.01", ""]),
        ])])
    }

    @Test func theSameTablesGiveTheSameBytes() throws {
        let folder = try TemporaryFolder()
        let first = folder.url.appendingPathComponent("first.xlsx")
        let second = folder.url.appendingPathComponent("second.xlsx")
        let tables = [Table(name: "members", header: ["a"], rows: [TableRow(line: 2, cells: ["Hà"])])]
        try XLSXWriter.write(tables, to: first)
        try XLSXWriter.write(tables, to: second)
        #expect(try Data(contentsOf: first) == Data(contentsOf: second))
    }

    @Test(arguments: [
        (["members", "events"], ["members", "events"]),
        (["Danh sách đảng viên của Đảng bộ Khối cơ quan tỉnh"], ["Danh sách đảng viên của Đảng bộ"]),
        (["a/b", "c:d?", "[x]*", "'trích'"], ["a_b", "c_d_", "_x__", "trích"]),
        (["members", "Members", "MEMBERS"], ["members", "Members (2)", "MEMBERS (3)"]),
        (["", "History", "Sheet1"], ["Sheet1", "Sheet2", "Sheet1 (2)"]),
        ([String(repeating: "x", count: 40), String(repeating: "x", count: 35)],
         [String(repeating: "x", count: 31), String(repeating: "x", count: 27) + " (2)"]),
    ])
    func sheetNamesAreValidForExcel(names: [String], expected: [String]) {
        #expect(XLSXWriter.sheetNames(names) == expected)
    }

    @Test(arguments: [(0, "A"), (1, "B"), (25, "Z"), (26, "AA"), (51, "AZ"), (701, "ZZ"), (702, "AAA"), (16383, "XFD")])
    func columnNames(column: Int, name: String) {
        #expect(XLSXWriter.columnName(column) == name)
    }

    @Test func noTablesGiveOneEmptySheet() throws {
        let folder = try TemporaryFolder()
        let url = folder.url.appendingPathComponent("book.xlsx")
        try XLSXWriter.write([], to: url)
        #expect(try XLSXReader.read(url: url) == [Table(name: "Sheet1", header: [], rows: [])])
    }

    // MARK: - A workbook as Excel writes it

    static let contentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/></Types>
        """
    static let packageRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
          <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
        </Relationships>
        """
    /// The sheets in workbook order are not in file order, and one target is absolute.
    static let workbook = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
          <workbookPr defaultThemeVersion="124226"/>
          <sheets>
            <sheet name="members" sheetId="1" r:id="rId7"/>
            <sheet name="Biểu đồ" sheetId="3" r:id="rId9"/>
            <sheet name="events" sheetId="2" r:id="rId8"/>
          </sheets>
        </workbook>
        """
    static let workbookRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
          <Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
          <Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet2.xml"/>
          <Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/>
          <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
          <Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>
        </Relationships>
        """
    /// 0 "national_id", 1 "full_name", 2 "admitted_on", 3 rich text, 4 with a phonetic guide, 5 escapes.
    static let sharedStrings = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="6" uniqueCount="6">
          <si><t>national_id</t></si>
          <si><t>full_name</t></si>
          <si><t>admitted_on</t></si>
          <si><r><rPr><b/><sz val="11"/></rPr><t xml:space="preserve">Nguyễn </t></r><r><rPr><i/></rPr><t>Thị Hà</t></r></si>
          <si><t>Đảng ủy</t><rPh sb="0" eb="1"><t>ダン</t></rPh><phoneticPr fontId="1"/></si>
          <si><t>A &amp; B_x000D_
        C_x005F_x0041_</t></si>
        </sst>
        """
    /// Cell formats: 0 General, 1 built-in 14 (d/m/yyyy), 2 custom dd/mm/yyyy, 3 custom with "y" only in quotes,
    /// 4 custom with "d" only in brackets, 5 text. The cell style format with numFmtId 14 is not a cell format.
    static let styles = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
          <numFmts count="3">
            <numFmt numFmtId="164" formatCode="dd/mm/yyyy;@"/>
            <numFmt numFmtId="165" formatCode="&quot;Ngày &quot;0"/>
            <numFmt numFmtId="166" formatCode="[Red]0.00"/>
          </numFmts>
          <cellStyleXfs count="1"><xf numFmtId="14" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
          <cellXfs count="6">
            <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
            <xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
            <xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"><alignment horizontal="left"/></xf>
            <xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
            <xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
            <xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
          </cellXfs>
        </styleSheet>
        """
    static let members = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
          <dimension ref="A1:F8"/>
          <sheetData>
            <row r="1" spans="1:6">
              <c r="A1" t="s"><v>0</v></c>
              <c r="C1" t="s"><v>2</v></c>
              <c r="D1" t="inlineStr"><is><t>score</t></is></c>
              <c r="E1" t="inlineStr"><is><r><t>act</t></r><r><t>ive</t></r></is></c>
              <c r="F1" t="str"><f>"no"&amp;"te"</f><v>note</v></c>
            </row>
            <row r="2">
              <c r="A2"><v>12345678901</v></c>
              <c r="B2" t="s"><v>3</v></c>
              <c r="C2" s="1"><v>44285</v></c>
              <c r="D2"><v>1.5</v></c>
              <c r="E2" t="b"><v>1</v></c>
              <c r="F2" t="str"><f>B7</f><v>Đảng ủy</v></c>
            </row>
            <row r="5">
              <c r="A5" s="5"><v>1.23456789012E+11</v></c>
              <c r="C5" s="2"><v>44286.75</v></c>
              <c r="D5" s="3"><v>7</v></c>
              <c r="E5" t="b"><v>0</v></c>
            </row>
            <row r="6"><c r="A6" s="1"/><c r="B6" t="s"/></row>
            <row r="7">
              <c r="A7" t="s"><v>4</v></c>
              <c r="B7" t="s"><v>5</v></c>
              <c r="C7" s="4"><v>2.5</v></c>
              <c r="D7" s="1"><v>60</v></c>
              <c r="E7" s="1"><v>59</v></c>
              <c r="F7" t="e"><f>1/0</f><v>#DIV/0!</v></c>
            </row>
            <row r="8"><c><v>-0.000025</v></c><c t="s"><v>1</v></c><c r="G8"><v>1E+20</v></c></row>
          </sheetData>
        </worksheet>
        """
    /// Prefixed element names, as some generators write them.
    static let events = """
        <?xml version="1.0" encoding="UTF-8"?>
        <x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
          <x:sheetData>
            <x:row r="3"><x:c r="B3" t="inlineStr"><x:is><x:t>kind</x:t></x:is></x:c></x:row>
            <x:row r="4"><x:c r="A4" t="inlineStr"><x:is><x:t>x</x:t></x:is></x:c><x:c r="B4" t="inlineStr"><x:is><x:t>admitted</x:t></x:is></x:c></x:row>
          </x:sheetData>
        </x:worksheet>
        """

    static func handMade(_ replacing: [String: String] = [:], in folder: TemporaryFolder) throws -> URL {
        var parts: [(path: String, text: String)] = [
            ("[Content_Types].xml", contentTypes),
            ("_rels/.rels", packageRelationships),
            ("xl/workbook.xml", workbook),
            ("xl/_rels/workbook.xml.rels", workbookRelationships),
            ("xl/sharedStrings.xml", sharedStrings),
            ("xl/styles.xml", styles),
            ("xl/worksheets/sheet1.xml", events),
            ("xl/worksheets/sheet2.xml", members),
        ]
        for (path, text) in replacing {
            parts.removeAll { $0.path == path }
            parts.append((path, text))
        }
        let url = folder.url.appendingPathComponent("book.xlsx")
        // NB: `zip` is ZIPFoundation under the hood, writing exactly these parts.
        try XLSXWriter.zip(parts.filter { !$0.text.isEmpty }, to: url)
        return url
    }

    @Test func readsAWorkbookAsExcelWritesIt() throws {
        // setup
        let folder = try TemporaryFolder()
        let url = try Self.handMade(in: folder)
        // MUT
        let tables = try XLSXReader.read(url: url)
        // validate
        #expect(tables.map(\.name) == ["members", "events"])
        #expect(tables.first?.header == ["national_id", "", "admitted_on", "score", "active", "note"])
        #expect(tables.first?.rows == [
            TableRow(line: 2, cells: ["12345678901", "Nguyễn Thị Hà", "2021-03-30", "1.5", "TRUE", "Đảng ủy"]),
            TableRow(line: 5, cells: ["123456789012", "", "2021-03-31", "7", "FALSE", ""]),
            TableRow(line: 7, cells: ["Đảng ủy", "A & B\r\nC_x0041_", "2.5", "1900-02-29", "1900-02-28", "#DIV/0!"]),
            TableRow(line: 8, cells: ["-0.000025", "full_name", "", "", "", "", "100000000000000000000"]),
        ])
        #expect(tables.last == Table(name: "events", header: ["", "kind"], rows: [TableRow(line: 4, cells: ["x", "admitted"])]))
    }

    @Test func aWorkbookWithoutSharedStringsOrStylesReads() throws {
        let folder = try TemporaryFolder()
        let url = try Self.handMade([
            "xl/sharedStrings.xml": "", "xl/styles.xml": "",
            "xl/_rels/workbook.xml.rels": """
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                <Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
                <Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
                <Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/>
                </Relationships>
                """,
        ], in: folder)
        #expect(try XLSXReader.read(url: url).map(\.name) == ["members", "events"])
    }

    // MARK: - Values

    @Test(arguments: [
        ("12345678901", "12345678901"), ("001085012345", "1085012345"), ("1.23456789012E+11", "123456789012"),
        ("1.5", "1.5"), ("-0.25", "-0.25"), ("1.0", "1"), ("0", "0"), ("-0", "0"), ("1E-05", "0.00001"),
        ("-2.5E-7", "-0.00000025"), ("1e20", "100000000000000000000"), ("1.5E+300", "15" + String(repeating: "0", count: 299)),
        ("0.30000000000000004", "0.30000000000000004"), ("3.14159", "3.14159"), ("abc", "abc"),
    ])
    func numbersPrintAsPlainDecimals(raw: String, expected: String) {
        #expect(NumberFormat.plain(raw) == expected)
    }

    @Test(arguments: [
        ("44285", false, "2021-03-30"), ("44285.999", false, "2021-03-30"), ("1", false, "1900-01-01"),
        ("59", false, "1900-02-28"), ("60", false, "1900-02-29"), ("61", false, "1900-03-01"),
        ("36526", false, "2000-01-01"), ("2958465", false, "9999-12-31"), ("2958466", false, nil),
        ("0.5", false, nil), ("-1", false, nil), ("x", false, nil),
        ("0", true, "1904-01-01"), ("42823", true, "2021-03-30"),
    ] as [(String, Bool, String?)])
    func daySerials(serial: String, date1904: Bool, expected: String?) {
        #expect(NumberFormat.day(serial: serial, date1904: date1904) == expected)
    }

    @Test(arguments: [
        ("dd/mm/yyyy", true), ("DD/MM/YYYY", true), ("d-mmm-yy", true), ("yyyy", true), ("[$-42A]dd/mm/yyyy", true),
        ("mm:ss", true), ("dd/mm/yyyy;@", true),
        ("\"Ngày \"0", false), ("[Red]0.00", false), ("0.00", false), ("#,##0 \"đ\"", false), ("General", false),
        ("@", false), ("\\d0", false), ("_d0", false), ("*d0", false), ("[$₫-42A] #,##0", false),
    ])
    func dateFormats(code: String, showsDate: Bool) {
        #expect(NumberFormat.showsDate(code) == showsDate)
    }

    @Test(arguments: [
        ("Nguyễn Thị Hà", "Nguyễn Thị Hà"), ("a_x000D_b", "a\rb"), ("_x005F_x0041_", "_x0041_"), ("_x00_", "_x00_"),
        ("_x+041_", "_x+041_"), ("_xZZZZ_", "_xZZZZ_"), ("a_x0001_", "a\u{1}"),
    ])
    func stringEscapes(stored: String, text: String) {
        #expect(OOXMLText.unescaped(stored) == text)
        #expect(OOXMLText.unescaped(OOXMLText.escaped(text)) == text)
    }

    // MARK: - Errors

    @Test func aFileThatIsNotAZipIsNamed() throws {
        let folder = try TemporaryFolder()
        let url = folder.url.appendingPathComponent("book.xlsx")
        try Data("national_id,full_name\n".utf8).write(to: url)
        #expect(throws: CodecError(file: "book.xlsx", line: nil, message: "không phải tệp Excel (.xlsx) hợp lệ")) {
            try XLSXReader.read(url: url)
        }
    }

    @Test func anOldExcelFileIsToldApart() throws {
        let folder = try TemporaryFolder()
        let url = folder.url.appendingPathComponent("book.xlsx")
        try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 512)).write(to: url)
        let error = #expect(throws: CodecError.self) { try XLSXReader.read(url: url) }
        #expect(error?.message.hasPrefix("không phải tệp Excel (.xlsx) hợp lệ: tệp .xls cũ") == true)
    }

    @Test func aMissingFileIsNamed() throws {
        let folder = try TemporaryFolder()
        #expect(throws: CodecError(file: "book.xlsx", line: nil, message: "không đọc được tệp")) {
            try XLSXReader.read(url: folder.url.appendingPathComponent("book.xlsx"))
        }
    }

    @Test(arguments: [
        ("xl/workbook.xml", "", "không phải tệp Excel (.xlsx) hợp lệ: thiếu xl/workbook.xml"),
        ("xl/worksheets/sheet2.xml", "", "không phải tệp Excel (.xlsx) hợp lệ: thiếu xl/worksheets/sheet2.xml"),
        ("xl/worksheets/sheet2.xml", "<worksheet><sheetData><row>", "không phải tệp Excel (.xlsx) hợp lệ: xl/worksheets/sheet2.xml không phải XML hợp lệ: tệp kết thúc khi thẻ <row> chưa đóng"),
    ])
    func aBrokenWorkbookIsNamed(path: String, text: String, message: String) throws {
        let folder = try TemporaryFolder()
        let url = try Self.handMade([path: text], in: folder)
        #expect(throws: CodecError(file: "book.xlsx", line: nil, message: message)) { try XLSXReader.read(url: url) }
    }

    @Test func aMissingSharedStringNamesItsCell() throws {
        let folder = try TemporaryFolder()
        let url = try Self.handMade(["xl/worksheets/sheet1.xml": """
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
            <row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="B2" t="s"><v>99</v></c></row>
            </sheetData></worksheet>
            """], in: folder)
        #expect(throws: CodecError(file: "book.xlsx[events]", line: 2,
                                   message: "ô B2 trỏ tới chuỗi dùng chung không có trong tệp (99)")) {
            try XLSXReader.read(url: url)
        }
    }
}
