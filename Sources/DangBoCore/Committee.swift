/// Cấp ủy (executive) or ủy ban kiểm tra (inspection commission).
public enum CommitteeKind: String, CaseIterable, Sendable, Codable {
    case executive
    case inspection

    public var vietnamese: String { self == .executive ? "Cấp ủy" : "Ủy ban kiểm tra" }
}

/// Bí thư, phó bí thư, ủy viên ban thường vụ, ủy viên; chủ nhiệm and phó chủ nhiệm of an inspection commission.
public enum Position: String, CaseIterable, Sendable, Codable {
    case secretary
    case deputySecretary = "deputy_secretary"
    case standingMember = "standing_member"
    case member
    case chair
    case deputyChair = "deputy_chair"

    public var vietnamese: String {
        switch self {
        case .secretary: "Bí thư"
        case .deputySecretary: "Phó Bí thư"
        case .standingMember: "Ủy viên Ban Thường vụ"
        case .member: "Ủy viên"
        case .chair: "Chủ nhiệm"
        case .deputyChair: "Phó Chủ nhiệm"
        }
    }
}

/// How a seat was filled: elected by the congress, elected by a conference (bổ sung), or appointed (chỉ định).
public enum SeatSource: String, CaseIterable, Sendable, Codable {
    case congress
    case conference
    case appointed

    /// Seats filled between congresses consolidate a committee (bổ sung, kiện toàn).
    public var consolidates: Bool { self != .congress }

    public var vietnamese: String {
        switch self {
        case .congress: "Đại hội bầu"
        case .conference: "Hội nghị bầu bổ sung"
        case .appointed: "Cấp trên chỉ định"
        }
    }
}

/// A seat on a committee of an organization, held by a member for a range of days.
public struct CommitteeSeat: Hashable, Sendable {
    public var organization: OrganizationID
    public var committee: CommitteeKind
    public var member: MemberID
    public var position: Position
    public var source: SeatSource
    public var validity: DayRange
    public var decision: Decision?

    public init(
        organization: OrganizationID, committee: CommitteeKind, member: MemberID, position: Position,
        source: SeatSource, validity: DayRange, decision: Decision? = nil
    ) {
        self.organization = organization
        self.committee = committee
        self.member = member
        self.position = position
        self.source = source
        self.validity = validity
        self.decision = decision
    }
}

extension CommitteeSeat {
    /// What makes a seat the same seat: the organization, the committee, the holder and the first day. A registry holds
    /// each key once, so that recording the same seat again is refused, never duplicated.
    public struct Key: Hashable, Sendable {
        public var organization: OrganizationID
        public var committee: CommitteeKind
        public var member: MemberID
        public var start: Day

        public init(organization: OrganizationID, committee: CommitteeKind, member: MemberID, start: Day) {
            self.organization = organization
            self.committee = committee
            self.member = member
            self.start = start
        }
    }

    public var key: Key { Key(organization: organization, committee: committee, member: member, start: validity.start) }

    /// The days of a seat as a form or a file gives them: the end, if any, is not before the start.
    public static func validity(start: Day, end: Day?, committee: CommitteeKind) throws(SeatViolation) -> DayRange {
        if let end, end < start {
            throw SeatViolation(reason: .endBeforeStart, start: start, end: end, committee: committee, organizationCode: "")
        }
        return DayRange(start: start, end: end)
    }

    /// Every rule this seat breaks, in the order of its fields; empty when it may be recorded (its days are in order
    /// by construction: see `validity(start:end:committee:)`):
    /// - the organization exists on the start day;
    /// - the holder is an official member of the organization on the start day: the holder's period covering that day
    ///   has standing official and a cell within the organization's subtree on that day. Probationers may not stand
    ///   for election to a leading body of the Party (Điều lệ Đảng, Điều 2, khoản 3).
    ///
    /// `holderPeriods` are the holder's membership periods (all of them, or at least the one covering the start day
    /// and those after it, in order), as the journal projects them.
    public func violations(in tree: OrganizationTree, holderPeriods: some Sequence<MembershipPeriod>) -> [SeatViolation] {
        let code = tree[organization]?.code ?? ""
        var found: [SeatViolation] = []
        func add(_ reason: SeatViolation.Reason) {
            found.append(SeatViolation(seat: self, reason: reason, organizationCode: code))
        }
        let start = validity.start
        var organizationExists = false
        if let organization = tree[organization] {
            if start < organization.established {
                add(.organizationNotEstablished(established: organization.established))
            } else if let dissolved = organization.dissolved, start >= dissolved {
                add(.organizationDissolved(dissolved: dissolved))
            } else {
                organizationExists = organization.exists(on: start)
            }
        } else {
            add(.unknownOrganization)
        }
        let periods = holderPeriods.filter { $0.member == member }
        guard let index = periods.lastIndex(where: { $0.validity.contains(start) }) else {
            add(.holderNotOnRolls)
            return found
        }
        let period = periods[index]
        if period.standing != .official {
            add(.holderProbationary(officialFrom: Self.officialDay(after: index, in: periods)))
        }
        if organizationExists, !tree.isWithin(period.cell, root: organization, on: start) {
            add(.holderOutsideOrganization(cellCode: tree[period.cell]?.code ?? ""))
        }
        return found
    }

    /// Throws the first rule this seat breaks (see `violations(in:holderPeriods:)`).
    public func validate(in tree: OrganizationTree, holderPeriods: some Sequence<MembershipPeriod>) throws(SeatViolation) {
        if let first = violations(in: tree, holderPeriods: holderPeriods).first { throw first }
    }

    /// Every rule this seat breaks against a registry in memory, an unknown holder included.
    public func violations(in registry: Registry) -> [SeatViolation] {
        guard registry.members[member] != nil else {
            let code = registry.tree[organization]?.code ?? ""
            return violations(in: registry.tree, holderPeriods: []).filter { $0.field != .holder }
                + [SeatViolation(seat: self, reason: .unknownHolder, organizationCode: code)]
        }
        return violations(in: registry.tree, holderPeriods: registry.journals[member]?.periods ?? [])
    }

    /// Throws the first rule this seat breaks against a registry in memory.
    public func validate(in registry: Registry) throws(SeatViolation) {
        if let first = violations(in: registry).first { throw first }
    }

    /// The day the holder becomes official, when the periods after `index` run on without a gap until then.
    private static func officialDay(after index: Int, in periods: [MembershipPeriod]) -> Day? {
        var previous = periods[index]
        for period in periods[(index + 1)...] {
            guard previous.validity.end == period.validity.start else { return nil }
            if period.standing == .official { return period.validity.start }
            previous = period
        }
        return nil
    }
}
