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
