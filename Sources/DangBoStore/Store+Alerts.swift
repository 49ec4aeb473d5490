import DangBoCore
import SQLKit

/// The dashboard's alerts and recent changes (issue 9 point 3), each filtered by the caller's scope in SQL: the
/// candidates are found by a few indexed statements, their journals loaded in one, and Core decides.
extension Store {
    /// The most members whose journals `alerts` reads for badges: a bloc's rolls, not a province's.
    ///
    /// NB: party age depends on the whole journal (gaps, readmissions), so the candidates are the members on the rolls
    /// whose earliest date could put a badge due by the ceremony; above this many the badges are not computed
    /// (`DashboardAlerts.badgesCapped`) rather than loading a province's journals for one page.
    public static let badgeCandidateCap = 20_000

    /// The alerts of `scope` on `day`: probationers on the rolls whose probation ends on or before `day + days`
    /// (overdue ones first), members whose next badge falls due by the next ceremony day (RULES §3.8; a badge reached
    /// since the previous ceremony day counts as due at the next), and temporary stays open on `day` (away from a cell
    /// in scope, or attending one). Seven statements, whatever the scope's size.
    public func alerts(in scope: Scope, asOf day: Day, within days: Int = 30) async throws -> DashboardAlerts {
        let until = day.adding(days: days)
        let ceremony = DashboardAlerts.nextCeremony(onOrAfter: day)
        let previous = DashboardAlerts.previousCeremony(before: ceremony)
        guard !scope.roots.isEmpty else {
            return DashboardAlerts(asOf: day, until: until, ceremony: ceremony, probations: [], badges: [], temporaryStays: [])
        }
        let d = day.yyyymmdd
        // NB: subtree first (`periodsOnTheRolls`): a bloc's alerts read the bloc's periods, not every period of the
        // registry on that day probed against the scope (1 s for a bloc of 3,900 in a registry of 968,000 before).
        let periods = Self.periodsOnTheRolls(under: scope.roots, in: scope, on: day)
        let onRolls = periods.filter
        let rowColumns: SQLQueryString = """
            SELECT m.*, p.standing AS standing, p.exempt AS exempt, o.id AS cell_id, o.code AS cell_code,
                v.name AS cell_name, v.kind AS cell_kind, v.parent_id AS cell_parent
            FROM \(periods.from)
            JOIN members m ON m.id = p.member_id
            JOIN organizations o ON o.id = p.cell_id
            JOIN organization_versions v ON v.organization_id = p.cell_id AND v.valid_from <= \(literal: d) AND v.valid_to > \(literal: d)
            """

        // 1. Probationers on the rolls that day.
        let probationers = try await reader.raw("""
            \(rowColumns) WHERE \(onRolls) AND p.standing = \(bind: Standing.probationary.rawValue)
            """).all().map(Self.listRow(from:))

        // 2. Badge candidates: on the rolls, with a date early enough for the smallest milestone. Party age is counted
        // from the first stretch's start, which is ngày vào Đảng on file or an event's effective or decision day, and
        // gaps only move it later: a member with none of them by `latest` cannot reach a badge by the ceremony.
        let smallest = PartyAge.badgeYears(on: previous).min() ?? 30
        let latest = ceremony.adding(years: -smallest).adding(days: 2).yyyymmdd  // NB: slack for 29/2.
        let badgeRows = try await reader.raw("""
            \(rowColumns) WHERE \(onRolls) AND (m.joined_on <= \(literal: latest) OR EXISTS (SELECT 1 FROM membership_events be
                WHERE be.member_id = p.member_id AND (be.effective_on <= \(literal: latest) OR be.decision_date <= \(literal: latest))))
            ORDER BY p.member_id LIMIT \(literal: Self.badgeCandidateCap + 1)
            """).all().map(Self.listRow(from:))
        let badgesCapped = badgeRows.count > Self.badgeCandidateCap
        let badgeCandidates = badgesCapped ? [] : badgeRows

        // 3. Temporary stays that may be open: a start on or before the day with no end after it, whose cell lies in
        // scope that day: for a stay away, the member's own cell that day (from the scope's periods); for a member
        // attending, the cell attended (from the scope's cells, by the events' organization index).
        let notEnded: SQLQueryString = """
            e.effective_on <= \(literal: d) AND NOT EXISTS (SELECT 1 FROM membership_events x WHERE x.member_id = e.member_id
                AND x.kind = \(bind: EventKind.temporaryEnded.rawValue) AND x.effective_on > e.effective_on AND x.effective_on <= \(literal: d))
            """
        let stayRows = try await reader.raw("""
            SELECT DISTINCT e.member_id AS member_id, e.kind AS kind, p.cell_id AS stay_cell
            FROM \(periods.from) JOIN membership_events e ON e.member_id = p.member_id
            WHERE \(onRolls) AND e.kind = \(bind: EventKind.temporaryOut.rawValue) AND \(notEnded)
            UNION
            SELECT DISTINCT e.member_id AS member_id, e.kind AS kind, e.organization_id AS stay_cell
            FROM \(periods.cells) CROSS JOIN membership_events e
            WHERE e.organization_id = c.id AND e.kind = \(bind: EventKind.temporaryIn.rawValue) AND \(notEnded)
            """).all()
        var stayCells: [MemberID: (away: OrganizationID?, attending: Set<OrganizationID>)] = [:]
        for row in stayRows {
            let member = MemberID(try row.decode(column: "member_id", as: Int.self))
            let cell = OrganizationID(try row.decode(column: "stay_cell", as: Int.self))
            if try row.decode(column: "kind", as: String.self) == EventKind.temporaryOut.rawValue {
                stayCells[member, default: (nil, [])].away = cell
            } else {
                stayCells[member, default: (nil, [])].attending.insert(cell)
            }
        }

        // 4–6. The members, their events and the organizations those name; then Core decides.
        var members: [MemberID: Member] = [:]
        for row in probationers + badgeCandidates { members[row.member.id] = row.member }
        let missing = Set(stayCells.keys).subtracting(members.keys).sorted()
        if !missing.isEmpty {
            for row in try await reader.raw("""
                SELECT * FROM members WHERE id IN (\(unsafeRaw: missing.map { String($0.rawValue) }.joined(separator: ", ")))
                """).all() {
                let member = try Self.member(from: row)
                members[member.id] = member
            }
        }
        let journals = try await journals(of: members)

        var probations: [DashboardAlerts.Probation] = []
        for row in probationers {
            guard let due = journals[row.member.id]?.probationEnd(asOf: day), due <= until else { continue }
            probations.append(.init(member: row.member, cell: row.cell, due: due))
        }
        var badges: [DashboardAlerts.Badge] = []
        for row in badgeCandidates {
            guard let badge = journals[row.member.id]?.partyAge(asOf: day)?.nextBadge(after: previous),
                  badge.due <= ceremony else { continue }
            badges.append(.init(member: row.member, cell: row.cell, years: badge.years, due: badge.due))
        }

        var open: [(member: Member, cell: OrganizationID, kind: DashboardAlerts.StayKind, since: Day)] = []
        for (id, cells) in stayCells {
            guard let journal = journals[id] else { continue }
            let stay = Journal.openStays(journal.events, on: day)
            if let since = stay.away, let cell = cells.away { open.append((journal.member, cell, .away, since)) }
            if let attending = stay.attending, cells.attending.contains(attending.cell) {
                open.append((journal.member, attending.cell, .attending, attending.since))
            }
        }
        let summaries = try await summaries(Set(open.map(\.cell)), on: day)
        let stays = open.compactMap { stay in
            summaries[stay.cell].map { DashboardAlerts.TemporaryStay(member: stay.member, cell: $0, kind: stay.kind, since: stay.since) }
        }

        return DashboardAlerts(
            asOf: day, until: until, ceremony: ceremony,
            probations: probations.sorted { ($0.due, $0.member.id) < ($1.due, $1.member.id) },
            badges: badges.sorted { ($0.due, $0.member.id) < ($1.due, $1.member.id) },
            temporaryStays: stays.sorted { ($0.since, $0.member.id, $0.kind.rawValue) < ($1.since, $1.member.id, $1.kind.rawValue) },
            badgesCapped: badgesCapped)
    }

