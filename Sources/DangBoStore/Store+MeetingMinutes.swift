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
    /// its audit entry, after checking inside it that the organization is a cell of `scope` on the day and that every
    /// member listed, but a guest, is on its rolls that day; returns the reference.
    public func recordMeeting(_ meeting: Meeting, in scope: Scope, actor: String) async throws -> String {
        try await writing { store in
            guard let cell = try await store.organization(meeting.cell, on: meeting.held), cell.kind.isCell else {
                let code = try await store.reader.raw("SELECT code FROM organizations WHERE id = \(literal: meeting.cell.rawValue)")
                    .first()?.decode(column: "code", as: String.self) ?? "#\(meeting.cell.rawValue)"
                throw MeetingRefusal.notACell(code: code, day: meeting.held)
            }
            guard try await store.covers(scope, meeting.cell, on: meeting.held) else { throw MeetingRefusal.outsideScope }
            let roll = Set(try await store.meetingRoll(of: meeting.cell, on: meeting.held).map(\.member))
            for line in meeting.attendance where line.status != .guest && !roll.contains(line.member) {
                let name = try await store.reader.raw("SELECT full_name FROM members WHERE id = \(literal: line.member.rawValue)")
                    .first()?.decode(column: "full_name", as: String.self) ?? "#\(line.member.rawValue)"
                throw MeetingRefusal.notOnTheRolls(name: name)
            }
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
}
