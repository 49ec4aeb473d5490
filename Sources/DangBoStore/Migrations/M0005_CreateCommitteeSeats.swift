import FluentKit
import SQLKit

/// Seats on executive committees and inspection commissions.
struct M0005_CreateCommitteeSeats: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("committee_seats")
            .field("id", .int64, .identifier(auto: false))
            .field("organization_id", .int64, .required, .references("organizations", "id"))
            .field("committee", .string, .required)
            .field("member_id", .int64, .required, .references("members", "id"))
            .field("position", .string, .required)
            .field("source", .string, .required)
            .field("start_on", .int64, .required)
            .field("end_on", .int64, .required)
            .field("decision_number", .string, .required)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "committee_seats_by_start").on("committee_seats")
            .column("start_on").column("organization_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("committee_seats").delete()
    }
}