    /// The latest `limit` events effective on or before `day` whose cell (the event's organization, else the member's
    /// cell on the event's day) lay in `scope` on the event's day: latest first (day, then member id, then order of
    /// entry, descending). A statement for the scope's size, one for the events (a few pages of the newest events for a
    /// large scope), one for their members: the cost follows the scope (or `limit`), not the registry.
    public func recentEvents(in scope: Scope, asOf day: Day, limit: Int = 20) async throws -> [RecentEvent] {
        try await recentEvents(in: scope, asOf: day, limit: limit, newestFirst: nil)
    }

    /// Above this many ancestry rows under a scope's roots (a few thousand cells), or above a quarter of the tree, the
    /// recent events walk the nation's newest events first; below, they start from the scope's cells.
    ///
    /// NB: the walk reads about `limit` × (tree / scope) events, the scope-first plan every event of the scope's
    /// members: the walk wins for a large scope (the root: `limit` events), loses badly for a cell among 150,000.
    static let recentScopeFirstLimit = 2_000

    /// The lower bounds (exclusive) the scope-first plan of `recentEvents` tries in turn: a quarter, a year, four
    /// years before `day`, then none.
    static func recentWindows(before day: Day) -> [Day?] {
        [day.adding(days: -92), day.adding(years: -1), day.adding(years: -4), nil]
    }

