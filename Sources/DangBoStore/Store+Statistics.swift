import DangBoCore
import Logging
import NIOConcurrencyHelpers
import SQLKit

extension Store {
    /// Statistics of `root` and its subtree as of `day`, computed in SQL: the twin of `Registry.statistics(of:asOf:)`.
    ///
    /// The member counts of a subtree of at least `snapshotMinimum` members come from its snapshot nearest `day`
    /// (M0026, `StatisticSnapshots`) when one lies within `StatisticSnapshots.reach`, and are kept as the snapshot of
    /// `day`.
    public func statistics(of root: OrganizationID, asOf day: Day) async throws -> Statistics {
        try await statistics(of: root, asOf: day, snapshots: true)
    }

    /// `snapshots: false` computes the member counts from the periods and keeps nothing (tests hold both ways equal
    /// to Core).
    func statistics(of root: OrganizationID, asOf day: Day, snapshots: Bool) async throws -> Statistics {
        // NB: one statement asks for the organizations by kind, the root's code and the member counts (a cell's
        // statistics waited for five round trips one after another; a snapshot's subtree asks a second for its
        // snapshot).
        let counted = try await countedFromPeriods(of: root, on: day, unlessNearSnapshot: snapshots, organizations: true)
        var members = MemberCounts()
        for (marginal, n) in try await memberCounts(of: root, on: day, from: counted, snapshots: snapshots) { members.add(n, marginal) }
        return Statistics(organization: counted.code, asOf: day, organizations: counted.organizations, members: members)
    }

    /// The members of `root`'s subtree on the rolls on `day`, counted by each of their attributes (no zero counts):
    /// from the snapshot nearest `day` within reach, or from the periods; kept as the snapshot of `day` when they
    /// number at least `snapshotMinimum` (`snapshots: false`: from the periods, nothing kept).
    func memberCounts(of root: OrganizationID, on day: Day, snapshots: Bool = true) async throws -> [MemberCounts.Marginal: Int] {
        let counted = try await countedFromPeriods(of: root, on: day, unlessNearSnapshot: snapshots, organizations: false)
        return try await memberCounts(of: root, on: day, from: counted, snapshots: snapshots)
    }

    /// The member counts of `memberCounts(of:on:snapshots:)` from what `countedFromPeriods` answered: its counts, or
    /// the snapshot it found near `day`; kept as the snapshot of `day` when they number at least `snapshotMinimum`.
    private func memberCounts(of root: OrganizationID, on day: Day, from counted: Counted, snapshots: Bool) async throws
        -> [MemberCounts.Marginal: Int] {
        var marginals = counted.marginals
        var from: Day?
        if let nearest = counted.nearest {
            if let counts = try await snapshotCounts(of: root, at: nearest, on: day) {
                marginals = counts.filter { $0.value != 0 }
                from = nearest
            } else {
                // NB: the snapshot was forgotten since (a load): from the periods after all.
                marginals = try await countedFromPeriods(of: root, on: day, unlessNearSnapshot: false, organizations: false).marginals
            }
        }
        let total = (marginals[.standing(.official)] ?? 0) + (marginals[.standing(.probationary)] ?? 0)
        if snapshots && from != day && total >= snapshotMinimum {
            await keepSnapshot(of: root, on: day, marginals, generation: counted.generation)
        }
        return marginals
    }

