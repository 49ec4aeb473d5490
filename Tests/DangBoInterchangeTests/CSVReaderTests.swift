import Foundation
import Testing
@testable import DangBoInterchange

/// The CSV codec: RFC 4180 as spreadsheets write it, each record with the physical line it starts on, read the same
/// whatever the chunk size, so that a record split over two chunks reads like any other.
@Suite struct CSVReaderTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var label: String
        var input: String
        var header: [String]
        var rows: [TableRow]
        var testDescription: String { label }
    }

    static let cases: [Case] = [
        Case(label: "LF", input: "a,b\n1,2\n3,4\n", header: ["a", "b"],
             rows: [TableRow(line: 2, cells: ["1", "2"]), TableRow(line: 3, cells: ["3", "4"])]),
        Case(label: "CRLF", input: "a,b\r\n1,2\r\n3,4\r\n", header: ["a", "b"],
             rows: [TableRow(line: 2, cells: ["1", "2"]), TableRow(line: 3, cells: ["3", "4"])]),
        Case(label: "no newline at the end", input: "a,b\n1,2", header: ["a", "b"],
             rows: [TableRow(line: 2, cells: ["1", "2"])]),
        Case(label: "CR at the very end", input: "a,b\r\n1,2\r", header: ["a", "b"],
             rows: [TableRow(line: 2, cells: ["1", "2"])]),
        Case(label: "Vietnamese", input: "họ_tên,đơn_vị\nNguyễn Thị Hà,Đảng ủy Khối\n", header: ["họ_tên", "đơn_vị"],
             rows: [TableRow(line: 2, cells: ["Nguyễn Thị Hà", "Đảng ủy Khối"])]),
        Case(label: "byte order mark", input: "\u{FEFF}a,b\n1,2\n", header: ["a", "b"],
             rows: [TableRow(line: 2, cells: ["1", "2"])]),
        Case(label: "quoted comma", input: "name,place\n\"Nguyễn Thị Hà\",\"Hà Nội, Việt Nam\"\n", header: ["name", "place"],
             rows: [TableRow(line: 2, cells: ["Nguyễn Thị Hà", "Hà Nội, Việt Nam"])]),
        Case(label: "escaped quotes", input: "a,b\n\"Chi bộ \"\"Sở Y tế\"\"\",\"\"\"\"\n", header: ["a", "b"],
             rows: [TableRow(line: 2, cells: ["Chi bộ \"Sở Y tế\"", "\""])]),
        Case(label: "newlines inside quotes count as lines", input: "a,b\n\"dòng 1\ndòng 2\n\",x\n3,4\n", header: ["a", "b"],
             rows: [TableRow(line: 2, cells: ["dòng 1\ndòng 2\n", "x"]), TableRow(line: 5, cells: ["3", "4"])]),
        Case(label: "CRLF inside quotes is kept", input: "a\r\n\"x\r\ny\"\r\nz\r\n", header: ["a"],
             rows: [TableRow(line: 2, cells: ["x\r\ny"]), TableRow(line: 4, cells: ["z"])]),
        Case(label: "quoted header with a newline", input: "\"ngày\nvào Đảng\",b\n1,2\n", header: ["ngày\nvào Đảng", "b"],
             rows: [TableRow(line: 3, cells: ["1", "2"])]),
        Case(label: "empty lines are skipped but counted", input: "a\n\n1\n\r\n\n2\n\n", header: ["a"],
             rows: [TableRow(line: 3, cells: ["1"]), TableRow(line: 6, cells: ["2"])]),
        Case(label: "empty lines before the header", input: "\n\na,b\n1,2\n", header: ["a", "b"],
             rows: [TableRow(line: 4, cells: ["1", "2"])]),
        Case(label: "lines of separators only are skipped", input: "a,b\n,\n1,2\n,,\n", header: ["a", "b"],
             rows: [TableRow(line: 3, cells: ["1", "2"])]),
        Case(label: "empty fields", input: "a,b,c\n,,x\n1,,\n\"\",y,\"\"\n", header: ["a", "b", "c"],
             rows: [TableRow(line: 2, cells: ["", "", "x"]), TableRow(line: 3, cells: ["1", "", ""]),
                    TableRow(line: 4, cells: ["", "y", ""])]),
        Case(label: "rows keep their own width", input: "a,b\n1\n1,2,3\n", header: ["a", "b"],
             rows: [TableRow(line: 2, cells: ["1"]), TableRow(line: 3, cells: ["1", "2", "3"])]),
        Case(label: "a lone CR is data", input: "a\nx\ry\n", header: ["a"],
             rows: [TableRow(line: 2, cells: ["x\ry"])]),
        Case(label: "quotes inside an unquoted field are data", input: "a\n12\"3\n", header: ["a"],
             rows: [TableRow(line: 2, cells: ["12\"3"])]),
        Case(label: "text after a closing quote is kept", input: "a\n\"x\"y\n", header: ["a"],
             rows: [TableRow(line: 2, cells: ["xy"])]),
        Case(label: "header only", input: "a,b\n", header: ["a", "b"], rows: []),
        Case(label: "empty file", input: "", header: [], rows: []),
        Case(label: "byte order mark only", input: "\u{FEFF}", header: [], rows: []),
    ]

    /// 1 and 2 split every multi-byte character, the byte order mark, CRLF and "" over chunks.
    static let chunkSizes = [1, 2, 3, 7, CSVReader.defaultChunkSize]

    static func read(_ bytes: [UInt8], chunkSize: Int = CSVReader.defaultChunkSize) throws -> Table {
        let reader = CSVReader(data: Data(bytes), name: "members.csv", chunkSize: chunkSize)
        let header = try reader.header()
        var rows: [TableRow] = []
        while let row = try reader.next() { rows.append(row) }
        return Table(name: reader.name, header: header, rows: rows)
    }

    @Test(arguments: cases, chunkSizes)
    func reads(_ example: Case, chunkSize: Int) throws {
        // MUT
        let table = try Self.read(Array(example.input.utf8), chunkSize: chunkSize)
        // validate
        #expect(table.header == example.header)
        #expect(table.rows == example.rows)
    }

    struct Failure: Sendable, CustomTestStringConvertible {
        var label: String
        var input: [UInt8]
        var error: CodecError
        var testDescription: String { label }
    }

    static let failures: [Failure] = [
        Failure(label: "unterminated quote", input: Array("a,b\n1,\"open\n2,3\n".utf8),
                error: CodecError(file: "members.csv", line: 2, message: "trường trong ngoặc kép không được đóng")),
        Failure(label: "unterminated quote after quoted newlines", input: Array("a\n\"x\ny\"\n\n\"z\nw".utf8),
                error: CodecError(file: "members.csv", line: 5, message: "trường trong ngoặc kép không được đóng")),
        Failure(label: "unterminated quote in the header", input: Array("\"a,b\n1,2\n".utf8),
                error: CodecError(file: "members.csv", line: 1, message: "trường trong ngoặc kép không được đóng")),
        Failure(label: "invalid byte", input: Array("a,b\n1,2\nx,".utf8) + [0xFF] + Array("\n".utf8),
                error: CodecError(file: "members.csv", line: 3, message: "tệp không phải UTF-8 hợp lệ")),
        Failure(label: "Latin-1 text", input: Array("a\n".utf8) + [0x48, 0xE0, 0x20, 0x4E, 0xF4, 0x69, 0x0A],
                error: CodecError(file: "members.csv", line: 2, message: "tệp không phải UTF-8 hợp lệ")),
        Failure(label: "invalid byte in a quoted field", input: Array("a\n\"x\n".utf8) + [0xC3, 0x28] + Array("\"\n".utf8),
                error: CodecError(file: "members.csv", line: 2, message: "tệp không phải UTF-8 hợp lệ")),
        Failure(label: "character cut at the end", input: Array("a\nH".utf8) + [0xC3],
                error: CodecError(file: "members.csv", line: 2, message: "tệp không phải UTF-8 hợp lệ")),
        Failure(label: "overlong slash", input: Array("a\nx".utf8) + [0xC0, 0xAF],
                error: CodecError(file: "members.csv", line: 2, message: "tệp không phải UTF-8 hợp lệ")),
        Failure(label: "surrogate", input: Array("a\nx".utf8) + [0xED, 0xA0, 0x80],
                error: CodecError(file: "members.csv", line: 2, message: "tệp không phải UTF-8 hợp lệ")),
        Failure(label: "past U+10FFFF", input: Array("a\nx".utf8) + [0xF4, 0x90, 0x80, 0x80],
                error: CodecError(file: "members.csv", line: 2, message: "tệp không phải UTF-8 hợp lệ")),
        Failure(label: "four-byte character cut short", input: Array("a\nx".utf8) + [0xF0, 0x9F, 0x98, 0x41],
                error: CodecError(file: "members.csv", line: 2, message: "tệp không phải UTF-8 hợp lệ")),
    ]

    @Test(arguments: failures, chunkSizes)
    func fails(_ example: Failure, chunkSize: Int) {
        #expect(throws: example.error) { try Self.read(example.input, chunkSize: chunkSize) }
    }

    @Test func anErrorNamesFileAndLine() {
        // setup
        let error = CodecError(file: "members.csv", line: 12, message: "trường trong ngoặc kép không được đóng")
        // validate
        #expect(error.description == "members.csv:12: trường trong ngoặc kép không được đóng")
        #expect(CodecError(file: "members.csv", line: nil, message: "không đọc được tệp").description
            == "members.csv: không đọc được tệp")
    }

    @Test(arguments: chunkSizes)
    func readsAFile(chunkSize: Int) throws {
        // setup
        let folder = try TemporaryFolder()
        let url = folder.url.appendingPathComponent("members.csv")
        try Data("\u{FEFF}họ_tên,ghi_chú\r\nNguyễn Thị Hà,\"Đảng ủy,\r\nKhối\"\r\n\r\nLê Văn An,\r\n".utf8).write(to: url)
        // MUT
        let reader = try CSVReader(url: url, chunkSize: chunkSize)
        let header = try reader.header()
        var rows: [TableRow] = []
        while let row = try reader.next() { rows.append(row) }
        // validate
        #expect(reader.name == "members.csv")
        #expect(header == ["họ_tên", "ghi_chú"])
        #expect(rows == [TableRow(line: 2, cells: ["Nguyễn Thị Hà", "Đảng ủy,\r\nKhối"]),
                         TableRow(line: 5, cells: ["Lê Văn An", ""])])
        #expect(try CSVReader.read(url: url) == Table(name: "members.csv", header: header, rows: rows))
    }

    @Test func aMissingFileIsNamed() throws {
        let folder = try TemporaryFolder()
        #expect(throws: CodecError(file: "members.csv", line: nil, message: "không đọc được tệp")) {
            try CSVReader.read(url: folder.url.appendingPathComponent("members.csv"))
        }
    }

    @Test func nextReadsTheHeaderFirst() throws {
        let reader = CSVReader(data: Data("a\n1\n".utf8), name: "x.csv")
        #expect(try reader.next() == TableRow(line: 2, cells: ["1"]))
        #expect(try reader.header() == ["a"])
        #expect(try reader.next() == nil)
        #expect(try reader.next() == nil)
    }

    // MARK: - Writer

    @Test func writerQuotesOnlyWhatNeedsIt() {
        let text = CSVWriter.text(header: ["a", "b", "c"], rows: [
            ["Nguyễn Thị Hà", "Hà Nội, Việt Nam", "Chi bộ \"Sở Y tế\""],
            ["dòng 1\ndòng 2", "x\r\ny", ""],
            ["x\ry", " khoảng trắng ", "001085012345"],
        ])
        #expect(text == """
            a,b,c
            Nguyễn Thị Hà,"Hà Nội, Việt Nam","Chi bộ ""Sở Y tế\"""
            "dòng 1
            dòng 2","x\r
            y",
            "x\ry", khoảng trắng ,001085012345

            """)
    }

    static let awkwardValues = [
        "Nguyễn Thị Hà", "Đảng ủy Khối", "Hà Nội, Việt Nam", "\"", "\"\"", "a\"b", "dòng 1\ndòng 2", "x\r\ny", "x\ry",
        "\n", "", " ", "001085012345", "=1+1", "\u{FEFF}giữa", "e\u{301}", "\"\u{301}", "😀",
    ]

    @Test(arguments: awkwardValues)
    func writerAndReaderAgree(_ value: String) throws {
        // setup
        let header = ["stt", "giá_trị", "sau"]
        let rows = [["1", value, "x"], [value, "2", value], ["3", "y", value]]
        // MUT
        let text = CSVWriter.text(header: header, rows: rows)
        let table = try Self.read(Array(text.utf8), chunkSize: 3)
        // validate
        let newlines = value.utf8.filter { $0 == UInt8(ascii: "\n") }.count
        #expect(table.header == header)
        #expect(table.rows == [
            TableRow(line: 2, cells: rows[0]),
            TableRow(line: 3 + newlines, cells: rows[1]),
            TableRow(line: 4 + 3 * newlines, cells: rows[2]),
        ])
    }
}

/// A fresh folder under the system's temporary folder, removed when the value goes away.
final class TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("dangbo-interchange-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}
