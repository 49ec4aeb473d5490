import DangBoCore
import Foundation
import SQLKit

/// A member on a cell's rolls on a meeting's day, as the attendance form lists them.
public struct MeetingRollLine: Sendable, Equatable {
    public var member: MemberID
    public var fullName: String
    public var exempt: Bool
}

extension Store {
    /// The members on the rolls of `cell` on `day`, in Vietnamese name order.
    public func meetingRoll(of cell: OrganizationID, on day: Day) async throws -> [MeetingRollLine] {
        let d = day.yyyymmdd
        return try await reader.raw("""
            SELECT m.id AS id, m.full_name AS full_name, p.exempt AS exempt FROM membership_periods p
            JOIN members m ON m.id = p.member_id
            WHERE p.cell_id = \(literal: cell.rawValue) AND p.valid_from <= \(literal: d) AND p.valid_to > \(literal: d)
            ORDER BY m.sort_key, m.id
            """).all().map { row in
            MeetingRollLine(member: MemberID(try row.decode(column: "id", as: Int.self)),
                            fullName: try row.decode(column: "full_name", as: String.self),
                            exempt: try row.decode(column: "exempt", as: Bool.self))
        }
    }

    /// Records `meeting` (its reference made from the cell, the day and the kind when empty) in a locked write with
    /// its audit entry, after checking inside it that the minutes keep the rules (`checkMinutes`); returns the reference.
    public func recordMeeting(_ meeting: Meeting, in scope: Scope, actor: String) async throws -> String {
        try await writing { store in
            let cell = try await store.checkMinutes(meeting, in: scope)
            var recorded = meeting
            if recorded.reference.isEmpty {
                let stem = "SH-\(cell.code)-\(meeting.held.iso)-\(meeting.kind == .regular ? "TK" : "CD")"
                let taken = Set(try await store.sql.raw("""
                    SELECT meeting_ref FROM meetings WHERE meeting_ref LIKE \(bind: stem + "%")
                    """).all().map { try $0.decode(column: "meeting_ref", as: String.self) })
                recorded.reference = taken.contains(stem) ? (2...).lazy.map { "\(stem)-\($0)" }.first { !taken.contains($0) }! : stem
            }
            recorded.attendance.sort { $0.member < $1.member }
            try await Self.insert(meetings: [recorded], on: store.sql)
            _ = try await Self.appendAudit(AuditRecord(
                actor: actor, action: "meeting.record", summary: "Ghi biên bản buổi sinh hoạt chi bộ",
                details: ["meeting": recorded.reference, "organization": "\(meeting.cell.rawValue)", "day": meeting.held.iso,
                          "attendance": "\(recorded.attendance.count)"], recordedAt: Date()), on: store.database)
            return recorded.reference
        }
    }

    /// The meeting recorded as `reference`, with its attendance in member order, when its cell lies in `scope` on its
    /// day; nil otherwise (unknown or outside the scope: a caller is never told which).
    public func meeting(_ reference: String, in scope: Scope) async throws -> Meeting? {
        guard let meeting = try await Self.storedMeeting(reference, on: reader)?.meeting,
              try await covers(scope, meeting.cell, on: meeting.held) else { return nil }
        return meeting
    }