    /// The members of `root`'s subtree on the rolls on `day`, counted from the periods by each of their attributes.
    ///
    /// `unlessNearSnapshot`: in the same statement, the number of write transactions so far (`statistic_generation`)
    /// and the day of the snapshot of `root` nearest `day` within `StatisticSnapshots.reach` (the earlier of two as
    /// near); when there is one, the periods are not counted (`marginals` is empty) and the caller reads the snapshot.
    /// `organizations`: in the same statement too, the organizations of the subtree on `day` by kind, and the root's
    /// code.
    /// NB: one statement, one round trip, one state of the database: the generation is read with the counts, so a
    /// write that commits after them stops them being kept. On PostgreSQL a root that counted fewer than
    /// `snapshotMinimum` members before is asked through a prepared statement (`SmallScopeStatement`), planned once per
    /// connection: a cell's statistics spent more in PostgreSQL's planning than in its execution (issue 12's small
    /// questions against hand-written SQL); any other root is planned for itself.
    /// `direct`: only the periods of `root` itself as a cell, not its subtree's (`keepSnapshots(on:)` adds them to
    /// its children's).
    func countedFromPeriods(of root: OrganizationID, on day: Day, unlessNearSnapshot: Bool, organizations: Bool,
                            direct: Bool = false) async throws -> Counted {
        let r = root.rawValue, d = day.yyyymmdd
        let low = day.adding(days: -StatisticSnapshots.reach).yyyymmdd, high = day.adding(days: StatisticSnapshots.reach).yyyymmdd
        let rows: [CountedRow]
        if isPostgres && unlessNearSnapshot && !direct && smallScopes.withLockedValue({ $0.contains(r) }) {
            let binds = SmallScopeBinds(root: r, day: d, low: low, high: high)
            rows = organizations ? try await reader.preparedRows(SmallScopeStatistics(binds: binds))
                : try await reader.preparedRows(SmallScopeMemberCounts(binds: binds))
        } else {
            rows = try await reader.rows(SQLQueryString(Self.countsSQL(
                unlessNearSnapshot: unlessNearSnapshot, organizations: organizations,
                root: "\(r)", day: "\(d)", low: "\(low)", high: "\(high)", direct: direct)), as: CountedRow.self)
        }
        var counted = Counted()
        var days: [Day] = []
        for (part, standing, exempt, gender, band, ethnicity, religion, education, theory, occupation, n) in rows {
            switch part {
            case 1: counted.generation = n
            case 2: if let snapshot = Day(yyyymmdd: n) { days.append(snapshot) }
            case 3:
                guard let kind = OrganizationKind(rawValue: standing) else { throw StoreError.unreadable("organization_versions.kind") }
                for _ in 0..<n { counted.organizations.count(kind) }
            case 4: counted.code = standing
            default:
                guard let standing = Standing(rawValue: standing), let gender = Gender(rawValue: gender) else {
                    throw StoreError.unreadable("membership_periods.standing, members.gender")
                }
                for marginal in MemberCounts.marginals(
                    standing: standing, exempt: exempt, gender: gender, ageBand: band, ethnicity: ethnicity, religion: religion,
                    education: education, politicalTheory: theory, occupation: occupation) {
                    counted.marginals[marginal, default: 0] += n
                }
            }
        }
        counted.nearest = days.min { (abs($0.ordinal - day.ordinal), $0) < (abs($1.ordinal - day.ordinal), $1) }
        if isPostgres && unlessNearSnapshot && !direct {
            let total = (counted.marginals[.standing(.official)] ?? 0) + (counted.marginals[.standing(.probationary)] ?? 0)
            let small = counted.nearest == nil && total < snapshotMinimum
            smallScopes.withLockedValue { roots in
                guard small else { roots.remove(r); return }
                if roots.count >= Self.smallScopesKept { roots.removeAll() }
                roots.insert(r)
            }
        }
        return counted
    }

    /// PostgreSQL: how many small roots `smallScopes` remembers (all are forgotten when it is full).
    static let smallScopesKept = 65_536

    /// The rows of `countsSQL`: a part (0 the counts, 1 the generation, 2 a snapshot's day, 3 organizations of a kind,
    /// 4 the root's code), the period's and member's attributes of the counts (the kind or code in the second
    /// column), and a number.
    typealias CountedRow = (Int, String, Bool, String, String, String, String, String, String, String, Int)

