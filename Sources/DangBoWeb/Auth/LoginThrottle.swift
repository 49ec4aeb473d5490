import DangBoStore
import Foundation

/// Login throttling: after `attempts` failed logins of one name, that name waits `lockout` before it may try again,
/// whatever the password (issue 9 point 2). Kept in the store, so that every instance sharing one PostgreSQL counts
/// the same failures; a name is folded to lower case.
struct LoginThrottle: Sendable {
    let store: Store
    let attempts: Int
    let lockout: Duration
    /// The wall clock (instances compare times through the database).
    let now: @Sendable () -> Date

    init(store: Store, attempts: Int, lockout: Duration, now: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.attempts = attempts
        self.lockout = lockout
        self.now = now
    }

    /// Whether `login` may try now.
    func allows(_ login: String) async throws -> Bool {
        try await store.loginAllowed(login, now: now())
    }

    func failed(_ login: String) async throws {
        try await store.recordLoginFailure(login, now: now(), attempts: attempts, lockout: TimeInterval(lockout.components.seconds))
    }

    func succeeded(_ login: String) async throws { try await store.clearLoginFailures(login) }
}
