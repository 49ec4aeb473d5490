import DangBoCore
import DangBoInterchange
@testable import DangBoStore
import DangBoSynthetic
import Foundation
import SQLKit
import Testing

/// One writer at a time (issue 8 §1): two `dangbo import` processes started together on one database either both
/// land whole or one is refused with the clear busy message, and the figures of whatever landed are exact; readers go
/// on while a write holds the lock, a first import included; a writer kept waiting gives up after its bound with the
/// clear message. On SQLite always, on PostgreSQL when `DATABASE_URL` is set.
///
/// `DANGBO_BINARY=/path/to/dangbo` runs the process tests against another build of the command (how the failure
/// without the write lock was shown); by default the `dangbo` built next to the tests.
@Suite(.serialized) struct ConcurrentWriteTests {
    static let audit = AuditRecord(actor: "test", action: "import", summary: "test", recordedAt: Date(timeIntervalSince1970: 0))
    static let through = Day(iso: "2026-11-26")!
    /// The periods every organization's review is compared over: a quarter and a whole year.
    static let periods = [(Day(iso: "2021-01-01")!, Day(iso: "2021-03-31")!), (Day(iso: "2025-07-01")!, Day(iso: "2026-06-30")!)]

    /// Two blocs with their own codes, case references and national IDs, each exported in the import format.
    static let blocs: [(code: String, folder: URL)] = ([("DKA", 41), ("DKB", 42)] as [(String, UInt64)]).map { code, seed in
        let registry = SyntheticRegistry(options: .init(
            seed: seed, grassroots: 6, members: 500, through: through, rootCode: code, rootName: "Đảng bộ Khối \(code)")).registry()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dangbo-concurrent-\(code)-\(UUID().uuidString)")
        try! RegistryExport.writeCSV(registry, to: folder)
        return (code, folder)
    }

