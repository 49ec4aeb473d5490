import FluentKit
import SQLKit

/// Uploads waiting between an import's preview and its confirmation (issue 9: the import page), kept in the database
/// so that the confirmation may reach another app instance sharing the PostgreSQL. A pending upload is no registry
/// record: it is never backed up (`TableCopy.isDerived`), and it expires.
struct M0016_CreatePendingImports: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("pending_imports")
            // managed fields
            .field("token_hash", .string, .identifier(auto: false))
            // data fields
            .field("account_id", .int64, .required, .references("accounts", "id"))
            .field("file_name", .string, .required)
            .field("content", .data, .required)
            .field("created_at", .string, .required)
            .field("expires_at", .string, .required)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "pending_imports_by_expiry").on("pending_imports").column("expires_at").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("pending_imports").delete()
    }
}
