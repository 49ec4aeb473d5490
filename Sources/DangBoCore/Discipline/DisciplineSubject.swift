/// Whom a disciplinary decision sanctions: a party organization or a member.
public enum DisciplineSubject: Hashable, Sendable {
    case organization(OrganizationID)
    case member(MemberID)
}
