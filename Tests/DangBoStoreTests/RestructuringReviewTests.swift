import DangBoCore
@testable import DangBoStore
import Testing

/// The cases of the 2025 restructuring that the foundation got wrong (issue 7), written by hand with the figures a
/// secretary counts on paper: Core gives them, and SQL equals Core, on SQLite and PostgreSQL.
///
/// The tree: the bloc (1) with a grassroots committee G (2: subordinate cells A 3 and B 4, partial committee P 7), a
/// grassroots cell C (5), a late cell L (6, 1/7/2021 – 1/1/2023) and a grassroots committee H (8, subordinate cell H1 9).
/// On 1/2/2021 A moves under P (a depth change inside G); on 15/2/2021 C becomes a subordinate cell of G (a kind change
/// inside the bloc).
@Suite struct RestructuringReviewTests {
    static let bloc = OrganizationID(1), g = OrganizationID(2), a = OrganizationID(3), b = OrganizationID(4)
    static let c = OrganizationID(5), late = OrganizationID(6), p = OrganizationID(7), h = OrganizationID(8)
    static let h1 = OrganizationID(9)

    static func day(_ text: String) -> Day { Day(iso: text)! }

    static func registry() throws -> Registry {
        func version(_ from: String, _ to: String?, _ kind: OrganizationKind, _ parent: OrganizationID?) -> OrganizationVersion {
            OrganizationVersion(validity: DayRange(start: day(from), end: to.map(day)), name: "x", kind: kind, parent: parent)
        }
        let tree = OrganizationTree([
            Organization(id: bloc, code: "DUK", versions: [version("1990-01-01", nil, .upperCommittee, nil)]),
            Organization(id: g, code: "G", versions: [version("1990-01-01", nil, .grassrootsCommittee, bloc)]),
            Organization(id: a, code: "G.A", versions: [version("1990-01-01", "2021-02-01", .subordinateCell, g),
                                                         version("2021-02-01", nil, .subordinateCell, p)]),
            Organization(id: b, code: "G.B", versions: [version("1990-01-01", nil, .subordinateCell, g)]),
            Organization(id: c, code: "C", versions: [version("1990-01-01", "2021-02-15", .grassrootsCell, bloc),
                                                      version("2021-02-15", nil, .subordinateCell, g)]),
            Organization(id: late, code: "L", versions: [version("2021-07-01", "2023-01-01", .grassrootsCell, bloc)]),
            Organization(id: p, code: "G.P", versions: [version("1990-01-01", nil, .partialCommittee, g)]),
            Organization(id: h, code: "H", versions: [version("1990-01-01", nil, .grassrootsCommittee, bloc)]),
            Organization(id: h1, code: "H.1", versions: [version("1990-01-01", nil, .subordinateCell, h)]),
        ])
        #expect(tree.violations().isEmpty)
        var registry = Registry(tree: tree)
        func event(_ kind: EventKind, _ effective: String, _ cell: OrganizationID? = nil) -> MembershipEvent {
            MembershipEvent(member: MemberID(0), kind: kind, effective: day(effective), organization: cell)
        }
        let journals: [[MembershipEvent]] = [
            [event(.transferredIn, "2010-01-01", a)],
            [event(.transferredIn, "2010-01-01", c)],
            // Out of G and into H on one day, in that order.
            [event(.transferredIn, "2010-01-01", b), event(.transferredOut, "2021-03-01"), event(.transferredIn, "2021-03-01", h1)],
            // Moved out of G into H and dead the same day.
            [event(.transferredIn, "2010-01-01", b), event(.moved, "2021-03-10", h1), event(.died, "2021-03-10")],
            // Left in L when it is dissolved.
            [event(.transferredIn, "2021-08-01", late)],
            // Moved out of L on the day it is dissolved.
            [event(.transferredIn, "2021-08-01", late), event(.moved, "2023-01-01", c)],
        ]
        for (index, events) in journals.enumerated() {
            let id = MemberID(index + 1)
            let member = Member(id: id, nationalID: "00109000000\(index + 1)", familyName: "Lê", middleName: "Thị",
                                givenName: "Hoa", gender: .female, birthDate: day("1980-01-01"))
            try registry.record(member, events: events.map { var e = $0; e.member = id; return e })
        }
        return registry
    }

