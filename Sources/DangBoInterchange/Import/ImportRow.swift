import Foundation
import DangBoCore

/// The columns of one import table as its header resolved them, shared by all its rows.
struct ImportColumns {
    let file: String
    /// Canonical column name → position in the row.
    let positions: [String: Int]
    /// The header as the file wrote it, by canonical column, for messages.
    let headers: [String: String]
    /// The day of the import, the latest a past event may have.
    let today: Day
    /// The positions of the cells that may break lines (`ImportRow.freeText`), found once for the file, not per row.
    let lineBreaking: Set<Int>

    init(file: String, positions: [String: Int], headers: [String: String], today: Day) {
        self.file = file
        self.positions = positions
        self.headers = headers
        self.today = today
        lineBreaking = Set(ImportRow.freeText.compactMap { positions[$0] })
    }
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
        let earliest = Self.earliestDay(for: column)
        if day < earliest {
            let rule = column == "birth_date"
                ? "ngày sinh phải sau ngày \(VietnameseFormat.day(Self.firstDay))"
                : "không được trước ngày \(VietnameseFormat.day(earliest))"
            issues.append(issue(column, "ngày \(VietnameseFormat.day(day)) không hợp lý: \(rule)"))
            return nil
        }
        let latest = Self.latestDay(for: column, today: columns.today)
        if day > latest {
            let rule = latest == columns.today
                ? "không được sau hôm nay (\(VietnameseFormat.day(latest)))"
                : "không được quá một năm sau hôm nay (muộn nhất \(VietnameseFormat.day(latest)))"
            issues.append(issue(column, "ngày \(VietnameseFormat.day(day)) không hợp lý: \(rule)"))
            return nil
        }
        return day
    }

    /// No day of the registry is before this one: a date cell left at Excel's first serial reads 1/1/1900.
    static let firstDay = Day(year: 1900, month: 1, day: 1)!

    /// The earliest plausible day of a column: a birth after 1/1/1900, any other day from it.
    static func earliestDay(for column: String) -> Day {
        column == "birth_date" ? firstDay.adding(days: 1) : firstDay
    }

    /// The latest plausible day of a column: a planned end (a dissolution, a seat's or a case's end) up to a year
    /// ahead, a past event (birth, admission, decision, vote, establishment, start…) not after today.
    static func latestDay(for column: String, today: Day) -> Day {
        switch column {
        case "dissolved_on", "end_on", "ended_on": today.adding(years: 1)
        // NB: a remedy is due ahead of today, a term ends at its next congress.
        case "due_on": today.adding(years: 5)
        default: today
        }
    }

    /// The first cell holding a control character (U+0000–U+001F but tab, and U+007F), as an issue at its column. A
    /// free-text note, agenda or resolution may break lines (Alt+Enter in a spreadsheet cell); names, codes and days
    /// may not.
    func controlCharacterIssue(header: [String]) -> ImportIssue? {
        for (position, cell) in cells.enumerated() {
            // NB: these characters are single bytes in UTF-8 that no other character's bytes contain, so the bytes are
            // scanned (a national import reads 200 million cells); the scalar is looked up only for the message.
            let lineBreaks = columns.lineBreaking.contains(position)
            guard cell.utf8.contains(where: { ($0 < 0x20 && $0 != 0x09 && !(lineBreaks && ($0 == 0x0A || $0 == 0x0D))) || $0 == 0x7F }),
                  let scalar = cell.unicodeScalars.first(where: { Self.isControl($0) && !(lineBreaks && ($0 == "\n" || $0 == "\r")) })
            else { continue }
            let column = position < header.count && !header[position].isEmpty ? header[position] : "cột thứ \(position + 1)"
            return ImportIssue(file: file, line: line, column: column, reason:
                "có ký tự điều khiển U+\(String(format: "%04X", scalar.value)); hãy xóa ký tự này (kể cả chỗ xuống dòng trong ô)")
        }
        return nil
    }

    /// The columns whose cells may break lines.
    static let freeText = ["note", "agenda", "resolution"]

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t") || scalar.value == 0x7F
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
