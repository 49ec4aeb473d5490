import FluentKit
import SQLKit
import SQLiteNIO

/// Copies the registry table by table between two databases of the same schema version (SQLite or PostgreSQL, either
/// way), in batches, so that a registry of any size moves in bounded memory: the engine behind `dangbo backup` from
/// PostgreSQL and `dangbo restore`.
enum TableCopy {
    /// The registry's tables, each after the tables it references (PostgreSQL checks references row by row).
    static let order = [
        "organizations", "organization_versions", "organization_ancestry", "members", "membership_events",
        "membership_periods", "committee_seats", "oversight_cases", "oversight_subjects", "audit_entries", "accounts",
        "account_grants", "document_settings", "review_narratives", "issued_reviews", "meetings",
        "meeting_attendance", "committee_terms", "discipline_decisions", "discipline_appeals", "oversight_programmes",
        "oversight_programme_items", "oversight_programme_subjects", "oversight_progress", "oversight_steps", "oversight_team",
        "follow_up_tasks", "meeting_revisions", "meeting_revision_attendance",
    ]

    /// Rows read and written at a time.
    static let batch = 2_000

    /// Tables that are no part of the registry: the schema version (checked, never copied), SQLite's own, the
    /// SQLite name search (M0008, M0010), which the triggers on `members` and `audit_entries` rebuild as rows arrive,
    /// web sessions (a restored registry asks everyone to log in again), uploads waiting for an import's confirmation
    /// (M0016), failed logins (M0017) and statistics snapshots (M0026), which statistics keep again as they are asked.
    static func isDerived(_ table: String) -> Bool {
        table == "_fluent_migrations" || table.hasPrefix("sqlite_") || table == "member_names" || table.hasPrefix("member_names_")
            || table.hasPrefix("statistic_")
            || table == "sessions" || table == "login_failures" || table == "pending_imports"
    }

    /// The registry's tables in `sql`, in `order`; a table this list does not know comes last (a test holds the list
    /// complete).
    static func tables(on sql: any SQLDatabase) async throws -> [String] {
        let query: SQLQueryString = sql.dialect.name == "postgresql"
            ? "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
            : "SELECT name FROM sqlite_master WHERE type = 'table'"
        let names = try await sql.raw(query).all().map { try $0.decode(column: "name", as: String.self) }.filter { !isDerived($0) }
        return names.sorted { (order.firstIndex(of: $0) ?? order.count, $0) < (order.firstIndex(of: $1) ?? order.count, $1) }
    }

    enum Kind: Equatable { case integer, text, boolean }

    /// The columns of `table` in their stored order, with their kinds.
    static func columns(of table: String, on sql: any SQLDatabase) async throws -> [(name: String, kind: Kind)] {
        if sql.dialect.name == "postgresql" {
            return try await sql.raw("""
                SELECT column_name AS name, data_type AS type FROM information_schema.columns
                WHERE table_schema = current_schema() AND table_name = \(bind: table) ORDER BY ordinal_position
                """).all().map { row in
                let name = try row.decode(column: "name", as: String.self), type = try row.decode(column: "type", as: String.self)
                switch type {
                case "bigint", "integer", "smallint": return (name, .integer)
                case "boolean": return (name, .boolean)
                case "text", "character varying": return (name, .text)
                default: throw BackupError.unsupportedColumn(table: table, column: name, type: type)
                }
            }
        }
        return try await sql.raw("SELECT name, type FROM pragma_table_info(\(bind: table))").all().map { row in
            let name = try row.decode(column: "name", as: String.self), type = try row.decode(column: "type", as: String.self)
            switch type.uppercased() {
            case "INTEGER", "BIGINT", "INT": return (name, .integer)
            case "TEXT": return (name, .text)
            default: throw BackupError.unsupportedColumn(table: table, column: name, type: type)
            }
        }
    }

    /// Copies every row of `table` from `source` to `destination`; returns how many. On PostgreSQL, `source` must be a
    /// transaction (its rows are read through a cursor, in that transaction's snapshot).
    @discardableResult
    static func copy(_ table: String, from source: any SQLDatabase, to destination: any SQLDatabase) async throws -> Int {
        let columns = try await columns(of: table, on: source)
        let target = try await self.columns(of: table, on: destination)
        guard Set(columns.map(\.name)) == Set(target.map(\.name)) else { throw BackupError.schemaMismatch(table: table) }
        let names = columns.map(\.name)
        var copied = 0
        if let sqlite = source as? any SQLiteDatabase {
            // NB: pages by rowid (every table here has one), never OFFSET, which rereads what it skips.
            let list = names.map { "\"\($0)\"" }.joined(separator: ", ")
            var after = Int.min
            while true {
                let rows = try await sqlite.steppedRows(
                    "SELECT rowid AS \"_rowid_\", \(list) FROM \"\(table)\" WHERE rowid > ? ORDER BY rowid LIMIT \(batch)",
                    [.integer(after)])
                guard let last = rows.last else { break }
                try await Store.insert(into: table, columns: names, rows: try rows.map { row in
                    try names.map { name in
                        switch row.column(name) {
                        case .integer(let value): .int(value)
                        case .text(let value): .text(value)
                        case .null, nil: .null
                        case .float, .blob: throw BackupError.unsupportedColumn(table: table, column: name, type: "REAL/BLOB")
                        }
                    }
                }, on: destination)
                copied += rows.count
                after = last.column("_rowid_")?.integer ?? Int.max
                if rows.count < batch { break }
            }
            return copied
        }
        // PostgreSQL: a cursor in the caller's transaction.
        try await source.raw("DECLARE dangbo_copy NO SCROLL CURSOR FOR SELECT \(unsafeRaw: names.map { "\"\($0)\"" }.joined(separator: ", ")) FROM \(ident: table)").run()
        while true {
            let rows = try await source.raw("FETCH FORWARD \(unsafeRaw: String(batch)) FROM dangbo_copy").all()
            if rows.isEmpty { break }
            try await Store.insert(into: table, columns: names, rows: try rows.map { row in
                try columns.map { column -> BulkValue in
                    switch column.kind {
                    case .integer: .int(try row.decode(column: column.name, as: Int?.self))
                    case .text: .text(try row.decode(column: column.name, as: String?.self))
                    case .boolean: try row.decode(column: column.name, as: Bool?.self).map(BulkValue.bool) ?? .null
                    }
                }
            }, on: destination)
            copied += rows.count
            if rows.count < batch { break }
        }
        try await source.raw("CLOSE dangbo_copy").run()
        return copied
    }
}
