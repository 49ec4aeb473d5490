import DangBoCore

/// A member's record for the member page: the profile, the whole journal (events, periods, probations) and the cells
/// its events name.
public struct MemberRecord: Sendable {
    public var member: Member
    /// Every event on file, after the record's day too (a transfer already decided for next month shows as such).
    public var journal: Journal
    /// Every cell the events name: as it stands on the record's day, or, when it no longer (or not yet) exists then,
    /// as it stood on the last day an event names it.
    public var cells: [OrganizationID: OrganizationSummary]

    public init(member: Member, journal: Journal, cells: [OrganizationID: OrganizationSummary]) {
        self.member = member
        self.journal = journal
        self.cells = cells
    }
}
