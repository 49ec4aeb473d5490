import FluentKit
import SQLKit

/// The inspection commission's working records (issue 11 point 2): each conductor's annual programme and its items
/// (with their subjects), each case's progress (steps, team, conclusion) and its follow-up tasks. Registry records:
/// backed up and restored, written under the write lock with an audit entry.
struct M0024_CreateOversightWork: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("oversight_programmes")
            .field("id", .int64, .identifier(auto: false))
            .field("conductor_id", .int64, .required, .references("organizations", "id"))
            .field("conductor", .string, .required)
            .field("year", .int64, .required)
            .unique(on: "conductor_id", "conductor", "year")
            .create()
        try await database.schema("oversight_programme_items")
            .field("programme_id", .int64, .required, .references("oversight_programmes", "id"))
            .field("seq", .int64, .required)
            .field("content", .string, .required)
            .field("activity", .string, .required)
            .field("mode", .string, .required)
            // NB: "quarter" or "month", and its number in the programme's year.
            .field("period_kind", .string, .required)
            .field("period_number", .int64, .required)
            .field("case_ref", .string)
            .compositeIdentifier(over: "programme_id", "seq")
            .create()
        try await database.schema("oversight_programme_subjects")
            .field("programme_id", .int64, .required, .references("oversight_programmes", "id"))
            .field("seq", .int64, .required)
            .field("organization_id", .int64, .references("organizations", "id"))
            .field("member_id", .int64, .references("members", "id"))
            .create()
        try await database.schema("oversight_progress")
            .field("case_id", .int64, .identifier(auto: false), .references("oversight_cases", "id"))
            .field("conclusion", .string, .required)
            .field("team_leader_id", .int64, .references("members", "id"))
            .field("discipline_proposed", .bool)
            .create()
        try await database.schema("oversight_steps")
            .field("case_id", .int64, .required, .references("oversight_cases", "id"))
            .field("stage", .string, .required)
            .field("day", .int64, .required)
            .field("document", .string)
            .field("note", .string, .required)
            .compositeIdentifier(over: "case_id", "stage")
            .create()
        try await database.schema("oversight_team")
            .field("case_id", .int64, .required, .references("oversight_cases", "id"))
            .field("member_id", .int64, .required, .references("members", "id"))
            .compositeIdentifier(over: "case_id", "member_id")
            .create()
        try await database.schema("follow_up_tasks")
            .field("id", .int64, .identifier(auto: false))
            .field("case_id", .int64, .required, .references("oversight_cases", "id"))
            .field("text", .string, .required)
            .field("organization_id", .int64, .references("organizations", "id"))
            .field("member_id", .int64, .references("members", "id"))
            .field("due_on", .int64, .required)
            .field("done_on", .int64)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "oversight_programme_subjects_by_item").on("oversight_programme_subjects")
            .column("programme_id").column("seq").run()
        try await sql.create(index: "follow_up_tasks_by_case").on("follow_up_tasks").column("case_id").run()
    }

    func revert(on database: any Database) async throws {
        for table in ["follow_up_tasks", "oversight_team", "oversight_steps", "oversight_progress", "oversight_programme_subjects",
                      "oversight_programme_items", "oversight_programmes"] {
            try await database.schema(table).delete()
        }
    }
}
