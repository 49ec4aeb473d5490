import DangBoCore
import SQLKit

extension Store {
    /// Statistics of `root` and its subtree as of `day`, computed in SQL: the twin of `Registry.statistics(of:asOf:)`.
    public func statistics(of root: OrganizationID, asOf day: Day) async throws -> Statistics {
        let d = day.yyyymmdd, r = root.rawValue
        var organizations = OrganizationCounts()
        for (kind, n) in try await reader.rows("""
            SELECT v.kind, COUNT(*)
            FROM organization_ancestry a
            JOIN organization_versions v ON v.organization_id = a.descendant_id AND v.valid_from <= \(literal: d) AND v.valid_to > \(literal: d)
            WHERE a.ancestor_id = \(literal: r) AND a.valid_from <= \(literal: d) AND a.valid_to > \(literal: d)
            GROUP BY v.kind
            """, as: (String, Int).self) {
            guard let kind = OrganizationKind(rawValue: kind) else { throw StoreError.unreadable("organization_versions.kind") }
            for _ in 0..<n { organizations.count(kind) }
        }
        var members = MemberCounts()
        for (standing, exempt, gender, band, ethnicity, religion, education, theory, occupation, n) in try await reader.rows("""
            SELECT p.standing AS standing, p.exempt AS exempt, m.gender AS gender, \(unsafeRaw: Self.ageBandSQL(on: day)) AS band,
                   m.ethnicity AS ethnicity, m.religion AS religion, m.education AS education,
                   m.political_theory AS theory, m.occupation AS occupation, COUNT(*) AS n
            FROM membership_periods p
            JOIN organization_ancestry a ON a.descendant_id = p.cell_id AND a.ancestor_id = \(literal: r)
                AND a.valid_from <= \(literal: d) AND a.valid_to > \(literal: d)
            JOIN members m ON m.id = p.member_id
            WHERE p.valid_from <= \(literal: d) AND p.valid_to > \(literal: d)
            GROUP BY p.standing, p.exempt, m.gender, band, m.ethnicity, m.religion, m.education, m.political_theory, m.occupation
            """, as: (String, Bool, String, String, String, String, String, String, String, Int).self) {
            guard let standing = Standing(rawValue: standing), let gender = Gender(rawValue: gender) else {
                throw StoreError.unreadable("membership_periods.standing, members.gender")
            }
            members.add(n, standing: standing, exempt: exempt, gender: gender, ageBand: band, ethnicity: ethnicity,
                        religion: religion, education: education, politicalTheory: theory, occupation: occupation)
        }
        let code = try await reader.rows("SELECT code FROM organizations WHERE id = \(literal: r)", as: String.self).first ?? ""
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
