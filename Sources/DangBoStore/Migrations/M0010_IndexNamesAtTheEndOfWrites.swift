import FluentKit
import SQLKit

/// SQLite: the names of members written go into `member_names` (M0008) when the write ends, in rowid order, instead
/// of row by row from the trigger on `members`.
///
/// NB: FTS5 writes out its pending terms whenever a rowid comes lower than the one before, and members arrive in id
/// order, not in name order (M0008's rowids): indexed row by row, the 5.6 M members of the nation took 125 s to insert
/// instead of 26 s. Now the triggers on `members` only note which members are new or renamed, in
/// `member_names_pending` (+7 s for the nation), and their names go into the index in rowid order (+21 s) when the
/// write ends: every store write ends with its audit entry, whose trigger does it in the same transaction. A search
/// that finds names still pending (inside a write, or after SQL run by hand) reads the subtree instead
/// (`Store+Search.swift`), so it never misses a member.
///
/// PostgreSQL: nothing (its GIN index is kept by PostgreSQL).
struct M0010_IndexNamesAtTheEndOfWrites: AsyncMigration {
    private static let memberTriggers = ["members_name_search_insert", "members_name_search_delete", "members_name_search_update"]

    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        guard sql.dialect.name != "postgresql" else { return }
        typealias Order = M0008_CreateNameSearch.NameOrder
        try await sql.raw("CREATE TABLE member_names_pending (id INTEGER PRIMARY KEY)").run()
        for trigger in Self.memberTriggers { try await sql.raw("DROP TRIGGER \(ident: trigger)").run() }
        let tooLarge = "SELECT RAISE(ABORT, 'member id above the name search limit (M0008)') "
            + "WHERE new.id < 0 OR new.id >= \(1 << Order.idBits);"
        // A member not pending is in the index under its old values, which a contentless index needs to forget it.
        let forgetOld = """
            INSERT INTO member_names (member_names, rowid, name_key)
                SELECT 'delete', \(Order.rowid(key: "old.sort_key", name: "old.name_key", id: "old.id")), old.name_key
                WHERE NOT EXISTS (SELECT 1 FROM member_names_pending WHERE id = old.id);
            DELETE FROM member_names_pending WHERE id = old.id;
            """
        try await sql.raw("""
            CREATE TRIGGER members_name_search_insert AFTER INSERT ON members BEGIN
                \(unsafeRaw: tooLarge)
                INSERT INTO member_names_pending (id) VALUES (new.id);
            END
            """).run()
        try await sql.raw("""
            CREATE TRIGGER members_name_search_delete AFTER DELETE ON members BEGIN
                \(unsafeRaw: forgetOld)
            END
            """).run()
        try await sql.raw("""
            CREATE TRIGGER members_name_search_update AFTER UPDATE OF id, name_key, sort_key ON members BEGIN
                \(unsafeRaw: tooLarge)
                \(unsafeRaw: forgetOld)
                INSERT INTO member_names_pending (id) VALUES (new.id);
            END
            """).run()
        try await sql.raw("""
            CREATE TRIGGER audit_entries_index_pending_names AFTER INSERT ON audit_entries BEGIN
                INSERT INTO member_names (rowid, name_key)
                    SELECT \(unsafeRaw: Order.rowid(key: "m.sort_key", name: "m.name_key", id: "m.id")), m.name_key
                    FROM member_names_pending n JOIN members m ON m.id = n.id
                    ORDER BY 1;
                DELETE FROM member_names_pending;
            END
            """).run()
    }

    /// Back to M0008's triggers, which index row by row; the names still pending are indexed first.
    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        guard sql.dialect.name != "postgresql" else { return }
        typealias Order = M0008_CreateNameSearch.NameOrder
        try await sql.raw("""
            INSERT INTO member_names (rowid, name_key)
            SELECT \(unsafeRaw: Order.rowid(key: "m.sort_key", name: "m.name_key", id: "m.id")), m.name_key
            FROM member_names_pending n JOIN members m ON m.id = n.id ORDER BY 1
            """).run()
        for trigger in Self.memberTriggers + ["audit_entries_index_pending_names"] {
            try await sql.raw("DROP TRIGGER \(ident: trigger)").run()
        }
        try await sql.raw("DROP TABLE member_names_pending").run()
        let tooLarge = "SELECT RAISE(ABORT, 'member id above the name search limit (M0008)') "
            + "WHERE new.id < 0 OR new.id >= \(1 << Order.idBits);"
        let newRowid = Order.rowid(key: "new.sort_key", name: "new.name_key", id: "new.id")
        let oldRowid = Order.rowid(key: "old.sort_key", name: "old.name_key", id: "old.id")
        try await sql.raw("""
            CREATE TRIGGER members_name_search_insert AFTER INSERT ON members BEGIN
                \(unsafeRaw: tooLarge)
                INSERT INTO member_names (rowid, name_key) VALUES (\(unsafeRaw: newRowid), new.name_key);
            END
            """).run()
        try await sql.raw("""
            CREATE TRIGGER members_name_search_delete AFTER DELETE ON members BEGIN
                INSERT INTO member_names (member_names, rowid, name_key) VALUES ('delete', \(unsafeRaw: oldRowid), old.name_key);
            END
            """).run()
        try await sql.raw("""
            CREATE TRIGGER members_name_search_update AFTER UPDATE OF id, name_key, sort_key ON members BEGIN
                \(unsafeRaw: tooLarge)
                INSERT INTO member_names (member_names, rowid, name_key) VALUES ('delete', \(unsafeRaw: oldRowid), old.name_key);
                INSERT INTO member_names (rowid, name_key) VALUES (\(unsafeRaw: newRowid), new.name_key);
            END
            """).run()
    }
}
