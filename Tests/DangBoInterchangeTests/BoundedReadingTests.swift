import DangBoCore
import Foundation
import Testing
@testable import DangBoInterchange

/// Issue 8 "Bounded memory on any input": a sheet is streamed from its zip entry row by row, whatever its size; every
/// cap of `ReadingLimits` is a clear error naming the file, the part or the cell.
@Suite struct BoundedReadingTests {
    // MARK: - Helpers

    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

    /// A workbook with one sheet `name` whose rows come from `rows` (cells as inline strings), written streamed.
    static func workbook(
        at url: URL, sheet name: String, header: [String], ending: String = "</sheetData></worksheet>",
        rows: @escaping () -> AnyIterator<[String]>
    ) throws {
        func row(_ cells: [String], _ number: Int) -> Data {
            var xml = #"<row r="\#(number)">"#
            for (column, cell) in cells.enumerated() where !cell.isEmpty {
                xml += #"<c r="\#(XLSXWriter.columnName(column))\#(number)" t="inlineStr"><is><t>"#
                    + XLSXWriter.escaped(cell, attribute: false) + "</t></is></c>"
            }
            return Data((xml + "</row>").utf8)
        }
        let sheet: () -> AnyIterator<Data> = {
            var pieces = [Data(#"<worksheet xmlns="\#(mainNamespace)"><sheetData>"#.utf8), row(header, 1)].makeIterator()
            let data = rows()
            var number = 1
            var ended = false
            return AnyIterator {
                if let piece = pieces.next() { return piece }
                if let cells = data.next() {
                    number += 1
                    return row(cells, number)
                }
                guard !ended else { return nil }
                ended = true
                return Data(ending.utf8)
            }
        }
        let parts: [(path: String, text: String)] = [
            ("[Content_Types].xml", XLSXTests.contentTypes),
            ("xl/workbook.xml", #"<workbook xmlns="\#(mainNamespace)" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="\#(name)" sheetId="1" r:id="rId1"/></sheets></workbook>"#),
            ("xl/_rels/workbook.xml.rels", """
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
                </Relationships>
                """),
        ]
        try XLSXWriter.zip(pieces: parts.map { part in
            (part.path, { AnyIterator(CollectionOfOne(Data(part.text.utf8)).makeIterator()) })
        } + [("xl/worksheets/sheet1.xml", sheet)], to: url)
    }

    /// The peak resident memory of this process so far (Linux), in bytes.
    static func peakMemory() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "") else { return nil }
        return kilobytes * 1024
    }

    static func member(_ index: Int) -> [String] {
        let id = String(format: "%012d", 1_085_000_000 + index)
        return [id, "Nguyễn Văn Thành \(index)", index % 2 == 0 ? "nam" : "nữ", "1985-04-12",
                "Ghi chú dài để trang tính vượt quá mười megabyte: đảng viên số \(index)"]
    }

    static let today = Day(year: 2026, month: 11, day: 29)!

    // MARK: - A large sheet streams

    @Test func aSheetOfSixtyThousandMembersImportsInBoundedMemory() async throws {
        // setup
        let folder = try TemporaryFolder()
        let url = folder.url.appendingPathComponent("book.xlsx")
        let count = 60_000
        try Self.workbook(at: url, sheet: "members",
                          header: ["national_id", "full_name", "gender", "birth_date", "Ghi chú"]) {
            var index = 0
            return AnyIterator {
                guard index < count else { return nil }
                index += 1
                return Self.member(index)
            }
        }
        // NB: the sheet inflates to about 15 MB: the old reader refused anything over 10 MB as "not valid XML".
        let sheetSize = try #require(XLSXPackage(url: url, limits: .standard).inflatedSize(of: "xl/worksheets/sheet1.xml"))
        #expect(sheetSize > 12_000_000)
        // NB: writing 5 to clear_refs resets the peak (Linux ≥ 4.0), so that the peak is this import's.
        try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
        let before = Self.peakMemory()
        // MUT
        let loaded = try await Importer.load(url, into: Registry(), nextOrganizationID: 1, nextMemberID: 1, today: Self.today)
        // validate
        #expect(loaded.change.members.count == count)
        #expect(loaded.change.members.last?.nationalID == String(format: "%012d", 1_085_000_000 + count))
        #expect(loaded.warnings.map(\.column) == ["Ghi chú"])
        if let before, let after = Self.peakMemory() {
            #expect(after - before < 1 << 30, "peak memory grew by \(after - before) bytes")
        }
    }

    @Test func rowsAreHandedOverBeforeTheSheetIsRead() throws {
        // setup: a sheet of 30,000 rows cut short at its end
        let folder = try TemporaryFolder()
        let url = folder.url.appendingPathComponent("book.xlsx")
        try Self.workbook(at: url, sheet: "members", header: ["a"], ending: "") {
            var index = 0
            return AnyIterator {
                index += 1
                return index <= 30_000 ? ["\(index)"] : nil
            }
        }
        // MUT
        let sheet = try #require(try XLSXReader.sheets(url: url, limits: .standard).first)
        // validate: rows come as they are parsed, before the end of the sheet is seen; the end is still checked.
        #expect(try sheet.header() == ["a"])
        #expect(try sheet.next() == TableRow(line: 2, cells: ["1"]))
        var last: TableRow?
        let error = #expect(throws: CodecError.self) { while let row = try sheet.next() { last = row } }
        #expect(last == TableRow(line: 30_001, cells: ["30000"]))
        #expect(error?.message == "không phải tệp Excel (.xlsx) hợp lệ: xl/worksheets/sheet1.xml không phải XML hợp lệ: "
            + "tệp kết thúc khi thẻ <sheetData> chưa đóng")
    }

