import FluentKit

/// An organization's document settings (issue 10 point 6): the place on its documents' date line and its issuer
/// abbreviation. A registry record: backed up and restored, written under the write lock with an audit entry.
struct M0019_CreateDocumentSettings: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("document_settings")
            .field("organization_id", .int64, .identifier(auto: false), .references("organizations", "id"))
            .field("place", .string, .required)
            .field("issuer_code", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("document_settings").delete()
    }
}
