import DangBoCore
import SQLKit

/// The questions the web pages ask, each answered by a few indexed statements, never by loading the tree or the
/// registry, and each filtered by the caller's scope in SQL (issue 9 points 1 and 2): what lies outside the scope
/// never leaves the database.
extension Store {
    /// The organization with `code` as it stood on `day` (nil when no such code or it did not exist that day).
    /// Indexed, no tree load.
    public func organization(code: String, on day: Day) async throws -> OrganizationSummary? {
        let d = day.yyyymmdd
        return try await reader.raw("""
            SELECT \(Self.summaryColumns) FROM organizations o
            JOIN organization_versions v ON v.organization_id = o.id AND v.valid_from <= \(literal: d) AND v.valid_to > \(literal: d)
            WHERE o.code = \(bind: code)
            """).first().map(Self.summary(from:))
    }

    /// The organization with `code` as it stood on `day` if it lies in `scope` that day; nil otherwise (unknown, not
    /// existing that day, or outside the scope: a caller is never told which). One statement, the scope in SQL.
    public func organization(code: String, on day: Day, in scope: Scope) async throws -> OrganizationSummary? {
        guard !scope.roots.isEmpty else { return nil }
        let d = day.yyyymmdd
        return try await reader.raw("""
            SELECT \(Self.summaryColumns) FROM organizations o
            JOIN organization_versions v ON v.organization_id = o.id AND v.valid_from <= \(literal: d) AND v.valid_to > \(literal: d)
            WHERE o.code = \(bind: code) AND \(Self.covering("o.id", by: scope, on: day))
            """).first().map(Self.summary(from:))
    }

    /// The organization with `code` and its name on `day` — or, when it did not exist that day, its name when it last
    /// did: one indexed statement (a command resolving its `--organization`, never the whole tree).
    public func organizationNamed(code: String, on day: Day) async throws -> (id: OrganizationID, name: String)? {
        let d = day.yyyymmdd
        guard let row = try await reader.raw("""
            SELECT o.id AS id, v.name AS name FROM organizations o JOIN organization_versions v ON v.organization_id = o.id
            WHERE o.code = \(bind: code)
            ORDER BY CASE WHEN v.valid_from <= \(literal: d) AND v.valid_to > \(literal: d) THEN 0 ELSE 1 END, v.valid_from DESC
            LIMIT 1
            """).first() else { return nil }
        return (OrganizationID(try row.decode(column: "id", as: Int.self)), try row.decode(column: "name", as: String.self))
    }

    /// The codes of `ids` (those the registry holds), in one statement.
    public func organizationCodes(of ids: Set<OrganizationID>) async throws -> [OrganizationID: String] {
        guard !ids.isEmpty else { return [:] }
        var codes: [OrganizationID: String] = [:]
        for row in try await reader.raw("""
            SELECT id, code FROM organizations WHERE id IN (\(unsafeRaw: Self.list(ids.sorted())))
            """).all() {
            codes[OrganizationID(try row.decode(column: "id", as: Int.self))] = try row.decode(column: "code", as: String.self)
        }
        return codes
    }

    /// The organization `id` as it stood on `day` (nil when unknown or it did not exist that day).
    public func organization(_ id: OrganizationID, on day: Day) async throws -> OrganizationSummary? {
        let d = day.yyyymmdd
        return try await reader.raw("""
            SELECT \(Self.summaryColumns) FROM organizations o
            JOIN organization_versions v ON v.organization_id = o.id AND v.valid_from <= \(literal: d) AND v.valid_to > \(literal: d)
            WHERE o.id = \(literal: id.rawValue)
            """).first().map(Self.summary(from:))
    }

    /// The organizations that stand at the top of the tree in some version: a scope of them covers the whole registry
    /// on every day (the operator's scope on the command line).
    public func rootOrganizations() async throws -> [OrganizationID] {
        try await reader.raw("SELECT DISTINCT organization_id AS id FROM organization_versions WHERE parent_id IS NULL ORDER BY organization_id")
            .all().map { OrganizationID(try $0.decode(column: "id", as: Int.self)) }
    }

    /// Whether `id` lies in `scope` on `day` (ancestry in SQL): the twin of `Scope.covers(_:in:on:)`.
    public func covers(_ scope: Scope, _ id: OrganizationID, on day: Day) async throws -> Bool {
        guard !scope.roots.isEmpty else { return false }
        let row = try await reader.raw("""
            SELECT \(Self.covering("\(id.rawValue)", by: scope, on: day)) AS covered
            """).first()
        return try row?.decode(column: "covered", as: Bool.self) ?? false
    }

