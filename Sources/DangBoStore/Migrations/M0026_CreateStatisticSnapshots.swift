import FluentKit
import SQLKit

/// Statistics snapshots of large subtrees at quarter ends, kept in step by triggers (`StatisticSnapshots`).
struct M0026_CreateStatisticSnapshots: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("""
            CREATE TABLE statistic_snapshot_keys (organization_id BIGINT NOT NULL, day BIGINT NOT NULL, kept BIGINT NOT NULL,
                PRIMARY KEY (organization_id, day))
            """).run()
        try await sql.create(index: "statistic_snapshot_keys_by_day").on("statistic_snapshot_keys").column("day")
            .column("organization_id").run()
        try await sql.raw("""
            CREATE TABLE statistic_snapshots (organization_id BIGINT NOT NULL, day BIGINT NOT NULL, dimension TEXT NOT NULL,
                value TEXT NOT NULL, n BIGINT NOT NULL, PRIMARY KEY (organization_id, day, dimension, value))
            """).run()
        try await sql.raw("CREATE TABLE statistic_dimensions (dimension TEXT NOT NULL PRIMARY KEY)").run()
        for dimension in StatisticSnapshots.Dimension.allCases {
            try await sql.raw("INSERT INTO statistic_dimensions (dimension) VALUES (\(bind: dimension.rawValue))").run()
        }
        try await sql.raw("CREATE TABLE statistic_bands (up_to BIGINT NOT NULL PRIMARY KEY, label TEXT NOT NULL)").run()
        try await StatisticSnapshots.writeBands(on: sql)
        try await sql.raw("CREATE TABLE statistic_generation (id BIGINT NOT NULL PRIMARY KEY, n BIGINT NOT NULL)").run()
        try await sql.raw("INSERT INTO statistic_generation (id, n) VALUES (1, 0)").run()
        // NB: the members whose age crosses a band's bound between a snapshot and another day (`Store.snapshotCounts`).
        try await sql.create(index: "members_by_birth_date").on("members").column("birth_date").run()
        try await StatisticSnapshots.resume(on: sql)
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.drop(index: "members_by_birth_date").run()
        for statement in StatisticSnapshots.dropTriggers(postgres: sql.dialect.name == "postgresql") {
            try await sql.raw(SQLQueryString(statement)).run()
        }
        for table in StatisticSnapshots.tables.reversed() { try await sql.raw("DROP TABLE \(ident: table)").run() }
    }
}
