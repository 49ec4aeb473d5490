import DangBoCore

/// The SQL behind every figure of one review (a root over an inclusive period): each selection yields one row per
/// record it counts. `Store.review` counts its rows (`SELECT COUNT(*) FROM (selection) x`, or grouped); and
/// `Store.reviewRecords` lists them: one text for both, so that a figure and the list behind it cannot drift.
///
/// Every selection has the columns `member_id, day, cell_id, kind, organization_id, organization_kind, case_ref,
/// decision` (NULL where they mean nothing), and those its figures group by. The texts hold only integers and names
/// we wrote.
struct ReviewSelections {
    let r: Int, f: Int, t: Int
    /// The flows (`entries`, `outflows`) start from the subtree's cells (a small subtree) or from the period's rows of
    /// the nation.
    let subtreeFirst: Bool
    /// SQLite's index for `entries` from the nation's boundaries, as `INDEXED BY …` (empty: the planner's choice).
    /// NB: all kinds of entries are counted, and `membership_periods_by_start` holds every column they read; SQLite's
    /// planner skip-scanned `membership_periods_by_entry_day` instead (a range per kind, then the table for each row),
    /// even with exact statistics: the nation's quarter 1.2 s of CPU against 0.4–0.8 s. The listing of one kind
    /// (`recognized`) keeps the planner's choice, which that index serves.
    var entriesIndex = ""

    init(root: OrganizationID, from: Day, to: Day, subtreeFirst: Bool) {
        (r, f, t) = (root.rawValue, from.yyyymmdd, to.yyyymmdd)
        self.subtreeFirst = subtreeFirst
    }

    static let nullID = "CAST(NULL AS BIGINT)", nullText = "CAST(NULL AS TEXT)"

    /// The common columns of a selection.
    static func columns(member: String = nullID, day: String, cell: String = nullID, kind: String = nullText,
                        organization: String = nullID, organizationKind: String = nullText, caseReference: String = nullText,
                        decision: String = nullText) -> String {
        """
        \(member) AS member_id, \(day) AS day, \(cell) AS cell_id, \(kind) AS kind, \(organization) AS organization_id,
            \(organizationKind) AS organization_kind, \(caseReference) AS case_ref, \(decision) AS decision
        """
    }

    // MARK: Stocks

    /// Members on the rolls of the subtree on `day` (YYYYMMDD), each with the period they stand in: `members.total`
    /// grouped by `standing` and `exempt` (`MemberCounts.add`), and `atStart` on the day before the period.
    func stock(on day: Int) -> String {
        """
        SELECT \(Self.columns(member: "p.member_id", day: "p.valid_from", cell: "p.cell_id", kind: "p.entry_kind")),
            p.standing AS standing, p.exempt AS exempt
        FROM membership_periods p
        JOIN organization_ancestry a ON a.descendant_id = p.cell_id AND a.ancestor_id = \(r)
            AND a.valid_from <= \(day) AND a.valid_to > \(day)
        WHERE p.valid_from <= \(day) AND p.valid_to > \(day)
        """
    }

    /// The organizations of the subtree on `to`, the root included, with the kind of their version that day
    /// (`organizations.byKind`, `grassroots`).
    var organizations: String {
        """
        SELECT \(Self.columns(day: "v.valid_from", organization: "a.descendant_id", organizationKind: "v.kind"))
        FROM organization_ancestry a
        JOIN organization_versions v ON v.organization_id = a.descendant_id AND v.valid_from <= \(t) AND v.valid_to > \(t)
        WHERE a.ancestor_id = \(r) AND a.valid_from <= \(t) AND a.valid_to > \(t)
        """
    }

    static let grassrootsKinds = OrganizationKind.allCases.filter(\.isGrassroots)

    static func sqlList(_ values: [String]) -> String { values.map { "'\($0)'" }.joined(separator: ", ") }

