import DangBoCore

/// What a change of the tree wrote (`Store.changeTree`).
public struct TreeChangeOutcome: Hashable, Sendable {
    /// Every organization established or given new versions, with all its versions as written.
    public var organizations: [Organization]
    /// The id each organization established was given, by the placeholder id the change named it with.
    public var established: [OrganizationID: OrganizationID]
    /// The members whose cell was merged into another, each moved on the change's day by a `moved` event.
    public var movedMembers: [MemberID]
    /// The id of the audit entry that records the change.
    public var auditEntry: Int

    public init(organizations: [Organization], established: [OrganizationID: OrganizationID], movedMembers: [MemberID],
                auditEntry: Int) {
        self.organizations = organizations
        self.established = established
        self.movedMembers = movedMembers
        self.auditEntry = auditEntry
    }
}
