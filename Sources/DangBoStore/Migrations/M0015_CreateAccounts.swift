import FluentKit
import SQLKit

/// Accounts (not members), their grants (a role on an organization, covering its subtree), and web sessions, kept in
/// the database so that several app instances can share one PostgreSQL (issue 9).
struct M0015_CreateAccounts: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("accounts")
            // managed fields
            .field("id", .int64, .identifier(auto: false))
            // data fields
            .field("login", .string, .required)
            .field("password_hash", .string, .required)
            .field("disabled", .bool, .required)
            .field("created_at", .string, .required)
            // constraints
            .unique(on: "login")
            .create()
        try await database.schema("account_grants")
            .field("account_id", .int64, .required, .references("accounts", "id"))
            .field("role", .string, .required)
            .field("organization_id", .int64, .required, .references("organizations", "id"))
            .compositeIdentifier(over: "account_id", "role", "organization_id")
            .create()
        try await database.schema("sessions")
            .field("token_hash", .string, .identifier(auto: false))
            .field("account_id", .int64, .required, .references("accounts", "id"))
            .field("created_at", .string, .required)
            .field("expires_at", .string, .required)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "sessions_by_account").on("sessions").column("account_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("sessions").delete()
        try await database.schema("account_grants").delete()
        try await database.schema("accounts").delete()
    }
}