    /// The statement of `countedFromPeriods`, with the root, the day and the days within reach of it given as SQL
    /// expressions (literals, or a prepared statement's parameters); `direct`: the periods of the root's own cell only.
    static func countsSQL(unlessNearSnapshot: Bool, organizations: Bool, root: String, day: String, low: String, high: String,
                          direct: Bool = false) -> String {
        let near = "statistic_snapshot_keys WHERE organization_id = \(root) AND day >= \(low) AND day <= \(high)"
        var query = ""
        if unlessNearSnapshot {
            query += """
                SELECT 1, '', FALSE, '', '', '', '', '', '', '', n FROM statistic_generation WHERE id = 1
                UNION ALL
                SELECT 2, '', FALSE, '', '', '', '', '', '', '', day FROM \(near)
                UNION ALL

                """
        }
        if organizations {
            query += """
                SELECT 3, v.kind, FALSE, '', '', '', '', '', '', '', COUNT(*)
                FROM organization_ancestry a
                JOIN organization_versions v ON v.organization_id = a.descendant_id AND v.valid_from <= \(day) AND v.valid_to > \(day)
                WHERE a.ancestor_id = \(root) AND a.valid_from <= \(day) AND a.valid_to > \(day)
                GROUP BY v.kind
                UNION ALL
                SELECT 4, code, FALSE, '', '', '', '', '', '', '', 0 FROM organizations WHERE id = \(root)
                UNION ALL

                """
        }
        let subtree = direct ? "" : """
            JOIN organization_ancestry a ON a.descendant_id = p.cell_id AND a.ancestor_id = \(root)
                AND a.valid_from <= \(day) AND a.valid_to > \(day)

            """
        return query + """
            SELECT 0, p.standing, p.exempt, m.gender, \(ageBandSQL(on: day)), m.ethnicity, m.religion, m.education,
                   m.political_theory, m.occupation, COUNT(*)
            FROM membership_periods p
            \(subtree)JOIN members m ON m.id = p.member_id
            WHERE \(direct ? "p.cell_id = \(root) AND " : "")p.valid_from <= \(day) AND p.valid_to > \(day)\(unlessNearSnapshot ? " AND NOT EXISTS (SELECT 1 FROM \(near))" : "")
            GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
            """
    }

    /// What `countedFromPeriods` answers.
    struct Counted {
        /// The member counts from the periods (none when a snapshot is near).
        var marginals: [MemberCounts.Marginal: Int] = [:]
        /// `statistic_generation` when the counts were read.
        var generation = 0
        /// The day of the snapshot nearest the day asked, within reach.
        var nearest: Day?
        /// The subtree's organizations by kind, and the root's code (when asked).
        var organizations = OrganizationCounts()
        var code = ""
    }

    /// Forgets every statistics snapshot (they come back as statistics are asked): what `dangbo bench` does first, so
    /// that its first questions cost what a first question costs.
    public func forgetStatisticSnapshots() async throws {
        try await writing { store in try await StatisticSnapshots.clear(on: store.sql) }
    }

    /// Whether a snapshot of `day` stays however many others are kept: the last day of a quarter (the reviews' days).
    static func isQuarterEnd(_ day: Day) -> Bool { day.isQuarterEnd }

    /// The member counts of `root` as of `day` from its snapshot of `snapshot`: the snapshot's counts, less the periods
    /// that may count differently on the two days as they counted on `snapshot`, plus the same as they count on `day`;
    /// nil when the snapshot is gone (a load forgot it).
    ///
    /// The periods that may count differently: those that begin or end between the two days, those of the cells whose
    /// ancestry under `root` begins or ends between them, and those of members whose age crosses a band's bound
    /// between them (born between the two days, a band's bound plus one years before: YYYYMMDD integers, as ages are
    /// counted). Any other period counts the same on both days, so it is in the snapshot as it counts on `day`.
    ///
    /// NB: one statement, so that the snapshot and the periods are read in one state of the database. CROSS JOIN keeps
    /// SQLite to the candidates first (it started from the subtree's cells: slower than the periods themselves); the
    /// band crossings read `members_by_birth_date`.
    func snapshotCounts(of root: OrganizationID, at snapshot: Day, on day: Day) async throws -> [MemberCounts.Marginal: Int]? {
        let r = root.rawValue, s = snapshot.yyyymmdd, d = day.yyyymmdd
        let low = min(s, d), high = max(s, d)
        let key = "EXISTS (SELECT 1 FROM statistic_snapshot_keys WHERE organization_id = \(r) AND day = \(s))"
        var query = """
            SELECT '', '', 0 FROM statistic_snapshot_keys WHERE organization_id = \(r) AND day = \(s)
            UNION ALL
            SELECT dimension, value, n FROM statistic_snapshots WHERE organization_id = \(r) AND day = \(s) AND n <> 0 AND \(key)
            """
        if s != d {
            let crossings = StatisticSnapshots.bands.filter { $0.upTo != StatisticSnapshots.openBand }.map { band in
                let shift = (band.upTo + 1) * 10_000
                return "(m.birth_date > \(low - shift) AND m.birth_date <= \(high - shift))"
            }.joined(separator: " OR ")
            query += """

                UNION ALL
                SELECT d.dimension, \(StatisticSnapshots.value(dimension: "d.dimension", period: "p", member: "m", day: "t.day")),
                    SUM(t.sign)
                FROM (
                    SELECT member_id, step FROM membership_periods WHERE valid_from > \(low) AND valid_from <= \(high)
                    UNION
                    SELECT member_id, step FROM membership_periods WHERE valid_to > \(low) AND valid_to <= \(high)
                    UNION
                    SELECT p.member_id, p.step FROM organization_ancestry a JOIN membership_periods p ON p.cell_id = a.descendant_id
                    WHERE a.ancestor_id = \(r) AND ((a.valid_from > \(low) AND a.valid_from <= \(high))
                        OR (a.valid_to > \(low) AND a.valid_to <= \(high)))
                    UNION
                    SELECT p.member_id, p.step FROM members m JOIN membership_periods p ON p.member_id = m.id WHERE \(crossings)
                ) x
                CROSS JOIN membership_periods p
                CROSS JOIN (SELECT \(s) AS day, -1 AS sign UNION ALL SELECT \(d), 1) t
                CROSS JOIN organization_ancestry a
                CROSS JOIN members m
                CROSS JOIN statistic_dimensions d
                WHERE p.member_id = x.member_id AND p.step = x.step AND p.valid_from <= t.day AND p.valid_to > t.day
                    AND a.ancestor_id = \(r) AND a.descendant_id = p.cell_id AND a.valid_from <= t.day AND a.valid_to > t.day
                    AND m.id = p.member_id AND \(key)
                GROUP BY d.dimension, 2
                """
        }
        let rows = try await reader.rows(SQLQueryString(query), as: (String, String, Int).self)
        guard !rows.isEmpty else { return nil }
        var marginals: [MemberCounts.Marginal: Int] = [:]
        for (dimension, value, n) in rows where !dimension.isEmpty {
            guard let dimension = StatisticSnapshots.Dimension(rawValue: dimension) else {
                throw StoreError.unreadable("statistic_snapshots (\(dimension))")
            }
            marginals[try dimension.marginal(value), default: 0] += n
        }
        return marginals
    }

