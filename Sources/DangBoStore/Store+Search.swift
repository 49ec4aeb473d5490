import DangBoCore
import SQLKit

extension Store {
    /// Members on the rolls of `root`'s subtree on `day` whose folded name contains the folded `text`, in Vietnamese
    /// name order: the twin of `Registry.members(matching:in:asOf:limit:)`.
    public func members(matching text: String, in root: OrganizationID, asOf day: Day, limit: Int) async throws -> [Member] {
        let d = day.yyyymmdd
        let pattern = "%" + VietnameseText.folded(text) + "%"
        return try await sql.raw("""
            SELECT m.* FROM members m
            JOIN membership_periods p ON p.member_id = m.id AND p.valid_from <= \(literal: d) AND p.valid_to > \(literal: d)
            JOIN organization_ancestry a ON a.descendant_id = p.cell_id AND a.ancestor_id = \(literal: root.rawValue)
                AND a.valid_from <= \(literal: d) AND a.valid_to > \(literal: d)
            WHERE m.name_key LIKE \(bind: pattern)
            ORDER BY m.sort_key, m.id
            LIMIT \(literal: limit)
            """).all().map(Self.member(from:))
    }
}