    /// Corrects the minutes recorded as `reference` to `corrected` (its reference is kept, whatever `corrected` says)
    /// in a locked write: the meeting's row and its attendance rows replaced, and one audit entry `meeting.correct`
    /// with the reason and what changed — each field before → after, the attendance lines added, removed and changed
    /// by member id. Refused, with nothing written, when the meeting is unknown or outside `scope` (its cell on its
    /// day), the reason is empty, the corrected minutes break a rule of new ones (`checkMinutes`), or they change
    /// nothing. A meeting imported from `meetings.csv` is corrected the same way: the store keeps no trace of a
    /// meeting's source but the audit trail.
    public func correctMeeting(_ reference: String, to corrected: Meeting, reason: String, in scope: Scope, actor: String) async throws {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        try await writing { store in
            let (id, stored) = try await store.storedMeeting(reference, in: scope)
            guard !reason.isEmpty else { throw MeetingRefusal.noReason }
            var corrected = corrected
            corrected.reference = stored.reference
            corrected.attendance.sort { $0.member < $1.member }
            let changes = stored.changes(to: corrected)
            guard !changes.isEmpty else { throw MeetingRefusal.unchanged }
            try await store.checkMinutes(corrected, in: scope)
            try await Self.keepRevision(of: id, action: .correct, reason: reason, actor: actor, on: store.sql)
            try await store.sql.raw("DELETE FROM meeting_attendance WHERE meeting_id = \(bind: id)").run()
            try await store.sql.raw("DELETE FROM meetings WHERE id = \(bind: id)").run()
            try await Self.insert(meetings: [corrected], on: store.sql, firstID: id)
            var details = Self.auditDetails(of: changes, from: stored, to: corrected)
            details["reason"] = reason
            _ = try await Self.appendAudit(AuditRecord(
                actor: actor, action: "meeting.correct", summary: "Sửa biên bản buổi sinh hoạt chi bộ", details: details,
                recordedAt: Date()), on: store.database)
        }
    }

    /// Deletes the minutes recorded as `reference` — recorded twice, or for a cell or a day that a correction cannot
    /// reach — in a locked write with one audit entry `meeting.delete` that keeps the reason and the minutes by ids
    /// (cell, day, kind, length, chair, secretary, every attendance line; not the agenda's text). Refused, with nothing
    /// written, when the meeting is unknown or outside `scope`, or the reason is empty.
    public func deleteMeeting(_ reference: String, reason: String, in scope: Scope, actor: String) async throws {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        try await writing { store in
            let (id, stored) = try await store.storedMeeting(reference, in: scope)
            guard !reason.isEmpty else { throw MeetingRefusal.noReason }
            try await Self.keepRevision(of: id, action: .delete, reason: reason, actor: actor, on: store.sql)
            try await store.sql.raw("DELETE FROM meeting_attendance WHERE meeting_id = \(bind: id)").run()
            try await store.sql.raw("DELETE FROM meetings WHERE id = \(bind: id)").run()
            _ = try await Self.appendAudit(AuditRecord(
                actor: actor, action: "meeting.delete", summary: "Xóa biên bản buổi sinh hoạt chi bộ ghi nhầm",
                details: ["meeting": stored.reference, "organization": "\(stored.cell.rawValue)", "day": stored.held.iso,
                          "kind": stored.kind.rawValue, "duration": "\(stored.durationMinutes)",
                          "chair": Self.auditValue(stored.chair), "secretary": Self.auditValue(stored.secretary),
                          "attendance": "\(stored.attendance.count)", "attendance.removed": Self.auditLines(stored.attendance),
                          "reason": reason], recordedAt: Date()), on: store.database)
        }
    }

    /// The rules every meeting's minutes keep, a new one's or a corrected one's, read inside the write: the
    /// organization is a cell on the day, in `scope` that day; every member is listed once and, but a guest, is on the
    /// cell's rolls that day. Returns the cell as it stood that day.
    @discardableResult
    private func checkMinutes(_ meeting: Meeting, in scope: Scope) async throws -> OrganizationSummary {
        guard let cell = try await organization(meeting.cell, on: meeting.held), cell.kind.isCell else {
            let code = try await reader.raw("SELECT code FROM organizations WHERE id = \(literal: meeting.cell.rawValue)")
                .first()?.decode(column: "code", as: String.self) ?? "#\(meeting.cell.rawValue)"
            throw MeetingRefusal.notACell(code: code, day: meeting.held)
        }
        guard try await covers(scope, meeting.cell, on: meeting.held) else { throw MeetingRefusal.outsideScope }
        func name(_ member: MemberID) async throws -> String {
            try await reader.raw("SELECT full_name FROM members WHERE id = \(literal: member.rawValue)")
                .first()?.decode(column: "full_name", as: String.self) ?? "#\(member.rawValue)"
        }
        var listed = Set<MemberID>()
        for line in meeting.attendance where !listed.insert(line.member).inserted {
            throw MeetingRefusal.listedTwice(name: try await name(line.member))
        }
        let roll = Set(try await meetingRoll(of: meeting.cell, on: meeting.held).map(\.member))
        for line in meeting.attendance where line.status != .guest && !roll.contains(line.member) {
            throw MeetingRefusal.notOnTheRolls(name: try await name(line.member))
        }
        return cell
    }

