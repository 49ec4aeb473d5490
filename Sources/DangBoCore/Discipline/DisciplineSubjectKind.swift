/// What a subject is for the sanctions the rules allow it: an organization, or a member by their standing on the
/// decision day.
public enum DisciplineSubjectKind: String, CaseIterable, Sendable, Codable {
    case organization
    case officialMember = "official_member"
    case probationaryMember = "probationary_member"

    /// "tổ chức đảng", "đảng viên chính thức", "đảng viên dự bị", as a message reads them.
    public var vietnamese: String {
        switch self {
        case .organization: "tổ chức đảng"
        case .officialMember: "đảng viên chính thức"
        case .probationaryMember: "đảng viên dự bị"
        }
    }
}