    /// Grassroots organizations established in the period under the root.
    var established: String {
        """
        SELECT \(Self.columns(day: "o.established_on", organization: "o.id", organizationKind: "v.kind"))
        FROM organizations o
        JOIN organization_versions v ON v.organization_id = o.id AND v.valid_from = o.established_on
        JOIN organization_ancestry a ON a.descendant_id = o.id AND a.ancestor_id = \(r)
            AND a.valid_from <= o.established_on AND a.valid_to > o.established_on
        WHERE o.established_on >= \(f) AND o.established_on <= \(t)
            AND v.kind IN (\(Self.sqlList(Self.grassrootsKinds.map(\.rawValue))))
        """
    }

    /// Grassroots organizations dissolved in the period, under the root the day before.
    var dissolved: String {
        """
        SELECT \(Self.columns(day: "o.dissolved_on", organization: "o.id", organizationKind: "v.kind"))
        FROM organizations o
        JOIN organization_versions v ON v.organization_id = o.id AND v.valid_to = o.dissolved_on
        JOIN organization_ancestry a ON a.descendant_id = o.id AND a.ancestor_id = \(r)
            AND a.valid_from < o.dissolved_on AND a.valid_to >= o.dissolved_on
        WHERE o.dissolved_on >= \(f) AND o.dissolved_on <= \(t)
            AND v.kind IN (\(Self.sqlList(Self.grassrootsKinds.map(\.rawValue))))
        """
    }

    // MARK: Movements

    // The day's steps, one period boundary each (a journal ends its period at every change of cell, standing or
    // exemption, even inside one day), the tree changed first (`Registry.review` says how): a boundary crosses the
    // scope when the cell on one side is in it during that day and the cell on the other is not.
    // NB: "in it during D" is `valid_from <= D AND valid_to > D` on whole days, or, for a cell dissolved on D, in it
    // the day before (`valid_to = D`).
    func during(_ ancestry: String, _ cell: String, _ day: String) -> String {
        """
        \(ancestry).ancestor_id = \(r) AND \(ancestry).descendant_id = \(cell) AND \(ancestry).valid_from <= \(day)
            AND (\(ancestry).valid_to > \(day) OR (\(ancestry).valid_to = \(day)
                AND EXISTS (SELECT 1 FROM organizations o WHERE o.id = \(cell) AND o.dissolved_on = \(day))))
        """
    }

    /// The periods opened in the period whose cell is in the scope during their first day, with `inside`: 1 when the
    /// cell the step came from was in the scope that day too (a move inside it, or a step in the same cell), else 0
    /// (a step into the scope, or into the party). The inflows, the moves inside and the recognitions are its rows:
    /// the review reads the period's boundaries once for the three.
    /// NB: a small subtree starts from its cells' periods (`membership_periods_by_cell_day`), a large one from the
    /// period's boundaries across the nation (`membership_periods_by_start`, which holds the columns counted), fewer
    /// than the cells of the nation. CROSS JOIN keeps SQLite's planner to the first order (its statistics cannot tell
    /// a cell from the nation); PostgreSQL plans alone. A step in the same cell is inside without a probe.
    var entries: String {
        let columns = Self.columns(member: "p.member_id", day: "p.valid_from", cell: "p.cell_id", kind: "p.entry_kind")
        let inside = """
            CASE WHEN p.previous_cell_id = p.cell_id
                OR EXISTS (SELECT 1 FROM organization_ancestry b WHERE \(during("b", "p.previous_cell_id", "p.valid_from")))
                THEN 1 ELSE 0 END AS inside
            """
        let opened = "p.valid_from >= \(f) AND p.valid_from <= \(t)"
        return subtreeFirst ? """
            SELECT \(columns), \(inside)
            FROM organization_ancestry a CROSS JOIN membership_periods p
            WHERE a.ancestor_id = \(r) AND a.valid_from <= \(t) AND a.valid_to >= \(f) AND p.cell_id = a.descendant_id AND \(opened)
              AND \(during("a", "p.cell_id", "p.valid_from"))
            """ : """
            SELECT \(columns), \(inside)
            FROM membership_periods p \(entriesIndex)
            WHERE \(opened) AND EXISTS (SELECT 1 FROM organization_ancestry a WHERE \(during("a", "p.cell_id", "p.valid_from")))
            """
    }

