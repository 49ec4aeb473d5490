/// A change of the organization tree on a day: each closes versions and opens new ones, so the tree as it was on
/// any earlier day stays answerable (DESIGN §3 "Organizations").
public enum OrganizationChange: Hashable, Sendable {
    /// Thành lập: a new organization.
    case establish(id: OrganizationID, code: String, name: String, kind: OrganizationKind, parent: OrganizationID?)
    /// Đổi tên.
    case rename(OrganizationID, name: String)
    /// Chuyển trực thuộc: a new parent.
    case move(OrganizationID, parent: OrganizationID?)
    /// A new kind (a grassroots cell grown into a grassroots committee).
    case changeKind(OrganizationID, kind: OrganizationKind)
    /// Giải thể.
    case dissolve(OrganizationID)
    /// Sáp nhập: the `absorbed` organizations are dissolved and go on inside `into` (members follow by `moved` events
    /// on the same day; their children move under `into`).
    case merge(absorbed: [OrganizationID], into: OrganizationID)
    /// Chia tách: `source` is dissolved and its children are moved under the new organizations as `assignments` say
    /// (each child to one of the new parts; members follow by `moved` events).
    case split(OrganizationID, into: [OrganizationID], assignments: [OrganizationID: OrganizationID])
}

/// Why a change could not be applied.
public struct OrganizationChangeError: Error, Hashable, Sendable, CustomStringConvertible {
    public var organization: OrganizationID
    public var message: String
    public var description: String { message }
}

extension OrganizationTree {
    /// Applies `change` effective on `day`. The result may still break structural rules: check `violations()`.
    public mutating func apply(_ change: OrganizationChange, on day: Day) throws(OrganizationChangeError) {
        switch change {
        case let .establish(id, code, name, kind, parent):
            guard self[id] == nil, organization(code: code) == nil else {
                throw OrganizationChangeError(organization: id, message: "Mã tổ chức \(code) đã có.")
            }
            insert(Organization(id: id, code: code, versions: [
                OrganizationVersion(validity: DayRange(start: day, end: nil), name: name, kind: kind, parent: parent)]))
        case let .rename(id, name):
            try revise(id, on: day) { $0.name = name }
        case let .move(id, parent):
            try revise(id, on: day) { $0.parent = parent }
        case let .changeKind(id, kind):
            try revise(id, on: day) { $0.kind = kind }
        case let .dissolve(id):
            try close(id, on: day)
        case let .merge(absorbed, target):
            for id in absorbed {
                for child in children(of: id, on: day.previous) { try revise(child, on: day) { $0.parent = target } }
                try close(id, on: day)
            }
        case let .split(source, parts, assignments):
            for child in children(of: source, on: day.previous) {
                guard let part = assignments[child], parts.contains(part) else {
                    throw OrganizationChangeError(organization: child, message:
                        "Khi chia tách \(self[source]?.code ?? ""), tổ chức \(self[child]?.code ?? "") phải được giao cho một tổ chức mới.")
                }
                try revise(child, on: day) { $0.parent = part }
            }
            try close(source, on: day)
        }
    }

    /// The organizations directly under `id` on `day`.
    public func children(of id: OrganizationID, on day: Day) -> [OrganizationID] {
        organizations.values.filter { $0.version(on: day)?.parent == id }.map(\.id).sorted()
    }

    /// Closes the version in force on `day` and opens a revised one from `day`.
    private mutating func revise(_ id: OrganizationID, on day: Day, _ edit: (inout OrganizationVersion) -> Void)
    throws(OrganizationChangeError) {
        guard var organization = self[id], let index = organization.versions.lastIndex(where: { $0.validity.contains(day) })
        else { throw OrganizationChangeError(organization: id, message: "Tổ chức không tồn tại vào ngày \(VietnameseFormat.day(day)).") }
        var next = organization.versions[index]
        edit(&next)
        if organization.versions[index].validity.start == day {
            organization.versions[index] = next  // NB: a second change on the same day revises that day's version.
        } else {
            let end = organization.versions[index].validity.end
            organization.versions[index].validity = DayRange(start: organization.versions[index].validity.start, end: day)
            next.validity = DayRange(start: day, end: end)
            organization.versions.insert(next, at: index + 1)
        }
        insert(organization)
    }

    private mutating func close(_ id: OrganizationID, on day: Day) throws(OrganizationChangeError) {
        guard var organization = self[id], let last = organization.versions.last, last.validity.contains(day),
              last.validity.start < day
        else { throw OrganizationChangeError(organization: id, message: "Tổ chức không tồn tại vào ngày \(VietnameseFormat.day(day)).") }
        organization.versions[organization.versions.count - 1].validity = DayRange(start: last.validity.start, end: day)
        insert(organization)
    }
}
