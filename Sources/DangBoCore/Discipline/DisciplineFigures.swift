/// The disciplinary figures of a review: how many organizations and how many members were disciplined, by sanction,
/// in a period under a root organization.
public struct DisciplineFigures: Hashable, Sendable {
    /// Organizations disciplined, by the sanction decided.
    public var organizations: [Sanction: Int]
    /// Members disciplined, by the sanction decided.
    public var members: [Sanction: Int]

    public init(organizations: [Sanction: Int] = [:], members: [Sanction: Int] = [:]) {
        self.organizations = organizations
        self.members = members
    }

    /// Counts the decisions effective from `from` through `to` (both included) whose deciding organization lies
    /// within `root`'s subtree on the effective day (`OrganizationTree.isWithin`).
    ///
    /// Each subject counts once per sanction, however many such decisions it had in the period; a subject given two
    /// sanctions counts under each. The sanction is the one decided, whatever an appeal made of it later.
    public init(of root: OrganizationID, from: Day, to: Day, decisions: some Sequence<DisciplineDecision>,
                tree: OrganizationTree) {
        var organizations: [Sanction: Set<OrganizationID>] = [:]
        var members: [Sanction: Set<MemberID>] = [:]
        for decision in decisions where decision.effective >= from && decision.effective <= to
            && tree.isWithin(decision.decidingOrganization, root: root, on: decision.effective) {
            switch decision.subject {
            case .organization(let id): organizations[decision.sanction, default: []].insert(id)
            case .member(let id): members[decision.sanction, default: []].insert(id)
            }
        }
        self.init(organizations: organizations.mapValues(\.count), members: members.mapValues(\.count))
    }

    /// Organizations given `sanction` (0 when none).
    public func organizations(_ sanction: Sanction) -> Int { organizations[sanction] ?? 0 }

    /// Members given `sanction` (0 when none).
    public func members(_ sanction: Sanction) -> Int { members[sanction] ?? 0 }
}