    /// The organizations directly under `parent` on `day` that lie in `scope` (parent nil: the scope's roots that
    /// exist that day and lie under no other of its roots), sorted by code.
    public func children(of parent: OrganizationID?, in scope: Scope, on day: Day) async throws -> [OrganizationSummary] {
        guard !scope.roots.isEmpty else { return [] }
        let d = day.yyyymmdd
        let rows: [any SQLRow]
        if let parent {
            // NB: the children of a day are the descendants at depth 1 in the ancestry (its ranges split where the
            // depth changes), read through its index by ancestor and day.
            rows = try await reader.raw("""
                SELECT \(Self.summaryColumns) FROM organization_ancestry c
                JOIN organizations o ON o.id = c.descendant_id
                JOIN organization_versions v ON v.organization_id = c.descendant_id
                    AND v.valid_from <= \(literal: d) AND v.valid_to > \(literal: d)
                WHERE c.ancestor_id = \(literal: parent.rawValue) AND c.depth = 1
                    AND c.valid_from <= \(literal: d) AND c.valid_to > \(literal: d)
                    AND \(Self.covering("c.descendant_id", by: scope, on: day))
                """).all()
        } else {
            rows = try await reader.raw("""
                SELECT \(Self.summaryColumns) FROM organizations o
                JOIN organization_versions v ON v.organization_id = o.id AND v.valid_from <= \(literal: d) AND v.valid_to > \(literal: d)
                WHERE o.id IN (\(unsafeRaw: Self.list(scope.roots)))
                    AND NOT EXISTS (SELECT 1 FROM organization_ancestry x
                        WHERE x.descendant_id = o.id AND x.ancestor_id IN (\(unsafeRaw: Self.list(scope.roots))) AND x.depth > 0
                            AND x.valid_from <= \(literal: d) AND x.valid_to > \(literal: d))
                """).all()
        }
        // NB: sorted here, by bytes as Swift compares them: PostgreSQL would sort `code` by its database's collation.
        return try rows.map(Self.summary(from:)).sorted { ($0.code, $0.id) < ($1.code, $1.id) }
    }

    /// One page of the members on the rolls on `query.asOf` of the cells under `query.root` (or the whole scope),
    /// filtered in SQL by the scope, the accent-insensitive name text (folded `name_key LIKE`, as `members(matching:)`),
    /// standing, gender and age band (Core's `AgeBand` labels), in Vietnamese name order (`sort_key`, then id), with
    /// the total. Two statements: the count and the page.
    public func memberList(_ query: MemberListQuery, in scope: Scope) async throws -> MemberListPage {
        let page = max(1, query.page), size = max(1, query.pageSize)
        guard !scope.roots.isEmpty else { return MemberListPage(rows: [], total: 0, page: page, pageSize: size) }
        let day = query.asOf, d = day.yyyymmdd
        // NB: subtree first: the cells under the organization asked (else under the scope's roots) that day, then their
        // periods by the cell index, so that a grassroots organization's list reads its own members, not every period
        // of the registry on that day (1.2 s for a grassroots organization in a registry of 968,000 persons before).
        // `CROSS JOIN` keeps SQLite's join order; the scope is still checked on each cell.
        let periods = Self.periodsOnTheRolls(under: query.root.map { [$0] } ?? scope.roots, in: scope, on: day)
        let cells = periods.from
        var filter = periods.filter
        // The folded text and its LIKE pattern of the name search (letters, digits and single spaces: no wildcard);
        // its root is not read here (the scope and `query.root` filter above).
        let search = NameSearch(needle: VietnameseText.folded(query.text), root: query.root ?? OrganizationID(0), day: day)
        if !search.needle.isEmpty { filter = filter + " AND m.name_key LIKE \(bind: search.pattern)" }
        if let standing = query.standing { filter = filter + " AND p.standing = \(bind: standing.rawValue)" }
        if let gender = query.gender { filter = filter + " AND m.gender = \(bind: gender.rawValue)" }
        if let band = query.ageBand {
            // A band of the statistics or of the pyramid, as the ages it names (`AgeBand.ages(ofLabel:)`); no band's
            // label finds nobody.
            let age = "((\(d) - m.birth_date) / 10000)"
            if let ages = AgeBand.ages(ofLabel: band) {
                if let from = ages.from { filter = filter + " AND \(unsafeRaw: age) >= \(literal: from)" }
                if let upTo = ages.upTo { filter = filter + " AND \(unsafeRaw: age) <= \(literal: upTo)" }
            } else {
                filter = filter + " AND 1 = 0"
            }
        }

        // NB: the count reads the members' rows only when a filter asks about them (a period has one member).
        let readsMembers = !search.needle.isEmpty || query.gender != nil || query.ageBand != nil
        let total = try await reader.raw("""
            SELECT COUNT(*) AS n FROM \(cells) \(unsafeRaw: readsMembers ? "JOIN members m ON m.id = p.member_id" : "") WHERE \(filter)
            """).first()?.decode(column: "n", as: Int.self) ?? 0
        let offset = (page - 1) * size
        guard offset < total else { return MemberListPage(rows: [], total: total, page: page, pageSize: size) }
        // NB: the cell's version of the day exists whenever its ancestry does (the scope filter). The page's periods
        // are chosen first, then only they are joined to their rows and cells (half the time of joining every period
        // of a grassroots organization before sorting).
        let rows = try await reader.raw("""
            SELECT m.*, x.standing AS standing, x.exempt AS exempt, o.id AS cell_id, o.code AS cell_code,
                v.name AS cell_name, v.kind AS cell_kind, v.parent_id AS cell_parent
            FROM (
                SELECT p.member_id AS member_id, p.cell_id AS cell_id, p.standing AS standing, p.exempt AS exempt,
                    m.sort_key AS sort_key
                FROM \(cells) JOIN members m ON m.id = p.member_id
                WHERE \(filter)
                ORDER BY m.sort_key, m.id LIMIT \(literal: size) OFFSET \(literal: offset)
            ) x
            JOIN members m ON m.id = x.member_id
            JOIN organizations o ON o.id = x.cell_id
            JOIN organization_versions v ON v.organization_id = x.cell_id AND v.valid_from <= \(literal: d) AND v.valid_to > \(literal: d)
            ORDER BY x.sort_key, x.member_id
            """).all()
        return MemberListPage(rows: try rows.map(Self.listRow(from:)), total: total, page: page, pageSize: size)
    }

