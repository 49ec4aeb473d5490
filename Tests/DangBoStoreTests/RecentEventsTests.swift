import DangBoCore
@testable import DangBoStore
import DangBoSynthetic
import Foundation
import SQLKit
import Testing

/// The dashboard's recent changes: both plans (scope first, newest first) equal their Core twin on generated
/// registries, for several seeds, scopes and days, on SQLite and PostgreSQL; and their time on the demo bloc.
@Suite struct RecentEventsTests {
    /// Core's recent events: each event up to the day, its cell (its organization, else the member's period touching
    /// the event's day last, `valid_to` exclusive), in scope on the event's day, latest first.
    static func core(_ registry: Registry, in scope: Scope, asOf day: Day, limit: Int) -> [RecentEvent] {
        let tree = registry.tree
        var found: [(key: (Day, MemberID, Int), event: RecentEvent)] = []
        for journal in registry.journals.values {
            for (index, event) in journal.events.enumerated() where event.effective <= day {
                let period = journal.periods.last {
                    $0.validity.start <= event.effective && ($0.validity.end.map { $0 >= event.effective } ?? true)
                }
                guard let cell = event.organization ?? period?.cell, let organization = tree[cell],
                      let summary = OrganizationSummary(organization, on: event.effective),
                      scope.covers(cell, in: tree, on: event.effective) else { continue }
                found.append(((event.effective, journal.member.id, journal.originalIndex[index]),
                              RecentEvent(member: journal.member, cell: summary, event: event)))
            }
        }
        return found.sorted { $0.key > $1.key }.prefix(limit).map(\.event)
    }

    @Test(arguments: [51, 52, 53] as [UInt64])
    func bothPlansEqualCore(seed: UInt64) async throws {
        let through = Day(iso: "2026-11-26")!
        let (change, registry) = SyntheticRegistry(options: .init(seed: seed, grassroots: 10, members: 1_200, through: through)).change()
        let tree = registry.tree
        let root = OrganizationID(1)
        let grassroots = tree.organizations.values.filter { $0.version(on: through)?.kind == .grassrootsCommittee }
            .map(\.id).sorted()
        let committee = grassroots.max { tree.subtree(of: $0, on: through).count < tree.subtree(of: $1, on: through).count }!
        let cell = tree.subtree(of: committee, on: through).first { tree.version(of: $0, on: through)!.kind.isCell }!
        let other = grassroots.first { $0 != committee }!
        let scopes = [Scope(roots: [root]), Scope(roots: [committee]), Scope(roots: [cell]), Scope(roots: [committee, other])]
        // The busiest day (several events), the days a tree change happens and the day before, an old day, the last.
        var perDay: [Day: Int] = [:]
        for journal in registry.journals.values { for event in journal.events { perDay[event.effective, default: 0] += 1 } }
        let busiest = perDay.max { ($0.value, $1.key) < ($1.value, $0.key) }!
        #expect(busiest.value >= 3)
        let changes = tree.changeDays.filter { $0 > Day(iso: "1997-01-01")! && $0 < through }.sorted()
        let days = [busiest.key, changes[changes.count / 2].previous, changes[changes.count / 2], changes.last!,
                    Day(iso: "2010-06-30")!, through]
        try await TestDatabases.each { store in
            try await store.write(change, tree: tree, audit: ReportTwinTests.audit)
            var seen = (events: 0, cut: 0, short: 0)
            for scope in scopes {
                for day in days {
                    for limit in [20, 500] {
                        let expected = Self.core(registry, in: scope, asOf: day, limit: limit)
                        seen.events += expected.count
                        if expected.count == limit { seen.cut += 1 } else { seen.short += 1 }
                        for newestFirst in [false, true] {
                            let got = try await store.recentEvents(in: scope, asOf: day, limit: limit, newestFirst: newestFirst)
                            #expect(got == expected, "seed \(seed) \(scope.roots) \(day) \(limit) newestFirst \(newestFirst)")
                        }
                        #expect(try await store.recentEvents(in: scope, asOf: day, limit: limit) == expected)
                    }
                }
            }
            // NB: lists cut by the limit and lists shorter than it both occur, or the limits prove nothing.
            #expect(seen.events > 0 && seen.cut > 0 && seen.short > 0, "\(seen)")
            #expect(try await store.recentEvents(in: Scope(roots: []), asOf: through).isEmpty)
            #expect(try await store.recentEvents(in: Scope(roots: [root]), asOf: through, limit: 0).isEmpty)
        }
    }

