/// Sinh hoạt thường kỳ (the monthly meeting) or sinh hoạt chuyên đề (the thematic one).
public enum MeetingKind: String, CaseIterable, Sendable, Codable {
    case regular
    case thematic

    public var vietnamese: String { self == .regular ? "Sinh hoạt thường kỳ" : "Sinh hoạt chuyên đề" }
}

/// How a member stood at a meeting (the minutes' attendance list, RULES §5).
public enum AttendanceStatus: String, CaseIterable, Sendable, Codable {
    case present
    case absentExcused = "absent_excused"
    case absentUnexcused = "absent_unexcused"
    case exempt
    case guest

    public var vietnamese: String {
        switch self {
        case .present: "Có mặt"
        case .absentExcused: "Vắng có lý do"
        case .absentUnexcused: "Vắng không lý do"
        case .exempt: "Miễn sinh hoạt"
        case .guest: "Sinh hoạt tạm thời"
        }
    }
}

/// One member's line in a meeting's attendance.
public struct Attendance: Hashable, Sendable {
    public var member: MemberID
    public var status: AttendanceStatus

    public init(member: MemberID, status: AttendanceStatus) {
        self.member = member
        self.status = status
    }
}

/// A cell meeting (buổi sinh hoạt chi bộ): who held it, when, how long, and who came (issue 11 point 4).
public struct Meeting: Hashable, Sendable {
    /// The meeting's reference in the interchange (`meeting_ref`), unique in the registry.
    public var reference: String
    public var cell: OrganizationID
    public var kind: MeetingKind
    public var held: Day
    public var durationMinutes: Int
    public var attendance: [Attendance]
    /// Who chaired (chủ trì) and who kept the minutes (thư ký), when the minutes name them.
    public var chair: MemberID?
    public var secretary: MemberID?
    /// The agenda (nội dung) and the conclusion or resolution adopted (kết luận, nghị quyết), as written.
    public var agenda: String
    public var resolution: String

    public init(reference: String, cell: OrganizationID, kind: MeetingKind, held: Day, durationMinutes: Int,
                attendance: [Attendance] = [], chair: MemberID? = nil, secretary: MemberID? = nil, agenda: String = "",
                resolution: String = "") {
        self.reference = reference
        self.cell = cell
        self.kind = kind
        self.held = held
        self.durationMinutes = durationMinutes
        self.attendance = attendance
        self.chair = chair
        self.secretary = secretary
        self.agenda = agenda
        self.resolution = resolution
    }

    /// Whether it lasted less than the rule in force on its day allows (`RuleBook.meetingMinimumMinutes`).
    public var isShort: Bool { durationMinutes < RuleBook.meetingMinimumMinutes.version(on: held).value }
}
