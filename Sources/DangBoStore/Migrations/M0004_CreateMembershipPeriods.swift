import FluentKit
import SQLKit

/// The projection of the journal: who was in which cell, as what, from when to when (kept in the same transaction).
struct M0004_CreateMembershipPeriods: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("membership_periods")
            .field("member_id", .int64, .required, .references("members", "id"))
            .field("valid_from", .int64, .required)
            .field("valid_to", .int64, .required)
            .field("cell_id", .int64, .required)
            .field("standing", .string, .required)
            .field("exempt", .bool, .required)
            .field("entry_kind", .string, .required)
            .field("exit_kind", .string)
            .field("previous_cell_id", .int64)
            .field("next_cell_id", .int64)
            .compositeIdentifier(over: "member_id", "valid_from")
            .create()
        let sql = database as! any SQLDatabase
        // NB: covering index for "members of these cells on day D" (statistics): cell, then the range.
        try await sql.create(index: "membership_periods_by_cell_day").on("membership_periods")
            .column("cell_id").column("valid_from").column("valid_to").column("standing").column("member_id").run()
        try await sql.create(index: "membership_periods_by_start").on("membership_periods")
            .column("valid_from").column("cell_id").run()
        try await sql.create(index: "membership_periods_by_end").on("membership_periods")
            .column("valid_to").column("cell_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("membership_periods").delete()
    }
}
