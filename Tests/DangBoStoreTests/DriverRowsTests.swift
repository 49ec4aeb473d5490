@testable import DangBoStore
import SQLKit
import Testing

/// Rows written in bulk (COPY on PostgreSQL, a prepared statement on SQLite) come back exactly as written when read from the
/// drivers' own rows, by position and by name, whatever bytes their texts hold.
@Suite struct DriverRowsTests {
    static let texts = ["Nguyễn Thị Ánh", "", "a\\b", "một\tdòng\nhai\r\n", "\\N", "ends with \\"]

    @Test func bulkWrittenRowsReadBackAsWritten() async throws {
        try await TestDatabases.each { store in
            try await store.sql.raw("CREATE TABLE driver_rows (id BIGINT NOT NULL, t TEXT NOT NULL, n BIGINT, b BOOLEAN)").run()
            try await Store.insert(into: "driver_rows", columns: ["id", "t", "n", "b"], rows: Self.texts.indices.map { index in
                [.int(index), .text(Self.texts[index]), index.isMultiple(of: 2) ? .null : .int(-index), .bool(index.isMultiple(of: 3))]
            }, on: store.sql)

            let rows = try await store.sql.rows("SELECT id, t, n, b FROM driver_rows ORDER BY id", as: (Int, String, Int?, Bool).self)
            #expect(rows.map(\.1) == Self.texts)
            for (id, _, n, b) in rows {
                #expect(n == (id.isMultiple(of: 2) ? nil : -id))
                #expect(b == id.isMultiple(of: 3))
            }
            let named = try await store.sql.rows("SELECT * FROM driver_rows WHERE id >= \(bind: 1) ORDER BY id",
                                                 reading: { (try $0.text("t"), try $0.optionalInt("n")) })
            #expect(named.map(\.0) == Array(Self.texts.dropFirst()))
            #expect(named.map(\.1) == [-1, nil, -3, nil, -5])
        }
    }

    /// SQLite's prepared insert stores each value in its own storage class (an empty text is a text, not NULL), and a
    /// row SQLite refuses stops the write, naming the constraint, never a value.
    @Test func sqliteStoresEachValueInItsClassAndNamesARefusal() async throws {
        try await TestDatabases.withSQLite { store in
            try await store.sql.raw("CREATE TABLE prepared_rows (id BIGINT PRIMARY KEY, t TEXT, n BIGINT, b BOOLEAN)").run()
            try await Store.insert(into: "prepared_rows", columns: ["id", "t", "n", "b"], rows: [
                [.int(1), .text(""), .null, .bool(true)], [.int(2), .text("Ánh"), .int(-2), .bool(false)],
            ], on: store.sql)
            let classes = try await store.sql.rows("SELECT typeof(t), typeof(n), typeof(b), length(t) FROM prepared_rows ORDER BY id",
                                                   as: (String, String, String, Int).self)
            #expect(classes.map(\.0) == ["text", "text"])
            #expect(classes.map(\.1) == ["null", "integer"])
            #expect(classes.map(\.2) == ["integer", "integer"])
            #expect(classes.map(\.3) == [0, 3])
            do {
                try await Store.insert(into: "prepared_rows", columns: ["id", "t"], rows: [[.int(3), .text("Bình")], [.int(1), .text("Chi")]],
                                       on: store.sql)
                Issue.record("a row with a stored id was written")
            } catch let error as SQLiteWriteError {
                #expect(error.description.contains("UNIQUE constraint failed: prepared_rows.id"))
                #expect(!error.description.contains("Chi"))
            }
        }
    }

    @Test func aRowOfAnotherShapeIsUnreadableNotACrash() async throws {
        try await TestDatabases.each { store in
            await #expect(throws: StoreError.self) { try await store.sql.rows("SELECT 1, 2", as: (Int, Int, Int).self) }
            await #expect(throws: StoreError.self) { try await store.sql.rows("SELECT 1 AS a", reading: { try $0.int("b") }) }
        }
    }
}