    /// Steps into the scope, `kind` the event that opened the period (`Movements.countIn`).
    var inflows: String { "SELECT * FROM (\(entries)) e WHERE e.inside = 0" }

    /// Steps out of the scope, `kind` the event that closed the period (`Movements.countOut`), the cell left.
    /// NB: from the subtree's cells (`membership_periods_by_cell_end`, M0030) or from the period's boundaries across
    /// the nation (`membership_periods_by_end`), as `entries`; a step in the same cell never leaves the scope.
    var outflows: String {
        let columns = Self.columns(member: "p.member_id", day: "p.valid_to", cell: "p.cell_id", kind: "p.exit_kind")
        let closed = "p.valid_to >= \(f) AND p.valid_to <= \(t) AND (p.next_cell_id IS NULL OR p.next_cell_id <> p.cell_id)"
        let left = "NOT EXISTS (SELECT 1 FROM organization_ancestry b WHERE \(during("b", "p.next_cell_id", "p.valid_to")))"
        return subtreeFirst ? """
            SELECT \(columns)
            FROM organization_ancestry a CROSS JOIN membership_periods p
            WHERE a.ancestor_id = \(r) AND a.valid_from <= \(t) AND a.valid_to >= \(f) AND p.cell_id = a.descendant_id AND \(closed)
              AND \(during("a", "p.cell_id", "p.valid_to")) AND \(left)
            """ : """
            SELECT \(columns)
            FROM membership_periods p
            WHERE \(closed) AND EXISTS (SELECT 1 FROM organization_ancestry a WHERE \(during("a", "p.cell_id", "p.valid_to")))
              AND \(left)
            """
    }

    /// Moves between two cells both in the scope.
    var movedInternally: String { "SELECT * FROM (\(entries)) e WHERE e.inside = 1 AND e.kind = '\(EventKind.moved.rawValue)'" }

    /// Recognitions: a recognition always opens a period (the standing changes), counted where the member stood at
    /// that step.
    var recognized: String { "SELECT * FROM (\(entries)) e WHERE e.kind = '\(EventKind.recognizedOfficial.rawValue)'" }

    // Members whose cell crossed the boundary by a change of the tree: at the start of the day, whatever their events
    // of that day (a cell moved, or changing kind or depth, inside the scope has no new link to the root, so it
    // crosses nothing); and at its end, members still in a cell dissolved that day.

    /// Members carried into the scope by their cell (`reorganizedIn`, with the inflows a change of the tree took).
    var reorganizedInByTree: String {
        """
        SELECT \(Self.columns(member: "p.member_id", day: "a.valid_from", cell: "p.cell_id"))
        FROM organization_ancestry a
        JOIN membership_periods p ON p.cell_id = a.descendant_id AND p.valid_from < a.valid_from AND p.valid_to >= a.valid_from
        WHERE a.ancestor_id = \(r) AND a.valid_from >= \(f) AND a.valid_from <= \(t)
          AND NOT EXISTS (SELECT 1 FROM organization_ancestry b WHERE b.ancestor_id = \(r)
              AND b.descendant_id = a.descendant_id AND b.valid_to = a.valid_from)
        """
    }