    /// Keeps `marginals`, the member counts of `root` as of `day` read when `statistic_generation` was `generation`,
    /// as its snapshot (`keepSnapshots(_:on:generation:)`).
    func keepSnapshot(of root: OrganizationID, on day: Day, _ marginals: [MemberCounts.Marginal: Int], generation: Int) async {
        await keepSnapshots([(root, marginals)], on: day, generation: generation)
    }

    /// Keeps each of `counts`, the member counts of a root as of `day` read when `statistic_generation` was
    /// `generation`, as its snapshot, in one write transaction, if no write came since (the triggers keep a snapshot
    /// in step only from when it exists); a root whose snapshot of `day` another read kept first is left as it is. Of
    /// the days not a quarter's last, a subtree keeps the `StatisticSnapshots.otherDays` kept last. A read does not
    /// wait for a write: when the lock is taken, nothing is kept this time. Returns how many snapshots were kept.
    @discardableResult
    func keepSnapshots(_ counts: [(OrganizationID, [MemberCounts.Marginal: Int])], on day: Day, generation: Int) async -> Int {
        let d = day.yyyymmdd
        do {
            return try await writing(wait: .zero) { store in
                let sql = store.sql
                // NB: `writing` added one for this transaction.
                guard try await sql.rows("SELECT n FROM statistic_generation WHERE id = 1", as: Int.self).first == generation + 1
                else { return 0 }
                let ids: [Int] = try await sql.rows(
                    "SELECT organization_id FROM statistic_snapshot_keys WHERE day = \(literal: d)", as: Int.self)
                let present = Set(ids)
                let fresh = counts.filter { !present.contains($0.0.rawValue) }
                guard !fresh.isEmpty else { return 0 }
                // NB: a few statements whatever the number of subtrees (the nation's quarter ends keep hundreds): the
                // write lock, and SQLite's one writing connection, are held for as short a time as can be.
                try await Self.insert(
                    into: "statistic_snapshot_keys", columns: ["organization_id", "day", "kept"],
                    rows: fresh.map { [.int($0.0.rawValue), .int(d), .int(generation + 1)] }, on: sql)
                try await Self.insert(
                    into: "statistic_snapshots", columns: ["organization_id", "day", "dimension", "value", "n"],
                    rows: fresh.flatMap { root, marginals in
                        marginals.map { (StatisticSnapshots.Dimension.stored($0.key), $0.value) }
                            .sorted { ($0.0.0.rawValue, $0.0.1) < ($1.0.0.rawValue, $1.0.1) }
                            .map { [.int(root.rawValue), .int(d), .text($0.0.0.rawValue), .text($0.0.1), .int($0.1)] }
                    },
                    on: sql)
                // Of the days not a quarter's last, each subtree keeps the `otherDays` kept last (a quarter end kept
                // adds none of them).
                if !Self.isQuarterEnd(day) {
                    let roots = fresh.map { String($0.0.rawValue) }.joined(separator: ",")
                    let keys = try await sql.rows("""
                        SELECT organization_id, day FROM statistic_snapshot_keys WHERE organization_id IN (\(unsafeRaw: roots))
                        ORDER BY organization_id, kept DESC, day DESC
                        """, as: (Int, Int).self)
                    var seen: [Int: Int] = [:]
                    var old: [String] = []
                    for (root, day) in keys where Day(yyyymmdd: day).map({ !Self.isQuarterEnd($0) }) ?? true {
                        seen[root, default: 0] += 1
                        if seen[root]! > StatisticSnapshots.otherDays { old.append("(organization_id = \(root) AND day = \(day))") }
                    }
                    if !old.isEmpty {
                        let which = old.joined(separator: " OR ")
                        try await sql.raw("DELETE FROM statistic_snapshot_keys WHERE \(unsafeRaw: which)").run()
                        try await sql.raw("DELETE FROM statistic_snapshots WHERE \(unsafeRaw: which)").run()
                    }
                }
                return fresh.count
            }
        } catch {
            logger.notice("statistics.snapshot.skipped", metadata: ["reason": "\(String(reflecting: type(of: error)))"])
            return 0
        }
    }

