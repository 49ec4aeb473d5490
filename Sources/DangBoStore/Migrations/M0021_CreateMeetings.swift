import FluentKit
import SQLKit

/// Cell meetings and their attendance (issue 11 point 4). Registry records: backed up and restored, written under
/// the write lock with an audit entry; `meeting_ref` unique; one attendance line per member and meeting.
struct M0021_CreateMeetings: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("meetings")
            .field("id", .int64, .identifier(auto: false))
            .field("meeting_ref", .string, .required)
            .field("cell_id", .int64, .required, .references("organizations", "id"))
            .field("kind", .string, .required)
            .field("held_on", .int64, .required)
            .field("duration_minutes", .int64, .required)
            .field("chair_id", .int64, .references("members", "id"))
            .field("secretary_id", .int64, .references("members", "id"))
            .field("agenda", .string, .required)
            .field("resolution", .string, .required)
            .unique(on: "meeting_ref")
            .create()
        try await database.schema("meeting_attendance")
            .field("meeting_id", .int64, .required, .references("meetings", "id"))
            .field("member_id", .int64, .required, .references("members", "id"))
            .field("status", .string, .required)
            .compositeIdentifier(over: "meeting_id", "member_id")
            .create()
        let sql = database as! any SQLDatabase
        // NB: a period's meetings by day (the review), a cell's by day (its page, the compliance view).
        try await sql.create(index: "meetings_by_day").on("meetings").column("held_on").column("cell_id").run()
        try await sql.create(index: "meetings_by_cell").on("meetings").column("cell_id").column("held_on").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("meeting_attendance").delete()
        try await database.schema("meetings").delete()
    }
}
