import DangBoCore
import SQLKit

extension Store {
    /// The members on the rolls of `root`'s subtree on `day` with `trait`, in Vietnamese name order (`sort_key`, then
    /// id), at most `limit`: the lists behind the dashboard's figures `MemberCounts.ethnicMinority` and `exempt`, counted
    /// the same way (the periods of the day under the root as the tree stood that day). One statement.
    public func members(of root: OrganizationID, asOf day: Day, with trait: MemberTrait, limit: Int = 1_000) async throws -> [MemberListRow] {
        let d = day.yyyymmdd
        let condition: SQLQueryString = switch trait {
        case .ethnicMinority: "m.ethnicity <> \(bind: Member.kinh)"
        case .exempt: "p.exempt = \(bind: true)"
        }
        return try await reader.raw("""
            SELECT m.*, p.standing AS standing, p.exempt AS exempt, o.id AS cell_id, o.code AS cell_code,
                v.name AS cell_name, v.kind AS cell_kind, v.parent_id AS cell_parent
            FROM organization_ancestry a
            JOIN membership_periods p ON p.cell_id = a.descendant_id AND p.valid_from <= \(literal: d) AND p.valid_to > \(literal: d)
            JOIN members m ON m.id = p.member_id
            JOIN organizations o ON o.id = p.cell_id
            JOIN organization_versions v ON v.organization_id = p.cell_id AND v.valid_from <= \(literal: d) AND v.valid_to > \(literal: d)
            WHERE a.ancestor_id = \(literal: root.rawValue) AND a.valid_from <= \(literal: d) AND a.valid_to > \(literal: d)
              AND \(condition)
            ORDER BY m.sort_key, m.id LIMIT \(literal: limit)
            """).all().map(Self.listRow(from:))
    }
}
