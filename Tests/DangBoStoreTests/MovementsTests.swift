import DangBoCore
import DangBoStore
import Foundation
import Testing

/// "Biến động đảng viên" in SQL: a period's events in a scope (the event's cell, else the member's cell that day),
/// newest first, a page at a time, with the total.
@Suite struct MovementsTests {
    @Test func aPeriodsMovementsAreScopedNewestFirstAndPaged() async throws {
        try await TestDatabases.each { store in
            let (root, first, second) = try await AddMemberTests.seed(store)
            let binh = try await store.addMember(AddMemberTests.person(), firstEvent: AddMemberTests.admission(into: second, votedOn: "2025-03-01"),
                                                 in: Scope(roots: [root]), actor: "test")
            let an = MemberID(1)
            try await store.recordEvent(MembershipEvent(member: an, kind: .moved, effective: Day(iso: "2025-05-20")!, organization: second),
                                        in: Scope(roots: [root]), actor: "test")
            try await store.recordEvent(MembershipEvent(member: an, kind: .exempted, effective: Day(iso: "2025-05-20")!),
                                        in: Scope(roots: [root]), actor: "test")
            let all = try await store.movements(in: Scope(roots: [root]), from: Day(iso: "2020-01-01")!, to: Day(iso: "2025-12-31")!, page: 1)
            #expect(all.total == 4)
            #expect(all.rows.map(\.event.kind) == [.exempted, .moved, .admitted, .admitted])
            #expect(all.rows.map(\.member.id) == [an, an, binh, an])
            // The exemption has no cell of its own: the member's cell that day (after the move).
            #expect(all.rows.map(\.cell.code) == ["VD.02", "VD.02", "VD.02", "VD.01"])
            let period = try await store.movements(in: Scope(roots: [root]), from: Day(iso: "2025-05-19")!, to: Day(iso: "2025-05-19")!, page: 1)
            #expect(period.rows.map(\.member.id) == [binh])
            #expect(try await store.movements(in: Scope(roots: [first]), from: Day(iso: "2020-01-01")!, to: Day(iso: "2025-12-31")!, page: 1)
                .rows.map(\.event.kind) == [.admitted])
            let under = try await store.movements(in: Scope(roots: [root]), under: second, from: Day(iso: "2020-01-01")!,
                                                  to: Day(iso: "2025-12-31")!, page: 2, pageSize: 2)
            #expect(under.total == 3 && under.rows.map(\.event.kind) == [.admitted] && under.page == 2)
            #expect(try await store.movements(in: Scope(roots: []), from: Day(iso: "2020-01-01")!, to: Day(iso: "2025-12-31")!, page: 1).total == 0)
        }
    }
}
