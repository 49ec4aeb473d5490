import FluentKit
import SQLKit

/// Indexes for the flows of a large subtree's review, which start from the period's periods across the nation
/// (`ReviewSelections`, `subtreeFirst` false):
/// - `membership_periods_by_entry_day`: the periods opened by one kind of event in a stretch of days (`recognized`,
///   `movedInternally`), which read the table row by row for their kind without it (0.50 s for a province's quarter on
///   the national registry; 0.02 s with it);
/// - `membership_periods_by_start` and `_by_end` also hold the cell on the other side of the boundary and the event's
///   kind (`inflows`, `outflows`), which were read from the table row by row (the nation's outflows of a quarter: 2.2 s
///   against 0.9 s).
struct M0027_IndexPeriodsByEntryKind: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.create(index: "membership_periods_by_entry_day").on("membership_periods")
            .column("entry_kind").column("valid_from").column("cell_id").run()
        try await sql.drop(index: "membership_periods_by_start").run()
        try await sql.create(index: "membership_periods_by_start").on("membership_periods")
            .column("valid_from").column("cell_id").column("previous_cell_id").column("entry_kind").run()
        try await sql.drop(index: "membership_periods_by_end").run()
        try await sql.create(index: "membership_periods_by_end").on("membership_periods")
            .column("valid_to").column("cell_id").column("next_cell_id").column("exit_kind").run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.drop(index: "membership_periods_by_entry_day").run()
        try await sql.drop(index: "membership_periods_by_start").run()
        try await sql.create(index: "membership_periods_by_start").on("membership_periods").column("valid_from").column("cell_id").run()
        try await sql.drop(index: "membership_periods_by_end").run()
        try await sql.create(index: "membership_periods_by_end").on("membership_periods").column("valid_to").column("cell_id").run()
    }
}
