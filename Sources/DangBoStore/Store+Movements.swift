import DangBoCore
import SQLKit

extension Store {
    /// One page of "Biến động đảng viên": the events of a period in a scope, newest first, with their total.
    public struct MovementsPage: Sendable {
        public var rows: [RecentEvent]
        public var total: Int
        public var page: Int
        public var pageSize: Int

        public init(rows: [RecentEvent], total: Int, page: Int, pageSize: Int) {
            self.rows = rows
            self.total = total
            self.page = page
            self.pageSize = pageSize
        }
    }

    /// The events effective from `from` through `to` whose cell (the event's organization, else the member's cell on
    /// the event's day) lay in `scope` on the event's day, newest first (day, then member id, then order of entry,
    /// descending), one page of `pageSize`, with the total: the scope is filtered in SQL. With `root`, only the events
    /// whose cell lay under it that day as well. Three statements: the count, the page, its members.
    ///
    /// NB: `recentEvents(in:asOf:limit:)` (the dashboard's) answers the latest events up to a day with no start, no
    /// offset and no total: this is its paginated twin over a period, with the same notion of an event's cell.
    public func movements(
        in scope: Scope, under root: OrganizationID? = nil, from: Day, to: Day, page: Int, pageSize: Int = 50
    ) async throws -> MovementsPage {
        let page = max(1, page), size = max(1, pageSize)
        guard !scope.roots.isEmpty, from <= to else { return MovementsPage(rows: [], total: 0, page: page, pageSize: size) }
        let events: SQLQueryString = """
            SELECT e.*, COALESCE(e.organization_id, \(Self.periodCellOfEvent)) AS event_cell
            FROM membership_events e
            WHERE e.effective_on >= \(literal: from.yyyymmdd) AND e.effective_on <= \(literal: to.yyyymmdd)
            """
        var inScope: SQLQueryString = """
            EXISTS (SELECT 1 FROM organization_ancestry sa WHERE sa.descendant_id = x.event_cell
                AND sa.ancestor_id IN (\(unsafeRaw: Self.list(scope.roots)))
                AND sa.valid_from <= x.effective_on AND sa.valid_to > x.effective_on)
            """
        if let root {
            inScope = inScope + """
                 AND EXISTS (SELECT 1 FROM organization_ancestry ra WHERE ra.descendant_id = x.event_cell
                    AND ra.ancestor_id = \(literal: root.rawValue) AND ra.valid_from <= x.effective_on AND ra.valid_to > x.effective_on)
                """
        }
        let total = try await reader.raw("SELECT COUNT(*) AS n FROM (\(events)) x WHERE \(inScope)").first()?
            .decode(column: "n", as: Int.self) ?? 0
        let offset = (page - 1) * size
        guard offset < total else { return MovementsPage(rows: [], total: total, page: page, pageSize: size) }
        let rows = try await reader.raw("""
            SELECT x.*, o.code AS cell_code, v.name AS cell_name, v.kind AS cell_kind, v.parent_id AS cell_parent
            FROM (\(events)) x
            JOIN organizations o ON o.id = x.event_cell
            JOIN organization_versions v ON v.organization_id = x.event_cell
                AND v.valid_from <= x.effective_on AND v.valid_to > x.effective_on
            WHERE \(inScope)
            ORDER BY x.effective_on DESC, x.member_id DESC, x.seq DESC LIMIT \(literal: size) OFFSET \(literal: offset)
            """).all()
        let movements = try await recentEvents(from: rows)
        return MovementsPage(rows: movements, total: total, page: page, pageSize: size)
    }
}
