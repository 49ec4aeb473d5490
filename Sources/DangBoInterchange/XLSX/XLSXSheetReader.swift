/// One worksheet read row by row, as its zip entry inflates: the first non-empty row is the header, each later
/// non-empty row a `TableRow` whose line is the sheet's row number. Cells are placed by their reference (`r="C5"`),
/// so skipped cells read as "", and rows are padded with "" to the header's width.
///
/// Not `Sendable`: one reader is used from one thread.
final class XLSXSheetReader {
    /// The sheet's name ("members").
    let name: String
    /// The sheet as the user knows it ("book.xlsx[members]").
    let label: String
    private let path: String
    private let package: XLSXPackage
    private let cells: XLSXCellReader
    private var tokens: XMLTokenizer
    private var headerRow: [String]?
    private var rows = 0
    private var rowNumber = 0

    init(name: String, path: String, package: XLSXPackage, cells: XLSXCellReader) throws {
        self.name = name
        label = cells.file
        self.path = path
        self.package = package
        self.cells = cells
        guard let tokens = try package.tokens(of: path, large: true) else { throw package.invalid("thiếu \(path)") }
        self.tokens = tokens
    }

    /// The header row (the first non-empty row), read on first access; empty for an empty sheet.
    func header() throws -> [String] {
        if let headerRow { return headerRow }
        let row = try nextRow()?.cells ?? []
        headerRow = row
        return row
    }

    /// The next non-empty data row, padded to the header's width, or nil at the end.
    func next() throws -> TableRow? {
        let header = try header()
        guard var row = try nextRow() else { return nil }
        rows += 1
        guard rows <= package.limits.rows else {
            throw CodecError(file: label, line: row.line, message: package.limits.tooManyRows)
        }
        if row.cells.count < header.count { row.cells += repeatElement("", count: header.count - row.cells.count) }
        return row
    }

    /// The next row with a non-empty cell.
    private func nextRow() throws -> TableRow? {
        try package.readingXML(of: path) {
            var row: [String] = []
            var column = -1
            var cell = XLSXCellReader.Cell()
            /// Where text goes: `<v>` or the `<t>` of an inline string.
            var capturing: WritableKeyPath<XLSXCellReader.Cell, String?>?
            // NB: an inline string may run over many `<r><t>` runs; what is kept of it is bounded like one text.
            let kept = package.limits.fieldCharacters * 8
            while let token = try tokens.next() {
                switch token {
                case .start(let element):
                    switch element.name {
                    case "row":
                        rowNumber = element["r"].flatMap { Int($0) } ?? rowNumber + 1
                        row.removeAll(keepingCapacity: true)
                        column = -1
                    case "c":
                        column = element["r"].flatMap(XLSXCellReader.column(of:)) ?? column + 1
                        guard column < package.limits.columns else {
                            throw CodecError(file: label, line: rowNumber, message: package.limits.tooManyColumns)
                        }
                        cell = XLSXCellReader.Cell(
                            reference: element["r"], type: element["t"] ?? "n", style: element["s"].flatMap { Int($0) } ?? 0)
                    case "v":
                        cell.value = ""
                        capturing = \.value
                    case "is": cell.inline = ""
                    case "rPh": cell.phonetic = true
                    case "t" where cell.inline != nil && !cell.phonetic: capturing = \.inline
                    default: break
                    }
                case .text(let text, let truncated):
                    guard let target = capturing else { continue }
                    if truncated || (cell[keyPath: target]?.utf8.count ?? 0) + text.utf8.count > kept {
                        cell.overlong = true
                    } else {
                        cell[keyPath: target]? += text
                    }
                case .end("v"), .end("t"): capturing = nil
                case .end("rPh"): cell.phonetic = false
                case .end("c"):
                    let text = try cells.text(of: cell, row: rowNumber)
                    cell = XLSXCellReader.Cell()
                    guard !text.isEmpty else { continue }
                    if row.count <= column { row += repeatElement("", count: column + 1 - row.count) }
                    row[column] = text
                case .end("row"):
                    if !row.isEmpty { return TableRow(line: rowNumber, cells: row) }
                default: break
                }
            }
            return nil
        }
    }
}