    /// The second bloc's organizations alone: an import without members used to land silently on stale ids.
    static let organizationsOnly: URL = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dangbo-concurrent-organizations-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try! FileManager.default.copyItem(at: blocs[1].folder.appendingPathComponent("organizations.csv"),
                                          to: folder.appendingPathComponent("organizations.csv"))
        return folder
    }()

    // MARK: two processes

    /// With the default wait both usually land (the second waits for the first); with `--write-wait 0` the second is
    /// usually refused; on a new database they also migrate together. Whichever happens is checked exactly.
    @Test(arguments: [
        (migrated: false, writeWait: nil, organizationsOnly: false), (migrated: true, writeWait: nil, organizationsOnly: false),
        (migrated: true, writeWait: "0", organizationsOnly: false), (migrated: true, writeWait: nil, organizationsOnly: true),
    ] as [(migrated: Bool, writeWait: String?, organizationsOnly: Bool)])
    func twoImportsStartedTogetherLandWholeOrOneIsRefused(migrated: Bool, writeWait: String?, organizationsOnly: Bool) async throws {
        let first = try await Self.expected(importing: [Self.blocs[0].folder])
        let second = try await Self.expected(importing: [Self.blocs[1].folder])
        try #require(Set(first.members.values.map(\.nationalID)).isDisjoint(with: second.members.values.map(\.nationalID)))
        let folders = [Self.blocs[0].folder, organizationsOnly ? Self.organizationsOnly : Self.blocs[1].folder]
        try await Self.withNewDatabase(migrated: migrated) { location in
            // MUT
            let runs = try await Self.runTogether(folders.map { folder in
                ["import", folder.path, "--database", Self.argument(location)] + (writeWait.map { ["--write-wait", $0] } ?? [])
            })
            // validate
            let expected: Registry
            let audits: Int
            switch (runs[0].status, runs[1].status) {
            case (0, 0):
                expected = try await Self.expected(importing: folders)
                audits = 2
            case (0, _), (_, 0):
                let (winner, loser) = runs[0].status == 0 ? (0, 1) : (1, 0)
                #expect(runs[loser].errors.contains(StoreError.busy.description), "\(location): \(runs[loser].errors)")
                expected = try await Self.expected(importing: [folders[winner]])
                audits = 1
            default:
                Issue.record("\(location): both imports failed:\n\(runs[0].errors)\n\(runs[1].errors)")
                return
            }
            try await Self.expectRegistry(at: location, equals: expected, audits: audits)
        }
    }

    // MARK: readers

    @Test(arguments: [true, false])
    func aReaderAnswersWhileAnImportHoldsTheWriteLock(firstImport: Bool) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dangbo-reader-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let location = DatabaseLocation.sqlite(path: directory.appendingPathComponent("registry.sqlite").path)
        // setup
        let writer = try await Store.open(location)
        if !firstImport { _ = try await writer.importData(at: Self.blocs[0].folder, actor: "test") }
        let before = try await Self.expected(importing: firstImport ? [] : [Self.blocs[0].folder])
        let folder = Self.blocs[firstImport ? 0 : 1].folder
        // MUT: the import has written its rows and holds the write lock until the reader is done.
        let (importing, release) = await Self.importHeld(folder, by: writer)
        do {
            // validate: a reader opened now answers at once, from what was committed before the import.
            let reader = try await Store.open(location)
            #expect(try await reader.sql.raw("PRAGMA journal_mode").first()?.decode(column: "journal_mode", as: String.self) == "wal")
            let tree = try await reader.loadTree()
            #expect(tree.organizations.count == before.tree.organizations.count)
            if let root = before.tree.organization(code: Self.blocs[0].code) {
                #expect(try await reader.statistics(of: root.id, asOf: Self.through) == before.statistics(of: root.id, asOf: Self.through))
            }
            await reader.close()
        } catch {
            release.yield()
            _ = try? await importing.value
            await writer.close()
            throw error
        }
        release.yield()
        _ = try await importing.value
        await writer.close()
        try await Self.expectRegistry(
            at: location, equals: try await Self.expected(importing: firstImport ? [folder] : Self.blocs.map(\.folder)),
            audits: firstImport ? 1 : 2)
    }

    // MARK: a first load's journal

    /// A first load into an empty file with no other connection is written with a rollback journal (each page once),
    /// then the file is in WAL again, whether the load was written or refused; with another connection open (the test
    /// above: the writer's own readers) it stays in WAL throughout.
    @Test func aFirstLoadAloneUsesARollbackJournalThenWALAgain() async throws {
        // NB: SQLite's journal: PostgreSQL has none to change.
        try await Self.withNewDatabase(migrated: true, postgres: false) { location in
            try await Store.open(location, readers: false).closing { store in
                #expect(try await Self.journalMode(store) == "wal")
                // A refused first load: rolled back, WAL again, nothing written.
                let bad = FileManager.default.temporaryDirectory.appendingPathComponent("dangbo-bad-\(UUID().uuidString)")
                defer { try? FileManager.default.removeItem(at: bad) }
                try FileManager.default.createDirectory(at: bad, withIntermediateDirectories: true)
                try FileManager.default.copyItem(at: Self.blocs[0].folder.appendingPathComponent("organizations.csv"),
                                                 to: bad.appendingPathComponent("organizations.csv"))
                try "national_id,family_name,given_name,gender,birth_date\n001090000001,Nguyễn,An,nam,không rõ\n"
                    .write(to: bad.appendingPathComponent("members.csv"), atomically: true, encoding: .utf8)
                await #expect(throws: ImportFailure.self) { try await store.importData(at: bad, actor: "test") }
                #expect(try await Self.journalMode(store) == "wal")
                #expect(try await store.nextIdentifiers() == (1, 1))
                // The first load proper: in a rollback journal while it writes, WAL after.
                let folder = Self.blocs[0].folder
                let during = try await store.importing(audit: { _ in Self.audit }) { sink, inside -> String? in
                    _ = try await Importer(context: try await inside.importContext(today: Importer.Context.today())).run(try ImportSource.open(folder), into: sink)
                    return try await Self.journalMode(inside)
                }
                #expect(during == "delete")
                #expect(try await Self.journalMode(store) == "wal")
                #expect(try await store.nextIdentifiers() != (1, 1))
                // A second load into the filled file stays in WAL.
                let second = try await store.importing(audit: { _ in Self.audit }) { sink, inside -> String? in
                    _ = try await Importer(context: try await inside.importContext(today: Importer.Context.today())).run(try ImportSource.open(Self.blocs[1].folder), into: sink)
                    return try await Self.journalMode(inside)
                }
                #expect(second == "wal")
            }
            try await Self.expectRegistry(at: location, equals: try await Self.expected(importing: Self.blocs.map(\.folder)), audits: 2)
        }
    }

    /// Whoever opens the file while a first load holds it with a rollback journal is told the database is busy, in
    /// Vietnamese, and can open it once the load has ended.
    @Test func openingDuringAFirstLoadAloneIsBusyUntilItEnds() async throws {
        try await Self.withNewDatabase(migrated: true, postgres: false) { location in
            let folder = Self.blocs[0].folder
            try await Store.open(location, readers: false).closing { writer in
                let (importing, release) = await Self.importHeld(folder, by: writer)
                do {
                    await (try await Store.open(location, writeWait: .milliseconds(200))).close()
                    Issue.record("a store opened while a first load held the file")
                } catch let error as StoreError {
                    if case .busy = error {
                        #expect(error.description.contains("đang bận"))
                    } else {
                        Issue.record("not busy: \(error)")
                    }
                } catch {
                    Issue.record("unexpected \(error)")
                }
                release.yield()
                _ = try await importing.value
            }
            let mode = try await Store.open(location).closing { try await Self.journalMode($0) }
            #expect(mode == "wal")
            try await Self.expectRegistry(at: location, equals: try await Self.expected(importing: [folder]), audits: 1)
        }
    }

    /// Starts importing `folder` with `writer` and returns once the import has written its rows and holds the write
    /// lock, until `release` yields.
    static func importHeld(
        _ folder: URL, by writer: Store
    ) async -> (Task<Importer.Summary, any Error>, AsyncStream<Void>.Continuation) {
        let (held, holding) = AsyncStream.makeStream(of: Void.self)
        let (released, release) = AsyncStream.makeStream(of: Void.self)
        let importing = Task {
            // NB: a failed import ends the wait below too (then the test fails on what it finds, never hangs).
            defer { holding.finish() }
            return try await writer.importing(audit: { _ in Self.audit }) { sink, store in
                let summary = try await Importer(context: try await store.importContext(today: Importer.Context.today())).run(try ImportSource.open(folder), into: sink)
                holding.yield()
                for await _ in released { break }
                return summary
            }
        }
        for await _ in held { break }
        return (importing, release)
    }

    static func journalMode(_ store: Store) async throws -> String? {
        try await store.sql.raw("PRAGMA journal_mode").first()?.decode(column: "journal_mode", as: String.self)
    }

    // MARK: a bounded wait

    @Test func aWriterKeptWaitingGivesUpClearlyAfterItsBound() async throws {
        try await Self.withNewDatabase(migrated: true) { location in
            // setup: another store holds the write lock.
            let store = try await Store.open(location)
            let waiter = try await Store.open(location, writeWait: .milliseconds(600))
            let (held, holding) = AsyncStream.makeStream(of: Void.self)
            let (released, release) = AsyncStream.makeStream(of: Void.self)
            let holder = Task {
                try await store.writing { _ in
                    holding.yield()
                    for await _ in released { break }
                }
            }
            for await _ in held { break }
            do {
                // MUT
                let clock = ContinuousClock()
                let started = clock.now
                let error = await #expect(throws: StoreError.self) {
                    try await waiter.importData(at: Self.blocs[0].folder, actor: "test")
                }
                let waited = clock.now - started
                // validate
                #expect(error?.description == "Cơ sở dữ liệu đang bận: một lần ghi khác (nhập dữ liệu) đang chạy; hãy thử lại sau.")
                #expect(waited >= .milliseconds(600) && waited < .seconds(10), "\(location): waited \(waited)")
                await #expect(throws: StoreError.self) {
                    try await waiter.write(RegistryChange(), tree: OrganizationTree(), audit: Self.audit)
                }
                let run = try await Self.runTogether([
                    ["import", Self.blocs[0].folder.path, "--database", Self.argument(location), "--write-wait", "0.5"]])[0]
                #expect(run.status != 0)
                #expect(run.errors.contains(StoreError.busy.description), "\(location): \(run.errors)")
            } catch {
                release.yield()
                try? await holder.value
                await store.close()
                await waiter.close()
                throw error
            }
            release.yield()
            try await holder.value
            // Once the lock is free, the same store writes.
            _ = try await waiter.importData(at: Self.blocs[0].folder, actor: "test")
            await store.close()
            await waiter.close()
            try await Self.expectRegistry(at: location, equals: try await Self.expected(importing: [Self.blocs[0].folder]), audits: 1)
        }
    }

    // MARK: helpers

    /// Core's registry after importing `folders` in order into an empty one (the oracle).
    static func expected(importing folders: [URL]) async throws -> Registry {
        var registry = Registry()
        for folder in folders {
            let nextOrganization = (registry.tree.organizations.keys.map(\.rawValue).max() ?? 0) + 1
            let nextMember = (registry.members.keys.map(\.rawValue).max() ?? 0) + 1
            registry = try await Importer.load(folder, into: registry, nextOrganizationID: nextOrganization, nextMemberID: nextMember).registry
        }
        return registry
    }

    /// The stored registry holds exactly `expected`: every organization by code with its versions (names, kinds,
    /// parents by code), its reviews, and the row counts of every table an import writes.
    static func expectRegistry(at location: DatabaseLocation, equals expected: Registry, audits: Int) async throws {
        let store = try await Store.open(location)
        do {
            let tree = try await store.loadTree()
            #expect(tree.organizations.count == expected.tree.organizations.count, "\(location)")
            for organization in expected.tree.organizations.values.sorted(by: { $0.code < $1.code }) {
                guard let stored = tree.organization(code: organization.code) else {
                    Issue.record("\(location): \(organization.code) is missing")
                    continue
                }
                #expect(versions(of: stored, in: tree) == versions(of: organization, in: expected.tree), "\(location) \(organization.code)")
                for (from, to) in periods {
                    var review = expected.review(of: organization.id, from: from, to: to)
                    let actual = try await store.review(of: stored.id, from: from, to: to)
                    review.organization = actual.organization
                    #expect(actual == review, "\(location) \(organization.code) \(from)…\(to)")
                }
            }
            let counts: [(String, Int)] = [
                ("members", expected.members.count),
                ("membership_events", expected.journals.values.map(\.events.count).reduce(0, +)),
                ("membership_periods", expected.periods.count),
                ("organization_ancestry", expected.tree.ancestry().count),
                ("committee_seats", expected.seats.count),
                ("oversight_cases", expected.cases.count),
                ("audit_entries", audits),
            ]
            for (table, count) in counts {
                let stored = try await store.sql.raw("SELECT COUNT(*) AS n FROM \(ident: table)").first()?.decode(column: "n", as: Int.self)
                #expect(stored == count, "\(location) \(table)")
            }
        } catch {
            await store.close()
            throw error
        }
        await store.close()
    }

    /// An organization's versions with parents named by code (ids depend on which import committed first).
    static func versions(of organization: Organization, in tree: OrganizationTree) -> [String] {
        organization.versions.map { version in
            let parent = version.parent.flatMap { tree.organizations[$0]?.code } ?? "-"
            return "\(version.validity) \(version.name) \(version.kind.rawValue) \(parent)"
        }
    }

    /// Runs `body` on a new database of each engine: a SQLite file, and a PostgreSQL database when `DATABASE_URL` is
    /// set; `migrated: false` leaves it without a schema (the processes under test migrate it together).
    /// `body` on a new SQLite file, then (with a test server) on a new PostgreSQL database; `postgres: false` for what
    /// only SQLite has (its journal).
    static func withNewDatabase(
        migrated: Bool, postgres: Bool = true, _ body: (DatabaseLocation) async throws -> Void
    ) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dangbo-concurrent-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let sqlite = DatabaseLocation.sqlite(path: directory.appendingPathComponent("registry.sqlite").path)
        if migrated { await (try await Store.open(sqlite)).close() }
        try await body(sqlite)
        guard postgres, let url = TestDatabases.postgresURL, var components = URLComponents(string: url) else { return }
        let name = "dangbo_test_\(UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased())"
        let admin = try await Store.open(.postgres(url: url), migrate: false)
        try await admin.sql.raw("CREATE DATABASE \(unsafeRaw: name)").run()
        components.path = "/\(name)"
        let postgres = DatabaseLocation.postgres(url: components.string!)
        do {
            if migrated { await (try await Store.open(postgres)).close() }
            try await body(postgres)
        } catch {
            try? await admin.sql.raw("DROP DATABASE IF EXISTS \(unsafeRaw: name)").run()
            await admin.close()
            throw error
        }
        try await admin.sql.raw("DROP DATABASE IF EXISTS \(unsafeRaw: name)").run()
        await admin.close()
    }

    static func argument(_ location: DatabaseLocation) -> String {
        switch location {
        case .sqlite(let path): "sqlite:\(path)"
        case .postgres(let url): url
        }
    }

    struct Run: Sendable {
        var status: Int32
        var errors: String
    }

    /// Starts one `dangbo` process per argument list at once and waits for all; each is killed after two minutes.
    static func runTogether(_ argumentLists: [[String]]) async throws -> [Run] {
        var launched: [(process: Process, status: AsyncStream<Int32>, errors: URL)] = []
        var watchdogs: [Task<Void, any Error>] = []
        defer { for watchdog in watchdogs { watchdog.cancel() } }
        for arguments in argumentLists {
            let process = Process()
            process.executableURL = try binary()
            process.arguments = arguments
            let errors = FileManager.default.temporaryDirectory.appendingPathComponent("dangbo-stderr-\(UUID().uuidString)")
            _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
            process.standardError = try FileHandle(forWritingTo: errors)
            process.standardOutput = FileHandle.nullDevice
            let (status, exited) = AsyncStream.makeStream(of: Int32.self)
            process.terminationHandler = { exited.yield($0.terminationStatus); exited.finish() }
            launched.append((process, status, errors))
            try process.run()
            let pid = process.processIdentifier
            watchdogs.append(Task {
                try await Task.sleep(for: .seconds(120))
                kill(pid, SIGKILL)
            })
        }
        var runs: [Run] = []
        for (_, status, errors) in launched {
            var code: Int32 = -1
            for await value in status { code = value }
            runs.append(Run(status: code, errors: (try? String(contentsOf: errors, encoding: .utf8)) ?? ""))
            try? FileManager.default.removeItem(at: errors)
        }
        return runs
    }

    /// The `dangbo` executable: `DANGBO_BINARY`, else the one built next to the test bundle.
    static func binary() throws -> URL {
        if let path = ProcessInfo.processInfo.environment["DANGBO_BINARY"] { return URL(fileURLWithPath: path) }
        let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let folders = ([Bundle.main.bundleURL] + Bundle.allBundles.map(\.bundleURL)).flatMap { [$0, $0.deletingLastPathComponent()] }
            + [package.appendingPathComponent(".build/debug")]
        let found = folders.map { $0.appendingPathComponent("dangbo") }.first { FileManager.default.isExecutableFile(atPath: $0.path) }
        return try #require(found, "build the dangbo executable first (swift build)")
    }
}
