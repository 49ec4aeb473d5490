import PostgresNIO
import SQLiteNIO
import SQLKit

extension SQLDatabase {
    /// The rows of `query`, each read by position as the tuple `types` (one type per selected column, in order),
    /// from the driver's own rows: SQLKit's `decode(column:as:)` goes through Codable by column name, which cost
    /// PostgreSQL 3–5 ms on a small report's grouped rows (docs/benchmarks.md, "What falls short", item 4).
    ///
    /// `query` may bind `Int`, `String` and `Bool` values (`\(bind:)`); integers we wrote go in as `\(literal:)`.
    func rows<each Value: StoredValue>(_ query: SQLQueryString, as types: (repeat each Value).Type) async throws
        -> [(repeat each Value)] {
        switch try await driverRows(query) {
        case .sqlite(let rows): try rows.map { try $0.decode(types) }
        case .postgres(let rows): try rows.map { try $0.decodeStored(types) }
        }
    }

    /// The rows of `query`, each read by `read` from the driver's own row by column name (a whole stored row, as
    /// `Store.member(from:)` reads it), without SQLKit's Codable decoding. Binds as `rows(_:as:)`.
    func rows<Row>(_ query: SQLQueryString, reading read: (any StoredColumns) throws -> Row) async throws -> [Row] {
        switch try await driverRows(query) {
        case .sqlite(let rows): try rows.map { try read(SQLiteColumns(row: $0)) }
        case .postgres(let rows): try rows.map { try read(PostgresColumns(row: $0)) }
        }
    }

    private func driverRows(_ query: SQLQueryString) async throws -> DriverRows {
        let (text, binds) = serialize(query)
        let values = binds.map(BulkValue.init(bind:))
        if let sqlite = self as? any SQLiteDatabase {
            return .sqlite(try await sqlite.steppedRows(text, values.map(\.sqlite)))
        } else if let postgres = self as? any PostgresDatabase {
            var bindings = PostgresBindings(capacity: values.count)
            for value in values { value.append(to: &bindings) }
            return .postgres(try await postgres.rows(PostgresQuery(unsafeSQL: text, binds: bindings)))
        } else {
            preconditionFailure("the store runs on SQLite or PostgreSQL")
        }
    }
}

extension SQLDatabase {
    /// PostgreSQL: the rows of `statement`, prepared on the connection under its name the first time that connection
    /// runs it, then only bound and executed (`SmallScopeStatement`).
    func preparedRows<Statement: PostgresPreparedStatement>(_ statement: Statement) async throws -> [Statement.Row]
        where Statement.Row: Sendable {
        guard let postgres = self as? any PostgresDatabase else { preconditionFailure("prepared statements are PostgreSQL's") }
        return try await postgres.withConnection { connection in
            connection.eventLoop.makeFutureWithTask {
                var rows: [Statement.Row] = []
                for try await row in try await connection.execute(statement, logger: connection.logger) { rows.append(row) }
                return rows
            }
        }.get()
    }
}

/// A query's rows as the driver returned them.
private enum DriverRows {
    case sqlite([SQLiteRow])
    case postgres([PostgresRow])
}

extension SQLiteDatabase {
    /// The rows of a statement, gathered on the thread that steps it.
    ///
    /// NB: `SQLiteDatabase.query(_:_:)` hands every row to the event loop as a task of its own (a future per row, then
    /// one future waiting for them all): reading back a national import's 25 million rows spent more on those hops
    /// than on SQLite (docs/benchmarks.md, "The import"). The connection's own `query(_:_:_:)` calls back on the
    /// thread pool's thread, in order, before it returns.
    func steppedRows(_ query: String, _ binds: [SQLiteData]) async throws -> [SQLiteRow] {
        try await withConnection { connection in
            nonisolated(unsafe) var rows: [SQLiteRow] = []
            try await connection.query(query, binds) { rows.append($0) }
            return rows
        }
    }
}

extension PostgresDatabase {
    /// The rows of `query`, straight from PostgresNIO (on the connection of a transaction, inside it).
    func rows(_ query: PostgresQuery) async throws -> [PostgresRow] {
        try await withConnection { connection in
            connection.query(query, logger: connection.logger).map(\.rows)
        }.get()
    }
}

extension BulkValue {
    /// A value SQLKit bound into a query.
    /// NB: the store binds integers, texts and booleans only; any other type is a mistake in the store's code.
    init(bind: any Encodable & Sendable) {
        switch bind {
        case let value as Int: self = .int(value)
        case let value as String: self = .text(value)
        case let value as Bool: self = .bool(value)
        default: preconditionFailure("a query read from the driver binds Int, String or Bool, not \(type(of: bind))")
        }
    }

    /// Appends the value to a PostgreSQL query's binds.
    func append(to bindings: inout PostgresBindings) {
        switch self {
        case .int(let value): bindings.append(value)
        case .text(let value): bindings.append(value)
        case .bool(let value): bindings.append(value)
        case .null: bindings.appendNull()
        }
    }
}
