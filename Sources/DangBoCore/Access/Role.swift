/// What an account may do, granted on an organization and covering its subtree as the tree stands on the day asked
/// (DESIGN §3 "Users and access"). Accounts are not members.
public enum Role: String, CaseIterable, Sendable, Codable {
    /// Everything, including accounts and the audit log.
    case admin
    /// The organization department (Ban Tổ chức): the registry, its movements, the tree and the reviews.
    case organizationStaff
    /// The inspection commission's staff (Ủy ban kiểm tra): supervision, inspection and discipline.
    case inspectionStaff
    /// A cell's secretary (bí thư chi bộ): the cell's members and meetings.
    case cellSecretary
    /// Reads only.
    case viewer

    /// The words staff use (UX.md).
    public var vietnamese: String {
        switch self {
        case .admin: "Quản trị hệ thống"
        case .organizationStaff: "Cán bộ Ban Tổ chức"
        case .inspectionStaff: "Cán bộ Ủy ban kiểm tra"
        case .cellSecretary: "Bí thư chi bộ"
        case .viewer: "Chỉ xem"
        }
    }
}

/// A role on an organization: it covers the organization and everything below it.
public struct Grant: Hashable, Sendable {
    public var role: Role
    public var organization: OrganizationID

    public init(role: Role, organization: OrganizationID) {
        self.role = role
        self.organization = organization
    }
}
