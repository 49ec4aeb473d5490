import DangBoCore
import SQLKit

extension Store {
    /// The review of `root` over `from…to` (both included), computed in SQL from the periods and the ancestry:
    /// the twin of `Registry.review(of:from:to:)`.
    public func review(of root: OrganizationID, from: Day, to: Day) async throws -> Review {
        try await review(of: root, from: from, to: to, startFromSubtree: nil)
    }

    /// Below this head count a review reads the subtree's own rows first; above it, the period's rows of the nation
    /// (fewer than the subtree's whole history).
    static let subtreeFirstLimit = 20_000

    /// `startFromSubtree` forces one of the two plans (tests hold both equal to Core); nil chooses by head count.
    func review(of root: OrganizationID, from: Day, to: Day, startFromSubtree: Bool?) async throws -> Review {
        let r = root.rawValue, f = from.yyyymmdd, t = to.yyyymmdd
        let end = try await statistics(of: root, asOf: to)
        let subtreeFirst = startFromSubtree ?? (end.members.total < Self.subtreeFirstLimit)
        var review = Review(organization: end.organization, from: from, to: to)
        review.setStocks(from: end, atStart: try await headCount(of: root, asOf: from.previous))

        let grassroots = "('\(OrganizationKind.grassrootsCommittee.rawValue)', '\(OrganizationKind.grassrootsCell.rawValue)')"
        review.organizations.established = try await count("""
            SELECT COUNT(*) AS n FROM organizations o
            JOIN organization_versions v ON v.organization_id = o.id AND v.valid_from = o.established_on
            JOIN organization_ancestry a ON a.descendant_id = o.id AND a.ancestor_id = \(r)
                AND a.valid_from <= o.established_on AND a.valid_to > o.established_on
            WHERE o.established_on >= \(f) AND o.established_on <= \(t) AND v.kind IN \(grassroots)
            """)
        review.organizations.dissolved = try await count("""
            SELECT COUNT(*) AS n FROM organizations o
            JOIN organization_versions v ON v.organization_id = o.id AND v.valid_to = o.dissolved_on
            JOIN organization_ancestry a ON a.descendant_id = o.id AND a.ancestor_id = \(r)
                AND a.valid_from < o.dissolved_on AND a.valid_to >= o.dissolved_on
            WHERE o.dissolved_on >= \(f) AND o.dissolved_on <= \(t) AND v.kind IN \(grassroots)
            """)

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
        let inflows = """
            SELECT p.entry_kind AS kind, COUNT(*) AS n FROM membership_periods p
            JOIN organization_ancestry a ON \(during("a", "p.cell_id", "p.valid_from"))
            WHERE p.valid_from >= \(f) AND p.valid_from <= \(t)
              AND NOT EXISTS (SELECT 1 FROM organization_ancestry b WHERE \(during("b", "p.previous_cell_id", "p.valid_from")))
            GROUP BY p.entry_kind
            """
        for row in try await sql.raw(SQLQueryString(inflows)).all() {
            review.movements.countIn(EventKind(rawValue: try row.decode(column: "kind", as: String.self)),
                                     try row.decode(column: "n", as: Int.self))
        }
        let outflows = """
            SELECT p.exit_kind AS kind, COUNT(*) AS n FROM membership_periods p
            JOIN organization_ancestry a ON \(during("a", "p.cell_id", "p.valid_to"))
            WHERE p.valid_to >= \(f) AND p.valid_to <= \(t)
              AND NOT EXISTS (SELECT 1 FROM organization_ancestry b WHERE \(during("b", "p.next_cell_id", "p.valid_to")))
            GROUP BY p.exit_kind
            """
        for row in try await sql.raw(SQLQueryString(outflows)).all() {
            review.movements.countOut(try row.decode(column: "kind", as: String?.self).flatMap(EventKind.init(rawValue:)),
                                      try row.decode(column: "n", as: Int.self))
        }
        review.movements.movedInternally = try await count("""
            SELECT COUNT(*) AS n FROM membership_periods p
            JOIN organization_ancestry a ON \(during("a", "p.cell_id", "p.valid_from"))
            JOIN organization_ancestry b ON \(during("b", "p.previous_cell_id", "p.valid_from"))
            WHERE p.entry_kind = '\(EventKind.moved.rawValue)' AND p.valid_from >= \(f) AND p.valid_from <= \(t)
            """)
        // A recognition always opens a period (the standing changes): counted where the member stood at that step.
        // NB: a small subtree starts from its cells' periods, a large one from the period's recognitions across the
        // nation (EXISTS), fewer than the whole history of its cells. CROSS JOIN keeps SQLite's planner to that order
        // (its statistics cannot tell a cell from the nation); PostgreSQL plans alone.
        let recognized = "p.entry_kind = '\(EventKind.recognizedOfficial.rawValue)' AND p.valid_from >= \(f) AND p.valid_from <= \(t)"
        review.movements.recognizedOfficial = try await count(subtreeFirst ? """
            SELECT COUNT(*) AS n FROM organization_ancestry a
            CROSS JOIN membership_periods p
            WHERE a.ancestor_id = \(r) AND p.cell_id = a.descendant_id AND \(recognized)
              AND \(during("a", "p.cell_id", "p.valid_from"))
            """ : """
            SELECT COUNT(*) AS n FROM membership_periods p
            WHERE \(recognized)
              AND EXISTS (SELECT 1 FROM organization_ancestry a WHERE \(during("a", "p.cell_id", "p.valid_from")))
            """)
        // Members whose cell crossed the boundary by a change of the tree: at the start of the day, whatever their
        // events of that day (a cell moved, or changing kind or depth, inside the scope has no new link to the root, so
        // it crosses nothing); and at its end, members still in a cell dissolved that day.
        review.movements.reorganizedIn += try await count("""
            SELECT COUNT(*) AS n FROM organization_ancestry a
            JOIN membership_periods p ON p.cell_id = a.descendant_id AND p.valid_from < a.valid_from AND p.valid_to >= a.valid_from
            WHERE a.ancestor_id = \(r) AND a.valid_from >= \(f) AND a.valid_from <= \(t)
              AND NOT EXISTS (SELECT 1 FROM organization_ancestry b WHERE b.ancestor_id = \(r)
                  AND b.descendant_id = a.descendant_id AND b.valid_to = a.valid_from)
            """)
        review.movements.reorganizedOut += try await count("""
            SELECT COUNT(*) AS n FROM organization_ancestry a
            JOIN organizations o ON o.id = a.descendant_id
            JOIN membership_periods p ON p.cell_id = a.descendant_id AND p.valid_from < a.valid_to AND p.valid_to >= a.valid_to
            WHERE a.ancestor_id = \(r) AND a.valid_to >= \(f) AND a.valid_to <= \(t)
              AND NOT EXISTS (SELECT 1 FROM organization_ancestry b WHERE b.ancestor_id = \(r)
                  AND b.descendant_id = a.descendant_id AND b.valid_from = a.valid_to)
              AND (o.dissolved_on <> a.valid_to OR EXISTS (SELECT 1 FROM membership_periods q
                  WHERE q.member_id = p.member_id AND q.cell_id = p.cell_id AND q.valid_from <= a.valid_to AND q.valid_to > a.valid_to))
            """)

        // NB: from the subtree's organizations, through the seats of each (committee_seats_by_organization).
        review.committees.consolidated = try await count("""
            SELECT COUNT(DISTINCT s.organization_id) AS n FROM organization_ancestry a
            JOIN committee_seats s ON s.organization_id = a.descendant_id AND s.start_on >= \(f) AND s.start_on <= \(t)
            WHERE a.ancestor_id = \(r) AND a.valid_from <= s.start_on AND a.valid_to > s.start_on
              AND s.committee = '\(CommitteeKind.executive.rawValue)' AND s.source IN ('\(SeatSource.conference.rawValue)', '\(SeatSource.appointed.rawValue)')
            """)

        for row in try await sql.raw("""
            SELECT c.activity AS activity, c.mode AS mode, c.conductor AS conductor, COUNT(DISTINCT c.id) AS cases,
                   COUNT(DISTINCT s.organization_id) AS organizations, COUNT(DISTINCT s.member_id) AS members
            FROM organization_ancestry a
            JOIN oversight_cases c ON c.conductor_id = a.descendant_id
                AND c.started_on >= \(literal: f) AND c.started_on <= \(literal: t)
            LEFT JOIN oversight_subjects s ON s.case_id = c.id
            WHERE a.ancestor_id = \(literal: r) AND a.valid_from <= c.started_on AND a.valid_to > c.started_on
            GROUP BY c.activity, c.mode, c.conductor
            """).all() {
            review.setOversight(
                Review.SubjectCounts(cases: try row.decode(column: "cases", as: Int.self),
                                     organizations: try row.decode(column: "organizations", as: Int.self),
                                     members: try row.decode(column: "members", as: Int.self)),
                activity: OversightActivity(rawValue: try row.decode(column: "activity", as: String.self))!,
                mode: OversightMode(rawValue: try row.decode(column: "mode", as: String.self))!,
                conductor: ConductorKind(rawValue: try row.decode(column: "conductor", as: String.self))!)
        }
        review.settle()
        return review
    }

    /// Runs a `SELECT COUNT(*) AS n` whose text holds only integers and names we wrote.
    private func count(_ query: String) async throws -> Int {
        try await sql.raw(SQLQueryString(query)).first()?.decode(column: "n", as: Int.self) ?? 0
    }
}
