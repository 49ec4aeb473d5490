import DangBoCore
import Foundation
import SQLKit

/// Statistics snapshots (M0026): the member counts of a large subtree as of a day, one count per attribute value
/// (`MemberCounts.Marginal`), kept in step with every write by triggers, so that a province's or the nation's statistics
/// are read, not computed from millions of periods (issue 12 point 1). Any other day within `reach` of a snapshot is the
/// snapshot plus the few periods that differ between the two days (`Store.statistics(of:asOf:)`).
///
/// - `statistic_snapshot_keys (organization_id, day, kept)`: the snapshots that exist, and the generation they were kept
///   at. A key is written by statistics that count at least `Store.snapshotMinimum` members, with its counts, inside a
///   write transaction that no other write came before since those counts were read (`statistic_generation`). Keys at
///   a quarter's last day stay; of the other days, a subtree keeps the `otherDays` kept last.
/// - `statistic_snapshots (organization_id, day, dimension, value, n)`: the counts; `n` may fall to 0 (a value no
///   member has any more), which a reader skips.
/// - `statistic_dimensions`: the attributes counted, one row each (the triggers join it to write one count per
///   attribute).
/// - `statistic_bands (up_to, label)`: Core's age bands (`AgeBand.bands`; the open band up to `openBand`), which the
///   triggers read; `Store.open` replaces them, and forgets every snapshot, when Core's differ.
/// - `statistic_generation`: one row whose `n` every write transaction adds one to (`Store.writing`).
///
/// The triggers: a period added or removed adds or takes away its member at each snapshot day it covers, for each
/// snapshot organization above its cell that day; an ancestry row added or removed does the same for the periods of
/// its descendant on the snapshot days of its ancestor it covers; a member's attributes changed move its counts. A
/// count is the product of "the period covers the day" and "the ancestry row covers the day", so the order in which a
/// write adds periods and ancestry does not matter.
///
/// NB: these are derived rows, a cache that is never backed up or exported (`TableCopy.isDerived`); a restore forgets
/// them, and a first import into an empty registry drops the triggers while it loads (`suspend`, `resume`).
enum StatisticSnapshots {
    /// The attributes counted, as stored in `statistic_snapshots.dimension`.
    enum Dimension: String, CaseIterable {
        case standing, exempt, gender
        case ageBand = "age_band"
        case ethnicity, religion, education
        case politicalTheory = "political_theory"
        case occupation

        /// This attribute of the period `period` of the member `member` on the day `day` (SQL expressions), as
        /// stored text.
        func value(period: String, member: String, day: String) -> String {
            switch self {
            case .standing: "\(period).standing"
            case .exempt: "CASE WHEN \(period).exempt THEN '1' ELSE '0' END"
            case .gender: "\(member).gender"
            case .ageBand: StatisticSnapshots.ageBand(member: member, day: day)
            case .ethnicity: "\(member).ethnicity"
            case .religion: "\(member).religion"
            case .education: "\(member).education"
            case .politicalTheory: "\(member).political_theory"
            case .occupation: "\(member).occupation"
            }
        }

        /// The stored form of a count's attribute.
        static func stored(_ marginal: MemberCounts.Marginal) -> (Dimension, String) {
            switch marginal {
            case .standing(let standing): (.standing, standing.rawValue)
            case .exempt(let exempt): (.exempt, exempt ? "1" : "0")
            case .gender(let gender): (.gender, gender.rawValue)
            case .ageBand(let band): (.ageBand, band)
            case .ethnicity(let value): (.ethnicity, value)
            case .religion(let value): (.religion, value)
            case .education(let value): (.education, value)
            case .politicalTheory(let value): (.politicalTheory, value)
            case .occupation(let value): (.occupation, value)
            }
        }