    /// A member's record if the member's cell on `asOf` (or, for a member no longer on the rolls, the last cell, as it
    /// stood on the member's last day there) lies in `scope`; nil otherwise, and for a member not yet on the rolls on
    /// `asOf`. Four statements: the member, the events, the organizations they name, the scope.
    public func memberRecord(_ id: MemberID, in scope: Scope, asOf day: Day) async throws -> MemberRecord? {
        guard !scope.roots.isEmpty,
              let row = try await reader.raw("SELECT * FROM members WHERE id = \(literal: id.rawValue)").first()
        else { return nil }
        let member = try Self.member(from: row)
        let events = try await reader.raw("""
            SELECT * FROM membership_events WHERE member_id = \(literal: id.rawValue) ORDER BY seq
            """).all().map(Self.event(from:))
        let tree = try await organizations(namedBy: events)
        // NB: the journal was checked when written; it is projected again here against the organizations it names
        // (and the deciding committees named by code), which is all `Journal` reads of the tree.
        let journal = try Journal(member: member, events: events, tree: tree)
        let place: (cell: OrganizationID, day: Day)
        if let period = journal.period(on: day) {
            place = (period.cell, day)
        } else if let period = journal.periods.last(where: { $0.validity.start <= day }) {
            place = (period.cell, max(period.validity.start, period.validity.lastDay ?? day))
        } else {
            return nil
        }
        guard try await covers(scope, place.cell, on: place.day) else { return nil }
        var cells: [OrganizationID: OrganizationSummary] = [:]
        for event in events.reversed() {
            guard let cell = event.organization, cells[cell] == nil, let organization = tree[cell] else { continue }
            cells[cell] = OrganizationSummary(organization, on: day) ?? OrganizationSummary(organization, on: event.effective)
        }
        return MemberRecord(member: member, journal: journal, cells: cells)
    }

