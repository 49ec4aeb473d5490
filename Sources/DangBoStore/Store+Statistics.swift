import DangBoCore
import SQLKit

extension Store {
    /// Statistics of `root` and its subtree as of `day`, computed in SQL: the twin of `Registry.statistics(of:asOf:)`.
    public func statistics(of root: OrganizationID, asOf day: Day) async throws -> Statistics {
        let d = day.yyyymmdd, r = root.rawValue
        var organizations = OrganizationCounts()
        let kinds = try await reader.raw("""
            SELECT v.kind AS kind, COUNT(*) AS n
            FROM organization_ancestry a
            JOIN organization_versions v ON v.organization_id = a.descendant_id AND v.valid_from <= \(literal: d) AND v.valid_to > \(literal: d)
            WHERE a.ancestor_id = \(literal: r) AND a.valid_from <= \(literal: d) AND a.valid_to > \(literal: d)
            GROUP BY v.kind
            """).all()
        for row in kinds {
            let kind = OrganizationKind(rawValue: try row.decode(column: "kind", as: String.self))!
            for _ in 0..<(try row.decode(column: "n", as: Int.self)) { organizations.count(kind) }
        }
        var members = MemberCounts()
        let groups = try await reader.raw("""
            SELECT p.standing AS standing, p.exempt AS exempt, m.gender AS gender, \(unsafeRaw: Self.ageBandSQL(on: day)) AS band,
                   m.ethnicity AS ethnicity, m.religion AS religion, m.education AS education,
                   m.political_theory AS theory, m.occupation AS occupation, COUNT(*) AS n
            FROM membership_periods p
            JOIN organization_ancestry a ON a.descendant_id = p.cell_id AND a.ancestor_id = \(literal: r)
                AND a.valid_from <= \(literal: d) AND a.valid_to > \(literal: d)
            JOIN members m ON m.id = p.member_id
            WHERE p.valid_from <= \(literal: d) AND p.valid_to > \(literal: d)
            GROUP BY p.standing, p.exempt, m.gender, band, m.ethnicity, m.religion, m.education, m.political_theory, m.occupation
            """).all()
        for row in groups {
            members.add(
                try row.decode(column: "n", as: Int.self),
                standing: Standing(rawValue: try row.decode(column: "standing", as: String.self))!,
                exempt: try row.decode(column: "exempt", as: Bool.self),
                gender: Gender(rawValue: try row.decode(column: "gender", as: String.self))!,
                ageBand: try row.decode(column: "band", as: String.self),
                ethnicity: try row.decode(column: "ethnicity", as: String.self),
                religion: try row.decode(column: "religion", as: String.self),
                education: try row.decode(column: "education", as: String.self),
                politicalTheory: try row.decode(column: "theory", as: String.self),
                occupation: try row.decode(column: "occupation", as: String.self))
        }
        let code = try await reader.select().column("code").from("organizations").where("id", .equal, r).first()?
            .decode(column: "code", as: String.self) ?? ""
        return Statistics(organization: code, asOf: day, organizations: organizations, members: members)
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
        return try await reader.raw("""
            SELECT COUNT(*) AS n FROM membership_periods p
            JOIN organization_ancestry a ON a.descendant_id = p.cell_id AND a.ancestor_id = \(literal: root.rawValue)
                AND a.valid_from <= \(literal: d) AND a.valid_to > \(literal: d)
            WHERE p.valid_from <= \(literal: d) AND p.valid_to > \(literal: d)
            """).first()?.decode(column: "n", as: Int.self) ?? 0
    }

    /// Đảng số of every cell with members on `day` (benchmarks pick their busiest scopes from it).
    public func headCountsByCell(asOf day: Day) async throws -> [OrganizationID: Int] {
        let d = day.yyyymmdd
        var counts: [OrganizationID: Int] = [:]
        for row in try await reader.raw("""
            SELECT p.cell_id AS cell, COUNT(*) AS n FROM membership_periods p
            WHERE p.valid_from <= \(literal: d) AND p.valid_to > \(literal: d) GROUP BY p.cell_id
            """).all() {
            counts[OrganizationID(try row.decode(column: "cell", as: Int.self))] = try row.decode(column: "n", as: Int.self)
        }
        return counts
    }

    /// The age band as a SQL CASE on YYYYMMDD integers, built from Core's table of bands so the two cannot drift.
    static func ageBandSQL(on day: Day) -> String {
        let age = "((\(day.yyyymmdd) - m.birth_date) / 10000)"
        var text = "CASE"
        for band in AgeBand.bands {
            if let upTo = band.upTo { text += " WHEN \(age) <= \(upTo) THEN '\(band.label)'" }
            else { text += " ELSE '\(band.label)'" }
        }
        return text + " END"
    }
}
