import DangBoCore
import SQLKit

extension Store {
    /// The review of `root` over `from…to` (both included), computed in SQL from the periods and the ancestry:
    /// the twin of `Registry.review(of:from:to:)`.
    public func review(of root: OrganizationID, from: Day, to: Day) async throws -> Review {
        try await review(of: root, from: from, to: to, startFromSubtree: nil)
    }

    /// Below this head count a review's flows start from the subtree's cells; above it, from the period's period
    /// boundaries across the nation.
    /// NB: from the cells costs a seek per organization (one per 19 members nationally) and the subtree's own
    /// boundaries; from the nation, a probe of the ancestry per boundary of the period (219,000 in a quarter
    /// nationally). A quarter of a province of 486,912 members (26,284 organizations): entries and outflows 0.02 s
    /// each from its cells, 0.07 and 0.06 s from the nation's boundaries; of the nation: 0.36 and 0.21 s from its cells,
    /// 0.38 and 0.25 s from its boundaries (sqlite3, CPU).
    static let subtreeFirstLimit = 1_000_000

    /// `startFromSubtree` forces one of the two plans (tests hold both equal to Core); nil chooses by head count.
    ///
    /// Every figure is a count of the rows of one of `ReviewSelections`, the same SQL `reviewRecords` lists, but the
    /// stocks, counted as statistics count them (`memberCounts`, from snapshots for large subtrees).
    ///
    /// NB: the figures are independent statements, asked side by side (SQLite's read connection of each core, or
    /// PostgreSQL's pool): a nation's review costs about the longest of them rather than their sum.
    func review(of root: OrganizationID, from: Day, to: Day, startFromSubtree: Bool?) async throws -> Review {
        // Stocks as of `to` and the day before `from`, counted as `Statistics` counts them (a large subtree's from its
        // snapshots, `memberCounts`); the one of `to` first, since the flows' plan follows its head count.
        let stock = try await memberCounts(of: root, on: to)
        let total = (stock[.standing(.official)] ?? 0) + (stock[.standing(.probationary)] ?? 0)
        var flows = ReviewSelections(root: root, from: from, to: to, subtreeFirst: startFromSubtree ?? (total < Self.subtreeFirstLimit))
        if !isPostgres { flows.entriesIndex = "INDEXED BY membership_periods_by_start" }
        let tree = ReviewSelections(root: root, from: from, to: to, subtreeFirst: true)
        // NB: the longest first (each waits for a read connection in the order asked).
        async let entries = rows("""
            SELECT x.kind, COUNT(*), SUM(x.inside) FROM (\(flows.entries)) x GROUP BY x.kind
            """, as: (String?, Int, Int).self)
        async let outflows = rows("SELECT x.kind, COUNT(*) FROM (\(flows.outflows)) x GROUP BY x.kind", as: (String?, Int).self)
        async let oversight = rows("""
            SELECT x.activity, x.mode, x.conductor, COUNT(DISTINCT x.case_id), COUNT(DISTINCT x.organization_id),
                   COUNT(DISTINCT x.member_id)
            FROM (\(tree.oversight)) x
            GROUP BY x.activity, x.mode, x.conductor
            """, as: (String, String, String, Int, Int, Int).self)
        async let kinds = rows("""
            SELECT x.organization_kind, COUNT(*) FROM (\(tree.organizations)) x GROUP BY x.organization_kind
            """, as: (String, Int).self)
        // NB: meetings and decisions choose their plan by the subtree's organizations, not its head count (their rows
        // are per cell and per organization); a forced plan forces theirs too.
        async let meetings = meetingFigures(of: root, from: from, to: to, startFromSubtree: startFromSubtree)
        async let consolidated = rows("""
            SELECT COUNT(DISTINCT x.organization_id) FROM (\(tree.consolidatingSeats)) x
            """, as: Int.self)
        async let established = count(tree.established)
        async let dissolved = count(tree.dissolved)
        async let reorganizedIn = count(tree.reorganizedInByTree)
        async let reorganizedOut = count(tree.reorganizedOutByTree)
        async let discipline = disciplineFigures(of: root, from: from, to: to, startFromSubtree: startFromSubtree)
        async let atStart = memberCounts(of: root, on: from.previous)
        async let code = reader.rows("SELECT code FROM organizations WHERE id = \(literal: root.rawValue)", as: String.self)

        var review = Review(organization: try await code.first ?? "", from: from, to: to)
        review.members.official = stock[.standing(.official)] ?? 0
        review.members.probationary = stock[.standing(.probationary)] ?? 0
        review.members.total = total
        review.members.exempt = stock[.exempt(true)] ?? 0
        let before = try await atStart
        review.members.atStart = (before[.standing(.official)] ?? 0) + (before[.standing(.probationary)] ?? 0)
        review.organizations.byKind = Dictionary(uniqueKeysWithValues: OrganizationKind.allCases.map { ($0.rawValue, 0) })
        for (kind, n) in try await kinds {
            guard let kind = OrganizationKind(rawValue: kind) else { throw StoreError.unreadable("organization_versions.kind") }
            review.organizations.byKind[kind.rawValue, default: 0] += n
            if kind.isGrassroots { review.organizations.grassroots += n }
        }
        review.organizations.established = try await established
        review.organizations.dissolved = try await dissolved

        // NB: the entries hold the inflows (not inside), the moves inside the scope and the recognitions
        // (`ReviewSelections.entries`); `inside` summed, so that its probe runs once a row.
        for (kind, n, inside) in try await entries {
            let kind = kind.flatMap(EventKind.init(rawValue:))
            review.movements.countIn(kind, n - inside)
            if kind == .moved { review.movements.movedInternally += inside }
            if kind == .recognizedOfficial { review.movements.recognizedOfficial += n }
        }
        for (kind, n) in try await outflows {
            review.movements.countOut(kind.flatMap(EventKind.init(rawValue:)), n)
        }
        review.movements.reorganizedIn += try await reorganizedIn
        review.movements.reorganizedOut += try await reorganizedOut

        review.meetings = try await meetings
        review.discipline = Review.Discipline(try await discipline)
        review.committees.consolidated = try await consolidated.first ?? 0
        for (activity, mode, conductor, cases, organizations, members) in try await oversight {
            guard let activity = OversightActivity(rawValue: activity), let mode = OversightMode(rawValue: mode),
                  let conductor = ConductorKind(rawValue: conductor) else {
                throw StoreError.unreadable("oversight_cases")
            }
            review.setOversight(Review.SubjectCounts(cases: cases, organizations: organizations, members: members),
                                activity: activity, mode: mode, conductor: conductor)
        }
        review.settle()
        return review
    }

    /// The number of rows of `selection`, whose text holds only integers and names we wrote.
    private func count(_ selection: String) async throws -> Int {
        try await rows("SELECT COUNT(*) FROM (\(selection)) x", as: Int.self).first ?? 0
    }

    /// The rows of a statement whose text holds only integers and names we wrote, read by position as `types`.
    private func rows<each Value: StoredValue>(_ query: String, as types: (repeat each Value).Type) async throws
        -> [(repeat each Value)] {
        try await reader.rows(SQLQueryString(query), as: types)
    }
}