    // MARK: - Zip caps

    /// A workbook whose sheet is `megabytes` MB of zeros, deflated (about 1,000 to 1).
    static func bomb(megabytes: Int, in folder: TemporaryFolder) throws -> URL {
        let url = folder.url.appendingPathComponent("bomb.xlsx")
        let zeros = Data(count: 1 << 20)
        let parts: [(path: String, pieces: () -> AnyIterator<Data>)] = [
            ("xl/workbook.xml", { AnyIterator(CollectionOfOne(Data(#"<workbook xmlns="\#(mainNamespace)" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="members" sheetId="1" r:id="rId1"/></sheets></workbook>"#.utf8)).makeIterator()) }),
            ("xl/_rels/workbook.xml.rels", { AnyIterator(CollectionOfOne(Data("""
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
                </Relationships>
                """.utf8)).makeIterator()) }),
            ("xl/worksheets/sheet1.xml", { AnyIterator(repeatElement(zeros, count: megabytes).makeIterator()) }),
        ]
        try XLSXWriter.zip(pieces: parts, to: url)
        return url
    }

    @Test func aZipBombIsRefusedBeforeItIsInflated() async throws {
        // setup
        let folder = try TemporaryFolder()
        let url = try Self.bomb(megabytes: 300, in: folder)
        #expect(try Data(contentsOf: url).count < 1 << 20)
        // MUT
        let started = ContinuousClock.now
        let error = await #expect(throws: ImportFailure.self) {
            try await Importer.load(url, into: Registry(), nextOrganizationID: 1, nextMemberID: 1, today: Self.today)
        }
        // validate: refused on the sizes the zip declares, long before 300 MB could inflate
        #expect(error?.issues.map(\.description) == ["bomb.xlsx: xl/worksheets/sheet1.xml nén với tỉ lệ hơn 200:1, dấu hiệu "
            + "của tệp nén độc hại (zip bomb); tệp không được giải nén"])
        #expect(ContinuousClock.now - started < .seconds(2))
    }

    @Test func aZipThatUnderstatesItsSizeIsStoppedAtItsWord() throws {
        // setup: the sheet of 20 MB of zeros declares 1,000 bytes, in its local header and its central directory
        let folder = try TemporaryFolder()
        let url = try Self.bomb(megabytes: 20, in: folder)
        var bytes = [UInt8](try Data(contentsOf: url))
        let name = Array("xl/worksheets/sheet1.xml".utf8)
        for (signature, offset, nameOffset) in [(UInt32(0x0403_4B50), 22, 30), (UInt32(0x0201_4B50), 24, 46)] {
            let magic = withUnsafeBytes(of: signature.littleEndian, Array.init)
            for start in 0..<(bytes.count - nameOffset - name.count)
            where Array(bytes[start..<start + 4]) == magic && Array(bytes[start + nameOffset..<start + nameOffset + name.count]) == name {
                bytes.replaceSubrange(start + offset..<start + offset + 4, with: withUnsafeBytes(of: UInt32(1_000).littleEndian, Array.init))
            }
        }
        try Data(bytes).write(to: url)
        // MUT / validate
        #expect(throws: CodecError(file: "bomb.xlsx", line: nil, message:
            "không phải tệp Excel (.xlsx) hợp lệ: không giải nén được xl/worksheets/sheet1.xml")) {
            try XLSXReader.read(url: url)
        }
    }

