/// Cấp ủy (executive) or ủy ban kiểm tra (inspection commission).
public enum CommitteeKind: String, CaseIterable, Sendable, Codable {
    case executive
    case inspection

    public var vietnamese: String { self == .executive ? "Cấp ủy" : "Ủy ban kiểm tra" }
}

/// Bí thư, phó bí thư, ủy viên ban thường vụ, ủy viên; chủ nhiệm and phó chủ nhiệm of an inspection commission.
public enum Position: String, CaseIterable, Sendable, Codable {
    case secretary
    case deputySecretary = "deputy_secretary"
    case standingMember = "standing_member"
    case member
    case chair
    case deputyChair = "deputy_chair"

    public var vietnamese: String {
        switch self {
        case .secretary: "Bí thư"
        case .deputySecretary: "Phó Bí thư"
        case .standingMember: "Ủy viên Ban Thường vụ"
        case .member: "Ủy viên"
        case .chair: "Chủ nhiệm"
        case .deputyChair: "Phó Chủ nhiệm"
        }
    }
}

/// How a seat was filled: elected by the congress, elected by a conference (bổ sung), or appointed (chỉ định).
public enum SeatSource: String, CaseIterable, Sendable, Codable {
    case congress
    case conference
    case appointed

    /// Seats filled between congresses consolidate a committee (bổ sung, kiện toàn).
    public var consolidates: Bool { self != .congress }
}

/// A seat on a committee of an organization, held by a member for a range of days.
public struct CommitteeSeat: Hashable, Sendable {
    public var organization: OrganizationID
    public var committee: CommitteeKind
    public var member: MemberID
    public var position: Position
    public var source: SeatSource
    public var validity: DayRange
    public var decision: Decision?

    public init(
        organization: OrganizationID, committee: CommitteeKind, member: MemberID, position: Position,
        source: SeatSource, validity: DayRange, decision: Decision? = nil
    ) {
        self.organization = organization
        self.committee = committee
        self.member = member
        self.position = position
        self.source = source
        self.validity = validity
        self.decision = decision
    }
}
