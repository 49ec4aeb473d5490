import DangBoCore
import Foundation
import SQLKit

extension Store {
    /// Up to this many organizations in its subtree over the period, a scope reads its meetings from its cells rather
    /// than from the period's meetings of the nation (`rows(of:…)`): a cell holds about three meetings a quarter, so
    /// the nation's meetings of a period outnumber the organizations of any province (the largest: 26,284 in the
    /// national registry).
    static let meetingsFromTheSubtreeLimit = 50_000

    /// The meetings (`m`) held from `from` through `to` by cells of `root`'s subtree on their day, as the text after
    /// FROM.
    private static func meetingsHeld(in root: OrganizationID, from: Day, to: Day, subtreeFirst: Bool) -> SQLQueryString {
        rows(of: "meetings", as: "m", organization: "cell_id", day: "held_on", within: root, from: from, to: to,
             subtreeFirst: subtreeFirst)
    }

    /// `Review.meetings` in SQL: the twin of `Registry.meetingFigures(of:from:to:)`, counted on the meetings the
    /// compliance reads.
    public func meetingFigures(of root: OrganizationID, from: Day, to: Day) async throws -> Review.Meetings {
        try await meetingFigures(of: root, from: from, to: to, startFromSubtree: nil)
    }

    /// `startFromSubtree` forces one of the two plans (tests hold both equal to Core); nil chooses by the subtree's size.
    ///
    /// NB: the cells without a monthly meeting are counted in SQL among the cells that stood in the scope as cells
    /// over the whole period (one ancestry row and one version each cover it: all but 463 of the nation's 268,312 in
    /// a quarter), and walked as the compliance walks them (`meetingGaps`) among the others alone: walking every cell
    /// read 566,000 rows into Swift for a nation's review.
    func meetingFigures(of root: OrganizationID, from: Day, to: Day, startFromSubtree: Bool?) async throws -> Review.Meetings {
        var figures = Review.Meetings()
        guard from <= to else { return figures }
        let f = from.yyyymmdd, t = to.yyyymmdd, r = root.rawValue
        let subtreeFirst: Bool
        if let startFromSubtree {
            subtreeFirst = startFromSubtree
        } else {
            subtreeFirst = try await subtree(of: root, from: from, to: to, holdsAtMost: Self.meetingsFromTheSubtreeLimit)
        }
        func cellThroughout(_ alias: String, from start: Int, to end: Int) -> String {
            """
            EXISTS (SELECT 1 FROM organization_versions \(alias) WHERE \(alias).organization_id = a.descendant_id
                AND \(alias).kind IN (\(Self.cellKinds)) AND \(alias).valid_from <= \(start) AND \(alias).valid_to > \(end))
            """
        }
        let regular = MeetingKind.regular.rawValue
        let missed = MeetingCompliance.stretches(from: from, to: to, every: { RuleBook.meetingRegularEvery.version(on: $0).value })
            .map { stretch in
                """
                NOT EXISTS (SELECT 1 FROM meetings m WHERE m.cell_id = a.descendant_id AND m.kind = '\(regular)'
                    AND m.held_on >= \(stretch.from.yyyymmdd) AND m.held_on <= \(stretch.to.yyyymmdd))
                """
            }.joined(separator: " OR ")
        async let held = reader.rows("""
            SELECT m.kind, COUNT(*) FROM \(Self.meetingsHeld(in: root, from: from, to: to, subtreeFirst: subtreeFirst)) GROUP BY m.kind
            """, as: (String, Int).self)
        // The cells in the scope as cells from `from` through `to` (one row of each covers the period), without a
        // regular meeting in some stretch: any meeting they held in the period was held in the scope.
        let throughoutQuery = """
            SELECT COUNT(*) FROM organization_ancestry a
            WHERE a.ancestor_id = \(r) AND a.valid_from <= \(f) AND a.valid_to > \(t) AND \(cellThroughout("v", from: f, to: t))
                AND (\(missed))
            """
        async let throughout = reader.rows(SQLQueryString(throughoutQuery), as: Int.self)
        // The others that were cells of the scope on some day of the period.
        let othersQuery = """
            SELECT DISTINCT a.descendant_id FROM organization_ancestry a
            WHERE a.ancestor_id = \(r) AND a.valid_from <= \(t) AND a.valid_to > \(f)
                AND NOT (a.valid_from <= \(f) AND a.valid_to > \(t) AND \(cellThroughout("w", from: f, to: t)))
                AND \(cellThroughout("v", from: t, to: f))
            """
        let others = try await reader.rows(SQLQueryString(othersQuery), as: Int.self)
        for (kind, n) in try await held {
            switch MeetingKind(rawValue: kind) {
            case .regular?: figures.regular += n
            case .thematic?: figures.thematic += n
            case nil: throw StoreError.unreadable("meetings.kind")
            }
        }
        figures.cellsWithoutMonthlyMeeting = try await throughout.first ?? 0
        if !others.isEmpty {
            let scope = try await meetingGaps(of: root, from: from, to: to, kinds: [.regular], startFromSubtree: subtreeFirst,
                                              cells: others)
            figures.cellsWithoutMonthlyMeeting += Set(scope.gaps[.regular, default: []].map { $0.cell }).count
        }
        return figures
    }

