import DangBoCore
@testable import DangBoStore
import DangBoSynthetic
import Foundation
import SQLKit
import Testing

/// The audit trail is a hash chain (issue 8 §5): every write adds an entry chained to the one before, and
/// `verifyAuditTrail` names every entry edited, inserted or deleted by hand, on SQLite and PostgreSQL.
@Suite struct AuditChainTests {
    /// The hash is a format (`dangbo-audit-v1`), not an implementation detail: the migration that chained the old
    /// entries (M0013), every later write and an outside verifier must agree on it forever. These values were computed
    /// by an independent implementation (Python's hashlib, from the algorithm as AuditChain documents it); a change
    /// of the encoding breaks every stored chain and must be a new version instead.
    @Test func theV1HashIsFrozen() {
        let first = AuditChain.hash(
            id: 1, recordedAt: "2026-11-29T23:24:00Z", actor: "account#1", action: "event.record", summary: "Ghi biến động",
            details: #"{"member":"42","kind":"moved","Z":"é"}"#, previousHash: AuditChain.genesis)
        #expect(first == "6a9b7c8f10d2e9cebbf9e3eb19791eff96ceda69718781ad65f6653433c01b0e")
        let second = AuditChain.hash(id: 2, recordedAt: "2026-11-29T23:25:00Z", actor: "dangbo import", action: "import",
                                     summary: "Nhập dữ liệu", details: "{}", previousHash: first)
        #expect(second == "b972dc8c37236cfdb9e8f25aa1dcd17caa3efe976df7d5ce4a6ad5e79b74a875")
    }

    /// A trail of five entries: a generated registry's write, then four entries written as a write would, at fixed
    /// times.
    static func trail(_ store: Store) async throws {
        let (change, registry) = SyntheticRegistry(options: .init(seed: 3, grassroots: 3, members: 60)).change()
        try await store.write(change, tree: registry.tree, audit: AuditRecord(
            actor: "test", action: "seed", summary: "generated", details: ["members": "\(change.members.count)"],
            recordedAt: Date(timeIntervalSince1970: 1_700_000_000)))
        for index in 2...5 {
            let record = AuditRecord(
                actor: "staff-\(index)", action: "correct", summary: "entry \(index)", details: ["index": "\(index)"],
                recordedAt: Date(timeIntervalSince1970: 1_700_000_000 + Double(index)))
            _ = try await store.writing { store in try await Store.appendAudit(record, on: store.database) }
        }
    }

    static func hash(of id: Int, _ store: Store) async throws -> String {
        try await store.sql.raw("SELECT hash FROM audit_entries WHERE id = \(bind: id)").first()!.decode(column: "hash", as: String.self)
    }

    @Test func writesProduceAValidChain() async throws {
        try await TestDatabases.each { store in
            try await Self.trail(store)
            let verification = try await store.verifyAuditTrail()
            #expect(verification.isIntact)
            #expect(verification.findings == [])
            #expect(verification.count == 5)
            #expect(verification.headID == 5)
            let entries = try await store.auditEntries(limit: 10)
            #expect(entries.map(\.id) == [5, 4, 3, 2, 1])
            #expect(entries.last?.previousHash == AuditChain.genesis)
            for (newer, older) in zip(entries, entries.dropFirst()) { #expect(newer.previousHash == older.hash) }
            #expect(verification.head == entries.first?.hash)
            // Before and after: each entry says how far the registry's ids reached after it; ids and counts only.
            #expect(entries.last?.details["members.lastID"] == "\(try await Store.nextID(in: "members", on: store.sql) - 1)")
            #expect(entries.last?.details["members"] != nil)
        }
    }

    /// The same hash from every engine and every run: the canonical encoding does not depend on the order of the
    /// details or on the database.
    @Test func theHashIsCanonical() {
        let one = AuditChain.hash(id: 7, recordedAt: "2026-11-29T10:00:00Z", actor: "a", action: "import", summary: "s",
                                  details: #"{"b":"2","a":"1"}"#, previousHash: AuditChain.genesis)
        let two = AuditChain.hash(id: 7, recordedAt: "2026-11-29T10:00:00Z", actor: "a", action: "import", summary: "s",
                                  details: #"{"a":"1","b":"2"}"#, previousHash: AuditChain.genesis)
        #expect(one == two)
        #expect(one.count == 64)
        // Every field counts, and the boundaries between fields too ("ab" + "c" is not "a" + "bc").
        #expect(one != AuditChain.hash(id: 8, recordedAt: "2026-11-29T10:00:00Z", actor: "a", action: "import", summary: "s",
                                       details: #"{"a":"1","b":"2"}"#, previousHash: AuditChain.genesis))
        let split1 = AuditChain.hash(id: 1, recordedAt: "t", actor: "ab", action: "c", summary: "", details: "{}", previousHash: "")
        let split2 = AuditChain.hash(id: 1, recordedAt: "t", actor: "a", action: "bc", summary: "", details: "{}", previousHash: "")
        #expect(split1 != split2)
    }

    struct Tampering: CustomTestStringConvertible, Sendable {
        var name: String
        var apply: @Sendable (Store) async throws -> Void
        var expected: [AuditChainFinding]
        var testDescription: String { name }
    }

    static let tamperings: [Tampering] = [
        Tampering(name: "summary of #3 edited", apply: { store in
            try await store.sql.raw("UPDATE audit_entries SET summary = 'nothing happened' WHERE id = 3").run()
        }, expected: [.edited(id: 3, position: 3)]),
        Tampering(name: "details of #2 edited", apply: { store in
            try await store.sql.raw(#"UPDATE audit_entries SET details = '{"index":"9"}' WHERE id = 2"#).run()
        }, expected: [.edited(id: 2, position: 2)]),
        Tampering(name: "time of #5 edited", apply: { store in
            try await store.sql.raw("UPDATE audit_entries SET recorded_at = '2020-01-01T00:00:00Z' WHERE id = 5").run()
        }, expected: [.edited(id: 5, position: 5)]),
        Tampering(name: "middle entry #3 deleted", apply: { store in
            try await store.sql.raw("DELETE FROM audit_entries WHERE id = 3").run()
        }, expected: [.deleted(ids: 3...3, position: 3)]),
        Tampering(name: "first entry deleted", apply: { store in
            try await store.sql.raw("DELETE FROM audit_entries WHERE id = 1").run()
        }, expected: [.deleted(ids: 1...1, position: 1)]),
        Tampering(name: "#2 and #3 deleted", apply: { store in
            try await store.sql.raw("DELETE FROM audit_entries WHERE id IN (2, 3)").run()
        }, expected: [.deleted(ids: 2...3, position: 2)]),
        Tampering(name: "forged entry appended with a made-up hash", apply: { store in
            let previous = try await hash(of: 5, store)
            try await store.sql.raw("""
                INSERT INTO audit_entries (id, recorded_at, actor, action, summary, details, previous_hash, hash)
                VALUES (6, '2026-01-01T00:00:00Z', 'intruder', 'import', 'forged', '{}', \(bind: previous), \(bind: String(repeating: "f", count: 64)))
                """).run()
        }, expected: [.edited(id: 6, position: 6)]),
        Tampering(name: "forged entry appended, hashed, but not linked", apply: { store in
            let hash = AuditChain.hash(id: 6, recordedAt: "2026-01-01T00:00:00Z", actor: "intruder", action: "import",
                                       summary: "forged", details: "{}", previousHash: AuditChain.genesis)
            try await store.sql.raw("""
                INSERT INTO audit_entries (id, recorded_at, actor, action, summary, details, previous_hash, hash)
                VALUES (6, '2026-01-01T00:00:00Z', 'intruder', 'import', 'forged', '{}', \(bind: AuditChain.genesis), \(bind: hash))
                """).run()
        }, expected: [.unlinked(id: 6, position: 6, after: 5)]),
        Tampering(name: "forged entry inserted before the first, hashed and linked", apply: { store in
            let hash = AuditChain.hash(id: 0, recordedAt: "2026-01-01T00:00:00Z", actor: "intruder", action: "import",
                                       summary: "forged", details: "{}", previousHash: AuditChain.genesis)
            try await store.sql.raw("""
                INSERT INTO audit_entries (id, recorded_at, actor, action, summary, details, previous_hash, hash)
                VALUES (0, '2026-01-01T00:00:00Z', 'intruder', 'import', 'forged', '{}', \(bind: AuditChain.genesis), \(bind: hash))
                """).run()
        }, expected: [.inserted(id: 0, position: 1)]),
        Tampering(name: "#3 edited and its hash recomputed", apply: { store in
            let row = try await store.sql.raw("SELECT * FROM audit_entries WHERE id = 3").first()!
            var entry = try Store.storedAuditEntry(row)
            entry.summary = "nothing happened"
            let hash = AuditChain.hash(of: entry, previousHash: entry.previousHash!)
            try await store.sql.raw("UPDATE audit_entries SET summary = 'nothing happened', hash = \(bind: hash) WHERE id = 3").run()
        }, expected: [.unlinked(id: 4, position: 4, after: 3)]),
    ]

    @Test(arguments: tamperings)
    func tamperingIsFoundAndNamed(_ tampering: Tampering) async throws {
        try await TestDatabases.each { store in
            try await Self.trail(store)
            try await tampering.apply(store)
            let verification = try await store.verifyAuditTrail()
            #expect(!verification.isIntact)
            #expect(verification.findings == tampering.expected, "\(store.location)")
        }
    }

    /// Entries written before M0013 get their chain from the migration.
    @Test func theMigrationChainsExistingEntries() async throws {
        try await TestDatabases.each { store in
            try await Self.trail(store)
            let before = try await store.auditEntries(limit: 10)
            try await M0013_ChainAuditEntries().revert(on: store.database)
            try await store.sql.raw("DELETE FROM _fluent_migrations WHERE name = \(bind: String(reflecting: M0013_ChainAuditEntries.self))").run()
            try await store.migrate()
            #expect(try await store.verifyAuditTrail().isIntact)
            #expect(try await store.auditEntries(limit: 10) == before)
        }
    }
}

/// The data version the web app's kept pages are keyed on (issue 9 point 6): it changes with every committed write,
/// and only then, on both databases.
@Suite struct DataVersionTests {
    @Test func everyWriteAndOnlyAWriteChangesIt() async throws {
        try await TestDatabases.each { store in
            let empty = try await store.dataVersion()
            let (change, registry) = SyntheticRegistry(options: .init(seed: 5, grassroots: 2, members: 50)).change()
            try await store.write(change, tree: registry.tree, audit: ReportTwinTests.audit)
            let written = try await store.dataVersion()
            #expect(written != empty)
            _ = try await store.review(of: OrganizationID(1), from: Day(iso: "2026-01-01")!, to: Day(iso: "2026-03-31")!)
            #expect(try await store.dataVersion() == written)
            try await store.setDocumentSettings(try DocumentSettings(place: "Vĩnh Phúc", issuerCode: "ĐUK"), of: OrganizationID(1), actor: "test")
            #expect(try await store.dataVersion() != written)
        }
    }
}
