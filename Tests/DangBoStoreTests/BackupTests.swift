import DangBoCore
@testable import DangBoStore
import DangBoSynthetic
import Foundation
import SQLKit
import Testing

/// `dangbo backup` and `dangbo restore` (issue 8 §4): a registry backed up and restored into a fresh database gives
/// every review of every organization, the statistics and the audit trail back, between SQLite and PostgreSQL both
/// ways; a non-empty target is refused unless forced; a backup taken during a write holds none of it.
@Suite struct BackupTests {
    static let generated = SyntheticRegistry(options: .init(seed: 3, grassroots: 10, members: 600)).change()
    static let audit = AuditRecord(actor: "test", action: "seed", summary: "generated", recordedAt: Date(timeIntervalSince1970: 0))
    static let periods = [("2021-01-01", "2021-03-31"), ("2015-01-01", "2015-12-31"), ("2025-07-01", "2026-06-30"),
                          ("1996-01-01", "2026-11-26")].map { (Day(iso: $0.0)!, Day(iso: $0.1)!) }

    /// Every figure asked of the store: each organization's review for each period, its statistics at each end.
    struct Figures: Equatable {
        var reviews: [Review] = []
        var statistics: [Statistics] = []
    }

    static func figures(_ store: Store) async throws -> Figures {
        var figures = Figures()
        for id in generated.registry.tree.organizations.keys.sorted() {
            for (from, to) in periods {
                figures.reviews.append(try await store.review(of: id, from: from, to: to))
                figures.statistics.append(try await store.statistics(of: id, asOf: to))
            }
        }
        return figures
    }