    /// The meeting recorded as `reference` and its row's id, read inside the write; refused when unknown, or when its
    /// cell lies outside `scope` on its day.
    private func storedMeeting(_ reference: String, in scope: Scope) async throws -> (id: Int, meeting: Meeting) {
        guard let stored = try await Self.storedMeeting(reference, on: sql) else { throw MeetingRefusal.unknownMeeting(reference) }
        guard try await covers(scope, stored.meeting.cell, on: stored.meeting.held) else { throw MeetingRefusal.outsideScope }
        return stored
    }

    /// The meeting recorded as `reference` with its attendance in member order, and its row's id: two statements.
    private static func storedMeeting(_ reference: String, on sql: any SQLDatabase) async throws -> (id: Int, meeting: Meeting)? {
        guard let row = try await sql.raw("SELECT * FROM meetings WHERE meeting_ref = \(bind: reference)").first() else { return nil }
        let id = try row.decode(column: "id", as: Int.self)
        var meeting = try Self.meeting(from: row)
        meeting.attendance = try await Self.attendance(ofMeetings: [id], on: sql)[id] ?? []
        return (id, meeting)
    }

    /// A correction's audit details: the meeting, its cell and day (each "before → after" when changed), every other
    /// field changed, before → after (a text only marked "changed": it may name people), and the attendance lines
    /// added, removed and changed, by member id.
    private static func auditDetails(of changes: MeetingChanges, from stored: Meeting, to corrected: Meeting) -> [String: String] {
        var details = ["meeting": stored.reference, "organization": "\(corrected.cell.rawValue)", "day": corrected.held.iso,
                       "attendance": "\(corrected.attendance.count)"]
        for field in changes.fields {
            switch field {
            case .cell: details["organization"] = "\(stored.cell.rawValue) → \(corrected.cell.rawValue)"
            case .held: details["day"] = "\(stored.held.iso) → \(corrected.held.iso)"
            case .kind: details["kind"] = "\(stored.kind.rawValue) → \(corrected.kind.rawValue)"
            case .durationMinutes: details["duration"] = "\(stored.durationMinutes) → \(corrected.durationMinutes)"
            case .chair: details["chair"] = "\(auditValue(stored.chair)) → \(auditValue(corrected.chair))"
            case .secretary: details["secretary"] = "\(auditValue(stored.secretary)) → \(auditValue(corrected.secretary))"
            case .agenda: details["agenda"] = "changed"
            case .resolution: details["resolution"] = "changed"
            }
        }
        if stored.attendance.count != corrected.attendance.count {
            details["attendance"] = "\(stored.attendance.count) → \(corrected.attendance.count)"
        }
        if !changes.added.isEmpty { details["attendance.added"] = auditLines(changes.added) }
        if !changes.removed.isEmpty { details["attendance.removed"] = auditLines(changes.removed) }
        if !changes.changed.isEmpty {
            details["attendance.changed"] = changes.changed
                .map { "\($0.member.rawValue):\($0.before.rawValue) → \($0.after.rawValue)" }.joined(separator: ", ")
        }
        return details
    }

    /// Attendance lines as the audit trail writes them: "member id:status", in member order.
    private static func auditLines(_ lines: [Attendance]) -> String {
        lines.sorted { $0.member < $1.member }.map { "\($0.member.rawValue):\($0.status.rawValue)" }.joined(separator: ", ")
    }

    private static func auditValue(_ member: MemberID?) -> String { member.map { "\($0.rawValue)" } ?? "—" }
}

/// Minutes as they stood before a correction or a deletion, with why, who and when: what the correction page shows
/// beside the minutes now in force.
public struct MeetingRevision: Sendable, Equatable {
    public enum Action: String, Sendable {
        case correct, delete
    }

    /// The earlier minutes, attendance included.
    public var meeting: Meeting
    public var action: Action
    public var reason: String
    /// The account that corrected or deleted them.
    public var actor: String
    public var recordedAt: Date
}

