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
    /// Every figure is a count of the rows of one of `ReviewSelections`, the same SQL `reviewRecords` lists.
    func review(of root: OrganizationID, from: Day, to: Day, startFromSubtree: Bool?) async throws -> Review {
        let code = try await reader.select().column("code").from("organizations").where("id", .equal, root.rawValue).first()?
            .decode(column: "code", as: String.self) ?? ""
        var review = Review(organization: code, from: from, to: to)
        // Stocks as of `to` (`Statistics` counts the same way: `MemberCounts.add`, `OrganizationCounts.count`).
        var selections = ReviewSelections(root: root, from: from, to: to, subtreeFirst: true)
        for row in try await rows("""
            SELECT x.standing AS standing, x.exempt AS exempt, COUNT(*) AS n FROM (\(selections.stock(on: to.yyyymmdd))) x
            GROUP BY x.standing, x.exempt
            """) {
            let n = try row.decode(column: "n", as: Int.self)
            review.members.total += n
            if try row.decode(column: "standing", as: String.self) == Standing.official.rawValue {
                review.members.official += n
            } else {
                review.members.probationary += n
            }
            if try row.decode(column: "exempt", as: Bool.self) { review.members.exempt += n }
        }
        review.members.atStart = try await count(selections.stock(on: from.previous.yyyymmdd))
        review.organizations.byKind = Dictionary(uniqueKeysWithValues: OrganizationKind.allCases.map { ($0.rawValue, 0) })
        for row in try await rows("""
            SELECT x.organization_kind AS kind, COUNT(*) AS n FROM (\(selections.organizations)) x GROUP BY x.organization_kind
            """) {
            guard let kind = OrganizationKind(rawValue: try row.decode(column: "kind", as: String.self)) else {
                throw StoreError.unreadable("organization_versions.kind")
            }
            let n = try row.decode(column: "n", as: Int.self)
            review.organizations.byKind[kind.rawValue, default: 0] += n
            if kind.isGrassroots { review.organizations.grassroots += n }
        }
        selections = ReviewSelections(root: root, from: from, to: to,
                                      subtreeFirst: startFromSubtree ?? (review.members.total < Self.subtreeFirstLimit))

        review.organizations.established = try await count(selections.established)
        review.organizations.dissolved = try await count(selections.dissolved)

        for row in try await rows("SELECT x.kind AS kind, COUNT(*) AS n FROM (\(selections.inflows)) x GROUP BY x.kind") {
            review.movements.countIn(try row.decode(column: "kind", as: String?.self).flatMap(EventKind.init(rawValue:)),
                                     try row.decode(column: "n", as: Int.self))
        }
        for row in try await rows("SELECT x.kind AS kind, COUNT(*) AS n FROM (\(selections.outflows)) x GROUP BY x.kind") {
            review.movements.countOut(try row.decode(column: "kind", as: String?.self).flatMap(EventKind.init(rawValue:)),
                                      try row.decode(column: "n", as: Int.self))
        }
        review.movements.movedInternally = try await count(selections.movedInternally)
        review.movements.recognizedOfficial = try await count(selections.recognized)
        review.movements.reorganizedIn += try await count(selections.reorganizedInByTree)
        review.movements.reorganizedOut += try await count(selections.reorganizedOutByTree)

        review.meetings = try await meetingFigures(of: root, from: from, to: to)
        review.discipline = Review.Discipline(try await disciplineFigures(of: root, from: from, to: to))
        review.committees.consolidated = try await rows("""
            SELECT COUNT(DISTINCT x.organization_id) AS n FROM (\(selections.consolidatingSeats)) x
            """).first?.decode(column: "n", as: Int.self) ?? 0

        for row in try await rows("""
            SELECT x.activity AS activity, x.mode AS mode, x.conductor AS conductor, COUNT(DISTINCT x.case_id) AS cases,
                   COUNT(DISTINCT x.organization_id) AS organizations, COUNT(DISTINCT x.member_id) AS members
            FROM (\(selections.oversight)) x
            GROUP BY x.activity, x.mode, x.conductor
            """) {
            guard let activity = OversightActivity(rawValue: try row.decode(column: "activity", as: String.self)),
                  let mode = OversightMode(rawValue: try row.decode(column: "mode", as: String.self)),
                  let conductor = ConductorKind(rawValue: try row.decode(column: "conductor", as: String.self)) else {
                throw StoreError.unreadable("oversight_cases")
            }
            review.setOversight(
                Review.SubjectCounts(cases: try row.decode(column: "cases", as: Int.self),
                                     organizations: try row.decode(column: "organizations", as: Int.self),
                                     members: try row.decode(column: "members", as: Int.self)),
                activity: activity, mode: mode, conductor: conductor)
        }
        review.settle()
        return review
    }

    /// The number of rows of `selection`, whose text holds only integers and names we wrote.
    private func count(_ selection: String) async throws -> Int {
        try await rows("SELECT COUNT(*) AS n FROM (\(selection)) x").first?.decode(column: "n", as: Int.self) ?? 0
    }

    /// Runs a statement whose text holds only integers and names we wrote.
    private func rows(_ query: String) async throws -> [any SQLRow] {
        try await reader.raw(SQLQueryString(query)).all()
    }
}
