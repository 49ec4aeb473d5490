import FluentKit
import SQLKit

/// Earlier minutes of corrected or deleted meetings (UX: "nothing is deleted from history: a wrong record is
/// corrected by a new one, and the page shows both"): the meeting's row and its attendance as they stood before each
/// correction or deletion, with why, who and when. Registry records: backed up and restored; never counted.
struct M0025_CreateMeetingRevisions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("meeting_revisions")
            .field("id", .int64, .identifier(auto: false))
            // NB: the meeting's id and reference then; a deleted meeting's id is no longer in `meetings`.
            .field("meeting_id", .int64, .required)
            .field("meeting_ref", .string, .required)
            .field("cell_id", .int64, .required, .references("organizations", "id"))
            .field("kind", .string, .required)
            .field("held_on", .int64, .required)
            .field("duration_minutes", .int64, .required)
            .field("chair_id", .int64, .references("members", "id"))
            .field("secretary_id", .int64, .references("members", "id"))
            .field("agenda", .string, .required)
            .field("resolution", .string, .required)
            // "correct" or "delete".
            .field("action", .string, .required)
            .field("reason", .string, .required)
            .field("actor", .string, .required)
            // NB: seconds since 1970 (the backup copies integers and text).
            .field("recorded_at", .int64, .required)
            .create()
        try await database.schema("meeting_revision_attendance")
            .field("revision_id", .int64, .required, .references("meeting_revisions", "id"))
            .field("member_id", .int64, .required, .references("members", "id"))
            .field("status", .string, .required)
            .compositeIdentifier(over: "revision_id", "member_id")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "meeting_revisions_by_ref").on("meeting_revisions").column("meeting_ref").run()
        try await sql.create(index: "meeting_revisions_by_cell_day").on("meeting_revisions").column("cell_id").column("held_on").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("meeting_revision_attendance").delete()
        try await database.schema("meeting_revisions").delete()
    }
}