    @Test func anEntryOverTheSizeCapIsRefused() throws {
        let folder = try TemporaryFolder()
        let url = folder.url.appendingPathComponent("book.xlsx")
        try Self.workbook(at: url, sheet: "members", header: ["a"]) {
            var index = 0
            return AnyIterator {
                index += 1
                return index <= 20_000 ? ["\(index)"] : nil
            }
        }
        let limits = ReadingLimits(inflatedBytes: 256 << 10)
        #expect(throws: CodecError(file: "book.xlsx", line: nil, message: "xl/worksheets/sheet1.xml khi giải nén lớn hơn "
            + "256 KiB, quá giới hạn của một lần nhập; hãy chia thành nhiều tệp")) {
            try XLSXReader.read(url: url, limits: limits)
        }
    }

    // MARK: - Field, row and column caps

    @Test(arguments: [(4_095, true), (4_096, true), (4_097, false)])
    func aCellOverTheFieldCapIsNamed(characters: Int, accepted: Bool) throws {
        let folder = try TemporaryFolder()
        let url = folder.url.appendingPathComponent("book.xlsx")
        // NB: "ệ" decomposed is three scalars: the cap counts characters as a user sees them.
        let long = String(repeating: "e\u{323}\u{302}", count: characters)
        try Self.workbook(at: url, sheet: "members", header: ["a", "note"]) { AnyIterator(CollectionOfOne(["x", long]).makeIterator()) }
        if accepted {
            #expect(try XLSXReader.read(url: url).first?.rows.first?.cells[1].count == characters)
        } else {
            #expect(throws: CodecError(file: "book.xlsx[members]", line: 2, message:
                "ô B2 dài 4.097 ký tự, quá giới hạn 4.096 ký tự của một ô")) { try XLSXReader.read(url: url) }
        }
    }

    @Test func aSharedStringOverTheFieldCapNamesItsCell() throws {
        let folder = try TemporaryFolder()
        let url = try XLSXTests.handMade([
            "xl/sharedStrings.xml": XLSXTests.sharedStrings.replacingOccurrences(
                of: "</sst>", with: "<si><t>" + String(repeating: "x", count: 100_000) + "</t></si></sst>"),
            "xl/worksheets/sheet1.xml": #"<worksheet xmlns="\#(Self.mainNamespace)"><sheetData>"#
                + #"<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="C2" t="s"><v>6</v></c></row></sheetData></worksheet>"#,
        ], in: folder)
        #expect(throws: CodecError(file: "book.xlsx[events]", line: 2, message: "ô C2 dài quá giới hạn 4.096 ký tự của một ô")) {
            try XLSXReader.read(url: url)
        }
    }

    @Test(arguments: [(4_096, nil), (4_097, "members.csv:2: cột note dài 4.097 ký tự, quá giới hạn 4.096 ký tự của một ô"),
                      (1_000_000, "members.csv:2: cột note dài quá giới hạn 4.096 ký tự của một ô")] as [(Int, String?)])
    func aCSVFieldOverTheCapIsNamed(characters: Int, message: String?) throws {
        for quoted in [false, true] {
            let field = String(repeating: "ạ", count: characters)
            let text = "national_id,note\n1,\(quoted ? "\"\(field)\"" : field)\n"
            for chunkSize in [7, 1 << 20] {
                let reader = CSVReader(data: Data(text.utf8), name: "members.csv", chunkSize: chunkSize)
                do {
                    let row = try reader.next()
                    #expect(message == nil && row?.cells[1].count == characters)
                } catch {
                    #expect("\(error)" == message)
                }
            }
        }
    }

    @Test func rowCapsHoldForCSVAndSheets() throws {
        let limits = ReadingLimits(rows: 3)
        let text = "a\n1\n2\n3\n4\n"
        let reader = CSVReader(data: Data(text.utf8), name: "x.csv", limits: limits)
        for _ in 1...3 { _ = try reader.next() }
        #expect(throws: CodecError(file: "x.csv", line: 5, message:
            "bảng có hơn 3 dòng dữ liệu, quá giới hạn của một lần nhập; hãy chia thành nhiều tệp")) { try reader.next() }

        let folder = try TemporaryFolder()
        let url = folder.url.appendingPathComponent("book.xlsx")
        try Self.workbook(at: url, sheet: "members", header: ["a"]) { AnyIterator((1...4).map { ["\($0)"] }.makeIterator()) }
        #expect(throws: CodecError(file: "book.xlsx[members]", line: 5, message:
            "bảng có hơn 3 dòng dữ liệu, quá giới hạn của một lần nhập; hãy chia thành nhiều tệp")) {
            try XLSXReader.read(url: url, limits: limits)
        }
    }

    @Test func columnCapsHoldForCSVAndSheets() throws {
        let limits = ReadingLimits(columns: 4)
        let reader = CSVReader(data: Data("a,b,c,d\n1,2,3,4,5\n".utf8), name: "x.csv", limits: limits)
        #expect(throws: CodecError(file: "x.csv", line: 2, message: "dòng có hơn 4 cột, quá giới hạn của một bảng")) {
            try reader.next()
        }
        let folder = try TemporaryFolder()
        let url = folder.url.appendingPathComponent("book.xlsx")
        try Self.workbook(at: url, sheet: "members", header: ["a"]) { AnyIterator(CollectionOfOne(["1", "", "", "", "5"]).makeIterator()) }
        #expect(throws: CodecError(file: "book.xlsx[members]", line: 2, message: "dòng có hơn 4 cột, quá giới hạn của một bảng")) {
            try XLSXReader.read(url: url, limits: limits)
        }
    }
}
