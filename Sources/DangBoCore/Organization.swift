/// The kinds of party organization (DESIGN §3, GLOSSARY).
public enum OrganizationKind: String, CaseIterable, Sendable, Codable, Comparable {
    /// Đảng bộ cấp trên cơ sở: a bloc, province or higher committee.
    case upperCommittee = "upper_committee"
    /// Đảng bộ cơ sở.
    case grassrootsCommittee = "grassroots_committee"
    /// Chi bộ cơ sở.
    case grassrootsCell = "grassroots_cell"
    /// Đảng bộ bộ phận.
    case partialCommittee = "partial_committee"
    /// Chi bộ trực thuộc.
    case subordinateCell = "subordinate_cell"

    /// Tổ chức cơ sở đảng: a grassroots committee or a grassroots cell.
    public var isGrassroots: Bool { self == .grassrootsCommittee || self == .grassrootsCell }

    /// Members belong to cells only.
    public var isCell: Bool { self == .grassrootsCell || self == .subordinateCell }

    /// The Vietnamese name users read.
    public var vietnamese: String {
        switch self {
        case .upperCommittee: "Đảng bộ cấp trên cơ sở"
        case .grassrootsCommittee: "Đảng bộ cơ sở"
        case .grassrootsCell: "Chi bộ cơ sở"
        case .partialCommittee: "Đảng bộ bộ phận"
        case .subordinateCell: "Chi bộ trực thuộc"
        }
    }

    /// Whether an organization of this kind may stand directly under one of `parent` kind (nil: a root).
    public func mayStand(under parent: OrganizationKind?) -> Bool {
        switch (self, parent) {
        case (.upperCommittee, nil), (.upperCommittee, .upperCommittee?): true
        case (.grassrootsCommittee, nil), (.grassrootsCommittee, .upperCommittee?): true
        case (.grassrootsCell, nil), (.grassrootsCell, .upperCommittee?): true
        case (.partialCommittee, .grassrootsCommittee?): true
        case (.subordinateCell, .grassrootsCommittee?), (.subordinateCell, .partialCommittee?): true
        default: false
        }
    }

    private var order: Int { Self.allCases.firstIndex(of: self)! }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.order < rhs.order }
}

/// One version of an organization: what it was called, what it was and where it stood, for `validity`.
public struct OrganizationVersion: Hashable, Sendable {
    public var validity: DayRange
    public var name: String
    public var kind: OrganizationKind
    public var parent: OrganizationID?

    public init(validity: DayRange, name: String, kind: OrganizationKind, parent: OrganizationID?) {
        self.validity = validity
        self.name = name
        self.kind = kind
        self.parent = parent
    }
}

/// A party organization: a stable id and code, and its versions in time order without gaps between
/// establishment and dissolution (a rename, move, merge or split closes one version and opens the next).
public struct Organization: Hashable, Sendable {
    public var id: OrganizationID
    public var code: String
    public var versions: [OrganizationVersion]

    public init(id: OrganizationID, code: String, versions: [OrganizationVersion]) {
        self.id = id
        self.code = code
        self.versions = versions
    }

    public var established: Day { versions[0].validity.start }
    /// The dissolution day (the first day it no longer exists), nil while it exists.
    public var dissolved: Day? { versions[versions.count - 1].validity.end }

    /// The version in force on `day`, nil before establishment or from dissolution on.
    public func version(on day: Day) -> OrganizationVersion? {
        // Few versions per organization: a reverse scan finds recent days first.
        for version in versions.reversed() where version.validity.contains(day) { return version }
        return nil
    }

    public func exists(on day: Day) -> Bool { version(on: day) != nil }

    /// The name in force on `day`, or the last known name.
    public func name(on day: Day) -> String { (version(on: day) ?? versions[versions.count - 1]).name }
}
