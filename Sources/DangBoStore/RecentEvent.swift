import DangBoCore

/// One line of "Biến động gần đây": an event, its member, and the cell it happened in.
public struct RecentEvent: Hashable, Sendable {
    public var member: Member
    /// The event's organization, or the member's cell on the event's day, as it stood that day.
    public var cell: OrganizationSummary
    public var event: MembershipEvent

    public init(member: Member, cell: OrganizationSummary, event: MembershipEvent) {
        self.member = member
        self.cell = cell
        self.event = event
    }
}