extension Store {
    /// The earlier versions of the minutes recorded as `reference`, the latest first, when their cell lay in `scope` on
    /// their day (a version outside it is left out).
    public func meetingRevisions(of reference: String, in scope: Scope) async throws -> [MeetingRevision] {
        try await revisions(where: "r.meeting_ref = \(bind: reference)", in: scope)
    }

    /// The minutes deleted of meetings held in `from`…`to` by cells of `root`'s subtree on their day, the latest
    /// deletion first: what the meetings page lists under its minutes.
    public func deletedMeetings(of root: OrganizationID, from: Day, to: Day, in scope: Scope) async throws -> [MeetingRevision] {
        try await revisions(where: """
            r.action = 'delete' AND r.held_on >= \(literal: from.yyyymmdd) AND r.held_on <= \(literal: to.yyyymmdd)
                AND \(Self.within(root, "r.cell_id", on: "r.held_on"))
            """, in: scope)
    }

    private func revisions(where condition: SQLQueryString, in scope: Scope) async throws -> [MeetingRevision] {
        guard !scope.roots.isEmpty else { return [] }
        var found: [(id: Int, revision: MeetingRevision)] = []
        for row in try await reader.raw("""
            SELECT r.* FROM meeting_revisions r
            WHERE \(condition) AND \(Self.covering("r.cell_id", by: scope, onDayIn: "r.held_on"))
            ORDER BY r.id DESC
            """).all() {
            guard let action = MeetingRevision.Action(rawValue: try row.decode(column: "action", as: String.self)) else {
                throw StoreError.unreadable("meeting_revisions.action")
            }
            found.append((try row.decode(column: "id", as: Int.self), MeetingRevision(
                meeting: try Self.meeting(from: row), action: action, reason: try row.decode(column: "reason", as: String.self),
                actor: try row.decode(column: "actor", as: String.self),
                recordedAt: Date(timeIntervalSince1970: TimeInterval(try row.decode(column: "recorded_at", as: Int.self))))))
        }
        guard !found.isEmpty else { return [] }
        var attendance: [Int: [Attendance]] = [:]
        for row in try await reader.raw("""
            SELECT revision_id, member_id, status FROM meeting_revision_attendance
            WHERE revision_id IN (\(unsafeRaw: found.map { String($0.id) }.joined(separator: ", "))) ORDER BY revision_id, member_id
            """).all() {
            guard let status = AttendanceStatus(rawValue: try row.decode(column: "status", as: String.self)) else {
                throw StoreError.unreadable("meeting_revision_attendance.status")
            }
            attendance[try row.decode(column: "revision_id", as: Int.self), default: []]
                .append(Attendance(member: MemberID(try row.decode(column: "member_id", as: Int.self)), status: status))
        }
        return found.map { id, revision in
            var revision = revision
            revision.meeting.attendance = attendance[id] ?? []
            return revision
        }
    }

    /// Keeps the minutes of meeting `id` (its row and attendance as they stand) as a revision, inside the write that
    /// corrects or deletes them.
    static func keepRevision(of id: Int, action: MeetingRevision.Action, reason: String, actor: String,
                             on sql: any SQLDatabase) async throws {
        let revision = try await nextID(in: "meeting_revisions", on: sql)
        try await sql.raw("""
            INSERT INTO meeting_revisions (id, meeting_id, meeting_ref, cell_id, kind, held_on, duration_minutes, chair_id,
                secretary_id, agenda, resolution, action, reason, actor, recorded_at)
            SELECT \(bind: revision), id, meeting_ref, cell_id, kind, held_on, duration_minutes, chair_id, secretary_id, agenda,
                resolution, \(bind: action.rawValue), \(bind: reason), \(bind: actor), \(bind: Int(Date().timeIntervalSince1970))
            FROM meetings WHERE id = \(bind: id)
            """).run()
        try await sql.raw("""
            INSERT INTO meeting_revision_attendance (revision_id, member_id, status)
            SELECT \(bind: revision), member_id, status FROM meeting_attendance WHERE meeting_id = \(bind: id)
            """).run()
    }
}
