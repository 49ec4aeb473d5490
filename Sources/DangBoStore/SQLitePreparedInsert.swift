import NIOPosix
import SQLiteNIO
import VaporCSQLite

/// Rows written on SQLite through one prepared single-row INSERT, bound and stepped for each row on the connection's
/// own handle (direct sqlite3 calls).
///
/// A multi-row INSERT through SQLiteNIO was parsed and compiled anew for every batch (SQLite compiles each row of a
/// VALUES list into code of its own) and, being a statement that writes many rows, kept a statement journal; the
/// rows also went through SQLiteNIO's array of `SQLiteData`. A single-row statement needs no statement journal.
///
/// The connection's handle: SQLiteNIO keeps it internal, so every connection opened in this process gets, through
/// SQLite's public auto-extension hook, the function `dangbo_connection()`, which answers its own connection's
/// handle (`sqlite3_context_db_handle`). It is read on the leased connection and used only while that lease lasts.
enum SQLitePreparedInsert {
    /// Registers `dangbo_connection()` for every SQLite connection opened from now on (once per process).
    static let registered: Void = {
        let entry: @convention(c) (OpaquePointer?, UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, OpaquePointer?) -> Int32 = { db, _, _ in
            let answer: @convention(c) (OpaquePointer?, Int32, UnsafeMutablePointer<OpaquePointer?>?) -> Void = { context, _, _ in
                sqlite_nio_sqlite3_result_int64(context, Int64(Int(bitPattern: sqlite_nio_sqlite3_context_db_handle(context))))
            }
            // NB: DIRECTONLY: never from a trigger or a view.
            return sqlite_nio_sqlite3_create_function_v2(
                db, "dangbo_connection", 0, SQLITE_UTF8 | SQLITE_DIRECTONLY, nil, answer, nil, nil, nil)
        }
        // NB: SQLite calls an auto-extension with (sqlite3*, char**, const sqlite3_api_routines*) but declares it void(*)(void).
        sqlite_nio_sqlite3_auto_extension(unsafeBitCast(entry, to: (@convention(c) () -> Void).self))
    }()

    /// Inserts `rows` into `table`, all or none of them (inside the caller's transaction, which a failure rolls back).
    static func insert(into table: String, columns: [String], rows: [[BulkValue]], on sqlite: any SQLiteDatabase) async throws {
        let text = "INSERT INTO \"\(table)\" (" + columns.map { "\"\($0)\"" }.joined(separator: ",") + ") VALUES ("
            + repeatElement("?", count: columns.count).joined(separator: ",") + ")"
        try await sqlite.withConnection { connection in
            let handle = try await connection.query("SELECT dangbo_connection() AS handle").first?.column("handle")?.integer
            guard let handle, let db = OpaquePointer(bitPattern: handle) else {
                throw SQLiteWriteError(code: SQLITE_MISUSE, message: "no handle for the connection", statement: text)
            }
            // NB: the connection is leased to this write, and opened with SQLITE_OPEN_FULLMUTEX.
            nonisolated(unsafe) let unsafeDB = db
            try await NIOThreadPool.singleton.runIfActive { try Self.insert(rows, with: text, on: unsafeDB) }
        }
    }

    private static func insert(_ rows: [[BulkValue]], with text: String, on db: OpaquePointer) throws {
        var statement: OpaquePointer?
        var code = sqlite_nio_sqlite3_prepare_v3(db, text, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard code == SQLITE_OK, let statement else { throw SQLiteWriteError(db: db, code: code, statement: text) }
        defer { sqlite_nio_sqlite3_finalize(statement) }
        for row in rows {
            for (offset, value) in row.enumerated() {
                let index = Int32(offset + 1)
                switch value {
                case .int(let number): code = sqlite_nio_sqlite3_bind_int64(statement, index, Int64(number))
                case .bool(let flag): code = sqlite_nio_sqlite3_bind_int64(statement, index, flag ? 1 : 0)
                case .null: code = sqlite_nio_sqlite3_bind_null(statement, index)
                case .text(var string):
                    code = string.withUTF8 { bytes in
                        // NB: a null pointer would bind NULL, not the empty text.
                        guard let base = bytes.baseAddress, !bytes.isEmpty else {
                            return sqlite_nio_sqlite3_bind_text(statement, index, "", 0, Self.transient)
                        }
                        return base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                            sqlite_nio_sqlite3_bind_text(statement, index, $0, Int32(bytes.count), Self.transient)
                        }
                    }
                }
                guard code == SQLITE_OK else { throw SQLiteWriteError(db: db, code: code, statement: text) }
            }
            code = sqlite_nio_sqlite3_step(statement)
            guard code == SQLITE_DONE else {
                sqlite_nio_sqlite3_reset(statement)
                throw SQLiteWriteError(db: db, code: code, statement: text)
            }
            code = sqlite_nio_sqlite3_reset(statement)
            guard code == SQLITE_OK else { throw SQLiteWriteError(db: db, code: code, statement: text) }
        }
    }

    /// SQLITE_TRANSIENT: SQLite copies the bound text before the call returns.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}

/// A row SQLite refused in a bulk write: its result code and message (which name the table and constraint, never a
/// value), and the statement.
struct SQLiteWriteError: Error, CustomStringConvertible {
    let code: Int32
    let message: String
    let statement: String

    init(code: Int32, message: String, statement: String) {
        self.code = code
        self.message = message
        self.statement = statement
    }

    init(db: OpaquePointer, code: Int32, statement: String) {
        self.init(code: code, message: sqlite_nio_sqlite3_errmsg(db).map { String(cString: $0) } ?? "error \(code)", statement: statement)
    }

    var description: String { "SQLite refused a row (\(code): \(message)) in \(statement)" }
}
