import DangBoCore
import DangBoSynthetic
import Foundation
import Testing
@testable import DangBoInterchange

/// Issue 8 "Fuzzing": the CSV and XLSX readers and the importer under property tests with random bytes, random
/// truncation and random valid-looking rows. Whatever the input: no crash, no hang (each case within a bounded time),
/// every failure a clear error (`CodecError` or `ImportFailure` with a Vietnamese message naming the file), nothing
/// implausible accepted, and nothing written by a failed import.
///
/// Each test draws its cases from a `SeededGenerator`; a failure names the seed and the case, so that it reproduces.
@Suite struct FuzzTests {
    static let seed: UInt64 = 20_261_129
    /// The longest a case may take, in a debug build on a loaded machine.
    static let timeLimit = Duration.seconds(3)
    static let today = Day(year: 2026, month: 11, day: 29)!

    // MARK: - Random input

    /// Draws from a seeded generator.
    struct Draw {
        var generator: SeededGenerator

        init(_ salt: UInt64) { generator = SeededGenerator(seed: FuzzTests.seed &+ salt) }

        mutating func int(_ bound: Int) -> Int { Int(generator.next() % UInt64(max(bound, 1))) }
        mutating func chance(_ percent: Int) -> Bool { int(100) < percent }
        mutating func pick<T>(_ values: [T]) -> T { values[int(values.count)] }

        /// Bytes biased towards what readers branch on: separators, quotes, line ends, markup, UTF-8 lead bytes.
        mutating func bytes(_ count: Int) -> [UInt8] {
            let special = Array(",\"\r\n<>&;/=#x'!?-[]".utf8) + [0x00, 0x09, 0x7F, 0xC3, 0xA1, 0xE1, 0xBB, 0x87, 0xEF, 0xBF, 0xFF]
            return (0..<count).map { _ in chance(50) ? pick(special) : UInt8(int(256)) }
        }

        /// Well-formed UTF-8 text made of what CSV branches on, so that some random files read through.
        mutating func text(_ count: Int) -> [UInt8] {
            let pieces = ["a", "7", "ệ", "Đ", ",", "\"", "\n", "\r\n", "\r", " ", "\t", "e\u{301}", "😀"]
            return Array((0..<count).map { _ in pick(pieces) }.joined().utf8)
        }
    }

    /// Whether an error reads as one for a user: a file, a Vietnamese reason, no Swift or Foundation internals.
    static func isClear(file: String, reason: String) -> Bool {
        !file.isEmpty && !reason.isEmpty && reason.unicodeScalars.contains { $0.value > 0x7F }
            && !reason.contains("Error") && !reason.contains("Optional(") && !reason.contains("(reason:")
    }

    static func timed<T>(_ body: () throws -> T) rethrows -> (T, Duration) {
        let start = ContinuousClock.now
        let result = try body()
        return (result, ContinuousClock.now - start)
    }

    // MARK: - CSV reader

