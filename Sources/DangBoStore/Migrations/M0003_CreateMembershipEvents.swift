import FluentKit
import SQLKit

/// The membership journal, the source of truth: rows are only ever added.
struct M0003_CreateMembershipEvents: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("membership_events")
            .field("member_id", .int64, .required, .references("members", "id"))
            .field("seq", .int64, .required)
            .field("kind", .string, .required)
            .field("effective_on", .int64, .required)
            .field("organization_id", .int64, .references("organizations", "id"))
            .field("decision_number", .string, .required)
            .field("decision_date", .int64)
            .field("decision_issuer", .string, .required)
            .field("counterpart", .string, .required)
            .field("note", .string, .required)
            .compositeIdentifier(over: "member_id", "seq")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "membership_events_by_kind_day").on("membership_events")
            .column("kind").column("effective_on").column("member_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("membership_events").delete()
    }
}