    /// The kinds of a cell's versions, as a SQL list.
    private static let cellKinds = OrganizationKind.allCases.filter(\.isCell).map { "'\($0.rawValue)'" }.joined(separator: ", ")

    /// The meeting compliance of the cells of `root`'s subtree over `from`–`to`: the twin of
    /// `Registry.meetingCompliance(of:from:to:)`, from indexed reads (the subtree's ancestry and versions over the
    /// period, its meetings and absences) and interval arithmetic on the rows.
    public func meetingCompliance(of root: OrganizationID, from: Day, to: Day) async throws -> MeetingCompliance {
        try await meetingCompliance(of: root, from: from, to: to, startFromSubtree: nil)
    }

    /// `startFromSubtree` forces one of the two plans (tests hold both equal to Core); nil chooses by the subtree's size.
    func meetingCompliance(of root: OrganizationID, from: Day, to: Day, startFromSubtree: Bool?) async throws -> MeetingCompliance {
        var compliance = MeetingCompliance()
        guard from <= to else { return compliance }
        let scope = try await meetingGaps(of: root, from: from, to: to, kinds: MeetingKind.allCases, startFromSubtree: startFromSubtree)
        compliance.withoutRegular = scope.gaps[.regular, default: []].sorted()
        compliance.withoutThematic = scope.gaps[.thematic, default: []].sorted()
        let held = Self.meetingsHeld(in: root, from: from, to: to, subtreeFirst: scope.subtreeFirst)
        var meetings: [Int: Meeting] = [:]
        for row in try await reader.raw("SELECT m.* FROM \(held)").all() {
            let meeting = try Self.meeting(from: row)
            if meeting.isShort { meetings[try row.decode(column: "id", as: Int.self)] = meeting }
        }
        for (id, lines) in try await Self.attendance(ofMeetings: meetings.keys.sorted(), on: reader) { meetings[id]?.attendance = lines }
        compliance.short = meetings.values.sorted { ($0.held, $0.reference) < ($1.held, $1.reference) }
        var absent: [MemberID: [Int: Set<Int>]] = [:]
        for row in try await reader.raw("""
            SELECT x.member_id AS member_id, m.held_on AS held_on
            FROM (SELECT m.id AS id, m.held_on AS held_on FROM \(held)) m JOIN meeting_attendance x ON x.meeting_id = m.id
            WHERE x.status = \(bind: AttendanceStatus.absentUnexcused.rawValue)
            """).all() {
            let held = try row.decode(column: "held_on", as: Int.self)
            absent[MemberID(try row.decode(column: "member_id", as: Int.self)), default: [:]][held / 10_000, default: []]
                .insert(held / 100 % 100)
        }
        compliance.absentees = MeetingCompliance.absentees(absent)
        return compliance
    }

