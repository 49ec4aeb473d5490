import DangBoCore

/// An organization as it stood on one day: what a page shows of it (a link, a heading, a cell column) without its
/// history.
public struct OrganizationSummary: Hashable, Sendable {
    public var id: OrganizationID
    public var code: String
    /// The name of the version of that day.
    public var name: String
    public var kind: OrganizationKind
    public var parent: OrganizationID?

    public init(id: OrganizationID, code: String, name: String, kind: OrganizationKind, parent: OrganizationID?) {
        self.id = id
        self.code = code
        self.name = name
        self.kind = kind
        self.parent = parent
    }

    /// The summary of `organization` on `day`, nil when it did not exist that day.
    public init?(_ organization: Organization, on day: Day) {
        guard let version = organization.version(on: day) else { return nil }
        self.init(id: organization.id, code: organization.code, name: version.name, kind: version.kind, parent: version.parent)
    }
}
