import DangBoCore
import DangBoInterchange
@testable import DangBoStore
import DangBoSynthetic
import Foundation
import NIOConcurrencyHelpers
import SQLKit
import Testing

/// Statistics snapshots (M0026): statistics as of a quarter's last day are kept for each subtree asked (every one here,
/// `snapshotMinimum: 1`), read back instead of computed, and kept equal to Core's by the triggers through writes into
/// the past of every kind: a back-dated death and move, a cell moved between committees before the snapshots, a
/// member's birth date, gender and ethnicity corrected.
@Suite struct StatisticSnapshotTests {
    static let audit = AuditRecord(actor: "test", action: "seed", summary: "generated", recordedAt: Date(timeIntervalSince1970: 0))
    static let days = ["2019-12-31", "2022-06-30", "2024-03-31", "2025-12-31", "2026-09-30"].map { Day(iso: $0)! }

    @Test(arguments: [31, 32] as [UInt64])
    func snapshotsStayEqualToCoreThroughWritesIntoThePast(seed: UInt64) async throws {
        let from = Day(iso: "2000-01-01")!, through = Day(iso: "2026-11-26")!
        let (change, registry) = SyntheticRegistry(options: .init(seed: seed, grassroots: 20, members: 2_500, from: from,
                                                                  through: through)).change()
        let tree = registry.tree
        // Every organization that has held others: the root, the grassroots committees, the partial committees.
        let roots = Set(tree.organizations.values.flatMap { $0.versions.compactMap(\.parent) }).sorted()
        try await TestDatabases.each(snapshotMinimum: 1) { store in
            try await store.write(change, tree: tree, audit: Self.audit)
            func keys(quarterEnds: Bool? = nil) async throws -> Int {
                let days = try await store.sql.raw("SELECT day FROM statistic_snapshot_keys").all()
                    .map { Day(yyyymmdd: try $0.decode(column: "day", as: Int.self))! }
                return days.filter { day in quarterEnds.map { Store.isQuarterEnd(day) == $0 } ?? true }.count
            }
            // The quarter ends, then days around them: within reach of a snapshot (from it), at its edge and beyond.
            let offsets = [0, -46, -1, 1, 17, 46, 47]
            func checkAll(_ registry: Registry, _ label: String) async throws -> [String: Statistics] {
                var answers: [String: Statistics] = [:]
                for offset in offsets {
                    for root in roots {
                        for quarterEnd in Self.days {
                            let day = quarterEnd.adding(days: offset)
                            let core = registry.statistics(of: root, asOf: day)
                            let answer = try await store.statistics(of: root, asOf: day)
                            #expect(answer == core, "\(label): statistics \(root) \(day)")
                            answers["\(root.rawValue) \(day.iso)"] = answer
                            // The review's stocks come the same way (at its last day and the day before its first).
                            if offset == 0 || offset == 17 {
                                let start = day.adding(days: -30)
                                #expect(try await store.review(of: root, from: start, to: day) == registry.review(of: root, from: start, to: day),
                                        "\(label): review \(root) \(start)…\(day)")
                            }
                        }
                    }
                }
                return answers
            }

            #expect(try await keys() == 0)
            let before = try await checkAll(registry, "first")
            let expectedKeys = roots.flatMap { root in Self.days.filter { registry.statistics(of: root, asOf: $0).members.total > 0 } }.count
            #expect(try await keys(quarterEnds: true) == expectedKeys)
            #expect(expectedKeys > 20)
            // Of the other days, each subtree keeps the last few.
            let others = try await store.sql.rows("""
                SELECT organization_id, COUNT(*) FROM statistic_snapshot_keys GROUP BY organization_id
                """, as: (Int, Int).self)
            #expect(others.count > 5)
            #expect(try await keys(quarterEnds: false) > 0)
            for (root, count) in others {
                let quarterKeys = Self.days.filter { registry.statistics(of: OrganizationID(root), asOf: $0).members.total > 0 }.count
                #expect(count <= quarterKeys + StatisticSnapshots.otherDays, "keys of \(root)")
            }
            // Asked again, each is read from a snapshot (the quarter ends' keys do not change) and still equal.
            let again = try await checkAll(registry, "again")
            #expect(again == before)
            #expect(try await keys(quarterEnds: true) == expectedKeys)
            // The direct computation agrees (a check of the check).
            for root in roots.prefix(5) {
                for day in Self.days {
                    #expect(try await store.statistics(of: root, asOf: day, snapshots: false) == registry.statistics(of: root, asOf: day))
                }
            }

            // Writes into the past, each before several snapshot days.
            let scope = Scope(roots: [OrganizationID(1)])
            let onTheRolls = registry.journals.values.filter { journal in
                journal.periods.last.map { $0.validity.end == nil && $0.validity.start < Day(iso: "2021-06-01")! } ?? false
                    && journal.events.allSatisfy { $0.effective < Day(iso: "2021-06-01")! }
            }.sorted { $0.member.id < $1.member.id }
            #expect(onTheRolls.count > 10)
            // A death recorded late, effective before three snapshot days.
            let dead = onTheRolls[0].member.id
            try await store.recordEvent(MembershipEvent(member: dead, kind: .died, effective: Day(iso: "2022-01-15")!),
                                        in: scope, actor: "test")
            // A move to a cell under another grassroots committee, effective before two snapshot days.
            let mover = onTheRolls[1]
            let moveDay = Day(iso: "2023-05-02")!
            let moverCell = mover.periods.last!.cell
            let moverGrassroots = tree.ancestors(of: moverCell, on: moveDay).first { tree.version(of: $0, on: moveDay)!.kind.isGrassroots }
            let target = try #require(tree.organizations.values.filter { organization in
                guard let now = tree.version(of: organization.id, on: moveDay), now.kind.isCell,
                      organization.dissolved == nil, organization.versions.last!.validity.start <= moveDay else { return false }
                return tree.ancestors(of: organization.id, on: moveDay).first { tree.version(of: $0, on: moveDay)!.kind.isGrassroots }
                    != moverGrassroots
            }.map(\.id).min())
            try await store.recordEvent(MembershipEvent(member: mover.member.id, kind: .moved, effective: moveDay, organization: target),
                                        in: scope, actor: "test")
            // A subordinate cell moved to another grassroots committee, effective before two snapshot days.
            let treeDay = Day(iso: "2025-02-03")!
            let cells = tree.organizations.values.filter { organization in
                organization.dissolved == nil && organization.versions.allSatisfy { $0.validity.start < treeDay }
                    && tree.version(of: organization.id, on: treeDay)?.kind == .subordinateCell
            }.sorted { $0.id < $1.id }
            let committees = Set(cells.compactMap { tree.version(of: $0.id, on: treeDay)?.parent }).filter { committee in
                tree[committee]!.dissolved == nil && tree[committee]!.versions.allSatisfy { $0.validity.start < treeDay }
            }.sorted()
            let moved = try #require(cells.first { cell in
                registry.statistics(of: cell.id, asOf: Self.days[3]).members.total > 0
                    && committees.contains(tree.version(of: cell.id, on: treeDay)!.parent!)
            })
            let newParent = try #require(committees.first { $0 != tree.version(of: moved.id, on: treeDay)!.parent })
            try await store.changeTree(.move(moved.id, parent: newParent), on: treeDay, in: scope, actor: "test")
            // A member's attributes corrected by hand (no form changes them yet: the trigger must hold any writer).
            let corrected = onTheRolls[2].member
            try await store.sql.raw("""
                UPDATE members SET birth_date = birth_date - 150000,
                    gender = \(bind: corrected.gender == .female ? Gender.male.rawValue : Gender.female.rawValue),
                    ethnicity = 'Tày' WHERE id = \(literal: corrected.id.rawValue)
                """).run()

            let after = try await store.loadRegistry()
            #expect(after.journals[dead]!.period(on: Self.days[1]) == nil)
            #expect(after.tree.version(of: moved.id, on: Self.days[3])?.parent == newParent)
            let changed = try await checkAll(after, "after writes")
            #expect(try await keys(quarterEnds: true) == expectedKeys)
            // The writes changed kept snapshots, or this test would prove nothing about the triggers.
            let differing = changed.filter { before[$0.key] != nil && before[$0.key] != $0.value }.count
            #expect(differing >= 10, "\(differing) snapshots changed")
        }
    }

    /// A first import loads without the triggers (and makes them again); a later one keeps the snapshots in step as
    /// its rows go in.
    @Test func importsKeepTheTriggersAndTheSnapshots() async throws {
        let through = Day(iso: "2026-11-26")!
        let registries = ([("DKA", 43), ("DKB", 44)] as [(String, UInt64)]).map { code, seed in
            SyntheticRegistry(options: .init(seed: seed, grassroots: 5, members: 400, through: through, rootCode: code,
                                             rootName: "Đảng bộ Khối \(code)")).registry()
        }
        let folders = try registries.map { registry in
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dangbo-snapshots-\(UUID().uuidString)")
            try RegistryExport.writeCSV(registry, to: folder)
            return folder
        }
        defer { for folder in folders { try? FileManager.default.removeItem(at: folder) } }
        try await TestDatabases.each(snapshotMinimum: 1) { store in
            _ = try await store.importData(at: folders[0], actor: "test")
            let triggers = try await store.isPostgres
                ? store.sql.raw("SELECT COUNT(*) AS n FROM pg_trigger WHERE tgname LIKE 'statistic_snapshots_%'").first()
                : store.sql.raw("SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'statistic_snapshots_%'").first()
            #expect(try triggers!.decode(column: "n", as: Int.self) == (store.isPostgres ? 3 : 5))
            let day = Day(iso: "2025-12-31")!
            let first = try await store.loadRegistry()
            let root = try #require(first.tree.organizations.values.first { $0.code == "DKA" }?.id)
            #expect(try await store.statistics(of: root, asOf: day) == first.statistics(of: root, asOf: day))
            _ = try await store.importData(at: folders[1], actor: "test")
            let keys = try await store.sql.raw("SELECT COUNT(*) AS n FROM statistic_snapshot_keys").first()!.decode(column: "n", as: Int.self)
            #expect(keys == 1)
            let both = try await store.loadRegistry()
            let second = try #require(both.tree.organizations.values.first { $0.code == "DKB" }?.id)
            for id in [root, second] {
                #expect(try await store.statistics(of: id, asOf: day) == both.statistics(of: id, asOf: day))
                #expect(try await store.statistics(of: id, asOf: day.adding(days: 3)) == both.statistics(of: id, asOf: day.adding(days: 3)))
            }
        }
    }

    @Test func countsReadBeforeAnotherWriteAreNotKept() async throws {
        let (change, registry) = SyntheticRegistry(options: .init(seed: 33, grassroots: 4, members: 300)).change()
        try await TestDatabases.each(snapshotMinimum: 1) { store in
            try await store.write(change, tree: registry.tree, audit: Self.audit)
            let day = Day(iso: "2025-12-31")!, root = OrganizationID(1)
            let generation = try await store.sql.raw("SELECT n FROM statistic_generation").first()!.decode(column: "n", as: Int.self)
            // Counts read at `generation - 1`: a write has committed since.
            await store.keepSnapshot(of: root, on: day, [.standing(.official): 1], generation: generation - 1)
            let keys = try await store.sql.raw("SELECT COUNT(*) AS n FROM statistic_snapshot_keys").first()!.decode(column: "n", as: Int.self)
            #expect(keys == 0)
            _ = try await store.statistics(of: root, asOf: day)
            let kept = try await store.sql.raw("SELECT COUNT(*) AS n FROM statistic_snapshot_keys").first()!.decode(column: "n", as: Int.self)
            #expect(kept == 1)
            #expect(try await store.statistics(of: root, asOf: day) == registry.statistics(of: root, asOf: day))
        }
    }

    /// A day within `StatisticSnapshots.reach` of kept days is counted from the nearest of them (the earlier of two as
    /// near), a day beyond from the periods: each kept day's official count is marked (+1 and +1000) so that the answer
    /// tells which it came from. NB: white-box (the snapshots are written by hand), as the answer is the same whichever
    /// way it is counted.
    @Test func aDayIsCountedFromTheNearestSnapshot() async throws {
        let (change, registry) = SyntheticRegistry(options: .init(seed: 35, grassroots: 4, members: 300)).change()
        try await TestDatabases.each(snapshotMinimum: 1) { store in
            try await store.write(change, tree: registry.tree, audit: Self.audit)
            let root = OrganizationID(1), early = Day(iso: "2025-11-10")!, late = early.adding(days: 10)
            // NB: both kept before either is marked (the later is counted from the earlier).
            for day in [early, late] { _ = try await store.statistics(of: root, asOf: day) }
            for (day, mark) in [(early, 1), (late, 1_000)] {
                try await store.sql.raw("""
                    UPDATE statistic_snapshots SET n = n + \(literal: mark) WHERE organization_id = \(literal: root.rawValue)
                        AND day = \(literal: day.yyyymmdd) AND dimension = 'standing' AND value = 'official'
                    """).run()
            }
            func official(_ day: Day) async throws -> Int { try await store.statistics(of: root, asOf: day).members.official }
            func core(_ day: Day) -> Int { registry.statistics(of: root, asOf: day).members.official }
            for (day, mark) in [(early.adding(days: -3), 1), (early.adding(days: 4), 1), (early.adding(days: 5), 1),
                                (early.adding(days: 6), 1_000), (late.adding(days: StatisticSnapshots.reach), 1_000),
                                (late.adding(days: StatisticSnapshots.reach + 1), 0)] {
                #expect(try await official(day) == core(day) + mark, "\(day.iso)")
                // NB: the question kept its own day (the mark carried over): forgotten, so that the next is asked of
                // the two marked days alone.
                for table in ["statistic_snapshot_keys", "statistic_snapshots"] {
                    try await store.sql.raw("""
                        DELETE FROM \(unsafeRaw: table) WHERE day NOT IN (\(literal: early.yyyymmdd), \(literal: late.yyyymmdd))
                        """).run()
                }
            }
        }
    }

    /// Asked again, a small subtree's statistics and the member counts of its review come from prepared statements on
    /// PostgreSQL (`SmallScopeStatement`, bound to the root and the day): the same as Core's on every day, the first
    /// time and each time after, past PostgreSQL's five executions that precede a kept plan.
    @Test func smallScopesAskedAgainAnswerAsCore() async throws {
        let (change, registry) = SyntheticRegistry(options: .init(seed: 36, grassroots: 4, members: 300)).change()
        try await TestDatabases.each { store in
            try await store.write(change, tree: registry.tree, audit: Self.audit)
            let roots = registry.tree.organizations.keys.sorted()
            let days = ["2023-06-30", "2024-02-29", "2025-01-01", "2025-12-31"].map { Day(iso: $0)! }
            for round in 0..<3 {
                for root in roots {
                    for day in days {
                        #expect(try await store.statistics(of: root, asOf: day) == registry.statistics(of: root, asOf: day),
                                "\(root) \(day.iso), round \(round)")
                    }
                    if round == 0, store.isPostgres { #expect(store.smallScopes.withLockedValue { $0.contains(root.rawValue) }) }
                }
            }
            let (from, to) = (Day(iso: "2025-10-01")!, Day(iso: "2025-12-31")!)
            for root in roots {
                #expect(try await store.review(of: root, from: from, to: to) == registry.review(of: root, from: from, to: to), "\(root)")
            }
            let keys = try await store.sql.raw("SELECT COUNT(*) AS n FROM statistic_snapshot_keys").first()!.decode(column: "n", as: Int.self)
            #expect(keys == 0)
        }
    }

    /// Kept ahead of any question (`keepSnapshots(on:)`, as a server starts), each large subtree's snapshot is the sum
    /// of its children's counts and its own cell's: equal to Core's for every organization of the day's tree, with
    /// every subtree large (`snapshotMinimum: 1`: cells counted as cells, every parent as a sum) and with half of
    /// them (small children counted from their periods beside large ones summed), on days of the generated history
    /// whose trees differ (cells founded, moved, merged and dissolved between them).
    @Test(arguments: [37, 38] as [UInt64])
    func snapshotsKeptAheadAreCore(seed: UInt64) async throws {
        let (change, registry) = SyntheticRegistry(options: .init(seed: seed, grassroots: 12, members: 1_500, from: Day(iso: "2005-01-01")!,
                                                                  through: Day(iso: "2026-11-26")!)).change()
        let days = ["2012-03-31", "2019-12-31", "2026-09-30", "2026-06-30"].map { Day(iso: $0)! }
        let organizations = registry.tree.organizations.keys.sorted()
        func total(_ root: OrganizationID, _ day: Day) -> Int { registry.statistics(of: root, asOf: day).members.total }
        let heads = organizations.flatMap { root in days.map { total(root, $0) } }.filter { $0 > 0 }.sorted()
        for minimum in [1, heads[heads.count / 2]] {
            try await TestDatabases.each(snapshotMinimum: minimum) { store in
                try await store.write(change, tree: registry.tree, audit: Self.audit)
                let large = organizations.flatMap { root in days.filter { total(root, $0) >= minimum }.map { (root, $0) } }
                #expect(try await store.keepSnapshots(on: days) == large.count, "minimum \(minimum)")
                #expect(large.count > 20)
                let keys = try await store.sql.rows("SELECT organization_id, day FROM statistic_snapshot_keys", as: (Int, Int).self)
                #expect(Set(keys.map { "\($0.0) \($0.1)" }) == Set(large.map { "\($0.0.rawValue) \($0.1.yyyymmdd)" }))
                for (root, day) in large {
                    var members = MemberCounts()
                    for (marginal, n) in try await store.snapshotCounts(of: root, at: day, on: day) ?? [:] { members.add(n, marginal) }
                    #expect(members == registry.statistics(of: root, asOf: day).members, "minimum \(minimum): \(root) \(day.iso)")
                }
                // Asked again, nothing is missing: nothing is kept twice.
                #expect(try await store.keepSnapshots(on: days) == 0)
                let (from, to) = (Day(iso: "2026-07-01")!, Day(iso: "2026-09-30")!)
                for root in organizations.prefix(8) {
                    #expect(try await store.review(of: root, from: from, to: to) == registry.review(of: root, from: from, to: to), "\(root)")
                }
            }
        }
    }

    /// A server's keeper (`keepQuarterEnds(asOf:every:)`) keeps the two quarter ends of its day as it starts, keeps
    /// a day it had not when asked again (a quarter ended meanwhile), and returns once cancelled.
    @Test func theKeeperKeepsItsQuarterEndsUntilCancelled() async throws {
        let (change, registry) = SyntheticRegistry(options: .init(seed: 39, grassroots: 4, members: 300)).change()
        try await TestDatabases.each(snapshotMinimum: 1) { store in
            try await store.write(change, tree: registry.tree, audit: Self.audit)
            let today = NIOLockedValueBox(Day(iso: "2026-11-26")!)
            let keeping = Task { await store.keepQuarterEnds(asOf: { today.withLockedValue { $0 } }, every: .milliseconds(50)) }
            // The days kept, read as a page reads (SQLite's read connections, not the writer the keeper leases), until
            // there are `count` of them or a bound that only a stalled keeper reaches (the whole suite runs at once: a
            // test of this size took 5 to 10 minutes in CI).
            func kept(_ count: Int) async throws -> Set<Int> {
                let deadline = ContinuousClock.now + .seconds(1_800)
                var days: Set<Int> = []
                while days.count < count, ContinuousClock.now < deadline {
                    days = Set(try await store.reader.rows("SELECT DISTINCT day FROM statistic_snapshot_keys", as: Int.self))
                    try await Task.sleep(for: .milliseconds(50))
                }
                return days
            }
            #expect(try await kept(2) == [20260930, 20260630])
            today.withLockedValue { $0 = Day(iso: "2027-01-02")! }
            #expect(try await kept(3) == [20260930, 20260630, 20261231])
            keeping.cancel()
            await keeping.value
            let root = registry.tree.organizations.keys.min()!
            #expect(try await store.statistics(of: root, asOf: Day(iso: "2026-12-31")!) == registry.statistics(of: root, asOf: Day(iso: "2026-12-31")!))
        }
    }

    /// The quarter ends a server keeps ahead: the last one on or before the day, and the one before it.
    @Test(arguments: [("2026-12-01", "2026-09-30", "2026-06-30"), ("2026-09-30", "2026-09-30", "2026-06-30"),
                      ("2026-09-29", "2026-06-30", "2026-03-31"), ("2026-10-01", "2026-09-30", "2026-06-30"),
                      ("2026-03-31", "2026-03-31", "2025-12-31"), ("2026-01-01", "2025-12-31", "2025-09-30"),
                      ("2026-12-31", "2026-12-31", "2026-09-30"), ("2024-05-31", "2024-03-31", "2023-12-31")])
    func quarterEndsKeptAhead(day: String, last: String, before: String) {
        #expect(Store.quarterEnds(asOf: Day(iso: day)!) == [Day(iso: last)!, Day(iso: before)!])
    }

    @Test func smallSubtreesKeepNoSnapshot() async throws {
        let (change, registry) = SyntheticRegistry(options: .init(seed: 34, grassroots: 4, members: 300)).change()
        try await TestDatabases.each { store in
            try await store.write(change, tree: registry.tree, audit: Self.audit)
            let day = Day(iso: "2025-12-31")!
            #expect(try await store.statistics(of: OrganizationID(1), asOf: day) == registry.statistics(of: OrganizationID(1), asOf: day))
            let keys = try await store.sql.raw("SELECT COUNT(*) AS n FROM statistic_snapshot_keys").first()!.decode(column: "n", as: Int.self)
            #expect(keys == 0)
        }
    }

    @Test(arguments: ["2025-03-31", "2025-06-30", "2025-09-30", "2025-12-31", "2024-02-29"])
    func quarterEndsAreKeptWhateverElseIs(day: String) {
        #expect(Store.isQuarterEnd(Day(iso: day)!) == (day != "2024-02-29"))
        #expect(!Store.isQuarterEnd(Day(iso: day)!.previous))
        #expect(!Store.isQuarterEnd(Day(iso: day)!.next))
    }

    @Test func otherAgeBandsForgetEverySnapshot() async throws {
        let (change, registry) = SyntheticRegistry(options: .init(seed: 35, grassroots: 4, members: 300)).change()
        try await TestDatabases.each(snapshotMinimum: 1) { store in
            try await store.write(change, tree: registry.tree, audit: Self.audit)
            let day = Day(iso: "2025-12-31")!, root = OrganizationID(1)
            _ = try await store.statistics(of: root, asOf: day)
            func keys() async throws -> Int { try await store.sql.rows("SELECT COUNT(*) FROM statistic_snapshot_keys", as: Int.self)[0] }
            #expect(try await keys() == 1)
            // Bands stored by an earlier version of the rules.
            try await store.sql.raw("UPDATE statistic_bands SET label = '18-29' WHERE up_to = 30").run()
            try await store.migrate()
            #expect(try await keys() == 0)
            #expect(try await StatisticSnapshots.bandsAreCurrent(on: store.sql))
            #expect(try await store.statistics(of: root, asOf: day) == registry.statistics(of: root, asOf: day))
        }
    }
}
