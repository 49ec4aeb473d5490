import DangBoCore
import Foundation
import SQLKit

/// Web sessions, kept in the database so that several app instances share them (issue 9, M0015). A session is no
/// registry record: it is written by single statements, without the write lock and without an audit entry.
///
/// NB: times are stored as `Store.timestamp` writes them, ISO 8601 in UTC to the second ("2026-11-29T23:24:00Z"), so
/// that comparing the texts compares the times; a session ends at the second `expiresAt` falls in.
extension Store {
    /// Records a session of `account` whose token hashes to `tokenHash` (the token itself is never stored).
    public func createSession(tokenHash: String, account: Int, expiresAt: Date) async throws {
        try await sql.insert(into: "sessions").columns("token_hash", "account_id", "created_at", "expires_at")
            .values(SQLBind(tokenHash), SQLBind(account), SQLBind(Self.timestamp()), SQLBind(Self.timestamp(expiresAt)))
            .run()
    }

    /// The account of a live session (not expired at `now`, account not disabled), with its grants; nil otherwise.
    /// One statement (every request asks it): a row per grant, or one with no grant.
    public func account(ofSession tokenHash: String, now: Date) async throws -> Account? {
        let rows = try await reader.raw("""
            SELECT a.id AS id, a.login AS login, a.disabled AS disabled, g.role AS role, g.organization_id AS organization_id
            FROM sessions s JOIN accounts a ON a.id = s.account_id
            LEFT JOIN account_grants g ON g.account_id = a.id
            WHERE s.token_hash = \(bind: tokenHash) AND s.expires_at > \(bind: Self.timestamp(now))
            ORDER BY g.organization_id, g.role
            """).all()
        guard let first = rows.first, !(try first.decode(column: "disabled", as: Bool.self)) else { return nil }
        let grants = try rows.compactMap { row -> Grant? in
            guard let raw = try row.decode(column: "role", as: String?.self) else { return nil }
            guard let role = Role(rawValue: raw) else { throw StoreError.unreadable("account_grants.role") }
            return Grant(role: role, organization: OrganizationID(try row.decode(column: "organization_id", as: Int.self)))
        }
        return Account(id: try first.decode(column: "id", as: Int.self), login: try first.decode(column: "login", as: String.self),
                       grants: grants)
    }

    /// Ends a session (logging out); nothing when there is none.
    public func deleteSession(tokenHash: String) async throws {
        try await sql.delete(from: "sessions").where("token_hash", .equal, tokenHash).run()
    }

    /// Removes the sessions expired at `now`.
    public func deleteExpiredSessions(now: Date) async throws {
        try await sql.delete(from: "sessions").where("expires_at", .lessThanOrEqual, Self.timestamp(now)).run()
    }
}