    /// The raw-SQL limit of `statistics(of:asOf:)` for benchmarks: the same grouped question by hand, rows fetched and
    /// counted but not mapped. Returns the number of groups.
    @discardableResult
    public func statisticsBaseline(of root: OrganizationID, asOf day: Day) async throws -> Int {
        let d = day.yyyymmdd
        return try await reader.raw("""
            SELECT p.standing, p.exempt, m.gender, (\(literal: d) - m.birth_date) / 10000 AS age, m.ethnicity, m.religion,
                   m.education, m.political_theory, m.occupation, COUNT(*) AS n
            FROM membership_periods p
            JOIN organization_ancestry a ON a.descendant_id = p.cell_id AND a.ancestor_id = \(literal: root.rawValue)
                AND a.valid_from <= \(literal: d) AND a.valid_to > \(literal: d)
            JOIN members m ON m.id = p.member_id
            WHERE p.valid_from <= \(literal: d) AND p.valid_to > \(literal: d)
            GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
            """).all().count
    }

    /// Đảng số of the subtree as of `day`.
    public func headCount(of root: OrganizationID, asOf day: Day) async throws -> Int {
        let d = day.yyyymmdd
        return try await reader.rows("""
            SELECT COUNT(*) FROM membership_periods p
            JOIN organization_ancestry a ON a.descendant_id = p.cell_id AND a.ancestor_id = \(literal: root.rawValue)
                AND a.valid_from <= \(literal: d) AND a.valid_to > \(literal: d)
            WHERE p.valid_from <= \(literal: d) AND p.valid_to > \(literal: d)
            """, as: Int.self).first ?? 0
    }

    /// Đảng số of every cell with members on `day` (benchmarks pick their busiest scopes from it).
    public func headCountsByCell(asOf day: Day) async throws -> [OrganizationID: Int] {
        let d = day.yyyymmdd
        var counts: [OrganizationID: Int] = [:]
        for (cell, n) in try await reader.rows("""
            SELECT p.cell_id, COUNT(*) FROM membership_periods p
            WHERE p.valid_from <= \(literal: d) AND p.valid_to > \(literal: d) GROUP BY p.cell_id
            """, as: (Int, Int).self) {
            counts[OrganizationID(cell)] = n
        }
        return counts
    }

    /// The age band as a SQL CASE on YYYYMMDD integers, built from Core's table of bands so the two cannot drift.
    static func ageBandSQL(on day: String) -> String {
        let age = "((\(day) - m.birth_date) / 10000)"
        var text = "CASE"
        for band in AgeBand.bands {
            if let upTo = band.upTo { text += " WHEN \(age) <= \(upTo) THEN '\(band.label)'" }
            else { text += " ELSE '\(band.label)'" }
        }
        return text + " END"
    }
}
