import Foundation

/// One table to import, read row by row: a CSV file or an XLSX sheet streamed from disk (national files of several
/// GB), or a table already in memory (tests). Not `Sendable`: one source is read from one task.
public final class ImportSource {
    /// The name for messages: "members.csv", or "book.xlsx[members]".
    public let name: String
    /// The name that says which table this is ("members.csv", "members").
    let tableName: String
    let header: [String]
    private let nextRow: () throws -> TableRow?

    public init(table: Table, name: String? = nil) {
        self.name = name ?? table.name
        tableName = table.name
        header = table.header
        var rows = table.rows.makeIterator()
        nextRow = { rows.next() }
    }

    public init(reader: CSVReader) throws {
        name = reader.name
        tableName = reader.name
        header = try reader.header()
        nextRow = { try reader.next() }
    }

    init(sheet: XLSXSheetReader) throws {
        name = sheet.label
        tableName = sheet.name
        header = try sheet.header()
        nextRow = { try sheet.next() }
    }

    /// The next row, or nil at the end; throws `CodecError` on a malformed file.
    func next() throws -> TableRow? { try nextRow() }

    /// The sources of a folder of CSV files, one .csv file, or the sheets of an .xlsx workbook, each streamed within
    /// `limits`.
    public static func open(_ url: URL, limits: ReadingLimits = .standard) throws(ImportFailure) -> [ImportSource] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw ImportFailure(issues: [ImportIssue(file: url.lastPathComponent, line: nil, column: nil,
                                                     reason: "không tìm thấy tệp hoặc thư mục")])
        }
        do {
            if isDirectory.boolValue {
                let files = try FileManager.default.contentsOfDirectory(atPath: url.path)
                    .filter { $0.lowercased().hasSuffix(".csv") }.sorted()
                return try files.map { try ImportSource(reader: CSVReader(url: url.appendingPathComponent($0), limits: limits)) }
            }
            if url.pathExtension.lowercased() == "xlsx" {
                return try XLSXReader.sheets(url: url, limits: limits).map(ImportSource.init(sheet:))
            }
            if url.pathExtension.lowercased() == "csv" { return [try ImportSource(reader: CSVReader(url: url, limits: limits))] }
        } catch let error as CodecError {
            throw ImportFailure(issues: [ImportIssue(file: error.file, line: error.line, column: nil, reason: error.message)])
        } catch {
            throw ImportFailure(issues: [ImportIssue(file: url.lastPathComponent, line: nil, column: nil,
                                                     reason: "không đọc được: \(error)")])
        }
        throw ImportFailure(issues: [ImportIssue(file: url.lastPathComponent, line: nil, column: nil,
                                                 reason: "chỉ nhận một thư mục tệp CSV hoặc một tệp Excel (.xlsx)")])
    }
}