        /// A stored count's attribute as Core counts it.
        func marginal(_ value: String) throws -> MemberCounts.Marginal {
            let unreadable = StoreError.unreadable("statistic_snapshots (\(rawValue))")
            switch self {
            case .standing: guard let standing = Standing(rawValue: value) else { throw unreadable }; return .standing(standing)
            case .exempt: return .exempt(value == "1")
            case .gender: guard let gender = Gender(rawValue: value) else { throw unreadable }; return .gender(gender)
            case .ageBand: return .ageBand(value)
            case .ethnicity: return .ethnicity(value)
            case .religion: return .religion(value)
            case .education: return .education(value)
            case .politicalTheory: return .politicalTheory(value)
            case .occupation: return .occupation(value)
            }
        }
    }

    /// The tables, in the order they are created.
    static let tables = ["statistic_snapshot_keys", "statistic_snapshots", "statistic_dimensions", "statistic_bands",
                         "statistic_generation"]

    /// How far from a snapshot's day another day is computed from it (the periods that differ are then about a
    /// fortieth of the subtree's at most); farther, from the periods.
    static let reach = 46

    /// Snapshots kept per subtree at days that are not a quarter's last (yesterday's and today's, for the dashboard).
    static let otherDays = 4

    /// The `up_to` of the open band.
    static let openBand = 9_999

    /// Core's age bands as `statistic_bands` holds them.
    static var bands: [(upTo: Int, label: String)] { AgeBand.bands.map { ($0.upTo ?? openBand, $0.label) } }

    /// The age band of `member` (SQL alias) on `day` (SQL expression), from `statistic_bands`.
    static func ageBand(member: String, day: String) -> String {
        """
        (SELECT b.label FROM statistic_bands b WHERE b.up_to >= (\(day) - \(member).birth_date) / 10000 ORDER BY b.up_to LIMIT 1)
        """
    }

    /// The value of `dimension` (a column of `statistic_dimensions`) for the period `period` of the member `member` on
    /// the day `day` (SQL expressions), as stored text.
    static func value(dimension: String, period: String, member: String, day: String) -> String {
        "CASE \(dimension)" + Dimension.allCases.map { " WHEN '\($0.rawValue)' THEN \($0.value(period: period, member: member, day: day))" }
            .joined() + " END"
    }

    private static let upsert = """
        ON CONFLICT (organization_id, day, dimension, value) DO UPDATE SET n = statistic_snapshots.n + excluded.n
        """

    /// Adds (`sign` 1) or takes away (-1) the period `p` (NEW or OLD) at the snapshots it lies in.
    private static func period(_ p: String, sign: Int) -> String {
        """
        INSERT INTO statistic_snapshots (organization_id, day, dimension, value, n)
        SELECT k.organization_id, k.day, d.dimension, \(value(dimension: "d.dimension", period: p, member: "m", day: "k.day")), \(sign)
        FROM statistic_snapshot_keys k
        JOIN organization_ancestry a ON a.ancestor_id = k.organization_id AND a.descendant_id = \(p).cell_id
            AND a.valid_from <= k.day AND a.valid_to > k.day
        JOIN members m ON m.id = \(p).member_id
        CROSS JOIN statistic_dimensions d
        WHERE k.day >= \(p).valid_from AND k.day < \(p).valid_to
        \(upsert);
        """
    }

    /// Adds or takes away the periods of the descendant of the ancestry row `a` (NEW or OLD) at its ancestor's snapshots.
    private static func ancestry(_ a: String, sign: Int) -> String {
        """
        INSERT INTO statistic_snapshots (organization_id, day, dimension, value, n)
        SELECT k.organization_id, k.day, d.dimension, \(value(dimension: "d.dimension", period: "p", member: "m", day: "k.day")),
            \(sign) * COUNT(*)
        FROM statistic_snapshot_keys k
        JOIN membership_periods p ON p.cell_id = \(a).descendant_id AND p.valid_from <= k.day AND p.valid_to > k.day
        JOIN members m ON m.id = p.member_id
        CROSS JOIN statistic_dimensions d
        WHERE k.organization_id = \(a).ancestor_id AND k.day >= \(a).valid_from AND k.day < \(a).valid_to
        GROUP BY k.organization_id, k.day, d.dimension, 4
        \(upsert);
        """
    }