    /// `newestFirst` forces one of the two plans (tests hold both equal to Core); nil chooses by the scope's size.
    func recentEvents(in scope: Scope, asOf day: Day, limit: Int, newestFirst: Bool?) async throws -> [RecentEvent] {
        guard !scope.roots.isEmpty, limit > 0 else { return [] }
        let d = day.yyyymmdd
        let roots = Self.list(scope.roots)
        let walk: Bool
        if let newestFirst {
            walk = newestFirst
        } else {
            // NB: both counts stop early (LIMIT), so that choosing costs a few thousand index entries at most.
            let cap = Self.recentScopeFirstLimit
            let row = try await reader.raw("""
                SELECT (SELECT COUNT(*) FROM (SELECT 1 AS one FROM organization_ancestry
                        WHERE ancestor_id IN (\(unsafeRaw: roots)) AND valid_from <= \(literal: d) LIMIT \(literal: cap + 1)) a) AS scope_n,
                    (SELECT COUNT(*) FROM (SELECT 1 AS one FROM organizations LIMIT \(literal: 4 * cap)) b) AS tree_n
                """).first()
            let scopeCount = try row?.decode(column: "scope_n", as: Int.self) ?? 0
            let treeCount = try row?.decode(column: "tree_n", as: Int.self) ?? 0
            walk = scopeCount > cap || 4 * scopeCount > treeCount
        }
        // NB: a departure's period ends on its day (`valid_to` is exclusive), hence `valid_to >=`: the latest period
        // touching the day (the last one in the journal when several do) is the cell the member was in.
        let periodCell = Self.periodCellOfEvent
        let inScope: SQLQueryString = """
            EXISTS (SELECT 1 FROM organization_ancestry sa WHERE sa.descendant_id = o.id
                AND sa.ancestor_id IN (\(unsafeRaw: roots)) AND sa.valid_from <= e.effective_on AND sa.valid_to > e.effective_on)
            """
        let columns: SQLQueryString = """
            e.*, o.id AS event_cell, o.code AS cell_code, v.name AS cell_name, v.kind AS cell_kind, v.parent_id AS cell_parent
            """
        let rows: [any SQLRow]
        if walk {
            rows = try await newestEventsFirst(asOf: day, limit: limit, cell: periodCell, inScope: inScope)
        } else {
            // The cells that ever lay under a root by the day; the events of the members who had a period in one (only
            // their periods' cells can be in scope), and the events of others naming one of those cells.
            // NB: the members are joined to their events (by member), not filtered by `IN` beside `organization_id IS
            // NULL`: SQLite then read every event with no organization of the nation by membership_events_by_organization.
            // NB: first over the last quarter only, then wider: the latest `limit` events of a window holding that
            // many are the latest of all (every older one sorts after them), and an active bloc's quarter holds
            // them (the candidates' cells and joins are found for the window's events only: 58 ms → 15 ms for a
            // bloc of 4,000 in the national registry).
            var found: [any SQLRow] = []
            for since in Self.recentWindows(before: day) {
                let after: SQLQueryString = since.map { " AND e.effective_on > \(literal: $0.yyyymmdd)" } ?? ""
                found = try await reader.raw("""
                WITH cells AS MATERIALIZED (
                    SELECT DISTINCT descendant_id AS id FROM organization_ancestry
                    WHERE ancestor_id IN (\(unsafeRaw: roots)) AND valid_from <= \(literal: d)
                ), members AS MATERIALIZED (
                    SELECT DISTINCT p.member_id AS id FROM membership_periods p
                    WHERE p.cell_id IN (SELECT id FROM cells) AND p.valid_from <= \(literal: d)
                ), candidates AS MATERIALIZED (
                    SELECT e.member_id AS member_id, e.seq AS seq, COALESCE(e.organization_id, \(periodCell)) AS cell_id
                    FROM members m JOIN membership_events e ON e.member_id = m.id
                    WHERE e.effective_on <= \(literal: d)\(after)
                    UNION ALL
                    SELECT e.member_id AS member_id, e.seq AS seq, e.organization_id AS cell_id FROM membership_events e
                    WHERE e.organization_id IN (SELECT id FROM cells) AND e.effective_on <= \(literal: d)\(after)
                        AND e.member_id NOT IN (SELECT id FROM members)
                )
                SELECT \(columns) FROM candidates c
                JOIN membership_events e ON e.member_id = c.member_id AND e.seq = c.seq
                JOIN organizations o ON o.id = c.cell_id
                JOIN organization_versions v ON v.organization_id = o.id
                    AND v.valid_from <= e.effective_on AND v.valid_to > e.effective_on
                WHERE \(inScope)
                ORDER BY e.effective_on DESC, e.member_id DESC, e.seq DESC LIMIT \(literal: limit)
                """).all()
                if found.count >= limit { break }
            }
            rows = found
        }
        return try await recentEvents(from: rows)
    }