    /// The organizations `events` name, and those whose code an event's decision names as its issuer, with all their
    /// versions: one statement.
    func organizations(namedBy events: [MembershipEvent]) async throws -> OrganizationTree {
        let ids = Set(events.compactMap(\.organization)).sorted()
        let issuers = Set(events.compactMap { $0.decision?.issuer }.filter { !$0.isEmpty }).sorted()
        guard !ids.isEmpty || !issuers.isEmpty else { return OrganizationTree() }
        var byCode: SQLQueryString = "NULL"
        if !issuers.isEmpty {
            byCode = issuers.dropFirst().reduce("\(bind: issuers[0])" as SQLQueryString) { $0 + ", \(bind: $1)" }
        }
        let rows = try await reader.raw("""
            SELECT o.id AS id, o.code AS code, v.valid_from AS valid_from, v.valid_to AS valid_to, v.name AS name,
                v.kind AS kind, v.parent_id AS parent_id
            FROM organizations o JOIN organization_versions v ON v.organization_id = o.id
            WHERE o.id IN (\(unsafeRaw: Self.list(ids))) OR o.code IN (\(byCode))
            ORDER BY o.id, v.valid_from
            """).all()
        var organizations: [OrganizationID: Organization] = [:]
        for row in rows {
            let id = OrganizationID(try row.decode(column: "id", as: Int.self))
            guard let kind = OrganizationKind(rawValue: try row.decode(column: "kind", as: String.self)) else {
                throw StoreError.unreadable("organization_versions.kind")
            }
            let code = try row.decode(column: "code", as: String.self)
            let version = OrganizationVersion(
                validity: try .stored(from: try row.decode(column: "valid_from", as: Int.self),
                                      to: try row.decode(column: "valid_to", as: Int.self)),
                name: try row.decode(column: "name", as: String.self), kind: kind,
                parent: try row.decode(column: "parent_id", as: Int?.self).map(OrganizationID.init(rawValue:)))
            organizations[id, default: Organization(id: id, code: code, versions: [])].versions.append(version)
        }
        return OrganizationTree(organizations.values)
    }
}

extension Store {
    /// The columns `summary(from:)` reads, of `organizations o` and `organization_versions v`.
    static let summaryColumns: SQLQueryString =
        "o.id AS id, o.code AS code, v.name AS name, v.kind AS kind, v.parent_id AS parent_id"

    /// A row of the member list's page query.
    static func listRow(from row: any SQLRow) throws -> MemberListRow {
        guard let standing = Standing(rawValue: try row.decode(column: "standing", as: String.self)) else {
            throw StoreError.unreadable("membership_periods.standing")
        }
        guard let kind = OrganizationKind(rawValue: try row.decode(column: "cell_kind", as: String.self)) else {
            throw StoreError.unreadable("organization_versions.kind")
        }
        return MemberListRow(
            member: try member(from: row),
            cell: OrganizationSummary(
                id: OrganizationID(try row.decode(column: "cell_id", as: Int.self)),
                code: try row.decode(column: "cell_code", as: String.self), name: try row.decode(column: "cell_name", as: String.self),
                kind: kind, parent: try row.decode(column: "cell_parent", as: Int?.self).map(OrganizationID.init(rawValue:))),
            standing: standing, exempt: try row.decode(column: "exempt", as: Bool.self))
    }

    static func summary(from row: any SQLRow) throws -> OrganizationSummary {
        let kind = try row.decode(column: "kind", as: String.self)
        guard let kind = OrganizationKind(rawValue: kind) else { throw StoreError.unreadable("organization_versions.kind") }
        return OrganizationSummary(
            id: OrganizationID(try row.decode(column: "id", as: Int.self)), code: try row.decode(column: "code", as: String.self),
            name: try row.decode(column: "name", as: String.self), kind: kind,
            parent: try row.decode(column: "parent_id", as: Int?.self).map(OrganizationID.init(rawValue:)))
    }

    /// The periods on the rolls on `day` of the cells under `roots` that lie in `scope` that day, subtree first:
    /// `from` names the cells `c` (the distinct descendants in the ancestry's ancestor index, each checked against the
    /// scope once), then `membership_periods p` read by the cell index; `filter` joins them and keeps the periods open
    /// that day; `cells` is the cells alone.
    ///
    /// NB: `CROSS JOIN` keeps SQLite's join order (the planner otherwise starts from every period open that day and
    /// probes the scope for each: a second for a bloc of a registry of a million); the join's condition stands in
    /// `filter`, since PostgreSQL takes no ON after CROSS JOIN.
    static func periodsOnTheRolls(under roots: [OrganizationID], in scope: Scope, on day: Day)
        -> (cells: SQLQueryString, from: SQLQueryString, filter: SQLQueryString) {
        let d = day.yyyymmdd
        let cells: SQLQueryString = """
            (SELECT DISTINCT ra.descendant_id AS id FROM organization_ancestry ra WHERE ra.ancestor_id IN (\(unsafeRaw: list(roots)))
                AND ra.valid_from <= \(literal: d) AND ra.valid_to > \(literal: d)
                AND \(covering("ra.descendant_id", by: scope, on: day))) c
            """
        return (cells, "\(cells) CROSS JOIN membership_periods p",
                "p.cell_id = c.id AND p.valid_from <= \(literal: d) AND p.valid_to > \(literal: d)")
    }

