@testable import DangBoStore
import SQLKit
import Testing

/// Rows written in bulk (COPY on PostgreSQL, raw binds on SQLite) come back exactly as written when read from the
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

    @Test func aRowOfAnotherShapeIsUnreadableNotACrash() async throws {
        try await TestDatabases.each { store in
            await #expect(throws: StoreError.self) { try await store.sql.rows("SELECT 1, 2", as: (Int, Int, Int).self) }
            await #expect(throws: StoreError.self) { try await store.sql.rows("SELECT 1 AS a", reading: { try $0.int("b") }) }
        }
    }
}