    /// Adds or takes away the member `m` (NEW or OLD) with its attributes at every snapshot one of its periods lies in.
    private static func member(_ m: String, sign: Int) -> String {
        """
        INSERT INTO statistic_snapshots (organization_id, day, dimension, value, n)
        SELECT k.organization_id, k.day, d.dimension, \(value(dimension: "d.dimension", period: "p", member: m, day: "k.day")),
            \(sign) * COUNT(*)
        FROM membership_periods p
        JOIN statistic_snapshot_keys k ON k.day >= p.valid_from AND k.day < p.valid_to
        JOIN organization_ancestry a ON a.ancestor_id = k.organization_id AND a.descendant_id = p.cell_id
            AND a.valid_from <= k.day AND a.valid_to > k.day
        CROSS JOIN statistic_dimensions d
        WHERE p.member_id = \(m).id
        GROUP BY k.organization_id, k.day, d.dimension, 4
        \(upsert);
        """
    }

    /// The member columns the counts read.
    private static let memberColumns = "gender, birth_date, ethnicity, religion, education, political_theory, occupation"

    /// The statements that create the triggers.
    static func createTriggers(postgres: Bool) -> [String] {
        let periodGuard = "EXISTS (SELECT 1 FROM statistic_snapshot_keys k WHERE k.day >= %@.valid_from AND k.day < %@.valid_to)"
        let ancestryGuard = """
            EXISTS (SELECT 1 FROM statistic_snapshot_keys k WHERE k.organization_id = %@.ancestor_id
                AND k.day >= %@.valid_from AND k.day < %@.valid_to)
            """
        let anyKey = "EXISTS (SELECT 1 FROM statistic_snapshot_keys)"
        func guarded(_ condition: String, _ row: String) -> String { condition.replacingOccurrences(of: "%@", with: row) }
        guard postgres else {
            return [
                """
                CREATE TRIGGER statistic_snapshots_period_insert AFTER INSERT ON membership_periods
                WHEN \(guarded(periodGuard, "new")) BEGIN \(period("new", sign: 1)) END
                """,
                """
                CREATE TRIGGER statistic_snapshots_period_delete AFTER DELETE ON membership_periods
                WHEN \(guarded(periodGuard, "old")) BEGIN \(period("old", sign: -1)) END
                """,
                """
                CREATE TRIGGER statistic_snapshots_ancestry_insert AFTER INSERT ON organization_ancestry
                WHEN \(guarded(ancestryGuard, "new")) BEGIN \(ancestry("new", sign: 1)) END
                """,
                """
                CREATE TRIGGER statistic_snapshots_ancestry_delete AFTER DELETE ON organization_ancestry
                WHEN \(guarded(ancestryGuard, "old")) BEGIN \(ancestry("old", sign: -1)) END
                """,
                """
                CREATE TRIGGER statistic_snapshots_member_update AFTER UPDATE OF \(memberColumns) ON members
                WHEN \(anyKey) BEGIN \(member("old", sign: -1)) \(member("new", sign: 1)) END
                """,
            ]
        }
        // NB: PostgreSQL's trigger conditions cannot hold a subquery: the functions test it first.
        /// The function of a trigger on inserts and deletes: `count` of the new row (+1) or the old one (-1), when
        /// `condition` holds of it.
        func insertOrDelete(_ name: String, when condition: String, _ count: (String, Int) -> String) -> String {
            """
            CREATE FUNCTION \(name)() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
                IF TG_OP = 'INSERT' THEN
                    IF \(guarded(condition, "new")) THEN \(count("new", 1)) END IF;
                ELSIF \(guarded(condition, "old")) THEN \(count("old", -1))
                END IF;
                RETURN NULL;
            END $$
            """
        }
        return [
            insertOrDelete("statistic_snapshots_period", when: periodGuard) { period($0, sign: $1) },
            insertOrDelete("statistic_snapshots_ancestry", when: ancestryGuard) { ancestry($0, sign: $1) },
            """
            CREATE FUNCTION statistic_snapshots_member() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
                IF \(anyKey) THEN \(member("old", sign: -1)) \(member("new", sign: 1)) END IF;
                RETURN NULL;
            END $$
            """,
            """
            CREATE TRIGGER statistic_snapshots_period AFTER INSERT OR DELETE ON membership_periods
            FOR EACH ROW EXECUTE FUNCTION statistic_snapshots_period()
            """,
            """
            CREATE TRIGGER statistic_snapshots_ancestry AFTER INSERT OR DELETE ON organization_ancestry
            FOR EACH ROW EXECUTE FUNCTION statistic_snapshots_ancestry()
            """,
            """
            CREATE TRIGGER statistic_snapshots_member AFTER UPDATE OF \(memberColumns) ON members
            FOR EACH ROW EXECUTE FUNCTION statistic_snapshots_member()
            """,
        ]
    }