    static func withFile(_ body: (String) async throws -> Void) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dangbo-backup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try await body(directory.appendingPathComponent("backup.sqlite").path)
    }

    /// Restores `file` into `target` and holds everything equal to `source`: figures, audit trail (plus the restore's
    /// own entry, chained after), a chain that verifies.
    static func restoreAndCompare(_ file: String, from source: Store, into target: Store) async throws {
        let summary = try await target.restore(from: file, actor: "test")
        #expect(summary.rows["members"] == generated.change.members.count)
        #expect(try await figures(target) == figures(source), "\(source.location) → \(target.location)")
        let restored = try await target.auditEntries(limit: 100)
        #expect(Array(restored.dropFirst()) == (try await source.auditEntries(limit: 100)))
        #expect(restored.first?.action == "restore")
        #expect(try await target.verifyAuditTrail().isIntact)
        // The name search works on the restored registry (SQLite rebuilds it through its triggers).
        let day = Day(iso: "2026-11-26")!
        let found = try await target.members(matching: "nguyen", in: OrganizationID(1), asOf: day, limit: 50)
        #expect(!found.isEmpty)
        #expect(found == (try await source.members(matching: "nguyen", in: OrganizationID(1), asOf: day, limit: 50)))
        // Through the index of names too (PostgreSQL: the distinct names, filled by the triggers as members arrive).
        let trigrams = NameSearch.Plan.trigrams(lookupLimit: NameSearch.lookupLimit)
        for text in ["nguyen", "thi thu", "van h"] {
            #expect(try await target.members(matching: text, in: OrganizationID(1), asOf: day, limit: 50, plan: trigrams)
                == (try await source.members(matching: text, in: OrganizationID(1), asOf: day, limit: 50, plan: .subtree)), "\(text)")
        }
    }

    @Test func sqliteToSQLite() async throws {
        try await TestDatabases.withSQLite { source in
            try await source.write(Self.generated.change, tree: Self.generated.registry.tree, audit: Self.audit)
            try await Self.withFile { file in
                let summary = try await source.backup(to: file)
                #expect(summary.rows["members"] == Self.generated.change.members.count)
                try await TestDatabases.withSQLite { target in try await Self.restoreAndCompare(file, from: source, into: target) }
            }
        }
    }

    @Test(.enabled(if: TestDatabases.postgresURL != nil))
    func sqliteToPostgres() async throws {
        try await TestDatabases.withSQLite { source in
            try await source.write(Self.generated.change, tree: Self.generated.registry.tree, audit: Self.audit)
            try await Self.withFile { file in
                try await source.backup(to: file)
                try await TestDatabases.withPostgres { target in try await Self.restoreAndCompare(file, from: source, into: target) }
            }
        }
    }

    @Test(.enabled(if: TestDatabases.postgresURL != nil))
    func postgresToSQLite() async throws {
        try await TestDatabases.withPostgres { source in
            try await source.write(Self.generated.change, tree: Self.generated.registry.tree, audit: Self.audit)
            try await Self.withFile { file in
                let summary = try await source.backup(to: file)
                #expect(summary.rows["membership_events"] == Self.generated.change.events.count)
                try await TestDatabases.withSQLite { target in try await Self.restoreAndCompare(file, from: source, into: target) }
            }
        }
    }

    @Test func anExistingFileIsKeptUnlessForced() async throws {
        try await TestDatabases.withSQLite { source in
            try await Self.withFile { file in
                try Data("keep me".utf8).write(to: URL(fileURLWithPath: file))
                await #expect(throws: BackupError.fileExists(file)) { try await source.backup(to: file) }
                #expect(try String(contentsOfFile: file, encoding: .utf8) == "keep me")
                try await source.backup(to: file, force: true)
                #expect(try String(contentsOfFile: file, encoding: .isoLatin1).hasPrefix("SQLite format 3"))
            }
        }
    }

    /// Into a database that holds a registry: refused, nothing changed; with force, replaced whole.
    @Test func aNonEmptyTargetIsRefusedUnlessForced() async throws {
        try await TestDatabases.withSQLite { source in
            try await source.write(Self.generated.change, tree: Self.generated.registry.tree, audit: Self.audit)
            try await Self.withFile { file in
                try await source.backup(to: file)
                try await TestDatabases.each { target in
                    let other = SyntheticRegistry(options: .init(seed: 4, grassroots: 4, members: 100)).change()
                    try await target.write(other.change, tree: other.registry.tree, audit: Self.audit)
                    let before = try await Self.figures(target)
                    let trail = try await target.auditEntries(limit: 100)
                    await #expect(throws: BackupError.notEmpty(organizations: other.change.organizations.count,
                                                               members: other.change.members.count)) {
                        try await target.restore(from: file, actor: "test")
                    }
                    #expect(try await Self.figures(target) == before)
                    #expect(try await target.auditEntries(limit: 100) == trail)
                    let summary = try await target.restore(from: file, force: true, actor: "test")
                    #expect(summary.replacedMembers == other.change.members.count)
                    #expect(try await Self.figures(target) == Self.figures(source))
                    #expect(try await target.verifyAuditTrail().isIntact)
                }
            }
        }
    }

    /// A backup taken while another connection holds a write transaction open is the registry as last committed:
    /// none of the open write, and whole.
    @Test func aBackupDuringAnOpenWriteIsConsistent() async throws {
        try await TestDatabases.each { source in
            try await source.write(Self.generated.change, tree: Self.generated.registry.tree, audit: Self.audit)
            let before = try await Self.figures(source)
            let writer = try await Store.open(source.location)
            do {
                try await Self.withFile { file in
                    try await writer.writing { transaction in
                        try await transaction.sql.raw("""
                            INSERT INTO organizations (id, code, established_on, dissolved_on) VALUES (99999, 'OPEN', 20260101, 99991231)
                            """).run()
                        try await transaction.sql.raw("UPDATE members SET family_name = 'Half' WHERE id <= 300").run()
                        try await Store.appendAudit(Self.audit, on: transaction.database)
                        let summary = try await source.backup(to: file)
                        #expect(summary.rows["organizations"] == Self.generated.change.organizations.count)
                        #expect(summary.rows["audit_entries"] == 1)
                    }
                    try await TestDatabases.withSQLite { target in
                        try await target.restore(from: file, actor: "test")
                        #expect(try await Self.figures(target) == before)
                        let halves = try await target.sql.raw("SELECT COUNT(*) AS n FROM members WHERE family_name = 'Half'").first()?
                            .decode(column: "n", as: Int.self)
                        #expect(halves == 0)
                    }
                }
            } catch {
                await writer.close()
                throw error
            }
            await writer.close()
        }
    }

    /// An older backup (before M0013) is brought up to date after reading; a newer one is refused and nothing changes.
    @Test func theBackupsSchemaVersionIsChecked() async throws {
        try await TestDatabases.withSQLite { source in
            try await source.write(Self.generated.change, tree: Self.generated.registry.tree, audit: Self.audit)
            try await Self.withFile { file in
                try await source.backup(to: file)
                let chained = String(reflecting: M0013_ChainAuditEntries.self)
                let backup = try await Store.open(.sqlite(path: file), migrate: false)
                try await M0013_ChainAuditEntries().revert(on: backup.database)
                try await backup.sql.raw("DELETE FROM _fluent_migrations WHERE name = \(bind: chained)").run()
                await backup.close()
                try await TestDatabases.each { target in
                    let summary = try await target.restore(from: file, actor: "test")
                    #expect(summary.migrated == [chained])
                    #expect(try await Self.figures(target) == Self.figures(source))
                    #expect(try await target.verifyAuditTrail().isIntact)
                }
                let newer = try await Store.open(.sqlite(path: file), migrate: false)
                try await newer.sql.raw("UPDATE _fluent_migrations SET name = 'DangBoStore.M9999_FromTheFuture' WHERE name LIKE '%M0012%'").run()
                await newer.close()
                try await TestDatabases.withSQLite { target in
                    await #expect(throws: BackupError.newerVersion(file, ["DangBoStore.M9999_FromTheFuture"])) {
                        try await target.restore(from: file, actor: "test")
                    }
                    let members = try await Self.count("members", target)
                    let entries = try await Self.count("audit_entries", target)
                    #expect(members == 0 && entries == 0)
                }
            }
        }
    }

    @Test func notABackupIsSaidSo() async throws {
        try await TestDatabases.withSQLite { target in
            try await Self.withFile { file in
                try Data(repeating: 7, count: 10_000).write(to: URL(fileURLWithPath: file))
                await #expect(throws: BackupError.notABackup(file)) { try await target.restore(from: file, actor: "test") }
                await #expect(throws: BackupError.missingFile(file + ".none")) {
                    try await target.restore(from: file + ".none", actor: "test")
                }
            }
        }
    }

    /// Every table of the schema is copied or rebuilt: a new table must join `TableCopy.order` (or be derived).
    @Test func everyTableIsBackedUp() async throws {
        try await TestDatabases.each { store in
            let tables = try await TableCopy.tables(on: store.sql)
            #expect(tables == TableCopy.order)
        }
    }

    static func count(_ table: String, _ store: Store) async throws -> Int {
        try await store.sql.raw("SELECT COUNT(*) AS n FROM \(ident: table)").first()!.decode(column: "n", as: Int.self)
    }
}
