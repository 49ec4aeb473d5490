import FluentKit
import SQLKit

/// Disciplinary decisions by deciding organization then effective day, so that a small scope's figures and list read
/// its own organizations' decisions of the period (`Store.rows(of:…)`) instead of every decision of the nation in the
/// period, each probed in the ancestry.
struct M0028_IndexDisciplineByDecidingOrganization: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.create(index: "discipline_by_deciding_organization").on("discipline_decisions")
            .column("deciding_organization_id").column("effective_on").run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.drop(index: "discipline_by_deciding_organization").run()
    }
}
