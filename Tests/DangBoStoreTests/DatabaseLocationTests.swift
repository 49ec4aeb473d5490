import DangBoStore
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

    @Test func noPasswordInDescriptions() throws {
        let location = try DatabaseLocation(parsing: "postgres://dangbo:s3cret@db.local:5432/dangbo")
        #expect(!location.description.contains("s3cret"))
        #expect(location.description.contains("db.local"))
    }
}
