@testable import DangBoStore
import SQLKit
import Testing

/// `--database`, else `DATABASE_URL`, else the SQLite default; a password never shows in a description.
@Suite struct DatabaseLocationTests {
    @Test func resolution() throws {
        #expect(try DatabaseLocation.resolve(option: nil, environment: [:]) == .sqlite(path: "./data/dangbo.sqlite"))
        #expect(try DatabaseLocation.resolve(option: nil, environment: ["DATABASE_URL": "sqlite:/tmp/x.sqlite"])
            == .sqlite(path: "/tmp/x.sqlite"))
        #expect(try DatabaseLocation.resolve(option: "sqlite:a.sqlite", environment: ["DATABASE_URL": "postgres://u@h/d"])
            == .sqlite(path: "a.sqlite"))
        #expect(try DatabaseLocation.resolve(option: nil, environment: ["DATABASE_URL": "postgres://u@h/d"]) == .postgres(url: "postgres://u@h/d"))
        #expect(throws: DatabaseLocationError.self) { try DatabaseLocation(parsing: "mysql://h/d") }
        #expect(throws: DatabaseLocationError.self) { try DatabaseLocation(parsing: "sqlite:") }
    }

    /// A malformed PostgreSQL URL is refused before any library sees it, and the message never shows its password.
    @Test(arguments: ["postgres://dangbo:s3cret@db.local:notaport/dangbo", "postgres://dangbo:s3cret@[db/dangbo",
                      "postgres://dangbo:s3cret@db.local:99999/dangbo", "postgres://dangbo:s3cret@db.local:5432",
                      "postgresql://dangbo:s3cret@/dangbo"])
    func aMalformedURLIsRefusedWithoutItsPassword(url: String) {
        do {
            _ = try DatabaseLocation(parsing: url)
            Issue.record("\(url) must be refused")
        } catch {
            #expect(!error.description.contains("s3cret"), "\(error.description)")
            #expect(error.description.contains("***"))
        }
    }

    /// A URL the driver refuses (an unknown sslmode) fails to open with the password hidden.
    @Test func aURLTheDriverRefusesIsHiddenToo() async {
        do {
            let store = try await Store.open(.postgres(url: "postgres://dangbo:s3cret@127.0.0.1:1/dangbo?sslmode=bogus"))
            await store.close()
            Issue.record("must not open")
        } catch {
            #expect(!"\(error)".contains("s3cret"), "\(error)")
        }
    }

    @Test func noPasswordInDescriptions() throws {
        let location = try DatabaseLocation(parsing: "postgres://dangbo:s3cret@db.local:5432/dangbo")
        #expect(!location.description.contains("s3cret"))
        #expect(location.description.contains("db.local"))
    }

    /// DangBo's PostgreSQL connections plan for a registry in cache (`Store.postgresSettings`), whatever the server's
    /// defaults.
    @Test func postgresConnectionsCarryThePlannerSettings() async throws {
        try await TestDatabases.withPostgres { store in
            let settings = try await store.sql.rows("SELECT current_setting('random_page_cost'), current_setting('jit')",
                                                    as: (String, String).self)
            #expect(settings.first?.0 == "1.1")
            #expect(settings.first?.1 == "off")
        }
    }
}
