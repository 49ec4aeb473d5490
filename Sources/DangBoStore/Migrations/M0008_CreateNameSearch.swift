import FluentKit
import SQLKit

/// Trigram indexes over `members.name_key`, so that a name search reads the members whose folded name can contain
/// the text instead of every member (DESIGN §5: whole nation, p95 ≤ 20 ms). Both only narrow the candidates:
/// `name_key LIKE` stays the definition of a match (`Store+Search.swift`).
///
/// PostgreSQL: a GIN `gin_trgm_ops` index on `name_key` (pg_trgm), which the planner uses when few names match.
///
/// SQLite: `member_names`, a contentless FTS5 table with the trigram tokenizer over `name_key`, kept in step by
/// triggers on `members`. Its rowid is not the member id but `NameOrder.rowid`, which begins with the first characters
/// of the sort key, so that FTS5 lists the candidates in name order, group by group: a search reads the first groups
/// that hold candidates and stops, skipping the names that cannot match.
///
/// NB: measured on 5.6 M members (the bench registry copied 19 times), "nguyen van hu" (19,570 members, all among the
/// given names in H): with rowid = member id, intersecting its trigrams took 287 ms; walking the names in order to
/// the first 50 took 263 ms; with `NameOrder` rowids the first 1,024 candidates come in 6 ms.
///
/// The indexes keep the names M0002 gave them, so that an import into an empty registry, which drops
/// `Store.secondaryIndexes` and builds them again after the load, does so for these too: `members_by_name_key` becomes
/// the GIN index on PostgreSQL and goes on SQLite (no query reads a prefix of the name key: a search is a substring);
/// `members_by_sort_key` gains `id` and `name_key`, so that a search walks a stretch of names in order and tests each
/// name in the index alone.
struct M0008_CreateNameSearch: AsyncMigration {
    /// The layout of `member_names` rowids on SQLite, fixed by this migration (its triggers compute it in SQL):
    ///
    ///     group (20 bits)    the first 3 characters of the sort key, in order: the given name's first letters
    ///     cluster (18 bits)  the first two letters of the family name and of the middle name (name key), any order
    ///     member id (25 bits)
    ///
    /// Groups follow name order, so the search reads them in order and stops. Inside a group the order does not
    /// matter (a group is always read whole), but members with the same family and middle names sit together, so
    /// their trigrams come in long runs that FTS5 skips over: on 5.6 M members the first 1,024 candidates for
    /// "nguyen van hu" took 6 ms to find, and 56 ms with the id right after five characters of the sort key.
    enum NameOrder {
        static let keyCharacters = 3
        /// Each character of the group is its code point minus 32, 0 where the key has ended, in base 95:
        /// 95³ ≤ 2²⁰, and the whole rowid stays below 2⁶³.
        static let base = 95
        static let clusterBits = 18
        static let idBits = 25
        /// A rowid shifted right by this is its group.
        static let groupShift = clusterBits + idBits

        /// The rowid of a member with sort key `key`, name key `name` and id `id`, as SQL. Groups increase with the
        /// sort key as long as sort keys are printable ASCII (`VietnameseText.sortKey` promises it).
        static func rowid(key: String, name: String, id: String) -> String {
            var group = "0"
            for position in 1...keyCharacters {
                group = "(\(group) * \(base) + MIN(94, MAX(0, COALESCE(unicode(substr(\(key), \(position), 1)), 32) - 32)))"
            }
            func letter(_ text: String, _ modulus: Int) -> String { "(COALESCE(unicode(\(text)), 0) % \(modulus))" }
            let middle = "instr(\(name), ' ')"
            let cluster = "(((\(letter(name, 32)) * 32 + \(letter("substr(\(name), 2, 1)", 32))) * 32 + "
                + "\(letter("substr(\(name), \(middle) + 1, 1)", 32))) * 8 + \(letter("substr(\(name), \(middle) + 2, 1)", 8)))"
            return "((\(group) * \(1 << clusterBits) + \(cluster)) * \(1 << idBits) + \(id))"
        }
    }

    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.drop(index: "members_by_name_key").run()
        if sql.dialect.name == "postgresql" {
            // NB: pg_trgm is a trusted extension (PostgreSQL 13+): the database owner may create it.
            try await sql.raw("CREATE EXTENSION IF NOT EXISTS pg_trgm").run()
            try await sql.raw("CREATE INDEX members_by_name_key ON members USING gin (name_key gin_trgm_ops)").run()
        } else {
            // NB: detail=none keeps only which rows hold a trigram, not where: a third of the full index and cheaper
            // to write, but no phrase queries, so a search asks for all the trigrams of the text (AND), a superset
            // that `name_key LIKE` confirms. columnsize=0: no ranking. Contentless: the text is in `members`.
            try await sql.raw("""
                CREATE VIRTUAL TABLE member_names USING fts5(
                    name_key, content='', tokenize='trigram', detail='none', columnsize=0)
                """).run()
            let tooLarge = "SELECT RAISE(ABORT, 'member id above the name search limit (M0008)') "
                + "WHERE new.id < 0 OR new.id >= \(1 << NameOrder.idBits);"
            let newRowid = NameOrder.rowid(key: "new.sort_key", name: "new.name_key", id: "new.id")
            let oldRowid = NameOrder.rowid(key: "old.sort_key", name: "old.name_key", id: "old.id")
            // NB: a contentless index forgets a row only when told its old values ('delete'), so the store's
            // inserts, and any delete or update of a name, go through these triggers.
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
            try await sql.raw("""
                INSERT INTO member_names (rowid, name_key)
                SELECT \(unsafeRaw: NameOrder.rowid(key: "sort_key", name: "name_key", id: "id")), name_key FROM members
                """).run()
        }
        try await sql.drop(index: "members_by_sort_key").run()
        try await sql.create(index: "members_by_sort_key").on("members").column("sort_key").column("id").column("name_key").run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.drop(index: "members_by_sort_key").run()
        try await sql.create(index: "members_by_sort_key").on("members").column("sort_key").run()
        if sql.dialect.name == "postgresql" {
            // NB: the extension stays: something else in the database may have come to use it.
            try await sql.drop(index: "members_by_name_key").run()
        } else {
            for trigger in ["members_name_search_insert", "members_name_search_delete", "members_name_search_update"] {
                try await sql.raw("DROP TRIGGER \(ident: trigger)").run()
            }
            try await sql.raw("DROP TABLE member_names").run()
        }
        try await sql.create(index: "members_by_name_key").on("members").column("name_key").run()
    }
}
