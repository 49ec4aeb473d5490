import FluentKit
import SQLKit

/// Events by day, and by organization then day: the dashboard's recent changes walk the newest events first for a
/// large scope and stop at the page's length, and start from a small scope's cells (the events naming them, beside
/// the members who had a period there) instead of reading every event of the nation (18.7 million) up to the day.
struct M0018_IndexEventsByDayAndOrganization: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        // NB: in the order of the list (day, member, seq), so that a walk backwards needs no sort.
        try await sql.create(index: "membership_events_by_day").on("membership_events")
            .column("effective_on").column("member_id").column("seq").run()
        try await sql.create(index: "membership_events_by_organization").on("membership_events")
            .column("organization_id").column("effective_on").run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.drop(index: "membership_events_by_day").run()
        try await sql.drop(index: "membership_events_by_organization").run()
    }
}