    /// Members carried out of the scope by their cell (`reorganizedOut`, with the outflows a change of the tree took).
    var reorganizedOutByTree: String {
        """
        SELECT \(Self.columns(member: "p.member_id", day: "a.valid_to", cell: "p.cell_id"))
        FROM organization_ancestry a
        JOIN organizations o ON o.id = a.descendant_id
        JOIN membership_periods p ON p.cell_id = a.descendant_id AND p.valid_from < a.valid_to AND p.valid_to >= a.valid_to
        WHERE a.ancestor_id = \(r) AND a.valid_to >= \(f) AND a.valid_to <= \(t)
          AND NOT EXISTS (SELECT 1 FROM organization_ancestry b WHERE b.ancestor_id = \(r)
              AND b.descendant_id = a.descendant_id AND b.valid_from = a.valid_to)
          AND (o.dissolved_on <> a.valid_to OR EXISTS (SELECT 1 FROM membership_periods q
              WHERE q.member_id = p.member_id AND q.cell_id = p.cell_id AND q.valid_from <= a.valid_to AND q.valid_to > a.valid_to))
        """
    }

    /// The SQL condition on `x.kind` (a selection's event kind) that keeps the steps `counting` puts in `field`
    /// (nil when it puts none there), derived from Core's own switch so the two cannot drift: a kind that is no
    /// `EventKind`, or NULL, goes where `counting` puts nil.
    static func kinds(
        into field: WritableKeyPath<Review.Movements, Int>, counting: (inout Review.Movements, EventKind?) -> Void
    ) -> String? {
        func counts(_ kind: EventKind?) -> Bool {
            var movements = Review.Movements()
            counting(&movements, kind)
            return movements[keyPath: field] > 0
        }
        if counts(nil) {
            let others = EventKind.allCases.filter { !counts($0) }.map(\.rawValue)
            return others.isEmpty ? "1 = 1" : "(x.kind IS NULL OR x.kind NOT IN (\(sqlList(others))))"
        }
        let mine = EventKind.allCases.filter(counts).map(\.rawValue)
        return mine.isEmpty ? nil : "x.kind IN (\(sqlList(mine)))"
    }

    // MARK: Committees and cases

    /// Seats of executive committees from a conference or an appointment starting in the period, in organizations
    /// then under the root: `committees.consolidated` counts their distinct organizations.
    /// NB: from the subtree's organizations, through the seats of each (committee_seats_by_organization).
    var consolidatingSeats: String {
        """
        SELECT \(Self.columns(day: "s.start_on", organization: "s.organization_id", decision: "s.decision_number"))
        FROM organization_ancestry a
        JOIN committee_seats s ON s.organization_id = a.descendant_id AND s.start_on >= \(f) AND s.start_on <= \(t)
        WHERE a.ancestor_id = \(r) AND a.valid_from <= s.start_on AND a.valid_to > s.start_on
          AND s.committee = '\(CommitteeKind.executive.rawValue)'
          AND s.source IN ('\(SeatSource.conference.rawValue)', '\(SeatSource.appointed.rawValue)')
        """
    }

    /// Cases started in the period by an organization then under the root, one row per subject (a case with none
    /// has one row without): counted by distinct case, subject organization and subject member.
    var oversight: String {
        """
        SELECT \(Self.columns(member: "s.member_id", day: "c.started_on", organization: "s.organization_id",
                              caseReference: "c.case_ref")),
            c.id AS case_id, c.activity AS activity, c.mode AS mode, c.conductor AS conductor, c.conductor_id AS conductor_id
        FROM organization_ancestry a
        JOIN oversight_cases c ON c.conductor_id = a.descendant_id AND c.started_on >= \(f) AND c.started_on <= \(t)
        LEFT JOIN oversight_subjects s ON s.case_id = c.id
        WHERE a.ancestor_id = \(r) AND a.valid_from <= c.started_on AND a.valid_to > c.started_on
        """
    }

    /// The condition on `x` that keeps one activity, mode and conductor of `oversight`.
    static func oversight(_ activity: OversightActivity, _ mode: OversightMode, _ conductor: ConductorKind) -> String {
        "x.activity = '\(activity.rawValue)' AND x.mode = '\(mode.rawValue)' AND x.conductor = '\(conductor.rawValue)'"
    }
}
