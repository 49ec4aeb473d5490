import FluentKit
import SQLKit

/// Committee seats by holder, in the order `Store.seats(heldBy:)` reads them: the seats of a thousand holders were
/// found by reading every seat of the registry (1.6 million nationally) — once per batch of an import's seats (the
/// national import spent most of its seat phase there) and once per disciplinary decision written.
struct M0031_IndexSeatsByMember: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.create(index: "committee_seats_by_member").on("committee_seats")
            .column("member_id").column("organization_id").column("committee").column("start_on").run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.drop(index: "committee_seats_by_member").run()
    }
}