    /// The statement before M0018 (every event up to the day with its cell, then the scope): the "before" figure.
    static func before(_ store: Store, root: OrganizationID, asOf day: Day, limit: Int) async throws -> [Int] {
        let d = day.yyyymmdd
        return try await store.sql.raw("""
            WITH x AS MATERIALIZED (
                SELECT e.*, COALESCE(e.organization_id, (SELECT p.cell_id FROM membership_periods p
                    WHERE p.member_id = e.member_id AND p.valid_from <= e.effective_on AND p.valid_to >= e.effective_on
                    ORDER BY p.valid_from DESC LIMIT 1)) AS event_cell
                FROM membership_events e WHERE e.effective_on <= \(literal: d)
            )
            SELECT x.member_id AS member_id FROM x
            JOIN organizations o ON o.id = x.event_cell
            JOIN organization_versions v ON v.organization_id = x.event_cell
                AND v.valid_from <= x.effective_on AND v.valid_to > x.effective_on
            WHERE EXISTS (SELECT 1 FROM organization_ancestry sa WHERE sa.descendant_id = x.event_cell
                AND sa.ancestor_id IN (\(unsafeRaw: String(root.rawValue)))
                AND sa.valid_from <= x.effective_on AND sa.valid_to > x.effective_on)
            ORDER BY x.effective_on DESC, x.member_id DESC, x.seq DESC LIMIT \(literal: limit)
            """).all().map { try $0.decode(column: "member_id", as: Int.self) }
    }

    /// The demo bloc (`dangbo demo`'s registry: seed 2021, about 4,000 members, 30 years): the old statement and both
    /// plans timed for the bloc and for one grassroots organization, printed (a measurement, not a timed assertion).
    @Test func theDemoBloc() async throws {
        let through = Day(iso: "2026-11-26")!
        let (change, registry) = SyntheticRegistry(options: .init(seed: 2021, members: 4_000, through: through)).change()
        let tree = registry.tree
        let committee = tree.organizations.values.filter { $0.version(on: through)?.kind == .grassrootsCommittee }
            .map(\.id).max { tree.subtree(of: $0, on: through).count < tree.subtree(of: $1, on: through).count }!
        try await TestDatabases.each { store in
            try await store.write(change, tree: tree, audit: ReportTwinTests.audit)
            let clock = ContinuousClock()
            func best(_ body: () async throws -> Void) async throws -> Duration {
                var times: [Duration] = []
                for _ in 0..<5 { times.append(try await clock.measure { try await body() }) }
                return times.min()!
            }
            for (name, root) in [("khối", OrganizationID(1)), ("đảng bộ cơ sở \(committee)", committee)] {
                let scope = Scope(roots: [root])
                let expected = Self.core(registry, in: scope, asOf: through, limit: 20)
                let old = try await best { _ = try await Self.before(store, root: root, asOf: through, limit: 20) }
                var lists: [[RecentEvent]] = []
                let scopeFirst = try await best {
                    lists.append(try await store.recentEvents(in: scope, asOf: through, limit: 20, newestFirst: false))
                }
                let newestFirst = try await best {
                    lists.append(try await store.recentEvents(in: scope, asOf: through, limit: 20, newestFirst: true))
                }
                #expect(lists.count == 10 && lists.allSatisfy { $0 == expected }, "\(name)")
                let chosen = try await best { _ = try await store.recentEvents(in: scope, asOf: through) }
                print("recentEvents \(name) (\(store.isPostgres ? "PostgreSQL" : "SQLite"), debug): before \(old), "
                      + "scope first \(scopeFirst), newest first \(newestFirst), chosen \(chosen)")
            }
        }
    }
}
