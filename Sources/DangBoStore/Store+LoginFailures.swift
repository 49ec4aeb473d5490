import Foundation
import SQLKit

/// Login throttling kept in the database (M0017). Like sessions, these rows are no registry record: single
/// statements, no write lock, no audit entry, never backed up.
extension Store {
    /// Whether `login` may try a password at `now` (not locked, or its lock has run out).
    public func loginAllowed(_ login: String, now: Date) async throws -> Bool {
        guard let row = try await sql.select().column("locked_until").from("login_failures")
            .where("login", .equal, login.lowercased()).first(),
            let until = try row.decodeNil(column: "locked_until") ? nil : row.decode(column: "locked_until", as: String.self)
        else { return true }
        return until <= Self.timestamp(now)
    }

    /// Counts a failed login of `login` at `now`; the `attempts`-th failure locks the name until `now + lockout`. A
    /// failure after a lock ran out starts counting again from one.
    ///
    /// NB: one statement (an upsert), so that two instances failing the same name at once both count.
    public func recordLoginFailure(_ login: String, now: Date, attempts: Int, lockout: TimeInterval) async throws {
        let key = login.lowercased(), stamp = Self.timestamp(now), until = Self.timestamp(now.addingTimeInterval(lockout))
        let first = attempts <= 1 ? SQLBind(until) as any SQLExpression : SQLLiteral.null
        try await sql.raw("""
            INSERT INTO login_failures (login, failures, locked_until) VALUES (\(bind: key), 1, \(first))
            ON CONFLICT (login) DO UPDATE SET
                failures = CASE WHEN login_failures.locked_until IS NOT NULL AND login_failures.locked_until <= \(bind: stamp)
                                THEN 1 ELSE login_failures.failures + 1 END,
                locked_until = CASE
                    WHEN login_failures.locked_until IS NOT NULL AND login_failures.locked_until <= \(bind: stamp)
                        THEN \(first)
                    WHEN login_failures.failures + 1 >= \(bind: attempts) THEN \(bind: until)
                    ELSE login_failures.locked_until END
            """).run()
    }

    /// Forgets the failures of `login` after it logged in (a read first: a login during a long import does not wait
    /// for the write lock when there is nothing to forget).
    public func clearLoginFailures(_ login: String) async throws {
        let key = login.lowercased()
        guard try await sql.select().column("login").from("login_failures").where("login", .equal, key).first() != nil
        else { return }
        try await sql.delete(from: "login_failures").where("login", .equal, key).run()
    }
}