    /// Hand-counted figures of the first quarter of 2021 for each scope (members on the rolls, flows).
    @Test func theFirstQuarterOf2021SeenFromEachScope() throws {
        let registry = try Self.registry()
        func review(_ root: OrganizationID) -> Review { registry.review(of: root, from: Self.day("2021-01-01"), to: Self.day("2021-03-31")) }

        let bloc = review(Self.bloc)
        #expect((bloc.members.atStart, bloc.members.total) == (4, 3))
        #expect(bloc.movements.reorganizedIn == 0 && bloc.movements.reorganizedOut == 0)  // A and C never left the bloc
        #expect((bloc.movements.transferredOut, bloc.movements.transferredIn) == (1, 1))  // member 3, in file order
        #expect((bloc.movements.movedInternally, bloc.movements.died) == (1, 1))  // member 4
        #expect(bloc.balance.holds)

        let g = review(Self.g)
        #expect((g.members.atStart, g.members.total) == (3, 2))
        #expect((g.movements.reorganizedIn, g.movements.reorganizedOut) == (1, 0))  // C came in; A moved inside G
        #expect(g.movements.transferredOut == 2)  // member 3's transfer out and member 4's move out
        #expect(g.movements.transferredIn == 0 && g.movements.died == 0)
        #expect(g.balance.holds)

        let p = review(Self.p)
        #expect((p.members.atStart, p.members.total, p.movements.reorganizedIn) == (0, 1, 1))

        let h = review(Self.h)
        #expect((h.members.atStart, h.members.total) == (0, 1))
        #expect((h.movements.transferredIn, h.movements.died) == (2, 1))  // member 4 came in, then died here
        #expect(h.balance.holds)

        let c = review(Self.c)
        #expect((c.members.atStart, c.members.total) == (1, 1))
        #expect(c.movements.inflow == 0 && c.movements.outflow == 0)
    }

    /// A member left in a cell dissolved on a day goes out with it at the end of that day; one moved out the same day
    /// moves inside the bloc.
    @Test func aDissolvedCellTakesOnlyThoseLeftInIt() throws {
        let review = try Self.registry().review(of: Self.bloc, from: Self.day("2022-10-01"), to: Self.day("2023-03-31"))
        #expect((review.members.atStart, review.members.total) == (5, 4))
        #expect((review.movements.reorganizedOut, review.movements.movedInternally) == (1, 1))
        #expect(review.movements.transferredOut == 0 && review.movements.transferredIn == 0)
        #expect(review.balance.holds)
    }

    /// SQL equals Core on every scope, for periods around each change, on both databases.
    @Test func sqlEqualsCore() async throws {
        let registry = try Self.registry()
        var change = RegistryChange()
        change.organizations = registry.tree.organizations.values.sorted { $0.id < $1.id }
        change.members = registry.members.values.sorted { $0.id < $1.id }
        change.journals = registry.journals.values.sorted { $0.member.id < $1.member.id }
        change.events = change.journals.flatMap(\.events)
        let periods = [("2021-01-01", "2021-03-31"), ("2021-02-01", "2021-02-01"), ("2021-02-15", "2021-02-15"),
                       ("2021-03-01", "2021-03-01"), ("2021-03-10", "2021-03-10"), ("2023-01-01", "2023-01-01"),
                       ("2022-10-01", "2023-03-31"), ("2021-02-02", "2021-03-09")]
        try await TestDatabases.each { store in
            try await store.write(change, tree: registry.tree, audit: ReportTwinTests.audit)
            for root in registry.tree.organizations.keys.sorted() {
                for (from, to) in periods {
                    let core = registry.review(of: root, from: Self.day(from), to: Self.day(to))
                    for subtreeFirst in [true, false] {
                        let sql = try await store.review(of: root, from: Self.day(from), to: Self.day(to), startFromSubtree: subtreeFirst)
                        #expect(sql == core, "\(root) \(from)…\(to)")
                    }
                }
            }
        }
    }
}
