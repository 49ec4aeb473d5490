import FluentKit
import SQLKit

/// The periods of a cell by their last day, with the cell the member went to and the event that closed them, so that
/// the outflows of a subtree's review read its own cells' periods ending in the period (`ReviewSelections.outflows`,
/// from the subtree) instead of every period of each of its cells (`membership_periods_by_cell_day` holds the first
/// day, not the last) or every boundary of the nation.
struct M0030_IndexPeriodsByCellEnd: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.create(index: "membership_periods_by_cell_end").on("membership_periods")
            .column("cell_id").column("valid_to").column("next_cell_id").column("exit_kind").run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.drop(index: "membership_periods_by_cell_end").run()
    }
}
