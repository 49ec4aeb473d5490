import DangBoStore
import Foundation
import Testing

/// Login throttling in the store (M0017): the `attempts`-th failure locks a name for `lockout`, to the second; the
/// name is folded to lower case; a success forgets; a failure after a lock ran out counts from one again; two stores
/// on one database (two app instances) count the same failures.
@Suite struct LoginFailureTests {
    static let start = Date(timeIntervalSince1970: 1_800_000_000)
    static let lockout: TimeInterval = 900

    @Test(arguments: [1, 3, 5])
    func theNthFailureLocksForTheLockout(attempts: Int) async throws {
        try await TestDatabases.each { store in
            for failure in 1..<attempts {
                try await store.recordLoginFailure("QuanTri", now: Self.start, attempts: attempts, lockout: Self.lockout)
                #expect(try await store.loginAllowed("quantri", now: Self.start), "after \(failure) of \(attempts)")
            }
            try await store.recordLoginFailure("quantri", now: Self.start, attempts: attempts, lockout: Self.lockout)
            #expect(try await !store.loginAllowed("QUANTRI", now: Self.start))
            // The second before the lock runs out, the second it does, the second after.
            #expect(try await !store.loginAllowed("quantri", now: Self.start.addingTimeInterval(Self.lockout - 1)))
            #expect(try await store.loginAllowed("quantri", now: Self.start.addingTimeInterval(Self.lockout)))
            #expect(try await store.loginAllowed("quantri", now: Self.start.addingTimeInterval(Self.lockout + 1)))
            // Another name is not touched.
            #expect(try await store.loginAllowed("bithu", now: Self.start))
        }
    }

    @Test func aFailureAfterTheLockRanOutCountsFromOne() async throws {
        try await TestDatabases.each { store in
            for _ in 0..<3 { try await store.recordLoginFailure("xem", now: Self.start, attempts: 3, lockout: Self.lockout) }
            let later = Self.start.addingTimeInterval(Self.lockout)
            try await store.recordLoginFailure("xem", now: later, attempts: 3, lockout: Self.lockout)
            #expect(try await store.loginAllowed("xem", now: later), "one failure since the lock ran out")
            try await store.recordLoginFailure("xem", now: later, attempts: 3, lockout: Self.lockout)
            #expect(try await store.loginAllowed("xem", now: later))
            try await store.recordLoginFailure("xem", now: later, attempts: 3, lockout: Self.lockout)
            #expect(try await !store.loginAllowed("xem", now: later))
        }
    }

    @Test func aSuccessForgetsTheFailures() async throws {
        try await TestDatabases.each { store in
            for _ in 0..<2 { try await store.recordLoginFailure("bithu", now: Self.start, attempts: 3, lockout: Self.lockout) }
            try await store.clearLoginFailures("BiThu")
            try await store.recordLoginFailure("bithu", now: Self.start, attempts: 3, lockout: Self.lockout)
            #expect(try await store.loginAllowed("bithu", now: Self.start), "one failure after the success, not three")
            try await store.clearLoginFailures("khong-co")  // nothing to forget: no error
        }
    }

    /// Two instances on one database: failures at either count together.
    @Test func instancesShareTheCount() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dangbo-test-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("shared.sqlite").path
        let one = try await Store.open(.sqlite(path: path))
        let two = try await Store.open(.sqlite(path: path))
        do {
            try await one.recordLoginFailure("quantri", now: Self.start, attempts: 2, lockout: Self.lockout)
            #expect(try await two.loginAllowed("quantri", now: Self.start))
            try await two.recordLoginFailure("quantri", now: Self.start, attempts: 2, lockout: Self.lockout)
            #expect(try await !one.loginAllowed("quantri", now: Self.start))
        } catch {
            await one.close(); await two.close()
            throw error
        }
        await one.close(); await two.close()
    }
}
