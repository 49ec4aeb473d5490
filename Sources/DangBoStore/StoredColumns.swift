import SQLiteNIO
import SQLKit

/// The columns of a stored row, read the same way from SQLKit rows and from SQLite's own rows (which skip the
/// Codable decoding that bulk reads cannot afford).
protocol StoredColumns {
    func int(_ column: String) throws -> Int
    func optionalInt(_ column: String) throws -> Int?
    func text(_ column: String) throws -> String
}

/// A row through SQLKit's Codable decoding.
struct SQLKitColumns: StoredColumns {
    let row: any SQLRow
    func int(_ column: String) throws -> Int { try row.decode(column: column, as: Int.self) }
    func optionalInt(_ column: String) throws -> Int? { try row.decode(column: column, as: Int?.self) }
    func text(_ column: String) throws -> String { try row.decode(column: column, as: String.self) }
}

/// A row as SQLite returned it.
struct SQLiteColumns: StoredColumns {
    let row: SQLiteRow

    func int(_ column: String) throws -> Int {
        guard let value = row.column(column)?.integer else { throw StoreError.unreadable(column) }
        return Int(value)
    }

    func optionalInt(_ column: String) throws -> Int? {
        guard let value = row.column(column) else { throw StoreError.unreadable(column) }
        if case .null = value { return nil }
        guard let number = value.integer else { throw StoreError.unreadable(column) }
        return Int(number)
    }

    func text(_ column: String) throws -> String {
        guard let value = row.column(column)?.string else { throw StoreError.unreadable(column) }
        return value
    }
}