    /// The statements that drop the triggers (and their functions on PostgreSQL).
    static func dropTriggers(postgres: Bool) -> [String] {
        postgres
            ? ["DROP TRIGGER IF EXISTS statistic_snapshots_period ON membership_periods",
               "DROP TRIGGER IF EXISTS statistic_snapshots_ancestry ON organization_ancestry",
               "DROP TRIGGER IF EXISTS statistic_snapshots_member ON members",
               "DROP FUNCTION IF EXISTS statistic_snapshots_period()", "DROP FUNCTION IF EXISTS statistic_snapshots_ancestry()",
               "DROP FUNCTION IF EXISTS statistic_snapshots_member()"]
            : ["statistic_snapshots_period_insert", "statistic_snapshots_period_delete", "statistic_snapshots_ancestry_insert",
               "statistic_snapshots_ancestry_delete", "statistic_snapshots_member_update"].map { "DROP TRIGGER IF EXISTS \($0)" }
    }

    /// Before a bulk load: forgets every snapshot and drops the triggers, so that rows go in at full speed; `resume`
    /// creates the triggers again before the load's transaction ends. Snapshots come back as statistics are asked.
    static func suspend(on sql: any SQLDatabase) async throws {
        try await clear(on: sql)
        for statement in dropTriggers(postgres: sql.dialect.name == "postgresql") {
            try await sql.raw(SQLQueryString(statement)).run()
        }
    }

    static func resume(on sql: any SQLDatabase) async throws {
        for statement in createTriggers(postgres: sql.dialect.name == "postgresql") {
            try await sql.raw(SQLQueryString(statement)).run()
        }
    }

    /// Writes Core's age bands into `statistic_bands`, which must be empty.
    static func writeBands(on sql: any SQLDatabase) async throws {
        for band in bands {
            try await sql.raw("INSERT INTO statistic_bands (up_to, label) VALUES (\(literal: band.upTo), \(bind: band.label))").run()
        }
    }

    /// Whether `statistic_bands` holds Core's age bands.
    static func bandsAreCurrent(on sql: any SQLDatabase) async throws -> Bool {
        let stored = try await sql.rows("SELECT up_to, label FROM statistic_bands ORDER BY up_to", as: (Int, String).self)
        return stored.map { "\($0.0) \($0.1)" } == bands.sorted { $0.upTo < $1.upTo }.map { "\($0.upTo) \($0.label)" }
    }

    /// Replaces the stored age bands with Core's and forgets every snapshot, counted by the bands before.
    static func replaceBands(on sql: any SQLDatabase) async throws {
        try await clear(on: sql)
        try await sql.raw("DELETE FROM statistic_bands").run()
        try await writeBands(on: sql)
    }

    /// Forgets every snapshot (with no key left, the triggers do nothing).
    static func clear(on sql: any SQLDatabase) async throws {
        try await sql.raw("DELETE FROM statistic_snapshot_keys").run()
        try await sql.raw("DELETE FROM statistic_snapshots").run()
    }
}
