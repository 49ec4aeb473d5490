import FluentKit
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SQLKit

/// What a backup holds, table by table.
public struct BackupSummary: Sendable, Equatable {
    /// The file written.
    public var path: String
    /// Rows per registry table, in `TableCopy.order`.
    public var rows: [String: Int]
}

extension Store {
    /// Writes a consistent copy of the whole registry into a new SQLite file at `path` while other processes may go on
    /// reading and writing (issue 8 §4). The copy is a DangBo database of the same schema version: `dangbo restore`
    /// reads it back into SQLite or PostgreSQL, and `dangbo` opens it like any database.
    ///
    /// SQLite: `VACUUM INTO`, one read transaction, so the copy is the registry as of one commit; a write still open
    /// elsewhere is not in it. PostgreSQL: every table copied in one REPEATABLE READ, READ ONLY transaction (one
    /// snapshot), in batches. Refuses an existing `path` unless `force`; the file appears only when complete (written
    /// beside it under another name, then renamed), so a failed backup never leaves half a file or spoils an older one.
    @discardableResult
    public func backup(to path: String, force: Bool = false) async throws -> BackupSummary {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        if FileManager.default.fileExists(atPath: url.path), !force { throw BackupError.fileExists(path) }
        let partial = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).partial")
        defer { Self.removeDatabaseFiles(at: partial.path) }
        switch location {
        case .sqlite:
            try await sql.raw("VACUUM INTO \(bind: partial.path)").run()
        case .postgres:
            let copy = try await Store.open(.sqlite(path: partial.path), logger: logger, readers: false)
            do {
                try await copy.writing { target in
                    try await self.database.transaction { snapshot in
                        let source = snapshot as! any SQLDatabase
                        try await source.raw("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY").run()
                        for table in try await TableCopy.tables(on: source) {
                            try await TableCopy.copy(table, from: source, to: target.sql)
                        }
                    }
                }
            } catch {
                await copy.close()
                throw error
            }
            await copy.close()
        }
        let rows = try await Self.seal(partial.path)
        // NB: rename(2) replaces an older backup atomically (Foundation's replaceItemAt fails on Linux).
        guard rename(partial.path, url.path) == 0 else {
            throw BackupError.damaged(path, String(cString: strerror(errno)))
        }
        return BackupSummary(path: url.path, rows: rows)
    }

    /// Checks a finished backup file (SQLite's `quick_check`), counts its rows, and leaves it in rollback-journal
    /// mode, so that the one file is the whole backup.
    private static func seal(_ path: String) async throws -> [String: Int] {
        let file = try await Store.open(.sqlite(path: path), migrate: false, readers: false)
        do {
            let check = try await file.sql.raw("PRAGMA quick_check").first()?.decode(column: "quick_check", as: String.self)
            guard check == "ok" else { throw BackupError.damaged(path, check ?? "?") }
            var rows: [String: Int] = [:]
            for table in try await TableCopy.tables(on: file.sql) {
                rows[table] = try await file.sql.raw("SELECT COUNT(*) AS n FROM \(ident: table)").first()?.decode(column: "n", as: Int.self)
            }
            try await file.sql.raw("PRAGMA journal_mode=DELETE").run()
            await file.close()
            return rows
        } catch {
            await file.close()
            throw error
        }
    }

    /// Removes a SQLite file with its WAL and shared-memory files, if there.
    static func removeDatabaseFiles(at path: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
}
