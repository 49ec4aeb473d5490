import FluentKit

/// The audit trail: who wrote what, when, with a summary and details (JSON). Never updated or deleted.
struct M0007_CreateAuditEntries: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("audit_entries")
            .field("id", .int64, .identifier(auto: false))
            .field("recorded_at", .string, .required)
            .field("actor", .string, .required)
            .field("action", .string, .required)
            .field("summary", .string, .required)
            .field("details", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("audit_entries").delete()
    }
}
