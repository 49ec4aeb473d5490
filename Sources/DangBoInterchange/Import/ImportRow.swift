import Foundation
import DangBoCore

/// The columns of one import table as its header resolved them, shared by all its rows.
struct ImportColumns {
    let file: String
    /// Canonical column name → position in the row.
    let positions: [String: Int]
    /// The header as the file wrote it, by canonical column, for messages.
    let headers: [String: String]
}

/// One row of an import table with its columns resolved, collecting issues instead of stopping at the first.
struct ImportRow {
    let columns: ImportColumns
    let line: Int
    let cells: [String]

    var file: String { columns.file }
    var headers: [String: String] { columns.headers }

    func issue(_ column: String?, _ reason: String) -> ImportIssue {
        ImportIssue(file: file, line: line, column: column.map { headers[$0] ?? $0 }, reason: reason)
    }

    /// The cell, NFC, trimmed; "" when absent.
    func text(_ column: String) -> String {
        guard let position = columns.positions[column], position < cells.count else { return "" }
        let value = cells[position]
        return value.isEmpty ? value : VietnameseText.normalized(value)
    }

    func required(_ column: String, _ issues: inout [ImportIssue]) -> String? {
        let value = text(column)
        if value.isEmpty { issues.append(issue(column, "không được để trống")); return nil }
        return value
    }

    func day(_ column: String, required: Bool, _ issues: inout [ImportIssue]) -> Day? {
        let value = text(column)
        if value.isEmpty {
            if required { issues.append(issue(column, "không được để trống")) }
            return nil
        }
        guard let day = Day(parsing: value) else {
            issues.append(issue(column, "ngày không hợp lệ: \"\(value)\" (viết YYYY-MM-DD hoặc dd/MM/yyyy)"))
            return nil
        }
        return day
    }

    func enumeration<T: RawRepresentable & CaseIterable>(
        _ column: String, _ type: T.Type, aliases: [String: T], required: Bool = true, _ issues: inout [ImportIssue]
    ) -> T? where T.RawValue == String {
        let value = text(column)
        if value.isEmpty {
            if required { issues.append(issue(column, "không được để trống")) }
            return nil
        }
        guard let result = ImportVocabulary.value(value, of: type, aliases: aliases) else {
            issues.append(issue(column, "giá trị không hợp lệ: \"\(value)\"; dùng một trong: \(ImportVocabulary.list(type))"))
            return nil
        }
        return result
    }

    /// A CCCD as `NationalID` reads it (12 digits, the leading zeros a spreadsheet dropped restored), or an issue with
    /// Core's message saying what is wrong.
    func nationalID(_ column: String, _ issues: inout [ImportIssue]) -> String? {
        let written = text(column)
        if written.isEmpty { issues.append(issue(column, "không được để trống")); return nil }
        do {
            return try NationalID(parsing: written).text
        } catch {
            issues.append(issue(column, error.message))
            return nil
        }
    }
}
