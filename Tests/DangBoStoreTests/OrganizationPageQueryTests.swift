import DangBoCore
import DangBoStore
import DangBoSynthetic
import Foundation
import Testing

/// The organization page's questions equal Core's over the same registry, on SQLite and PostgreSQL: the seats in
/// force on a day (the day before a seat starts, the day it starts, its last day, the day it ends) and the history of
/// versions; and nothing is answered outside the caller's scope.
@Suite struct OrganizationPageQueryTests {
    static let generated = SyntheticRegistry(options: .init(seed: 4, grassroots: 12, members: 800)).change()
    static var registry: Registry { generated.1 }
    static var tree: OrganizationTree { generated.1.tree }
    static let through = Day(iso: "2026-11-26")!

    /// Core's answer: the seats of `organization` whose range holds `day`, in the page's order.
    static func coreSeats(of organization: OrganizationID, on day: Day) -> [CommitteeSeat] {
        registry.seatsInForce(of: organization, on: day)
    }

    /// Seats with an end, a few per organization: each gives the days at its edges.
    static var edges: [(OrganizationID, Day)] {
        let ended = registry.seats.filter { $0.validity.end != nil }.sorted { ($0.organization, $0.validity.start) < ($1.organization, $1.validity.start) }
        let picked = stride(from: 0, to: ended.count, by: max(1, ended.count / 12)).map { ended[$0] }
        return picked.flatMap { seat in
            [seat.validity.start.previous, seat.validity.start, seat.validity.lastDay!, seat.validity.end!].map { (seat.organization, $0) }
        } + registry.seats.filter { $0.validity.contains(through) }.prefix(5).map { ($0.organization, through) }
            + leftEarly.prefix(12).flatMap { seat, end in [(seat.organization, end.previous), (seat.organization, end)] }
    }

    /// Seats whose holder left the organization before the end recorded (or while none was): each ends that day.
    static var leftEarly: [(CommitteeSeat, Day)] {
        registry.seats.compactMap { seat in
            guard let end = seat.end(holderPeriods: registry.journals[seat.member]?.periods ?? [], tree: registry.tree),
                  end.reason == .holderLeft else { return nil }
            return (seat, end.day)
        }
    }

    @Test func theSeatsOfADayEqualCores() async throws {
        let (change, registry) = Self.generated
        try await TestDatabases.each { store in
            try await store.write(change, tree: registry.tree, audit: ReportTwinTests.audit)
            let everything = Scope(roots: [OrganizationID(1)])
            var shown = 0
            for (organization, day) in Self.edges {
                let sql = try await store.seats(of: organization, in: everything, on: day)
                let core = Self.coreSeats(of: organization, on: day)
                #expect(sql.map(\.seat.member) == core.map(\.member), "\(organization) \(day)")
                #expect(sql.map(\.seat.position) == core.map(\.position), "\(organization) \(day)")
                #expect(sql.map(\.seat.validity) == core.map(\.validity), "\(organization) \(day)")
                #expect(sql.map(\.seat.source) == core.map(\.source), "\(organization) \(day)")
                #expect(sql.map(\.name) == core.map { registry.journals[$0.member]!.member.fullName }, "\(organization) \(day)")
                shown += sql.count
            }
            #expect(shown > 0)
            #expect(Self.leftEarly.count >= 12, "the generated seats have holders who left before the end recorded")
            // The day a seat ends it is no longer in force; the day before it still is. (The store keeps a decision's
            // number only: seats are compared by their key.)
            let ended = try #require(registry.seats.first { $0.validity.end != nil })
            func same(_ holder: SeatHolder) -> Bool {
                (holder.seat.committee, holder.seat.member, holder.seat.validity) == (ended.committee, ended.member, ended.validity)
            }
            #expect(try await store.seats(of: ended.organization, in: everything, on: ended.validity.lastDay!).contains(where: same))
            #expect(try await !store.seats(of: ended.organization, in: everything, on: ended.validity.end!).contains(where: same))
            #expect(try await !store.seats(of: ended.organization, in: everything, on: ended.validity.start.previous).contains(where: same))
        }
    }

    @Test func theHistoryEqualsTheVersions() async throws {
        let (change, registry) = Self.generated
        try await TestDatabases.each { store in
            try await store.write(change, tree: registry.tree, audit: ReportTwinTests.audit)
            let everything = Scope(roots: [OrganizationID(1)])
            let sample = Self.tree.organizations.values.sorted { ($0.versions.count, $1.id) > ($1.versions.count, $0.id) }.prefix(8)
            for organization in sample {
                let day = organization.versions.last!.validity.lastDay ?? Self.through
                let rows = try await store.history(of: organization.id, in: everything, on: day)
                #expect(rows.map(\.validity) == organization.versions.map(\.validity), "\(organization.code)")
                #expect(rows.map(\.name) == organization.versions.map(\.name), "\(organization.code)")
                #expect(rows.map(\.kind) == organization.versions.map(\.kind), "\(organization.code)")
                #expect(rows.map(\.parentCode) == organization.versions.map { $0.parent.map { Self.tree[$0]!.code } ?? "" }, "\(organization.code)")
            }
            #expect(sample.contains { $0.versions.count > 1 })
        }
    }

    /// A cell's scope sees nothing of another organization: no seat, no version.
    @Test func nothingOutsideTheScope() async throws {
        let (change, registry) = Self.generated
        try await TestDatabases.each { store in
            try await store.write(change, tree: registry.tree, audit: ReportTwinTests.audit)
            let seat = try #require(registry.seats.first { $0.validity.contains(Self.through) })
            let cell = try #require(Self.tree.organizations.values.sorted { $0.id < $1.id }.first {
                $0.version(on: Self.through)?.kind.isCell == true && !Self.tree.isWithin(seat.organization, root: $0.id, on: Self.through)
            })
            let narrow = Scope(roots: [cell.id])
            #expect(try await store.seats(of: seat.organization, in: narrow, on: Self.through).isEmpty)
            #expect(try await store.history(of: seat.organization, in: narrow, on: Self.through).isEmpty)
            #expect(try await store.seats(of: seat.organization, in: Scope(roots: []), on: Self.through).isEmpty)
            // The same questions in a scope that covers it are answered.
            let wide = Scope(roots: [seat.organization])
            #expect(try await !store.seats(of: seat.organization, in: wide, on: Self.through).isEmpty)
            #expect(try await !store.history(of: seat.organization, in: wide, on: Self.through).isEmpty)
        }
    }
}
