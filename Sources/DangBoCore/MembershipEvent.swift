/// The kinds of event in a member's journal (DESIGN §3; the interchange names are the raw values).
public enum EventKind: String, CaseIterable, Sendable, Codable {
    case admitted
    case recognizedOfficial = "recognized_official"
    case probationRemoved = "probation_removed"
    case transferredIn = "transferred_in"
    case transferredOut = "transferred_out"
    case moved
    case temporaryIn = "temporary_in"
    case temporaryOut = "temporary_out"
    case temporaryEnded = "temporary_ended"
    case exempted
    case exemptionEnded = "exemption_ended"
    case removed
    case expelled
    case withdrew
    case died
    case readmitted
    case restored

    /// The words staff use (UX.md).
    public var vietnamese: String {
        switch self {
        case .admitted: "Kết nạp"
        case .recognizedOfficial: "Công nhận chính thức"
        case .probationRemoved: "Xóa tên dự bị"
        case .transferredIn: "Chuyển sinh hoạt đến"
        case .transferredOut: "Chuyển sinh hoạt đi"
        case .moved: "Chuyển sinh hoạt nội bộ"
        case .temporaryIn: "Sinh hoạt tạm thời đến"
        case .temporaryOut: "Sinh hoạt tạm thời đi"
        case .temporaryEnded: "Kết thúc sinh hoạt tạm thời"
        case .exempted: "Miễn sinh hoạt"
        case .exemptionEnded: "Thôi miễn sinh hoạt"
        case .removed: "Xóa tên"
        case .expelled: "Khai trừ"
        case .withdrew: "Ra khỏi Đảng"
        case .died: "Từ trần"
        case .readmitted: "Kết nạp lại"
        case .restored: "Phục hồi đảng tịch"
        }
    }

    /// Events that put a member into a cell (their `organization` is that cell).
    public var entersCell: Bool {
        switch self {
        case .admitted, .readmitted, .restored, .transferredIn, .moved, .temporaryIn: true
        default: false
        }
    }

    /// Events that take a member off the rolls of the system.
    public var leaves: Bool {
        switch self {
        case .probationRemoved, .transferredOut, .removed, .expelled, .withdrew, .died: true
        default: false
        }
    }

    /// Events that end party membership itself (a transfer out does not: the member lives on elsewhere).
    public var endsMembership: Bool { leaves && self != .transferredOut }
}

/// A decision cited by an event: "15-QĐ/ĐUK" signed on a day by an issuer (the code of an organization of the
/// registry, or the name of a committee outside it, as written).
public struct Decision: Hashable, Sendable, Codable {
    public var number: String
    public var date: Day?
    public var issuer: String

    public init(number: String, date: Day? = nil, issuer: String = "") {
        self.number = number
        self.date = date
        self.issuer = issuer
    }
}

/// One dated fact in a member's journal, the source of truth (DESIGN §3).
public struct MembershipEvent: Hashable, Sendable {
    public var member: MemberID
    public var kind: EventKind
    /// The day the event takes effect: "as of D" includes every event effective on or before D.
    public var effective: Day
    /// The cell entered, for the kinds that enter one.
    public var organization: OrganizationID?
    public var decision: Decision?
    /// For an admission: the day the cell voted on it (admission age is counted on it, QĐ 24-QĐ/TW §1.1), when known.
    public var votedOn: Day?
    /// The organization on the other side of a transfer, as written ("Đảng bộ tỉnh Hòa Bình").
    public var counterpart: String
    public var note: String

    public init(
        member: MemberID, kind: EventKind, effective: Day, organization: OrganizationID? = nil,
        decision: Decision? = nil, votedOn: Day? = nil, counterpart: String = "", note: String = ""
    ) {
        self.member = member
        self.kind = kind
        self.effective = effective
        self.organization = organization
        self.decision = decision
        self.votedOn = votedOn
        self.counterpart = counterpart
        self.note = note
    }
}
