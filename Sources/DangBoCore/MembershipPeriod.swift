/// Probationary (dự bị) or official (chính thức).
public enum Standing: String, CaseIterable, Sendable, Codable {
    case probationary
    case official

    public var vietnamese: String { self == .official ? "Chính thức" : "Dự bị" }
}

/// A stretch of days during which a member stood in one cell with one standing and exemption: the projection of the
/// journal that makes "who was where, as what, on day D" a range query (DESIGN §3).
public struct MembershipPeriod: Hashable, Sendable {
    public var member: MemberID
    public var cell: OrganizationID
    public var standing: Standing
    /// Miễn công tác và sinh hoạt đảng: still on the rolls (RULES §3.6).
    public var exempt: Bool
    public var validity: DayRange
    /// The event that opened the period (the one that moved the member when several fell on that day).
    public var entry: EventKind
    /// The event that closed it; nil while open.
    public var exit: EventKind?
    /// The cell of the period that ended the day this one started, if any.
    public var previousCell: OrganizationID?
    /// The cell of the period that started the day this one ended, if any.
    public var nextCell: OrganizationID?

    public init(
        member: MemberID, cell: OrganizationID, standing: Standing, exempt: Bool, validity: DayRange,
        entry: EventKind, exit: EventKind? = nil, previousCell: OrganizationID? = nil, nextCell: OrganizationID? = nil
    ) {
        self.member = member
        self.cell = cell
        self.standing = standing
        self.exempt = exempt
        self.validity = validity
        self.entry = entry
        self.exit = exit
        self.previousCell = previousCell
        self.nextCell = nextCell
    }
}