    /// For each kind asked, the stretches (`MeetingCompliance.stretches`, by the rule of that kind) in which a cell of
    /// the scope on every day held no meeting of that kind; with the days of the meetings the scope held, by kind and
    /// cell, and whether they were read from the subtree (`startFromSubtree`, or when nil by
    /// `meetingsFromTheSubtreeLimit`). `cells` limits all of it to those cells.
    ///
    /// NB: "a cell of the scope on every day" is a stretch inside one run of the subtree's ancestry rows of the cell
    /// (adjacent ranges joined: the ancestry splits where the depth changes) and inside one run of its versions of a
    /// cell's kind; days are stored as YYYYMMDD, whose order is the days' order, so ranges compare as integers.
    private func meetingGaps(of root: OrganizationID, from: Day, to: Day, kinds: [MeetingKind], startFromSubtree: Bool?,
                             cells only: [Int]? = nil) async throws
        -> (gaps: [MeetingKind: [MeetingCompliance.Gap]], held: [MeetingKind: [Int: [Int]]], subtreeFirst: Bool) {
        let f = from.yyyymmdd, t = to.yyyymmdd
        let among = only.map { ids -> (String) -> String in { " AND \($0) IN (\(ids.map(String.init).joined(separator: ", ")))" } }
            ?? { _ in "" }
        var ancestry: [Int: [(Int, Int)]] = [:], versions: [Int: [(Int, Int)]] = [:]
        // NB: rows read by position (`rows(_:as:)`): a nation's review reads some 300,000 of each.
        for (id, validFrom, validTo) in try await reader.rows("""
            SELECT a.descendant_id, a.valid_from, a.valid_to FROM organization_ancestry a
            WHERE a.ancestor_id = \(literal: root.rawValue) AND a.valid_from <= \(literal: t) AND a.valid_to > \(literal: f)
                \(unsafeRaw: among("a.descendant_id"))
            """, as: (Int, Int, Int).self) {
            ancestry[id, default: []].append((validFrom, validTo))
        }
        // NB: the versions of the subtree's organizations (IN, through the versions' key), not every version of the
        // nation tested against the ancestry: that scan of 317,843 versions cost a cell's review 60 ms nationally.
        for (id, validFrom, validTo) in try await reader.rows("""
            SELECT v.organization_id, v.valid_from, v.valid_to FROM organization_versions v
            WHERE v.organization_id IN (\(unsafeRaw: only.map { $0.map(String.init).joined(separator: ", ") } ?? """
                    SELECT a.descendant_id FROM organization_ancestry a
                    WHERE a.ancestor_id = \(root.rawValue) AND a.valid_from <= \(t) AND a.valid_to > \(f)
                    """))
                AND v.kind IN (\(unsafeRaw: Self.cellKinds)) AND v.valid_from <= \(literal: t) AND v.valid_to > \(literal: f)
            """, as: (Int, Int, Int).self) {
            versions[id, default: []].append((validFrom, validTo))
        }
        /// Ranges [from, to) sorted and joined where one ends as the next starts.
        func runs(_ ranges: [(Int, Int)]) -> [(Int, Int)] {
            var joined: [(Int, Int)] = []
            for range in ranges.sorted(by: { $0.0 < $1.0 }) {
                if let last = joined.last, last.1 >= range.0 { joined[joined.count - 1].1 = max(last.1, range.1) } else { joined.append(range) }
            }
            return joined
        }
        let cells = versions.keys.sorted().compactMap { id -> (OrganizationID, [(Int, Int)], [(Int, Int)])? in
            guard let inScope = ancestry[id] else { return nil }
            return (OrganizationID(id), runs(inScope), runs(versions[id]!))
        }
        let subtreeFirst = startFromSubtree ?? (ancestry.count <= Self.meetingsFromTheSubtreeLimit)
        var held: [MeetingKind: [Int: [Int]]] = [:]
        for (cell, kind, day) in try await reader.rows("""
            SELECT m.cell_id, m.kind, m.held_on FROM \(Self.meetingsHeld(in: root, from: from, to: to, subtreeFirst: subtreeFirst))
                \(unsafeRaw: among("m.cell_id"))
            """, as: (Int, String, Int).self) {
            guard let kind = MeetingKind(rawValue: kind) else { throw StoreError.unreadable("meetings.kind") }
            held[kind, default: [:]][cell, default: []].append(day)
        }
        var gaps: [MeetingKind: [MeetingCompliance.Gap]] = [:]
        for kind in kinds {
            let rule = kind == .regular ? RuleBook.meetingRegularEvery : RuleBook.meetingThematicEvery
            for stretch in MeetingCompliance.stretches(from: from, to: to, every: { rule.version(on: $0).value }) {
                let s = stretch.from.yyyymmdd, e = stretch.to.yyyymmdd
                for (cell, inScope, asCell) in cells
                where inScope.contains(where: { $0.0 <= s && e < $0.1 }) && asCell.contains(where: { $0.0 <= s && e < $0.1 }) {
                    let met = held[kind]?[cell.rawValue]?.contains { s <= $0 && $0 <= e } ?? false
                    if !met { gaps[kind, default: []].append(.init(cell: cell, from: stretch.from, to: stretch.to)) }
                }
            }
        }
        return (gaps, held, subtreeFirst)
    }

