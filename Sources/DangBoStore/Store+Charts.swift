import DangBoCore
import SQLKit

/// The charts' series (issue 9 point 3), each one statement, scoped to a subtree as the tree stood on each day: the
/// twins of `Registry.standingSeries`, `agePyramid` and `admissionSeries`.
extension Store {
    /// Official and probationary members of `root`'s subtree on each day of `StandingSeries.days(months:asOf:)`, in one
    /// statement for every month.
    ///
    /// Each of the subtree's periods that touch the window, cut to its cell's link to the root, covers the chart days
    /// from the first on or after its start to the last before its end: the statement groups the periods by those two
    /// positions (a few hundred groups), and the days are summed here.
    /// NB: joining the periods with the days instead fed one row per period and day (120,000 for a bloc of 5,000
    /// members) to the grouping: 80 ms, against a few for this. CROSS JOIN keeps SQLite's planner to the subtree's
    /// cells first; PostgreSQL plans alone.
    public func standingSeries(of root: OrganizationID, asOf day: Day, months: Int = OrganizationCharts.months) async throws -> StandingSeries {
        let days = StandingSeries.days(months: months, asOf: day)
        var points = days.map { StandingSeries.Point(day: $0) }
        guard let firstDay = days.first else { return StandingSeries(asOf: day, points: []) }
        let r = root.rawValue, first = firstDay.yyyymmdd, last = day.yyyymmdd
        /// The position of the first chart day on or after the day in `column` (`days.count` when none is).
        func position(_ column: String) -> String {
            "CASE " + days.enumerated().map { "WHEN \(column) <= \($1.yyyymmdd) THEN \($0)" }.joined(separator: " ")
                + " ELSE \(days.count) END"
        }
        let rows = try await reader.raw("""
            SELECT x.standing AS standing, \(unsafeRaw: position("x.starts")) AS s, \(unsafeRaw: position("x.ends")) AS e, COUNT(*) AS n
            FROM (
                SELECT p.standing AS standing,
                    CASE WHEN p.valid_from > a.valid_from THEN p.valid_from ELSE a.valid_from END AS starts,
                    CASE WHEN p.valid_to < a.valid_to THEN p.valid_to ELSE a.valid_to END AS ends
                FROM membership_periods p
                CROSS JOIN organization_ancestry a
                WHERE p.cell_id IN (SELECT c.descendant_id FROM organization_ancestry c WHERE c.ancestor_id = \(literal: r)
                        AND c.valid_from <= \(literal: last) AND c.valid_to > \(literal: first))
                  AND p.valid_from <= \(literal: last) AND p.valid_to > \(literal: first)
                  AND a.ancestor_id = \(literal: r) AND a.descendant_id = p.cell_id
                  AND a.valid_from <= \(literal: last) AND a.valid_to > \(literal: first)
                  AND a.valid_from < p.valid_to AND a.valid_to > p.valid_from
            ) x
            GROUP BY x.standing, s, e
            """).all()
        for row in rows {
            guard let standing = Standing(rawValue: try row.decode(column: "standing", as: String.self)) else {
                throw StoreError.unreadable("membership_periods.standing")
            }
            let from = try row.decode(column: "s", as: Int.self), to = try row.decode(column: "e", as: Int.self)
            let n = try row.decode(column: "n", as: Int.self)
            for at in from..<max(from, min(to, days.count)) {
                if standing == .official { points[at].official += n } else { points[at].probationary += n }
            }
        }
        return StandingSeries(asOf: day, points: points)
    }