    /// Rows of events with their cell (`event_cell`, `cell_code`, `cell_name`, `cell_kind`, `cell_parent`) as
    /// `RecentEvent`s, with their members read in one statement; the rows' order is kept.
    func recentEvents(from rows: [any SQLRow]) async throws -> [RecentEvent] {
        let ids = Set(try rows.map { try $0.decode(column: "member_id", as: Int.self) }).sorted()
        guard !ids.isEmpty else { return [] }
        var members: [MemberID: Member] = [:]
        for row in try await reader.raw("""
            SELECT * FROM members WHERE id IN (\(unsafeRaw: ids.map(String.init).joined(separator: ", ")))
            """).all() {
            let member = try Self.member(from: row)
            members[member.id] = member
        }
        return try rows.map { row in
            let event = try Self.event(from: row)
            guard let member = members[event.member],
                  let kind = OrganizationKind(rawValue: try row.decode(column: "cell_kind", as: String.self))
            else { throw StoreError.unreadable("organization_versions.kind") }
            let cell = OrganizationSummary(
                id: OrganizationID(try row.decode(column: "event_cell", as: Int.self)),
                code: try row.decode(column: "cell_code", as: String.self),
                name: try row.decode(column: "cell_name", as: String.self), kind: kind,
                parent: try row.decode(column: "cell_parent", as: Int?.self).map(OrganizationID.init(rawValue:)))
            return RecentEvent(member: member, cell: cell, event: event)
        }
    }

    /// The cell of an event `e` that names none: the member's latest period touching its day (a departure's period
    /// ends on its day — `valid_to` is exclusive — hence `valid_to >=`; the last step of that day wins).
    static let periodCellOfEvent: SQLQueryString = """
        (SELECT p.cell_id FROM membership_periods p
            WHERE p.member_id = e.member_id AND p.valid_from <= e.effective_on AND p.valid_to >= e.effective_on
            ORDER BY p.valid_from DESC, p.step DESC LIMIT 1)
        """

