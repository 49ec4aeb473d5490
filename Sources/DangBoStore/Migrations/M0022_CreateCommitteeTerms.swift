import FluentKit
import SQLKit

/// The terms (nhiệm kỳ) of committees (issue 11 point 1): a registry record, backed up and restored, written under the
/// write lock with an audit entry; one term of a committee starts on a given day.
struct M0022_CreateCommitteeTerms: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("committee_terms")
            .field("id", .int64, .identifier(auto: false))
            .field("organization_id", .int64, .required, .references("organizations", "id"))
            .field("committee", .string, .required)
            .field("name", .string, .required)
            .field("start_on", .int64, .required)
            .field("end_on", .int64, .required)
            .field("size", .int64)
            .field("decision_number", .string, .required)
            .unique(on: "organization_id", "committee", "start_on")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("committee_terms").delete()
    }
}
