import DangBoCore

/// One record behind a figure of a review (`Store.reviewRecords`): what staff need to read it and the ids to link to
/// the member's or the organization's page.
public struct ReviewRecordRow: Hashable, Sendable {
    /// A member as the list shows one.
    public struct Person: Hashable, Sendable {
        public var id: MemberID
        public var fullName: String
        public var birthDate: Day
    }

    /// An organization with the name it had on the row's day.
    public struct Place: Hashable, Sendable {
        public var id: OrganizationID
        public var code: String
        public var name: String
    }

    /// The member counted (member figures, and the members a case looked at).
    public var member: Person?
    /// The organization counted (organization and committee figures, the organizations a case looked at), or the
    /// organization that conducted a case.
    public var organization: Place?
    /// The member's cell at that step: where a step into the scope arrived, where a step out of it left from.
    public var cell: Place?
    /// The day of the step (of the period's start for stocks, of the establishment or dissolution, of the seat's
    /// start, of the case's start).
    public var day: Day
    /// The event that took the step (nil for a change of the tree and for records that are not steps).
    public var event: EventKind?
    /// The organization's kind, for organization figures.
    public var organizationKind: OrganizationKind?
    /// The decision of the event or the seat ("" when none is recorded).
    public var decisionNumber: String
    /// The case's reference, for inspection and supervision figures.
    public var caseReference: String?
    /// Vietnamese name order (`members.sort_key`), "" for organizations.
    var sortKey: String
}