    /// The code and name of `ids` on `day` (or, for one not existing that day, its name before, else its first):
    /// one statement. A name alone may not tell two cells apart ("Chi bộ Văn phòng" of two agencies): lists show both.
    public func organizationNames(of ids: Set<OrganizationID>, on day: Day) async throws -> [OrganizationID: (code: String, name: String)] {
        guard !ids.isEmpty else { return [:] }
        var names: [OrganizationID: (code: String, name: String)] = [:]
        for row in try await reader.raw("""
            SELECT v.organization_id AS id, o.code AS code, v.name AS name, v.valid_from AS valid_from
            FROM organization_versions v JOIN organizations o ON o.id = v.organization_id
            WHERE v.organization_id IN (\(unsafeRaw: Self.list(ids.sorted())))
            ORDER BY v.organization_id, v.valid_from
            """).all() {
            let id = OrganizationID(try row.decode(column: "id", as: Int.self))
            let from = try row.decode(column: "valid_from", as: Int.self)
            // NB: versions in order: the last one begun by `day` wins (the one of the day), else the first.
            if names[id] == nil || from <= day.yyyymmdd {
                names[id] = (try row.decode(column: "code", as: String.self), try row.decode(column: "name", as: String.self))
            }
        }
        return names
    }

    /// The meetings held in the period by cells of `root`'s subtree on their day, the latest first (then by reference),
    /// at most `limit`, each with its attendance in member order: the meetings page's list of minutes. Two statements.
    public func meetings(of root: OrganizationID, from: Day, to: Day, limit: Int) async throws -> [Meeting] {
        try await meetings(of: root, from: from, to: to, limit: limit, startFromSubtree: nil)
    }

