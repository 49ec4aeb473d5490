import FluentKit

/// Failed logins per account name, kept in the database so that every app instance sharing one PostgreSQL throttles
/// the same name (issue 9 point 2): an attacker cannot multiply the attempts by the number of instances.
struct M0017_CreateLoginFailures: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("login_failures")
            // NB: the name as typed, folded to lower case; it need not be an account (unknown names are throttled
            // too, so that a failure does not say whether the name exists).
            .field("login", .string, .identifier(auto: false))
            .field("failures", .int64, .required)
            // NB: ISO 8601 in UTC to the second, as `Store.timestamp` writes it; NULL while not locked.
            .field("locked_until", .string)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("login_failures").delete()
    }
}
