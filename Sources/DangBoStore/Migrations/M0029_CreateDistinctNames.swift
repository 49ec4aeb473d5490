import FluentKit
import SQLKit

/// PostgreSQL: `member_names_distinct`, each (sort key, name key) some member has had, with a GIN trigram index on the
/// name key, so that a national name search finds the few distinct names holding the text, takes them in name order
/// and stops once it has its members (`Store+Search.swift`). SQLite: nothing (M0008's grouped walk does it).
///
/// NB: the GIN index of `members` (M0008) cannot stop early: PostgreSQL reads a GIN index into a bitmap of every row
/// that matches, and neither a GiST trigram index (it keeps no order a LIMIT can follow) nor `btree_gin` with the
/// first characters of the sort key (each group still reads the trigrams' whole posting lists) did better when tried
/// (docs/benchmarks.md). Names repeat: the national registry's 9,687,392 persons hold 140,398 distinct names, so the
/// trigrams of the distinct names are read in a few milliseconds.
///
/// Statement-level triggers with transition tables add the names of rows inserted or updated (an import's COPY
/// included), once per statement. A name no member holds any more stays: it only costs a lookup that finds no one,
/// and `name_key LIKE` on the member stays the definition of a match. Derived: a backup leaves it out and a restore
/// fills it again through the triggers (`TableCopy.isDerived`).
struct M0029_CreateDistinctNames: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        guard sql.dialect.name == "postgresql" else { return }
        // NB: no parallel workers: the names that hold a text are read in a few milliseconds, less than a worker
        // takes to start ("giang", 4,000 names: 57 ms with one worker, 9 ms without, on a busy machine).
        try await sql.raw("""
            CREATE TABLE member_names_distinct (
                sort_key TEXT COLLATE "C" NOT NULL, name_key TEXT COLLATE "C" NOT NULL, PRIMARY KEY (sort_key, name_key))
            WITH (parallel_workers = 0)
            """).run()
        try await sql.raw("INSERT INTO member_names_distinct SELECT DISTINCT sort_key, name_key FROM members").run()
        try await sql.raw("CREATE INDEX member_names_distinct_trigrams ON member_names_distinct USING gin (name_key gin_trgm_ops)").run()
        try await sql.raw("""
            CREATE FUNCTION member_names_distinct_add() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                INSERT INTO member_names_distinct (sort_key, name_key)
                    SELECT DISTINCT sort_key, name_key FROM written ON CONFLICT DO NOTHING;
                RETURN NULL;
            END $$
            """).run()
        // NB: one trigger per event: PostgreSQL takes transition tables only on a trigger of a single event, and an
        // UPDATE trigger with them takes no column list.
        for event in ["INSERT", "UPDATE"] {
            try await sql.raw("""
                CREATE TRIGGER \(unsafeRaw: "members_names_distinct_" + event.lowercased()) AFTER \(unsafeRaw: event) ON members
                REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION member_names_distinct_add()
                """).run()
        }
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        guard sql.dialect.name == "postgresql" else { return }
        for event in ["insert", "update"] {
            try await sql.raw("DROP TRIGGER \(unsafeRaw: "members_names_distinct_" + event) ON members").run()
        }
        try await sql.raw("DROP FUNCTION member_names_distinct_add()").run()
        try await sql.raw("DROP TABLE member_names_distinct").run()
    }
}
