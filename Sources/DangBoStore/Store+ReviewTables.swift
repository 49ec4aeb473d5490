import DangBoCore
import SQLKit

extension Store {
    /// The grassroots organizations a review's tables list one by one; beyond, only the total is given (a province's
    /// tables list its grassroots organizations, the nation's do not).
    public static let listedGrassroots = 2_000

    /// The statistical tables of the review of `root` for `from`–`to` (issue 10 point 2): each grassroots organization
    /// of the subtree on `to` with its statistics (`statistics(of:asOf:)`, by code), the subtree's, and the
    /// organizations by kind.
    public func reviewTables(of root: OrganizationID, from: Day, to: Day) async throws -> ReviewTables {
        let d = to.yyyymmdd
        let kinds = OrganizationKind.allCases.filter(\.isGrassroots).map { "'\($0.rawValue)'" }.joined(separator: ", ")
        let grassroots = try await reader.rows("""
            SELECT o.id, o.code, v.name FROM organization_ancestry a
            JOIN organizations o ON o.id = a.descendant_id
            JOIN organization_versions v ON v.organization_id = a.descendant_id AND v.valid_from <= \(literal: d) AND v.valid_to > \(literal: d)
            WHERE a.ancestor_id = \(literal: root.rawValue) AND a.valid_from <= \(literal: d) AND a.valid_to > \(literal: d)
                AND v.kind IN (\(unsafeRaw: kinds))
            LIMIT \(literal: Self.listedGrassroots + 1)
            """, as: (Int, String, String).self).map { (id: OrganizationID($0), code: $1, name: $2) }
            .sorted { ($0.code, $0.id) < ($1.code, $1.id) }  // NB: by bytes, as Swift compares (not the database's collation)
        var rows: [ReviewTables.Row] = [], omitted = 0
        if grassroots.count > Self.listedGrassroots {
            omitted = try await reader.rows("""
                SELECT COUNT(*) FROM organization_ancestry a
                JOIN organization_versions v ON v.organization_id = a.descendant_id AND v.valid_from <= \(literal: d) AND v.valid_to > \(literal: d)
                WHERE a.ancestor_id = \(literal: root.rawValue) AND a.valid_from <= \(literal: d) AND a.valid_to > \(literal: d)
                    AND v.kind IN (\(unsafeRaw: kinds))
                """, as: Int.self).first ?? 0
        } else {
            for organization in grassroots {
                rows.append(.init(code: organization.code, name: organization.name,
                                  statistics: try await statistics(of: organization.id, asOf: to)))
            }
        }
        return ReviewTables(rows: rows, omittedRows: omitted, total: try await statistics(of: root, asOf: to),
                            kinds: try await organizationKindCounts(under: root, from: from, to: to))
    }

    /// `OrganizationTree.kindCounts(under:from:to:)` in SQL: the organizations of the subtree on `to` by kind, those
    /// established in the period under `root` by their first version's kind, those dissolved in it, under `root` on
    /// their last day, by their last version's kind.
    public func organizationKindCounts(under root: OrganizationID, from: Day, to: Day) async throws -> [OrganizationKindCounts] {
        let d = to.yyyymmdd, f = from.yyyymmdd, r = root.rawValue
        var counts = Dictionary(uniqueKeysWithValues: OrganizationKind.allCases.map { ($0, OrganizationKindCounts(kind: $0)) })
        /// Runs a `SELECT kind, COUNT(*) … GROUP BY kind` and sets the field `path` of each kind it counts.
        func count(_ field: WritableKeyPath<OrganizationKindCounts, Int>, _ query: SQLQueryString) async throws {
            for (kind, n) in try await reader.rows(query, as: (String, Int).self) {
                guard let kind = OrganizationKind(rawValue: kind) else { throw StoreError.unreadable("organization_versions.kind") }
                counts[kind]![keyPath: field] = n
            }
        }
        try await count(\.onLastDay, """
            SELECT v.kind, COUNT(*) FROM organization_ancestry a
            JOIN organization_versions v ON v.organization_id = a.descendant_id AND v.valid_from <= \(literal: d) AND v.valid_to > \(literal: d)
            WHERE a.ancestor_id = \(literal: r) AND a.valid_from <= \(literal: d) AND a.valid_to > \(literal: d)
            GROUP BY v.kind
            """)
        // NB: established: the first version starts on `established_on`, and the ancestry holds on that day.
        try await count(\.established, """
            SELECT v.kind, COUNT(*) FROM organizations o
            JOIN organization_versions v ON v.organization_id = o.id AND v.valid_from = o.established_on
            WHERE o.established_on >= \(literal: f) AND o.established_on <= \(literal: d)
                AND EXISTS (SELECT 1 FROM organization_ancestry a WHERE a.descendant_id = o.id AND a.ancestor_id = \(literal: r)
                    AND a.valid_from <= o.established_on AND a.valid_to > o.established_on)
            GROUP BY v.kind
            """)
        // NB: dissolved: the last version ends on `dissolved_on`; "under root on its last day" is an ancestry range that
        // starts before `dissolved_on` and reaches it (days are stored as YYYYMMDD: no arithmetic on them).
        try await count(\.dissolved, """
            SELECT v.kind, COUNT(*) FROM organizations o
            JOIN organization_versions v ON v.organization_id = o.id AND v.valid_to = o.dissolved_on
            WHERE o.dissolved_on >= \(literal: f) AND o.dissolved_on <= \(literal: d)
                AND EXISTS (SELECT 1 FROM organization_ancestry a WHERE a.descendant_id = o.id AND a.ancestor_id = \(literal: r)
                    AND a.valid_from < o.dissolved_on AND a.valid_to >= o.dissolved_on)
            GROUP BY v.kind
            """)
        return OrganizationKind.allCases.map { counts[$0]! }
    }
}
