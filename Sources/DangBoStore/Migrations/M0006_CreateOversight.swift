import FluentKit
import SQLKit

/// Inspection and supervision cases and their subjects (organizations or members).
struct M0006_CreateOversight: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("oversight_cases")
            .field("id", .int64, .identifier(auto: false))
            .field("case_ref", .string, .required)
            .field("activity", .string, .required)
            .field("mode", .string, .required)
            .field("conductor", .string, .required)
            .field("conductor_id", .int64, .required, .references("organizations", "id"))
            .field("started_on", .int64, .required)
            .field("ended_on", .int64)
            .field("outcome", .string)
            .unique(on: "case_ref")
            .create()
        try await database.schema("oversight_subjects")
            .field("case_id", .int64, .required, .references("oversight_cases", "id"))
            .field("organization_id", .int64, .references("organizations", "id"))
            .field("member_id", .int64, .references("members", "id"))
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "oversight_cases_by_start").on("oversight_cases")
            .column("started_on").column("conductor_id").run()
        try await sql.create(index: "oversight_subjects_by_case").on("oversight_subjects").column("case_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("oversight_subjects").delete()
        try await database.schema("oversight_cases").delete()
    }
}
