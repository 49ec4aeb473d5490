import FluentKit
import Foundation
import SQLKit

/// What a restore wrote.
public struct RestoreSummary: Sendable, Equatable {
    /// Rows per registry table.
    public var rows: [String: Int]
    /// The migrations the backup lacked, applied after reading it (an older DangBo wrote it).
    public var migrated: [String]
    /// What the target held before (with `force`).
    public var replacedOrganizations: Int
    public var replacedMembers: Int
}

extension Store {
    /// Restores the backup at `path` (a SQLite file from `backup(to:)`, or any DangBo SQLite database) into this
    /// store, SQLite or PostgreSQL, in one write transaction: all or nothing (issue 8 §4).
    ///
    /// The target must hold no organization and no member unless `force`, which replaces everything it holds. A backup
    /// from a newer DangBo (migrations this one does not know) is refused; an older one is brought up to date first, on
    /// a copy (the backup file itself is never changed). The copied audit trail keeps its hashes, and the restore adds
    /// its own entry, chained after them. The name search (SQLite) follows through its triggers; the planners'
    /// statistics are refreshed after. No sequence needs resetting: ids are given by the store, never by the database.
    @discardableResult
    public func restore(from path: String, force: Bool = false, actor: String) async throws -> RestoreSummary {
        guard FileManager.default.fileExists(atPath: path) else { throw BackupError.missingFile(path) }
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("dangbo-restore-\(UUID().uuidString).sqlite").path
        defer { Self.removeDatabaseFiles(at: copy) }
        try FileManager.default.copyItem(atPath: path, toPath: copy)
        let source: Store
        do {
            source = try await Store.open(.sqlite(path: copy), migrate: false, logger: logger, readers: false)
        } catch {
            throw BackupError.notABackup(path)
        }
        do {
            let summary = try await restore(from: source, path: path, force: force, actor: actor)
            await source.close()
            await refreshStatistics()
            return summary
        } catch {
            await source.close()
            throw error
        }
    }

    private func restore(from source: Store, path: String, force: Bool, actor: String) async throws -> RestoreSummary {
        guard let check = try? await source.sql.raw("PRAGMA quick_check").first()?.decode(column: "quick_check", as: String.self)
        else { throw BackupError.notABackup(path) }
        guard check == "ok" else { throw BackupError.damaged(path, check) }
        guard let applied = try? await source.sql.raw("SELECT name FROM _fluent_migrations").all()
            .map({ try $0.decode(column: "name", as: String.self) })
        else { throw BackupError.notABackup(path) }
        let known = Self.migrations.map(\.name)
        let unknown = Set(applied).subtracting(known)
        guard unknown.isEmpty else { throw BackupError.newerVersion(path, unknown.sorted()) }
        let missing = known.filter { !applied.contains($0) }
        if !missing.isEmpty { try await source.migrate() }

        let name = URL(fileURLWithPath: path).lastPathComponent
        return try await writing { target in
            let sql = target.sql
            func count(_ table: String) async throws -> Int {
                try await sql.raw("SELECT COUNT(*) AS n FROM \(ident: table)").first()?.decode(column: "n", as: Int.self) ?? 0
            }
            let organizations = try await count("organizations"), members = try await count("members")
            let entries = try await count("audit_entries")
            if organizations + members > 0 {
                guard force else { throw BackupError.notEmpty(organizations: organizations, members: members) }
                // NB: first, so that the snapshots' triggers have nothing to keep in step as the rows go.
                try await StatisticSnapshots.clear(on: sql)
                for table in try await TableCopy.tables(on: sql).reversed() {
                    try await sql.raw("DELETE FROM \(ident: table)").run()
                }
            } else {
                // An empty registry may still hold audit entries (a write of nothing): the backup's trail replaces them.
                try await sql.raw("DELETE FROM audit_entries").run()
            }
            let tables = try await TableCopy.tables(on: source.sql)
            let targetTables = try await TableCopy.tables(on: sql)
            var rows: [String: Int] = [:]
            for table in tables {
                guard targetTables.contains(table) else { throw BackupError.schemaMismatch(table: table) }
                rows[table] = try await TableCopy.copy(table, from: source.sql, to: sql)
            }
            var details = ["replaced.organizations": "\(organizations)", "replaced.members": "\(members)",
                           "replaced.auditEntries": "\(entries)"]
            for (table, count) in rows { details["rows.\(table)"] = "\(count)" }
            if !missing.isEmpty { details["migrated"] = "\(missing.count)" }
            try await Self.appendAudit(
                AuditRecord(actor: actor, action: "restore", summary: "Khôi phục từ bản sao lưu \(name)", details: details,
                            recordedAt: Date()),
                on: target.database)
            return RestoreSummary(rows: rows, migrated: missing, replacedOrganizations: organizations, replacedMembers: members)
        }
    }
}
