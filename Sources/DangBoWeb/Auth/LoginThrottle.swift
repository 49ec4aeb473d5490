import Foundation

/// Login throttling: after `attempts` failed logins of one name, that name waits `lockout` before it may try again,
/// whatever the password (issue 9 point 2). Kept per application instance; a name is folded to lower case.
actor LoginThrottle {
    private let attempts: Int
    private let lockout: Duration
    private var failures: [String: (count: Int, lockedUntil: ContinuousClock.Instant?)] = [:]

    init(attempts: Int, lockout: Duration) {
        self.attempts = attempts
        self.lockout = lockout
    }

    /// Whether `login` may try now.
    func allows(_ login: String, now: ContinuousClock.Instant = .now) -> Bool {
        guard let until = failures[login.lowercased()]?.lockedUntil else { return true }
        return now >= until
    }

    func failed(_ login: String, now: ContinuousClock.Instant = .now) {
        let key = login.lowercased()
        var entry = failures[key] ?? (0, nil)
        if let until = entry.lockedUntil, now >= until { entry = (0, nil) }
        entry.count += 1
        if entry.count >= attempts { entry.lockedUntil = now + lockout }
        failures[key] = entry
    }

    func succeeded(_ login: String) { failures[login.lowercased()] = nil }
}
