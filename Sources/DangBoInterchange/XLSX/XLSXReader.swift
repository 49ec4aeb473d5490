import Foundation

/// Reads an .xlsx workbook: every worksheet, in workbook order, as a table named after its sheet, streamed from its
/// zip entry row by row (`ImportSource.open`) or whole (`read(url:)`, for tests and small files).
///
/// Values are read as the user sees them:
/// - shared strings (rich-text runs joined, phonetic runs left out), inline strings, cached values of formulas;
/// - booleans as `TRUE`/`FALSE`, error values as written (`#N/A`);
/// - numbers with a date style (built-in formats 14–22 and 45–47, or a custom format with d, m or y outside quotes
///   and brackets) as ISO days `YYYY-MM-DD`;
/// - other numbers without exponent and with "." as decimal separator; integral ones without ".0", so that ID
///   numbers stay digits (`1.23456789012E+11` reads `123456789012`).
///
/// Memory holds the shared strings and one chunk and one row of each sheet: every cap of `ReadingLimits` is an error
/// naming the part or the cell.
public enum XLSXReader {
    /// Every worksheet whole.
    public static func read(url: URL, limits: ReadingLimits = .standard) throws -> [Table] {
        try sheets(url: url, limits: limits).map { sheet in
            let header = try sheet.header()
            var rows: [TableRow] = []
            while let row = try sheet.next() { rows.append(row) }
            return Table(name: sheet.name, header: header, rows: rows)
        }
    }

    /// Every worksheet as a reader of its rows; the shared strings are read first, since every sheet needs them.
    static func sheets(url: URL, limits: ReadingLimits) throws -> [XLSXSheetReader] {
        let package = try XLSXPackage(url: url, limits: limits)
        let workbookPath = try package.workbookPath()
        let relationships = try package.relationships(of: workbookPath)
        let workbook = try package.workbook(at: workbookPath)

        let sharedStringsPath = relationships.values.first { $0.type.hasSuffix("/sharedStrings") }?.path
        let sharedStrings = try sharedStringsPath.map { try XLSXSharedStrings.read(at: $0, in: package) } ?? .empty
        let stylesPath = relationships.values.first { $0.type.hasSuffix("/styles") }?.path
        let dateStyles = try stylesPath.map { try package.dateStyles(at: $0) } ?? []

        var sheets: [XLSXSheetReader] = []
        for sheet in workbook.sheets {
            guard let relationship = relationships[sheet.relationship] else {
                throw package.invalid("thiếu trang tính \"\(sheet.name)\"")
            }
            // NB: chart sheets and dialog sheets hold no cells.
            guard relationship.type.hasSuffix("/worksheet") else { continue }
            let cells = XLSXCellReader(
                file: "\(package.file)[\(sheet.name)]", sharedStrings: sharedStrings, dateStyles: dateStyles,
                date1904: workbook.date1904, limits: limits)
            sheets.append(try XLSXSheetReader(name: sheet.name, path: relationship.path, package: package, cells: cells))
        }
        return sheets
    }
}