    /// Members on the rolls of `root`'s subtree on `day` by gender and age in whole years (grouped in SQL, put into
    /// bands by Core's `AgeBand.pyramidIndex`, so the bands are written once).
    public func agePyramid(of root: OrganizationID, asOf day: Day) async throws -> AgePyramid {
        let d = day.yyyymmdd
        var pyramid = AgePyramid(asOf: day)
        for row in try await reader.raw("""
            SELECT m.gender AS gender, (\(literal: d) - m.birth_date) / 10000 AS age, COUNT(*) AS n
            FROM membership_periods p
            JOIN organization_ancestry a ON a.descendant_id = p.cell_id AND a.ancestor_id = \(literal: root.rawValue)
                AND a.valid_from <= \(literal: d) AND a.valid_to > \(literal: d)
            JOIN members m ON m.id = p.member_id
            WHERE p.valid_from <= \(literal: d) AND p.valid_to > \(literal: d)
            GROUP BY m.gender, age
            """).all() {
            guard let gender = Gender(rawValue: try row.decode(column: "gender", as: String.self)) else {
                throw StoreError.unreadable("members.gender")
            }
            pyramid.add(try row.decode(column: "n", as: Int.self), gender: gender, age: try row.decode(column: "age", as: Int.self))
        }
        return pyramid
    }

    /// Admissions and readmissions into `root`'s subtree in each of the `quarters` quarters up to `day`, counted as
    /// `review(of:from:to:)` counts `movements.admitted` and `movements.readmitted`: one statement for every quarter.
    ///
    /// NB: why this equals the review's inflow count without its boundary predicate: an admission or a readmission
    /// always opens a period (the member was off the rolls: `previous_cell_id` is NULL, so the step always comes from
    /// outside the scope), into a cell that exists on that day (`Journal` refuses any other, so the review's "cell
    /// dissolved that day" case cannot arise); the step enters the scope exactly when the cell lies under `root` on
    /// that day. `ChartTwinTests` holds this equal to the review, SQL and Core, on generated data.
    public func admissionSeries(of root: OrganizationID, asOf day: Day, quarters count: Int = OrganizationCharts.quarters) async throws -> AdmissionSeries {
        var quarters = AdmissionSeries.quarters(count, asOf: day)
        guard let first = quarters.first, let last = quarters.last else { return AdmissionSeries(asOf: day, quarters: []) }
        let f = first.from.yyyymmdd, t = last.to.yyyymmdd
        for row in try await reader.raw("""
            SELECT p.valid_from AS d, p.entry_kind AS kind, COUNT(*) AS n
            FROM organization_ancestry a
            JOIN membership_periods p ON p.cell_id = a.descendant_id AND p.valid_from >= a.valid_from AND p.valid_from < a.valid_to
            WHERE a.ancestor_id = \(literal: root.rawValue) AND a.valid_from <= \(literal: t) AND a.valid_to > \(literal: f)
              AND p.valid_from >= \(literal: f) AND p.valid_from <= \(literal: t)
              AND p.entry_kind IN (\(bind: EventKind.admitted.rawValue), \(bind: EventKind.readmitted.rawValue))
            GROUP BY p.valid_from, p.entry_kind
            """).all() {
            guard let entered = Day(yyyymmdd: try row.decode(column: "d", as: Int.self)),
                  let at = quarters.firstIndex(where: { $0.from <= entered && entered <= $0.to })
            else { throw StoreError.unreadable("membership_periods.valid_from") }
            let n = try row.decode(column: "n", as: Int.self)
            if try row.decode(column: "kind", as: String.self) == EventKind.admitted.rawValue {
                quarters[at].admitted += n
            } else {
                quarters[at].readmitted += n
            }
        }
        return AdmissionSeries(asOf: day, quarters: quarters)
    }

    /// The three charts of `root` on `day` with their default spans: three statements, side by side on the read
    /// connections.
    public func charts(of root: OrganizationID, asOf day: Day) async throws -> OrganizationCharts {
        async let standing = standingSeries(of: root, asOf: day)
        async let pyramid = agePyramid(of: root, asOf: day)
        async let admissions = admissionSeries(of: root, asOf: day)
        return OrganizationCharts(standing: try await standing, pyramid: try await pyramid, admissions: try await admissions)
    }
}
