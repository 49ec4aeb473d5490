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
    ///
    /// Every figure is a count of the rows of one of `ReviewSelections`, the same SQL `reviewRecords` lists, but the
    /// stocks, counted as statistics count them (`memberCounts`, from snapshots for large subtrees).
    func review(of root: OrganizationID, from: Day, to: Day, startFromSubtree: Bool?) async throws -> Review {
        let code = try await reader.rows("SELECT code FROM organizations WHERE id = \(literal: root.rawValue)", as: String.self)
            .first ?? ""
        var review = Review(organization: code, from: from, to: to)
        // Stocks as of `to` and the day before `from`, counted as `Statistics` counts them (a large subtree's from its
        // snapshots, `memberCounts`).
        var selections = ReviewSelections(root: root, from: from, to: to, subtreeFirst: true)
        let stock = try await memberCounts(of: root, on: to)
        review.members.official = stock[.standing(.official)] ?? 0
        review.members.probationary = stock[.standing(.probationary)] ?? 0
        review.members.total = review.members.official + review.members.probationary
        review.members.exempt = stock[.exempt(true)] ?? 0
        let atStart = try await memberCounts(of: root, on: from.previous)
        review.members.atStart = (atStart[.standing(.official)] ?? 0) + (atStart[.standing(.probationary)] ?? 0)
        review.organizations.byKind = Dictionary(uniqueKeysWithValues: OrganizationKind.allCases.map { ($0.rawValue, 0) })
        for (kind, n) in try await rows("""
            SELECT x.organization_kind, COUNT(*) FROM (\(selections.organizations)) x GROUP BY x.organization_kind
            """, as: (String, Int).self) {
            guard let kind = OrganizationKind(rawValue: kind) else { throw StoreError.unreadable("organization_versions.kind") }
            review.organizations.byKind[kind.rawValue, default: 0] += n
            if kind.isGrassroots { review.organizations.grassroots += n }
        }
        selections = ReviewSelections(root: root, from: from, to: to,
                                      subtreeFirst: startFromSubtree ?? (review.members.total < Self.subtreeFirstLimit))

        review.organizations.established = try await count(selections.established)
        review.organizations.dissolved = try await count(selections.dissolved)

        for (kind, n) in try await rows("SELECT x.kind, COUNT(*) FROM (\(selections.inflows)) x GROUP BY x.kind", as: (String?, Int).self) {
            review.movements.countIn(kind.flatMap(EventKind.init(rawValue:)), n)
        }
        for (kind, n) in try await rows("SELECT x.kind, COUNT(*) FROM (\(selections.outflows)) x GROUP BY x.kind", as: (String?, Int).self) {
            review.movements.countOut(kind.flatMap(EventKind.init(rawValue:)), n)
        }
        review.movements.movedInternally = try await count(selections.movedInternally)
        review.movements.recognizedOfficial = try await count(selections.recognized)
        review.movements.reorganizedIn += try await count(selections.reorganizedInByTree)
        review.movements.reorganizedOut += try await count(selections.reorganizedOutByTree)

        // NB: meetings and decisions choose their plan by the subtree's organizations, not its head count (their rows
        // are per cell and per organization); a forced plan forces theirs too.
        review.meetings = try await meetingFigures(of: root, from: from, to: to, startFromSubtree: startFromSubtree)
        review.discipline = Review.Discipline(try await disciplineFigures(of: root, from: from, to: to,
                                                                         startFromSubtree: startFromSubtree))
        review.committees.consolidated = try await rows("""
            SELECT COUNT(DISTINCT x.organization_id) FROM (\(selections.consolidatingSeats)) x
            """, as: Int.self).first ?? 0

        for (activity, mode, conductor, cases, organizations, members) in try await rows("""
            SELECT x.activity, x.mode, x.conductor, COUNT(DISTINCT x.case_id), COUNT(DISTINCT x.organization_id),
                   COUNT(DISTINCT x.member_id)
            FROM (\(selections.oversight)) x
            GROUP BY x.activity, x.mode, x.conductor
            """, as: (String, String, String, Int, Int, Int).self) {
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
