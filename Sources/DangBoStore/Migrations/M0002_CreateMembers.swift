import FluentKit
import SQLKit

/// Members: identity, the attributes statistics break down by, and the search and sort keys computed in Core.
struct M0002_CreateMembers: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("members")
            // managed fields
            .field("id", .int64, .identifier(auto: false))
            // data fields
            .field("national_id", .string, .required)
            .field("family_name", .string, .required)
            .field("middle_name", .string, .required)
            .field("given_name", .string, .required)
            .field("full_name", .string, .required)
            .field("name_key", .string, .required)
            .field("sort_key", .string, .required)
            .field("gender", .string, .required)
            .field("birth_date", .int64, .required)
            .field("ethnicity", .string, .required)
            .field("religion", .string, .required)
            .field("education", .string, .required)
            .field("political_theory", .string, .required)
            .field("occupation", .string, .required)
            .field("card_number", .string, .required)
            .field("record_number", .string, .required)
            .field("joined_on", .int64)
            .field("official_on", .int64)
            // constraints
            .unique(on: "national_id")
            .create()
        let sql = database as! any SQLDatabase
        if sql.dialect.name == "postgresql" {
            // NB: the keys are built in Core to compare byte by byte; PostgreSQL must not apply its locale to them.
            try await sql.raw("ALTER TABLE members ALTER COLUMN name_key TYPE TEXT COLLATE \"C\"").run()
            try await sql.raw("ALTER TABLE members ALTER COLUMN sort_key TYPE TEXT COLLATE \"C\"").run()
        }
        try await sql.create(index: "members_by_name_key").on("members").column("name_key").run()
        try await sql.create(index: "members_by_sort_key").on("members").column("sort_key").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("members").delete()
    }
}
