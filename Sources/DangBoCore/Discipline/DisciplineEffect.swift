/// What a disciplinary decision changes in the registry when it takes effect; the store applies it in the same
/// transaction as the decision.
public enum DisciplineEffect: Hashable, Sendable {
    /// Khai trừ: the member's journal gets this `expelled` event.
    case membershipEvent(MembershipEvent)
    /// Giải tán: the tree gets this change (a dissolution) on `on`.
    case organizationChange(OrganizationChange, on: Day)
}

extension DisciplineDecision {
    /// The registry's change when the decision takes effect: expulsion of a member is an `expelled` event on the
    /// effective day citing `decision`; dissolution of an organization is its `dissolve` change on that day (its first
    /// day without it). Every other sanction changes nothing the registry holds (cách chức ends a seat, which the
    /// committee's own records show).
    ///
    /// Only the decision itself is seen: an appeal that annuls an expulsion calls for a restoration (`restored`, into a
    /// cell), which staff record as such.
    public var effect: DisciplineEffect? {
        switch (sanction, subject) {
        case (.expulsion, .member(let member)):
            .membershipEvent(MembershipEvent(member: member, kind: .expelled, effective: effective, decision: decision))
        case (.dissolution, .organization(let organization)):
            .organizationChange(.dissolve(organization), on: effective)
        default:
            nil
        }
    }
}