    /// "The organization in `column` lies in `scope` on `day`": one probe of the ancestry's key per root.
    ///
    /// NB: an EXISTS, not a join, so that an organization under two roots of the scope (one inside the other) is
    /// counted once.
    static func covering(_ column: String, by scope: Scope, on day: Day) -> SQLQueryString {
        covering(column, by: scope, onDayIn: String(day.yyyymmdd))
    }

    /// "The organization in `column` lies in `scope` on the day in `dayColumn`" (a SQL expression of the row asked about).
    static func covering(_ column: String, by scope: Scope, onDayIn dayColumn: String) -> SQLQueryString {
        """
        EXISTS (SELECT 1 FROM organization_ancestry sa WHERE sa.descendant_id = \(unsafeRaw: column)
            AND sa.ancestor_id IN (\(unsafeRaw: list(scope.roots))) AND sa.valid_from <= \(unsafeRaw: dayColumn)
            AND sa.valid_to > \(unsafeRaw: dayColumn))
        """
    }

    /// "The organization in `column` lies within `root`'s subtree on the day in `dayColumn`" (both SQL expressions of the
    /// row asked about: a decision's deciding organization on its effective day, a case's conductor on its first day, a
    /// meeting's cell on its day); with no `dayColumn`, on some day.
    static func within(_ root: OrganizationID, _ column: String, on dayColumn: String? = nil) -> SQLQueryString {
        let day = dayColumn.map { " AND a.valid_from <= \($0) AND a.valid_to > \($0)" } ?? ""
        return """
            EXISTS (SELECT 1 FROM organization_ancestry a WHERE a.descendant_id = \(unsafeRaw: column)
                AND a.ancestor_id = \(literal: root.rawValue)\(unsafeRaw: day))
            """
    }

    /// The rows of `table` (as `alias`) whose day (`dayColumn`) falls in `from`…`to` and whose organization (`column`)
    /// lies within `root`'s subtree on that day, as the text after FROM: `SELECT alias.… FROM \(rows)`.
    ///
    /// NB: from the subtree when `subtreeFirst` (its ancestry rows over the period, then each organization's rows of
    /// the period through an index on the organization then the day), else from the period's rows of the nation
    /// (through an index on the day), each probed in the ancestry (`within`). A quarter of a national registry holds
    /// some 800,000 meetings: a cell has three of them. The ancestry holds one row for an organization under a root
    /// on a day, so both give each row once; CROSS JOIN keeps SQLite to the order (PostgreSQL plans alone).
    static func rows(of table: String, as alias: String, organization column: String, day dayColumn: String,
                     within root: OrganizationID, from: Day, to: Day, subtreeFirst: Bool) -> SQLQueryString {
        let f = from.yyyymmdd, t = to.yyyymmdd
        let period = "\(alias).\(dayColumn) >= \(f) AND \(alias).\(dayColumn) <= \(t)"
        guard subtreeFirst else {
            return """
                \(unsafeRaw: table) \(unsafeRaw: alias) WHERE \(unsafeRaw: period)
                    AND \(within(root, "\(alias).\(column)", on: "\(alias).\(dayColumn)"))
                """
        }
        return """
            organization_ancestry a CROSS JOIN \(unsafeRaw: table) \(unsafeRaw: alias)
            WHERE a.ancestor_id = \(literal: root.rawValue) AND a.valid_from <= \(literal: t) AND a.valid_to > \(literal: f)
                AND \(unsafeRaw: alias).\(unsafeRaw: column) = a.descendant_id AND \(unsafeRaw: period)
                AND a.valid_from <= \(unsafeRaw: alias).\(unsafeRaw: dayColumn) AND a.valid_to > \(unsafeRaw: alias).\(unsafeRaw: dayColumn)
            """
    }

    /// Whether `root`'s subtree holds at most `limit` organizations at some time in `from`…`to` (its ancestry rows over
    /// the period, counted up to one more in the ancestry's covering index).
    func subtree(of root: OrganizationID, from: Day, to: Day, holdsAtMost limit: Int) async throws -> Bool {
        let row = try await reader.raw("""
            SELECT COUNT(*) AS n FROM (
                SELECT 1 FROM organization_ancestry WHERE ancestor_id = \(literal: root.rawValue)
                    AND valid_from <= \(literal: to.yyyymmdd) AND valid_to > \(literal: from.yyyymmdd)
                LIMIT \(literal: limit + 1)) s
            """).first()
        return try row!.decode(column: "n", as: Int.self) <= limit
    }

    /// Ids as a SQL list of integer literals (never empty: callers answer an empty scope before asking).
    static func list(_ ids: [OrganizationID]) -> String {
        ids.isEmpty ? "NULL" : ids.map { String($0.rawValue) }.joined(separator: ", ")
    }
}