    @Test func theCSVReaderOnRandomBytes() throws {
        var draw = Draw(1)
        for index in 0..<300 {
            let bytes = draw.chance(50) ? draw.bytes(draw.int(600)) : draw.text(draw.int(600))
            let limits = draw.chance(50) ? ReadingLimits(fieldCharacters: 16, rows: 20, columns: 8) : .standard
            let reader = CSVReader(data: Data(bytes), name: "members.csv", chunkSize: 1 + draw.int(64), limits: limits)
            let (outcome, time) = Self.timed { () -> Result<[TableRow], any Error> in
                Result {
                    var rows: [TableRow] = []
                    _ = try reader.header()
                    while let row = try reader.next() { rows.append(row) }
                    return rows
                }
            }
            #expect(time < Self.timeLimit, "case \(index)")
            switch outcome {
            case .success(let rows):
                #expect(rows.count <= limits.rows, "case \(index)")
                #expect(rows.allSatisfy { $0.cells.count <= limits.columns && $0.cells.allSatisfy { $0.count <= limits.fieldCharacters } },
                        "case \(index)")
            case .failure(let error as CodecError):
                #expect(error.file == "members.csv" && Self.isClear(file: error.file, reason: error.message), "case \(index): \(error)")
            case .failure(let error):
                Issue.record("case \(index): not a CodecError: \(error)")
            }
        }
    }

    // MARK: - XLSX reader

    /// Reads a workbook whole; any failure must be a clear `CodecError`.
    static func readWorkbook(_ url: URL, case index: Int, limits: ReadingLimits = .standard) {
        let (outcome, time) = timed { Result { try XLSXReader.read(url: url, limits: limits) } }
        #expect(time < timeLimit, "case \(index)")
        switch outcome {
        case .success(let tables):
            for table in tables {
                #expect(table.rows.count <= limits.rows, "case \(index)")
                #expect(table.rows.allSatisfy { $0.cells.allSatisfy { $0.count <= limits.fieldCharacters } }, "case \(index)")
            }
        case .failure(let error as CodecError):
            #expect(isClear(file: error.file, reason: error.message), "case \(index): \(error)")
        case .failure(let error):
            Issue.record("case \(index): not a CodecError: \(error)")
        }
    }

    @Test func theXLSXReaderOnRandomBytes() throws {
        var draw = Draw(2)
        let folder = try TemporaryFolder()
        let url = folder.url.appendingPathComponent("book.xlsx")
        for index in 0..<100 {
            // NB: half of the cases start like a zip, so that the archive reader goes past the first check.
            let head: [UInt8] = draw.chance(50) ? [0x50, 0x4B, 0x03, 0x04] : []
            try Data(head + draw.bytes(draw.int(2_000))).write(to: url)
            Self.readWorkbook(url, case: index)
        }
    }

    @Test func theXLSXReaderOnTruncatedAndDamagedWorkbooks() throws {
        var draw = Draw(3)
        let folder = try TemporaryFolder()
        let original = [UInt8](try Data(contentsOf: XLSXTests.handMade(in: folder)))
        let url = folder.url.appendingPathComponent("damaged.xlsx")
        for index in 0..<200 {
            var bytes = original
            if draw.chance(40) {
                bytes = Array(bytes.prefix(draw.int(bytes.count)))
            } else {
                for _ in 0...draw.int(8) { bytes[draw.int(bytes.count)] = UInt8(draw.int(256)) }
            }
            try Data(bytes).write(to: url)
            Self.readWorkbook(url, case: index)
        }
    }

    @Test func theXLSXReaderOnMangledXML() throws {
        var draw = Draw(4)
        let folder = try TemporaryFolder()
        let pieces = ["<", ">", "&", "\"", "'", "<row>", "</c>", "<c r=\"ZZZZ9\">", "<v>", "&#0;", "&#x110000;", "&amp",
                      "<![CDATA[", "<!--", "\u{0}", "<!DOCTYPE x>", "<?pi", "</worksheet>", "<t>", "<is>", "\u{FEFF}",
                      "<c r=\"A1\" t=\"s\"><v>999</v></c>", String(repeating: "ệ", count: 5_000)]
        let parts = ["xl/worksheets/sheet2.xml": XLSXTests.members, "xl/sharedStrings.xml": XLSXTests.sharedStrings,
                     "xl/workbook.xml": XLSXTests.workbook, "xl/styles.xml": XLSXTests.styles,
                     "xl/_rels/workbook.xml.rels": XLSXTests.workbookRelationships]
        for index in 0..<300 {
            let path = draw.pick(parts.keys.sorted())
            var text = Array(parts[path]!.unicodeScalars)
            for _ in 0...draw.int(4) {
                let at = draw.int(text.count + 1)
                if draw.chance(30) {
                    text.removeSubrange(at..<min(text.count, at + draw.int(40)))
                } else {
                    text.insert(contentsOf: draw.pick(pieces).unicodeScalars, at: at)
                }
            }
            if draw.chance(15) { text = Array(text.prefix(draw.int(text.count))) }
            let url = try XLSXTests.handMade([path: String(String.UnicodeScalarView(text))], in: folder)
            Self.readWorkbook(url, case: index, limits: draw.chance(30) ? ReadingLimits(fieldCharacters: 8, rows: 3, columns: 4) : .standard)
        }
    }

    // MARK: - Importer

    /// A registry with three organizations and two members on the rolls of VD.01, as a first import leaves it.
    static func baseRegistry() async throws -> Registry {
        try await Importer.load([
            try ImporterTests.table("organizations.csv", ImporterTests.organizations),
            try ImporterTests.table("members.csv", ImporterTests.members),
            try ImporterTests.table("events.csv", """
                national_id,kind,effective_on,organization_code
                001085012345,transferred_in,2010-03-01,VD.01
                026190004321,transferred_in,2015-03-01,VD.01
                """),
        ], into: Registry(), nextOrganizationID: 1, nextMemberID: 1, today: today).registry
    }

    /// A value that fits the base registry: new codes, IDs and case references by row, days in range.
    static func valid(_ column: String, of kind: ImportTable, row: Int, _ draw: inout Draw) -> String {
        switch (kind, column) {
        case (.organizations, "code"): "VD.1\(row)"
        case (.organizations, "name"): "Chi bộ số \(row)"
        case (.organizations, "kind"): "grassroots_cell"
        case (.organizations, "parent_code"): "VD"
        case (.organizations, "established_on"): "2016-05-20"
        case (.members, "national_id"): String(format: "0011%08d", 1 + row * 7 + draw.int(7))
        case (.members, "full_name"): draw.pick(["Nguyễn Văn An", "Lê Thị Hà", "Trần Bình"])
        case (.members, "gender"): draw.pick(["nam", "nữ"])
        case (.members, "birth_date"): draw.pick(["1985-04-12", "2/1/1900", "29/11/2026"])
        case (.members, "joined_on"), (.members, "official_on"): draw.pick(["", "2010-03-01"])
        case (.events, "national_id"): row == 0 ? "001085012345" : "026190004321"
        case (.events, "kind"): "died"
        case (.events, "effective_on"): draw.pick(["2020-01-01", "2026-11-29"])
        case (.committeeSeats, "organization_code"): "VD.01"
        case (.committeeSeats, "committee"): "executive"
        case (.committeeSeats, "national_id"): row == 0 ? "001085012345" : "026190004321"
        case (.committeeSeats, "position"): row == 0 ? "secretary" : "member"
        case (.committeeSeats, "source"): "congress"
        case (.committeeSeats, "start_on"): "2020-10-01"
        case (.committeeSeats, "end_on"): draw.pick(["", "2025-10-01"])
        case (.oversight, "case_ref"): "KT-\(row)"
        case (.oversight, "activity"): "inspection"
        case (.oversight, "mode"): "regular"
        case (.oversight, "conductor"): "committee"
        case (.oversight, "conductor_code"): "VD"
        case (.oversight, "started_on"): "2021-01-05"
        case (.oversight, "ended_on"): draw.pick(["", "2021-03-05", "2027-11-29"])
        case (.oversight, "subject_code"): "VD.01"
        default: ""
        }
    }

    /// Values that look like what users write in each column, right and wrong.
    static func value(for column: String, _ draw: inout Draw) -> String {
        if draw.chance(3) { return draw.pick(["", "\u{0}", "a\nb", String(repeating: "x", count: 5_000), "=1+1", "\"", "ạ\u{7F}"]) }
        switch column {
        case "code", "parent_code", "organization_code", "conductor_code", "subject_code":
            return draw.pick(["VD", "VD.01", "VD.02", "VD.03", "VD.01.1", "", "vd.01", " VD "])
        case "name", "full_name": return draw.pick(["Nguyễn Văn An", "Lê Thị Hà", "Chi bộ Sở Tư pháp", "Trần  Bình", "An", ""])
        case "kind":
            return draw.pick(OrganizationKind.allCases.map(\.rawValue) + EventKind.allCases.map(\.rawValue)
                + ["chi bộ cơ sở", "kết nạp", "joined", ""])
        case "national_id", "subject_national_id":
            return draw.pick(["001085012345", "026190004321", "1085012345", "001090000001", "00108501234", "abc", ""])
                + (draw.chance(10) ? "\(draw.int(10))" : "")
        case "gender": return draw.pick(["nam", "nữ", "Nam", "male", "x", ""])
        case "committee": return draw.pick(CommitteeKind.allCases.map(\.rawValue) + ["cấp ủy", "x"])
        case "position": return draw.pick(Position.allCases.map(\.rawValue) + ["bí thư", "x"])
        case "source": return draw.pick(SeatSource.allCases.map(\.rawValue) + ["đại hội", "x"])
        case "activity": return draw.pick(OversightActivity.allCases.map(\.rawValue) + ["x"])
        case "mode": return draw.pick(OversightMode.allCases.map(\.rawValue) + ["x"])
        case "conductor": return draw.pick(ConductorKind.allCases.map(\.rawValue) + ["x"])
        case "outcome": return draw.pick(OversightOutcome.allCases.map(\.rawValue) + ["", "x"])
        case "case_ref": return draw.pick(["KT-01", "KT-02", "GS-01", ""])
        default:
            guard column.hasSuffix("_on") || column.hasSuffix("_date") || column == "valid_from" else {
                return draw.pick(["", "12-QĐ/ĐUK", "ghi chú", "Kinh", "Không"])
            }
            return draw.pick(["2010-03-01", "2016-05-20", "1/2/2015", "2021-02-30", "1899-12-31", "1900-01-01", "1985-04-12",
                              "2026-11-29", "2026-11-30", "2027-11-29", "2150-01-01", "", "x", "44285", "31/12/2026"])
        }
    }

    /// A random table of `kind`: its columns (sometimes shuffled, one dropped, one unknown), valid-looking rows; in a
    /// third of the tables every cell fits, in the others a cell is drawn from right and wrong values at some rate.
    static func table(_ kind: ImportTable, _ draw: inout Draw) -> Table {
        var header = kind.columns.filter { $0.name != "subject_national_id" && ($0.name != "given_name" && $0.name != "family_name"
            && $0.name != "middle_name") }.map(\.name)
        if draw.chance(20) { header.shuffle(using: &draw.generator) }
        let wrong = draw.pick([0, 0, 2, 10, 40])
        if wrong > 0, draw.chance(10) { header.remove(at: draw.int(header.count)) }
        if draw.chance(10) { header.append("Ghi chú khác") }
        let count = kind == .events || kind == .committeeSeats ? 1 + draw.int(2) : draw.int(25)
        let rows = (0..<count).map { row in
            header.map { draw.chance(wrong) ? value(for: $0, &draw) : valid($0, of: kind, row: row, &draw) }
        }
        return Table(name: kind.rawValue, header: header,
                     rows: rows.enumerated().map { TableRow(line: $0.offset + 2, cells: $0.element) })
    }

    @Test func theImporterOnRandomValidLookingRows() async throws {
        var draw = Draw(5)
        let base = try await Self.baseRegistry()
        let nextOrganization = (base.tree.organizations.keys.map(\.rawValue).max() ?? 0) + 1
        let nextMember = (base.members.keys.map(\.rawValue).max() ?? 0) + 1
        for index in 0..<400 {
            // setup: one table, sometimes cut short at a random byte
            let kind = draw.pick(ImportTable.allCases)
            var table = Self.table(kind, &draw)
            // A control character put into one cell must stop the import, named at its line and column.
            var injected: (line: Int, column: String)?
            if !table.rows.isEmpty, draw.chance(25) {
                let row = draw.int(table.rows.count), column = draw.int(table.header.count)
                var cell = Array(table.rows[row].cells[column].unicodeScalars)
                // NB: a note may break lines (ImportRow.controlCharacterIssue): only other control characters go there.
                let controls: [UInt8] = ImportRow.freeText.contains(table.header[column]) ? [0x00, 0x01, 0x1B, 0x1F, 0x7F] : [0x00, 0x01, 0x0A, 0x0D, 0x1B, 0x1F, 0x7F]
                cell.insert(Unicode.Scalar(draw.pick(controls)), at: draw.int(cell.count + 1))
                table.rows[row].cells[column] = String(String.UnicodeScalarView(cell))
                // NB: a CSV line is a physical line: line ends inside quoted cells of the rows before count.
                let line = 2 + table.rows[..<row].map { 1 + $0.cells.map { $0.utf8.count { $0 == 0x0A } }.reduce(0, +) }.reduce(0, +)
                injected = (line, table.header[column])
            }
            var bytes = Array(CSVWriter.text(header: table.header, rows: table.rows.map(\.cells)).utf8)
            if injected == nil, draw.chance(25) { bytes = Array(bytes.prefix(draw.int(bytes.count + 1))) }
            let name = "\(kind.rawValue).csv"
            let reader = CSVReader(data: Data(bytes), name: name, chunkSize: 1 + draw.int(300))
            let sink = MemorySink(registry: base)
            let importer = Importer(context: Importer.Context(
                registry: base, nextOrganizationID: nextOrganization, nextMemberID: nextMember, today: Self.today))
            // MUT
            let start = ContinuousClock.now
            let outcome: Result<Importer.Summary, any Error>
            do {
                outcome = .success(try await importer.run([try ImportSource(reader: reader)], into: sink))
            } catch {
                outcome = .failure(error)
            }
            // validate
            #expect(ContinuousClock.now - start < Self.timeLimit, "case \(index)")
            switch outcome {
            case .success:
                #expect(injected == nil, "case \(index): a control character was accepted")
                Self.expectPlausible(sink.change, case: index)
            case .failure(let failure as ImportFailure):
                #expect(!failure.issues.isEmpty, "case \(index)")
                for issue in failure.issues {
                    #expect(Self.isClear(file: issue.file, reason: issue.reason), "case \(index): \(issue)")
                }
                // NB: unless the header was refused, or the file itself (a field over the cap), before the line came.
                // The importer names the first control character of a row: a wrong value drawn for another cell of
                // the same row may hold one before the injected cell.
                if let injected, failure.issues.allSatisfy({ ($0.line ?? 0) > 1 && $0.column != nil }) {
                    let row = String(decoding: bytes, as: UTF8.self)
                    #expect(failure.issues.contains { $0.line == injected.line && ($0.column == injected.column
                        || table.header.firstIndex(of: $0.column ?? "").map { $0 < table.header.firstIndex(of: injected.column)! } == true)
                        && $0.reason.hasPrefix("có ký tự điều khiển") }, "case \(index): \(injected) \(failure.issues) \(row.debugDescription)")
                }
                // NB: events go to the sink before the journals they make are checked (the store's transaction is
                // what takes them back); nothing else is handed over once an issue is found.
                let change = sink.change
                #expect(change.organizations.isEmpty && change.members.isEmpty && change.journals.isEmpty
                    && change.seats.isEmpty && change.cases.isEmpty, "case \(index): a failed import wrote \(change)")
                if kind != .events { #expect(change.events.isEmpty, "case \(index)") }
            case .failure(let error as CodecError):
                // Only a header the reader cannot read gets here, before the importer runs.
                #expect(Self.isClear(file: error.file, reason: error.message), "case \(index): \(error)")
                #expect(sink.change.members.isEmpty && sink.change.organizations.isEmpty, "case \(index)")
            case .failure(let error):
                Issue.record("case \(index): neither ImportFailure nor CodecError: \(error)")
            }
        }
    }

    /// What an import accepted is plausible: days in range, no control character, names and IDs as the contract says.
    static func expectPlausible(_ change: RegistryChange, case index: Int) {
        func clean(_ text: String) -> Bool { !text.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\t") || $0.value == 0x7F } }
        let first = Day(year: 1900, month: 1, day: 1)!
        for member in change.members {
            #expect(member.birthDate > first && member.birthDate <= today, "case \(index)")
            #expect(member.nationalID.count == 12 && member.nationalID.allSatisfy(\.isNumber), "case \(index)")
            #expect(!member.givenName.isEmpty && [member.familyName, member.middleName, member.givenName].allSatisfy(clean),
                    "case \(index)")
        }
        for event in change.events {
            #expect(event.effective >= first && event.effective <= today && clean(event.note), "case \(index)")
        }
        for organization in change.organizations {
            #expect(organization.versions.allSatisfy { $0.validity.start >= first && $0.validity.start <= today && clean($0.name) },
                    "case \(index)")
        }
        for seat in change.seats { #expect(seat.validity.start >= first && seat.validity.start <= today, "case \(index)") }
        for oversight in change.cases { #expect(oversight.started >= first && oversight.started <= today, "case \(index)") }
    }

    @Test func theImporterOnRandomWorkbooks() async throws {
        var draw = Draw(6)
        let folder = try TemporaryFolder()
        let url = folder.url.appendingPathComponent("book.xlsx")
        for index in 0..<80 {
            let kinds = (0...draw.int(2)).map { _ in draw.pick(ImportTable.allCases) }
            let tables = kinds.map { Self.table($0, &draw) }
            try XLSXWriter.write(tables, to: url)
            if draw.chance(30) {
                let bytes = try Data(contentsOf: url)
                try bytes.prefix(draw.int(bytes.count)).write(to: url)
            }
            let start = ContinuousClock.now
            do {
                let loaded = try await Importer.load(url, into: Registry(), nextOrganizationID: 1, nextMemberID: 1, today: Self.today)
                Self.expectPlausible(loaded.change, case: index)
            } catch {
                #expect(!error.issues.isEmpty, "case \(index)")
                for issue in error.issues {
                    #expect(Self.isClear(file: issue.file, reason: issue.reason), "case \(index): \(issue)")
                }
            }
            #expect(ContinuousClock.now - start < Self.timeLimit, "case \(index)")
        }
    }
}
