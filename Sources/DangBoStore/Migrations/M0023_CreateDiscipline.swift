import FluentKit
import SQLKit

/// Disciplinary decisions and their appeals (issue 11 point 3). Registry records: backed up and restored, written
/// under the write lock with an audit entry; `decision_ref` unique; a decision's subject is an organization or a
/// member (the other column NULL).
struct M0023_CreateDiscipline: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("discipline_decisions")
            .field("id", .int64, .identifier(auto: false))
            .field("decision_ref", .string, .required)
            .field("subject_organization_id", .int64, .references("organizations", "id"))
            .field("subject_member_id", .int64, .references("members", "id"))
            .field("sanction", .string, .required)
            .field("deciding_organization_id", .int64, .required, .references("organizations", "id"))
            .field("deciding_body", .string, .required)
            .field("offence_on", .int64, .required)
            .field("offence_ended_on", .int64)
            // NB: ISO days joined by commas; postponements as "from..to" (to empty while running) joined by commas.
            .field("later_offences", .string, .required)
            .field("offence_without_limit", .string)
            .field("postponements", .string, .required)
            .field("decided_on", .int64, .required)
            .field("effective_on", .int64, .required)
            .field("received_on", .int64)
            .field("decision_number", .string, .required)
            .field("decision_date", .int64)
            .field("decision_issuer", .string, .required)
            .field("case_ref", .string)
            .unique(on: "decision_ref")
            .create()
        try await database.schema("discipline_appeals")
            .field("decision_id", .int64, .required, .references("discipline_decisions", "id"))
            .field("seq", .int64, .required)
            .field("lodged_on", .int64, .required)
            .field("outcome", .string, .required)
            .field("outcome_on", .int64)
            .field("reduced_to", .string)
            .compositeIdentifier(over: "decision_id", "seq")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "discipline_by_effective").on("discipline_decisions")
            .column("effective_on").column("deciding_organization_id").run()
        try await sql.create(index: "discipline_by_member").on("discipline_decisions").column("subject_member_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("discipline_appeals").delete()
        try await database.schema("discipline_decisions").delete()
    }
}