    /// `startFromSubtree` forces one of the two plans (tests hold both equal); nil chooses by the subtree's size.
    func meetings(of root: OrganizationID, from: Day, to: Day, limit: Int, startFromSubtree: Bool?) async throws -> [Meeting] {
        var meetings: [(id: Int, meeting: Meeting)] = []
        let subtreeFirst: Bool
        if let startFromSubtree {
            subtreeFirst = startFromSubtree
        } else {
            subtreeFirst = try await subtree(of: root, from: from, to: to, holdsAtMost: Self.meetingsFromTheSubtreeLimit)
        }
        for row in try await reader.raw("""
            SELECT m.* FROM \(Self.meetingsHeld(in: root, from: from, to: to, subtreeFirst: subtreeFirst))
            ORDER BY m.held_on DESC, m.meeting_ref LIMIT \(literal: limit)
            """).all() {
            meetings.append((try row.decode(column: "id", as: Int.self), try Self.meeting(from: row)))
        }
        let attendance = try await Self.attendance(ofMeetings: meetings.map(\.id), on: reader)
        return meetings.map { id, meeting in
            var meeting = meeting
            meeting.attendance = attendance[id] ?? []
            return meeting
        }
    }

    /// The attendance lines of the meetings `ids`, by meeting id, each in member order: one statement.
    static func attendance(ofMeetings ids: [Int], on sql: any SQLDatabase) async throws -> [Int: [Attendance]] {
        guard !ids.isEmpty else { return [:] }
        var lines: [Int: [Attendance]] = [:]
        for row in try await sql.raw("""
            SELECT meeting_id, member_id, status FROM meeting_attendance
            WHERE meeting_id IN (\(unsafeRaw: Set(ids).sorted().map(String.init).joined(separator: ", ")))
            ORDER BY meeting_id, member_id
            """).all() {
            guard let status = AttendanceStatus(rawValue: try row.decode(column: "status", as: String.self)) else {
                throw StoreError.unreadable("meeting_attendance.status")
            }
            lines[try row.decode(column: "meeting_id", as: Int.self), default: []]
                .append(Attendance(member: MemberID(try row.decode(column: "member_id", as: Int.self)), status: status))
        }
        return lines
    }

    static func meeting(from row: any SQLRow) throws -> Meeting {
        guard let kind = MeetingKind(rawValue: try row.decode(column: "kind", as: String.self)) else {
            throw StoreError.unreadable("meetings.kind")
        }
        return Meeting(reference: try row.decode(column: "meeting_ref", as: String.self),
                       cell: OrganizationID(try row.decode(column: "cell_id", as: Int.self)), kind: kind,
                       held: try .stored(try row.decode(column: "held_on", as: Int.self)),
                       durationMinutes: try row.decode(column: "duration_minutes", as: Int.self),
                       chair: try row.decode(column: "chair_id", as: Int?.self).map(MemberID.init(rawValue:)),
                       secretary: try row.decode(column: "secretary_id", as: Int?.self).map(MemberID.init(rawValue:)),
                       agenda: try row.decode(column: "agenda", as: String.self),
                       resolution: try row.decode(column: "resolution", as: String.self))
    }

    /// The national IDs of `ids` (the minutes' form names a guest by it): one statement.
    public func nationalIDs(of ids: Set<MemberID>) async throws -> [MemberID: String] {
        guard !ids.isEmpty else { return [:] }
        var numbers: [MemberID: String] = [:]
        for row in try await reader.raw("""
            SELECT id, national_id FROM members WHERE id IN (\(unsafeRaw: ids.map { String($0.rawValue) }.sorted().joined(separator: ", ")))
            """).all() {
            numbers[MemberID(try row.decode(column: "id", as: Int.self))] = try row.decode(column: "national_id", as: String.self)
        }
        return numbers
    }

    /// The full names of `ids`: one statement.
    public func memberNames(of ids: Set<MemberID>) async throws -> [MemberID: String] {
        guard !ids.isEmpty else { return [:] }
        var names: [MemberID: String] = [:]
        for row in try await reader.raw("""
            SELECT id, full_name FROM members WHERE id IN (\(unsafeRaw: ids.map { String($0.rawValue) }.sorted().joined(separator: ", ")))
            """).all() {
            names[MemberID(try row.decode(column: "id", as: Int.self))] = try row.decode(column: "full_name", as: String.self)
        }
        return names
    }
}
