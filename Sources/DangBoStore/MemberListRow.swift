import DangBoCore

/// One member of a member list: the profile, and the cell, standing and exemption of the list's day.
public struct MemberListRow: Hashable, Sendable {
    public var member: Member
    /// The member's cell as it stood on the list's day.
    public var cell: OrganizationSummary
    public var standing: Standing
    /// Miễn công tác và sinh hoạt đảng (still on the rolls, RULES §3.6).
    public var exempt: Bool

    public init(member: Member, cell: OrganizationSummary, standing: Standing, exempt: Bool) {
        self.member = member
        self.cell = cell
        self.standing = standing
        self.exempt = exempt
    }
}
