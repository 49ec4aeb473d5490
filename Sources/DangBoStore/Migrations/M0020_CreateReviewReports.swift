import FluentKit

/// The review as a document (issue 10 points 1 and 3): the narrative staff write for an organization's period, and the
/// reports issued from it, each frozen with its number, its document and figures as JSON, the keys of the records
/// behind each figure, and the digest of what it froze. Registry records: backed up and restored, written under the
/// write lock with an audit entry. One report per organization and period; numbers are unique per organization and
/// year.
struct M0020_CreateReviewReports: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("review_narratives")
            .field("organization_id", .int64, .required, .references("organizations", "id"))
            .field("period_from", .int64, .required)
            .field("period_to", .int64, .required)
            .field("figures", .string, .required)
            .field("figures_basis", .string, .required)
            .field("results", .string, .required)
            .field("shortcomings", .string, .required)
            .field("directions", .string, .required)
            .compositeIdentifier(over: "organization_id", "period_from", "period_to")
            .create()
        try await database.schema("issued_reviews")
            .field("id", .int64, .identifier(auto: false))
            .field("organization_id", .int64, .required, .references("organizations", "id"))
            .field("period_from", .int64, .required)
            .field("period_to", .int64, .required)
            .field("year", .int64, .required)
            .field("number", .int64, .required)
            .field("document", .string, .required)
            .field("review", .string, .required)
            .field("records", .string)
            .field("digest", .string, .required)
            .field("issued_at", .string, .required)
            .field("issued_by", .string, .required)
            .unique(on: "organization_id", "year", "number")
            .unique(on: "organization_id", "period_from", "period_to")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("issued_reviews").delete()
        try await database.schema("review_narratives").delete()
    }
}
