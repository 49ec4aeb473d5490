import FluentKit
import SQLKit

/// Seats and oversight cases by organization, then day: a review of a small subtree starts from its organizations
/// instead of reading every seat or case of the quarter in the nation (174 ms → a few ms for a grassroots
/// organization among 5.6 million members).
struct M0009_IndexReviewsByOrganization: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.create(index: "committee_seats_by_organization").on("committee_seats")
            .column("organization_id").column("start_on").run()
        try await sql.create(index: "oversight_cases_by_conductor").on("oversight_cases")
            .column("conductor_id").column("started_on").run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.drop(index: "committee_seats_by_organization").run()
        try await sql.drop(index: "oversight_cases_by_conductor").run()
    }
}
