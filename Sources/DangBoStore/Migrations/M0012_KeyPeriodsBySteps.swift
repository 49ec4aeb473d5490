import FluentKit
import SQLKit

/// Periods are keyed by their place in the member's journal (`step`) instead of their first day: a journal ends its
/// period at every change of cell, standing or exemption, even inside one day, so that a member moved into a cell and
/// dead the same day has a period of no days there, and two periods of one member may start on the same day.
///
/// Existing rows get their steps in the order of their first days (they never shared one). SQLite cannot change a
/// primary key: the table is rebuilt with the same columns and indexes. PostgreSQL changes the key in place.
struct M0012_KeyPeriodsBySteps: AsyncMigration {
    static let indexes = [
        #"CREATE INDEX "membership_periods_by_cell_day" ON "membership_periods" ("cell_id", "valid_from", "valid_to", "standing", "member_id")"#,
        #"CREATE INDEX "membership_periods_by_start" ON "membership_periods" ("valid_from", "cell_id")"#,
        #"CREATE INDEX "membership_periods_by_end" ON "membership_periods" ("valid_to", "cell_id")"#,
    ]

    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        if sql.dialect.name == "postgresql" {
            try await sql.raw("ALTER TABLE membership_periods ADD COLUMN step BIGINT").run()
            try await sql.raw("""
                UPDATE membership_periods p SET step = s.n FROM (
                    SELECT member_id, valid_from, ROW_NUMBER() OVER (PARTITION BY member_id ORDER BY valid_from) - 1 AS n
                    FROM membership_periods) s
                WHERE p.member_id = s.member_id AND p.valid_from = s.valid_from
                """).run()
            try await sql.raw("ALTER TABLE membership_periods ALTER COLUMN step SET NOT NULL").run()
            try await sql.raw("ALTER TABLE membership_periods DROP CONSTRAINT membership_periods_pkey").run()
            try await sql.raw("ALTER TABLE membership_periods ADD PRIMARY KEY (member_id, step)").run()
            return
        }
        try await sql.raw("""
            CREATE TABLE "membership_periods_next" ("member_id" INTEGER NOT NULL REFERENCES "members" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, "step" INTEGER NOT NULL, "valid_from" INTEGER NOT NULL, "valid_to" INTEGER NOT NULL, "cell_id" INTEGER NOT NULL, "standing" TEXT NOT NULL, "exempt" INTEGER NOT NULL, "entry_kind" TEXT NOT NULL, "exit_kind" TEXT, "previous_cell_id" INTEGER, "next_cell_id" INTEGER, PRIMARY KEY ("member_id", "step"))
            """).run()
        try await sql.raw("""
            INSERT INTO membership_periods_next (member_id, step, valid_from, valid_to, cell_id, standing, exempt, entry_kind,
                exit_kind, previous_cell_id, next_cell_id)
            SELECT member_id, ROW_NUMBER() OVER (PARTITION BY member_id ORDER BY valid_from) - 1, valid_from, valid_to, cell_id,
                standing, exempt, entry_kind, exit_kind, previous_cell_id, next_cell_id
            FROM membership_periods ORDER BY member_id, valid_from
            """).run()
        try await sql.raw("DROP TABLE membership_periods").run()
        try await sql.raw("ALTER TABLE membership_periods_next RENAME TO membership_periods").run()
        for index in Self.indexes { try await sql.raw(SQLQueryString(index)).run() }
    }

    /// Back to the key of M0004; fails (and changes nothing) while two periods of one member start on one day.
    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        if sql.dialect.name == "postgresql" {
            try await sql.raw("ALTER TABLE membership_periods DROP CONSTRAINT membership_periods_pkey").run()
            try await sql.raw("ALTER TABLE membership_periods ADD PRIMARY KEY (member_id, valid_from)").run()
            try await sql.raw("ALTER TABLE membership_periods DROP COLUMN step").run()
            return
        }
        try await sql.raw("""
            CREATE TABLE "membership_periods_previous" ("member_id" INTEGER NOT NULL REFERENCES "members" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, "valid_from" INTEGER NOT NULL, "valid_to" INTEGER NOT NULL, "cell_id" INTEGER NOT NULL, "standing" TEXT NOT NULL, "exempt" INTEGER NOT NULL, "entry_kind" TEXT NOT NULL, "exit_kind" TEXT, "previous_cell_id" INTEGER, "next_cell_id" INTEGER, PRIMARY KEY ("member_id", "valid_from"))
            """).run()
        try await sql.raw("""
            INSERT INTO membership_periods_previous SELECT member_id, valid_from, valid_to, cell_id, standing, exempt, entry_kind,
                exit_kind, previous_cell_id, next_cell_id FROM membership_periods ORDER BY member_id, step
            """).run()
        try await sql.raw("DROP TABLE membership_periods").run()
        try await sql.raw("ALTER TABLE membership_periods_previous RENAME TO membership_periods").run()
        for index in Self.indexes { try await sql.raw(SQLQueryString(index)).run() }
    }
}
