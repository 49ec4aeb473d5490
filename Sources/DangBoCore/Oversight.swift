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

extension OversightCase {
    /// Every rule this case breaks, in the order of its fields; empty when it may be recorded:
    /// - the end is not before the start;
    /// - the conductor organization exists on the start day;
    /// - it has subjects, and each exists: an organization established on or before the start day, even if it was
    ///   dissolved or merged since (Quy định 22-QĐ/TW applies to those too); a member known to the registry
    ///   (`isKnownMember`), whatever their standing on that day (members who transferred, left work or retired too).
    public func violations(in tree: OrganizationTree, isKnownMember: (MemberID) -> Bool) -> [OversightViolation] {
        let code = tree[conductorOrganization]?.code ?? ""
        var found: [OversightViolation] = []
        func add(_ reason: OversightViolation.Reason, _ subject: OversightSubject? = nil) {
            found.append(OversightViolation(oversightCase: self, reason: reason, subject: subject, conductorCode: code))
        }
        if let ended, ended < started { add(.endBeforeStart) }
        if let conductor = tree[conductorOrganization] {
            if started < conductor.established {
                add(.conductorNotEstablished(established: conductor.established))
            } else if let dissolved = conductor.dissolved, started >= dissolved {
                add(.conductorDissolved(dissolved: dissolved))
            }
        } else {
            add(.unknownConductor)
        }
        if subjects.isEmpty { add(.noSubjects) }
        for subject in subjects {
            switch subject {
            case .organization(let id):
                guard let organization = tree[id] else { add(.unknownSubjectOrganization, subject); continue }
                if organization.established > started {
                    add(.subjectNotEstablished(code: organization.code, established: organization.established), subject)
                }
            case .member(let id):
                if !isKnownMember(id) { add(.unknownSubjectMember, subject) }
            }
        }
        return found
    }

    /// Throws the first rule this case breaks (see `violations(in:isKnownMember:)`).
    public func validate(in tree: OrganizationTree, isKnownMember: (MemberID) -> Bool) throws(OversightViolation) {
        if let first = violations(in: tree, isKnownMember: isKnownMember).first { throw first }
    }

    /// Every rule this case breaks against a registry in memory.
    public func violations(in registry: Registry) -> [OversightViolation] {
        violations(in: registry.tree) { registry.members[$0] != nil }
    }

    /// Throws the first rule this case breaks against a registry in memory.
    public func validate(in registry: Registry) throws(OversightViolation) {
        if let first = violations(in: registry).first { throw first }
    }
}
