/// Giám sát (supervision) or kiểm tra (inspection).
public enum OversightActivity: String, CaseIterable, Sendable, Codable {
    case supervision
    case inspection

    public var vietnamese: String { self == .supervision ? "Giám sát" : "Kiểm tra" }
}

/// Thường xuyên, chuyên đề, khi có dấu hiệu vi phạm, việc thi hành kỷ luật, tài chính đảng.
public enum OversightMode: String, CaseIterable, Sendable, Codable {
    case regular
    case thematic
    case violationSigns = "violation_signs"
    case enforcement
    case finance

    /// The key in JSON reports (camelCase, DESIGN §4).
    public var key: String { self == .violationSigns ? "violationSigns" : rawValue }

    public var vietnamese: String {
        switch self {
        case .regular: "thường xuyên"
        case .thematic: "chuyên đề"
        case .violationSigns: "khi có dấu hiệu vi phạm"
        case .enforcement: "việc thi hành kỷ luật"
        case .finance: "tài chính đảng"
        }
    }
}

/// Who conducts a case: a committee (cấp ủy), an inspection commission (ủy ban kiểm tra) or a cell (chi bộ).
public enum ConductorKind: String, CaseIterable, Sendable, Codable {
    case committee
    case inspectionCommission = "inspection_commission"
    case cell

    /// The key in JSON reports: plural, camelCase (`supervision.regular.committees.members`).
    public var key: String {
        switch self {
        case .committee: "committees"
        case .inspectionCommission: "inspectionCommissions"
        case .cell: "cells"
        }
    }

    public var vietnamese: String {
        switch self {
        case .committee: "Cấp ủy"
        case .inspectionCommission: "Ủy ban kiểm tra"
        case .cell: "Chi bộ"
        }
    }
}

/// The conclusion of a case.
public enum OversightOutcome: String, CaseIterable, Sendable, Codable {
    case noViolation = "no_violation"
    case shortcomings
    case violation
    case positiveFactor = "positive_factor"
}

/// Whom a case looks at: an organization or a member.
public enum OversightSubject: Hashable, Sendable {
    case organization(OrganizationID)
    case member(MemberID)
}

/// An inspection or supervision case (cuộc kiểm tra, giám sát).
public struct OversightCase: Hashable, Sendable {
    public var reference: String
    public var activity: OversightActivity
    public var mode: OversightMode
    public var conductor: ConductorKind
    public var conductorOrganization: OrganizationID
    public var started: Day
    public var ended: Day?
    public var outcome: OversightOutcome?
    public var subjects: [OversightSubject]

    public init(
        reference: String, activity: OversightActivity, mode: OversightMode, conductor: ConductorKind,
        conductorOrganization: OrganizationID, started: Day, ended: Day? = nil, outcome: OversightOutcome? = nil,
        subjects: [OversightSubject]
    ) {
        self.reference = reference
        self.activity = activity
        self.mode = mode
        self.conductor = conductor
        self.conductorOrganization = conductorOrganization
        self.started = started
        self.ended = ended
        self.outcome = outcome
        self.subjects = subjects
    }
}
