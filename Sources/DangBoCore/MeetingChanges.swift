/// What a correction of a meeting's minutes changes: the fields that differ, and the attendance lines added, removed
/// or changed, by member. The reference names the meeting and is never a change; the order of the attendance lines is
/// none either.
public struct MeetingChanges: Hashable, Sendable {
    /// A field of the minutes, as `Meeting` names it.
    public enum Field: String, CaseIterable, Sendable {
        case cell, kind, held, durationMinutes, chair, secretary, agenda, resolution
    }

    /// A member listed before and after with another status.
    public struct StatusChange: Hashable, Sendable {
        public var member: MemberID
        public var before: AttendanceStatus
        public var after: AttendanceStatus
    }

    /// The fields that differ, in `Field`'s order.
    public var fields: [Field] = []
    /// Attendance lines by member id.
    public var added: [Attendance] = []
    public var removed: [Attendance] = []
    public var changed: [StatusChange] = []

    public var isEmpty: Bool { fields.isEmpty && added.isEmpty && removed.isEmpty && changed.isEmpty }
}

extension Meeting {
    /// What differs from these minutes to `corrected`.
    public func changes(to corrected: Meeting) -> MeetingChanges {
        var changes = MeetingChanges()
        for field in MeetingChanges.Field.allCases {
            let differs = switch field {
            case .cell: cell != corrected.cell
            case .kind: kind != corrected.kind
            case .held: held != corrected.held
            case .durationMinutes: durationMinutes != corrected.durationMinutes
            case .chair: chair != corrected.chair
            case .secretary: secretary != corrected.secretary
            case .agenda: agenda != corrected.agenda
            case .resolution: resolution != corrected.resolution
            }
            if differs { changes.fields.append(field) }
        }
        let before = Dictionary(attendance.map { ($0.member, $0.status) }, uniquingKeysWith: { _, last in last })
        let after = Dictionary(corrected.attendance.map { ($0.member, $0.status) }, uniquingKeysWith: { _, last in last })
        for member in Set(before.keys).union(after.keys).sorted() {
            switch (before[member], after[member]) {
            case (nil, let status?): changes.added.append(Attendance(member: member, status: status))
            case (let status?, nil): changes.removed.append(Attendance(member: member, status: status))
            case (let was?, let now?) where was != now: changes.changed.append(.init(member: member, before: was, after: now))
            default: break
            }
        }
        return changes
    }
}
