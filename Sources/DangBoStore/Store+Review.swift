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

        // Inflows: periods starting in the period in a cell of the scope, whose previous cell (if any) was outside it
        // the day before. NB: "in scope the day before D" is `valid_from < D AND valid_to >= D` on whole days.
        for row in try await sql.raw("""
            SELECT p.entry_kind AS kind, COUNT(*) AS n FROM membership_periods p
            JOIN organization_ancestry a ON a.descendant_id = p.cell_id AND a.ancestor_id = \(literal: r)
                AND a.valid_from <= p.valid_from AND a.valid_to > p.valid_from
            WHERE p.valid_from >= \(literal: f) AND p.valid_from <= \(literal: t)
              AND NOT EXISTS (SELECT 1 FROM organization_ancestry b WHERE b.ancestor_id = \(literal: r)
                  AND b.descendant_id = p.previous_cell_id AND b.valid_from < p.valid_from AND b.valid_to >= p.valid_from)
            GROUP BY p.entry_kind
            """).all() {
            let n = try row.decode(column: "n", as: Int.self)
            switch EventKind(rawValue: try row.decode(column: "kind", as: String.self)) {
            case .admitted?: review.movements.admitted += n
            case .readmitted?: review.movements.readmitted += n
            case .restored?: review.movements.restored += n
            case .transferredIn?, .moved?: review.movements.transferredIn += n
            default: review.movements.reorganizedIn += n
            }
        }
        // Outflows: periods ending in the period, in a cell of the scope the day before, whose next cell (if any) is
        // outside it that day.
        for row in try await sql.raw("""
            SELECT p.exit_kind AS kind, COUNT(*) AS n FROM membership_periods p
            JOIN organization_ancestry a ON a.descendant_id = p.cell_id AND a.ancestor_id = \(literal: r)
                AND a.valid_from < p.valid_to AND a.valid_to >= p.valid_to
            WHERE p.valid_to >= \(literal: f) AND p.valid_to <= \(literal: t)
              AND NOT EXISTS (SELECT 1 FROM organization_ancestry b WHERE b.ancestor_id = \(literal: r)
                  AND b.descendant_id = p.next_cell_id AND b.valid_from <= p.valid_to AND b.valid_to > p.valid_to)
            GROUP BY p.exit_kind
            """).all() {
            let n = try row.decode(column: "n", as: Int.self)
            switch try row.decode(column: "kind", as: String?.self).flatMap(EventKind.init(rawValue:)) {
            case .died?: review.movements.died += n
            case .removed?: review.movements.removed += n
            case .probationRemoved?: review.movements.probationRemoved += n
            case .expelled?: review.movements.expelled += n
            case .withdrew?: review.movements.withdrew += n
            case .transferredOut?, .moved?: review.movements.transferredOut += n
            default: review.movements.reorganizedOut += n
            }
        }
        review.movements.movedInternally = try await count("""
            SELECT COUNT(*) AS n FROM membership_periods p
            JOIN organization_ancestry a ON a.descendant_id = p.cell_id AND a.ancestor_id = \(r)
                AND a.valid_from <= p.valid_from AND a.valid_to > p.valid_from
            JOIN organization_ancestry b ON b.descendant_id = p.previous_cell_id AND b.ancestor_id = \(r)
                AND b.valid_from < p.valid_from AND b.valid_to >= p.valid_from
            WHERE p.entry_kind = '\(EventKind.moved.rawValue)' AND p.valid_from >= \(f) AND p.valid_from <= \(t)
            """)
        // Members whose cell entered or left the scope by a change of the tree, on a day their own period went on.
        review.movements.reorganizedIn += try await count("""
            SELECT COUNT(*) AS n FROM organization_ancestry a
            JOIN membership_periods p ON p.cell_id = a.descendant_id AND p.valid_from < a.valid_from AND p.valid_to > a.valid_from
            WHERE a.ancestor_id = \(r) AND a.valid_from >= \(f) AND a.valid_from <= \(t)
            """)
        review.movements.reorganizedOut += try await count("""
            SELECT COUNT(*) AS n FROM organization_ancestry a
            JOIN membership_periods p ON p.cell_id = a.descendant_id AND p.valid_from < a.valid_to AND p.valid_to > a.valid_to
            WHERE a.ancestor_id = \(r) AND a.valid_to >= \(f) AND a.valid_to <= \(t)
            """)
        // NB: a small subtree starts from its periods that overlap the review period; a large one from the period's
        // recognitions across the nation (EXISTS), fewer than the whole history of its cells. CROSS JOIN keeps
        // SQLite's planner to that order (its statistics cannot tell a cell from the nation); PostgreSQL plans alone.
        review.movements.recognizedOfficial = try await count(subtreeFirst ? """
            SELECT COUNT(*) AS n FROM organization_ancestry a
            CROSS JOIN membership_periods p
            CROSS JOIN membership_events e
            WHERE a.ancestor_id = \(r) AND p.cell_id = a.descendant_id AND p.valid_from <= \(t) AND p.valid_to > \(f)
              AND e.member_id = p.member_id AND e.kind = '\(EventKind.recognizedOfficial.rawValue)'
              AND e.effective_on >= \(f) AND e.effective_on <= \(t)
              AND e.effective_on >= p.valid_from AND e.effective_on < p.valid_to
              AND a.valid_from <= e.effective_on AND a.valid_to > e.effective_on
            """ : """
            SELECT COUNT(*) AS n FROM membership_events e
            WHERE e.kind = '\(EventKind.recognizedOfficial.rawValue)' AND e.effective_on >= \(f) AND e.effective_on <= \(t)
              AND EXISTS (SELECT 1 FROM membership_periods p
                  JOIN organization_ancestry a ON a.descendant_id = p.cell_id AND a.ancestor_id = \(r)
                      AND a.valid_from <= e.effective_on AND a.valid_to > e.effective_on
                  WHERE p.member_id = e.member_id AND p.valid_from <= e.effective_on AND p.valid_to > e.effective_on)
            """)

        // NB: from the subtree's organizations, through the seats of each (committee_seats_by_organization).
        review.committees.consolidated = try await count("""
            SELECT COUNT(DISTINCT s.organization_id) AS n FROM organization_ancestry a
            JOIN committee_seats s ON s.organization_id = a.descendant_id AND s.start_on >= \(f) AND s.start_on <= \(t)
            WHERE a.ancestor_id = \(r) AND a.valid_from <= s.start_on AND a.valid_to > s.start_on
              AND s.source IN ('\(SeatSource.conference.rawValue)', '\(SeatSource.appointed.rawValue)')
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
