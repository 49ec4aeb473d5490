import DangBoCore
@testable import DangBoStore
import Foundation
import SQLKit
import Testing

/// Accounts are not members: a login, a password hash the store never computes, and grants of a role on an
/// organization; every change is audited without the hash; a duplicate login is refused and writes nothing.
@Suite struct AccountTests {
    static let tree = OrganizationTree([
        Organization(id: OrganizationID(1), code: "DUK", versions: [OrganizationVersion(
            validity: DayRange(start: Day(iso: "2000-01-01")!, end: nil), name: "Đảng bộ Khối", kind: .upperCommittee, parent: nil)]),
    ])

    @Test func addListAndChangePasswords() async throws {
        try await TestDatabases.each { store in
            var change = RegistryChange()
            change.organizations = Array(Self.tree.organizations.values)
            try await store.write(change, tree: Self.tree, audit: ReportTwinTests.audit)
            let grant = Grant(role: .admin, organization: OrganizationID(1))
            let added = try await store.addAccount(login: "quantri", grant: grant, passwordHash: "$2b$12$hash-one", actor: "test")
            #expect(try await store.accounts() == [added])
            #expect(try await store.passwordHash(login: "quantri") == "$2b$12$hash-one")
            await #expect(throws: AccountViolation.loginTaken("quantri")) {
                try await store.addAccount(login: "quantri", grant: grant, passwordHash: "x", actor: "test")
            }
            await #expect(throws: AccountViolation.loginCharacters) {
                try await store.addAccount(login: "Quản trị", grant: grant, passwordHash: "x", actor: "test")
            }
            try await store.setPassword(login: "quantri", passwordHash: "$2b$12$hash-two", actor: "test")
            #expect(try await store.passwordHash(login: "quantri") == "$2b$12$hash-two")
            await #expect(throws: AccountViolation.unknownLogin("khong-co")) {
                try await store.setPassword(login: "khong-co", passwordHash: "x", actor: "test")
            }
            // Audited, chained, and no hash in the trail.
            let trail = try await store.auditEntries(limit: 10)
            #expect(trail.map(\.action).contains("account.add") && trail.map(\.action).contains("account.password"))
            #expect(!trail.contains { "\($0)".contains("hash-one") || "\($0)".contains("hash-two") })
            #expect(try await store.verifyAuditTrail().isIntact)
        }
    }

    @Test(arguments: [("ab", false), ("abc", true), ("nguyen.van-an_2", true), ("Nguyen", false), ("an toan", false),
                      (String(repeating: "a", count: 64), true), (String(repeating: "a", count: 65), false)])
    func loginsAreChecked(login: String, valid: Bool) {
        #expect(((try? Account.login(parsing: login)) != nil) == valid)
    }

    @Test(arguments: [("123456789", false), ("1234567890", true), ("quantri1234", true), ("QUANTRI123", false)])
    func passwordsAreChecked(password: String, valid: Bool) {
        #expect(((try? Account.checkPassword(password, login: "quantri123")) != nil) == valid)
    }
}

/// `Store.timestamp` writes what `ISO8601DateFormatter` wrote before it (the stored sessions, accounts and pending
/// imports compare these texts): to the second, in UTC, on both sides of each edge of a day, a month and a leap year.
@Suite struct TimestampTests {
    @Test func theTextIsTheISO8601FormattersOnEveryEdge() {
        let formatter = ISO8601DateFormatter()
        var moments: [TimeInterval] = [0, -1, -86_400, 59.999, 86_399.5, 951_782_399, 951_782_400, 951_868_800,  // 29/2/2000
                                       1_709_164_799, 1_709_251_199, 1_709_251_200, 4_102_444_799, 4_102_444_800,  // 2100
                                       1_796_083_200.25, 253_402_300_799]  // 31/12/9999 23:59:59
        // Every 36.5 days and a few hours from 1900 to 2100: each month, weekday and hour.
        for step in 0..<2_000 { moments.append(TimeInterval(-2_208_988_800 + step * 3_155_773 + step % 86_400) + 0.5) }
        for seconds in moments {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(Store.timestamp(date) == formatter.string(from: date), "\(seconds)")
        }
    }
}
