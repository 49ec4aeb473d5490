import DangBoStore
import Foundation
import SQLKit

/// The databases every store test runs on: a new SQLite file always, and a new PostgreSQL database when
/// `DATABASE_URL=postgres://…` is set (as `.ci/run` does). Each run gets its own, so tests may run in parallel.
enum TestDatabases {
    static var postgresURL: String? {
        guard let url = ProcessInfo.processInfo.environment["DATABASE_URL"], url.hasPrefix("postgres") else { return nil }
        return url
    }

    /// Runs `body` once per engine with a fresh, migrated store (`snapshotMinimum`: `Store.open`'s).
    static func each(snapshotMinimum: Int = Store.defaultSnapshotMinimum, _ body: (Store) async throws -> Void) async throws {
        try await withSQLite(snapshotMinimum: snapshotMinimum, body)
        if postgresURL != nil { try await withPostgres(snapshotMinimum: snapshotMinimum, body) }
    }

    static func withSQLite(snapshotMinimum: Int = Store.defaultSnapshotMinimum, _ body: (Store) async throws -> Void) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dangbo-test-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try await Store.open(.sqlite(path: directory.appendingPathComponent("test.sqlite").path),
                                         snapshotMinimum: snapshotMinimum)
        do { try await body(store) } catch { await store.close(); throw error }
        await store.close()
    }

    static func withPostgres(snapshotMinimum: Int = Store.defaultSnapshotMinimum, _ body: (Store) async throws -> Void) async throws {
        guard let url = postgresURL, var components = URLComponents(string: url) else { return }
        let name = "dangbo_test_\(UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased())"
        let admin = try await Store.open(.postgres(url: url), migrate: false)
        do {
            try await admin.sql.raw("CREATE DATABASE \(unsafeRaw: name)").run()
        } catch {
            // NB: a pool left open asserts when it goes; the server's refusal (too many clients) is the error to see.
            await admin.close()
            throw error
        }
        components.path = "/\(name)"
        do {
            let store = try await Store.open(.postgres(url: components.string!), snapshotMinimum: snapshotMinimum)
            do { try await body(store) } catch { await store.close(); throw error }
            await store.close()
        } catch {
            try? await admin.sql.raw("DROP DATABASE IF EXISTS \(unsafeRaw: name)").run()
            await admin.close()
            throw error
        }
        try await admin.sql.raw("DROP DATABASE IF EXISTS \(unsafeRaw: name)").run()
        await admin.close()
    }
}
