import PostgresNIO
import SQLiteNIO
import SQLKit

/// The columns of a stored row, read by name the same way from SQLKit rows and from the drivers' own rows: SQLite's
/// and PostgreSQL's skip the Codable decoding that bulk reads cannot afford (`SQLDatabase.rows(_:reading:)`).
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

/// A row as PostgreSQL returned it, each cell found by its position in the row (PostgresNIO keeps one table of the
/// positions of a result's columns) and decoded by PostgresNIO from its binary form.
/// NB: by name, as SQLite's reader, so that a table's columns keep one reading (`Store.member(from:)`): reading the
/// cells in order as a tuple (`PostgresRow.decodeStored`) was only 8 % faster on the import's read-back (debug build).
struct PostgresColumns: StoredColumns {
    let row: PostgresRandomAccessRow

    init(row: PostgresRow) { self.row = PostgresRandomAccessRow(row) }

    func int(_ column: String) throws -> Int { try cell(column).decode(Int.self) }

    func optionalInt(_ column: String) throws -> Int? { try cell(column).decode(Int?.self) }

    func text(_ column: String) throws -> String { try cell(column).decode(String.self) }

    private func cell(_ column: String) throws -> PostgresCell {
        // NB: PostgresNIO stops the process on a column the row does not have.
        guard row.contains(column) else { throw StoreError.unreadable(column) }
        return row[column]
    }
}
