import PostgresNIO
import SQLiteNIO

/// A column's value as the store reads it by position from the drivers' own rows (`SQLDatabase.rows(_:as:)`):
/// PostgreSQL's through PostgresNIO's decoding, SQLite's from its values, neither through SQLKit's Codable decoding.
protocol StoredValue: PostgresDecodable, Sendable {
    /// The value of a SQLite column; throws `StoreError.unreadable(column)` when it holds another kind of value.
    init(sqlite data: SQLiteData, column: String) throws
}

extension Int: StoredValue {
    init(sqlite data: SQLiteData, column: String) throws {
        guard let value = Int(sqliteData: data) else { throw StoreError.unreadable(column) }
        self = value
    }
}

extension String: StoredValue {
    init(sqlite data: SQLiteData, column: String) throws {
        guard let value = String(sqliteData: data) else { throw StoreError.unreadable(column) }
        self = value
    }
}

/// A boolean column: `boolean` on PostgreSQL, 0 or 1 on SQLite.
extension Bool: StoredValue {
    init(sqlite data: SQLiteData, column: String) throws {
        guard let value = Bool(sqliteData: data) else { throw StoreError.unreadable(column) }
        self = value
    }
}

/// A column that may hold NULL.
extension Optional: StoredValue where Wrapped: StoredValue, Wrapped._DecodableType == Wrapped {
    init(sqlite data: SQLiteData, column: String) throws {
        if case .null = data { self = nil } else { self = try Wrapped(sqlite: data, column: column) }
    }
}

extension SQLiteRow {
    /// The row's columns, in order, as `types` (one type per column).
    func decode<each Value: StoredValue>(_ types: (repeat each Value).Type) throws -> (repeat each Value) {
        let columns = self.columns
        guard columns.count == columnCount(repeat (each Value).self) else {
            throw StoreError.unreadable("\(columns.count) columns for \(types)")
        }
        var index = 0
        func next<V: StoredValue>(_: V.Type) throws -> V {
            defer { index += 1 }
            return try V(sqlite: columns[index].data, column: columns[index].name)
        }
        return (repeat try next((each Value).self))
    }
}

extension PostgresRow {
    /// The row's columns, in order, as `types` (one type per column), through PostgresNIO's decoding.
    func decodeStored<each Value: StoredValue>(_ types: (repeat each Value).Type) throws -> (repeat each Value) {
        // NB: PostgresNIO stops the process on a row with fewer columns than asked for.
        guard count == columnCount(repeat (each Value).self) else {
            throw StoreError.unreadable("\(count) columns for \(types)")
        }
        return try decode(types)
    }
}

/// How many columns a tuple of `types` reads.
private func columnCount<each Value>(_ types: repeat (each Value).Type) -> Int {
    var count = 0
    for _ in repeat each types { count += 1 }
    return count
}