    /// The walk of `recentEvents` for a large scope: pages of the newest events up to `day` along
    /// membership_events_by_day (4 × `limit`, then twice as many each time), each event's cell and scope found for the
    /// page's events only, until `limit` lie in scope or the journal's beginning is reached.
    ///
    /// NB: the page is a subquery with its own ORDER BY and LIMIT, so that neither database can turn the walk into a
    /// join over every event (PostgreSQL hashed the whole table against the ancestry when it was one statement).
    private func newestEventsFirst(asOf day: Day, limit: Int, cell periodCell: SQLQueryString,
                                   inScope: SQLQueryString) async throws -> [any SQLRow] {
        var found: [any SQLRow] = []
        var after: (day: Int, member: Int, seq: Int)?
        var page = 4 * limit
        while found.count < limit {
            let cursor: SQLQueryString = after.map { """
                AND e.effective_on <= \(literal: $0.day)
                AND (e.effective_on, e.member_id, e.seq) < (\(literal: $0.day), \(literal: $0.member), \(literal: $0.seq))
                """ } ?? ""
            let rows = try await reader.raw("""
                SELECT e.*, o.code AS cell_code, v.name AS cell_name, v.kind AS cell_kind, v.parent_id AS cell_parent,
                    CASE WHEN v.organization_id IS NOT NULL AND \(inScope) THEN 1 ELSE 0 END AS in_scope
                FROM (
                    SELECT e.*, COALESCE(e.organization_id, \(periodCell)) AS event_cell FROM membership_events e
                    WHERE e.effective_on <= \(literal: day.yyyymmdd) \(cursor)
                    ORDER BY e.effective_on DESC, e.member_id DESC, e.seq DESC LIMIT \(literal: page)
                ) e
                LEFT JOIN organizations o ON o.id = e.event_cell
                LEFT JOIN organization_versions v ON v.organization_id = o.id
                    AND v.valid_from <= e.effective_on AND v.valid_to > e.effective_on
                ORDER BY e.effective_on DESC, e.member_id DESC, e.seq DESC
                """).all()
            for row in rows where try row.decode(column: "in_scope", as: Int.self) == 1 { found.append(row) }
            guard rows.count == page, let last = rows.last else { break }
            after = (try last.decode(column: "effective_on", as: Int.self), try last.decode(column: "member_id", as: Int.self),
                     try last.decode(column: "seq", as: Int.self))
            page = min(2 * page, 50_000)
        }
        return Array(found.prefix(limit))
    }

    /// The journals of `members`: their events in one statement, the organizations those name in another.
    private func journals(of members: [MemberID: Member]) async throws -> [MemberID: Journal] {
        guard !members.isEmpty else { return [:] }
        let ids = members.keys.map { String($0.rawValue) }.sorted().joined(separator: ", ")
        var events: [MemberID: [MembershipEvent]] = [:]
        for row in try await reader.raw("""
            SELECT * FROM membership_events WHERE member_id IN (\(unsafeRaw: ids)) ORDER BY member_id, seq
            """).all() {
            let event = try Self.event(from: row)
            events[event.member, default: []].append(event)
        }
        let tree = try await organizations(namedBy: events.values.flatMap { $0 })
        var journals: [MemberID: Journal] = [:]
        for (id, member) in members {
            // NB: the journal was checked when written; it is projected again against the organizations it names.
            journals[id] = try Journal(member: member, events: events[id] ?? [], tree: tree)
        }
        return journals
    }

    /// The organizations `ids` as they stood on `day`: one statement.
    private func summaries(_ ids: Set<OrganizationID>, on day: Day) async throws -> [OrganizationID: OrganizationSummary] {
        guard !ids.isEmpty else { return [:] }
        let d = day.yyyymmdd
        let rows = try await reader.raw("""
            SELECT \(Self.summaryColumns) FROM organizations o
            JOIN organization_versions v ON v.organization_id = o.id AND v.valid_from <= \(literal: d) AND v.valid_to > \(literal: d)
            WHERE o.id IN (\(unsafeRaw: Self.list(ids.sorted())))
            """).all()
        return Dictionary(uniqueKeysWithValues: try rows.map(Self.summary(from:)).map { ($0.id, $0) })
    }
}
