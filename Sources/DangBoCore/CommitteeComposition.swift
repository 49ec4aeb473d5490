/// What the rule of a cell's leading body allows (RULES §3.9; `RuleBook.cellCommittee`).
public struct CellCommitteeLimits: Hashable, Sendable, CustomStringConvertible {
    /// A cell with at least this many official members elects a committee (chi ủy); with fewer, a secretary and a
    /// deputy if needed.
    public var officialMembersForCommittee: Int
    /// The most seats a cell's committee has.
    public var maximumCommittee: Int
    /// The most deputy secretaries a cell has.
    public var deputies: Int

    public init(officialMembersForCommittee: Int, maximumCommittee: Int, deputies: Int) {
        self.officialMembersForCommittee = officialMembersForCommittee
        self.maximumCommittee = maximumCommittee
        self.deputies = deputies
    }

    public var description: String {
        "≥ \(officialMembersForCommittee) chính thức: chi ủy ≤ \(maximumCommittee); phó bí thư ≤ \(deputies)"
    }
}

extension Position {
    /// The positions of a committee of `kind`: bí thư, phó bí thư, ủy viên ban thường vụ and ủy viên of an executive
    /// committee; chủ nhiệm, phó chủ nhiệm and ủy viên of an inspection commission.
    public static func of(_ kind: CommitteeKind) -> [Position] {
        kind == .executive ? [.secretary, .deputySecretary, .standingMember, .member] : [.chair, .deputyChair, .member]
    }

    /// Held by one person at a time: the secretary, the chair.
    public var isSole: Bool { self == .secretary || self == .chair }
}

/// The committee a new seat joins, as it stands on the seat's first day: what the composition rules are checked
/// against (`CommitteeSeat.compositionViolations`).
public struct CommitteeOnDay: Sendable {
    /// The organization's kind that day.
    public var kind: OrganizationKind
    /// Official members on the rolls of the organization's cells that day (temporary attendees are not counted).
    public var officialMembers: Int
    /// The seats of the same committee in force that day (each ended by its holder leaving: `CommitteeSeat.end`).
    public var seats: [CommitteeSeat]
    /// The committee's terms (any days; the one covering the seat's first day is looked up).
    public var terms: [CommitteeTerm]

    public init(kind: OrganizationKind, officialMembers: Int, seats: [CommitteeSeat], terms: [CommitteeTerm]) {
        self.kind = kind
        self.officialMembers = officialMembers
        self.seats = seats
        self.terms = terms
    }
}

extension CommitteeSeat {
    /// Every composition rule this seat breaks when it joins `committee` (RULES §3.9), in this order:
    /// - the position belongs to the committee's kind, and the organization has such a committee (a cell has no
    ///   inspection commission, and no standing committee);
    /// - the holder holds no other seat of the same committee that day;
    /// - a sole position (secretary, chair) is free that day;
    /// - a cell: with fewer official members than the rule's threshold, only a secretary and deputies; with more, a
    ///   committee of at most the rule's maximum; at most the rule's number of deputies;
    /// - a standing committee member only when the executive committee has, with this seat, at least the rule's
    ///   number of members;
    /// - within a term of the committee when it has terms, and no more seats than the term's size.
    public func compositionViolations(joining committee: CommitteeOnDay, organizationCode code: String) -> [SeatViolation] {
        var found: [SeatViolation] = []
        func add(_ reason: SeatViolation.Reason) { found.append(SeatViolation(seat: self, reason: reason, organizationCode: code)) }
        let day = validity.start
        let others = committee.seats.filter { $0.organization == organization && $0.committee == self.committee && $0.validity.contains(day) }
        if !Position.of(self.committee).contains(position) {
            add(.positionNotOfCommittee(position))
        } else if !CommitteeTerm.exists(self.committee, in: committee.kind) {
            add(.noSuchCommittee(committee.kind))
        } else if committee.kind.isCell && position == .standingMember {
            add(.noStandingCommitteeInCell)
        }
        if others.contains(where: { $0.member == member }) { add(.holderAlreadySeated) }
        if position.isSole, others.contains(where: { $0.position == position }) { add(.positionTaken(position)) }
        let seats = others.count + 1
        if committee.kind.isCell && self.committee == .executive {
            let limits = RuleBook.cellCommittee.version(on: day).value
            if committee.officialMembers < limits.officialMembersForCommittee {
                if position == .member {
                    add(.cellTooSmallForCommittee(officialMembers: committee.officialMembers,
                                                  threshold: limits.officialMembersForCommittee))
                }
            } else if seats > limits.maximumCommittee {
                add(.cellCommitteeFull(maximum: limits.maximumCommittee))
            }
            if position == .deputySecretary, others.filter({ $0.position == .deputySecretary }).count >= limits.deputies {
                add(.tooManyDeputies(maximum: limits.deputies))
            }
        }
        if !committee.kind.isCell && position == .standingMember {
            let threshold = RuleBook.standingCommittee.version(on: day).value
            if seats < threshold { add(.committeeTooSmallForStanding(members: seats, threshold: threshold)) }
        }
        let terms = committee.terms.filter { $0.organization == organization && $0.committee == self.committee }
        if !terms.isEmpty {
            if let term = terms.first(where: { $0.validity.contains(day) }) {
                if let size = term.size, seats > size { add(.beyondTermSize(term: term.name, size: size)) }
            } else {
                add(.outsideTerms)
            }
        }
        return found
    }

    /// Why a seat ended.
    public enum EndReason: String, Hashable, Sendable {
        /// The day recorded: a decision, the end of the term.
        case recorded
        /// The holder left the organization: transferred out, moved to a cell outside it, died, removed, expelled.
        case holderLeft
        /// The organization was dissolved (or merged into another).
        case organizationDissolved
    }

    /// The seat's last day plus one and why, the earliest of: the end recorded; the first day its holder is no longer
    /// on the rolls of a cell within the organization (`holderPeriods`: the holder's periods in order, as the journal
    /// projects them); the organization's dissolution. Nil when the seat runs on.
    ///
    /// NB: a holder's cell is placed in the organization on the first day of each of their periods (and the seat's
    /// first day); a cell moved out of the organization in the middle of a period is seen at the holder's next period.
    public func end(holderPeriods: [MembershipPeriod], tree: OrganizationTree) -> (day: Day, reason: EndReason)? {
        var ends: [(day: Day, reason: EndReason)] = []
        if let end = validity.end { ends.append((end, .recorded)) }
        if let dissolved = tree[organization]?.dissolved { ends.append((dissolved, .organizationDissolved)) }
        let periods = holderPeriods.filter { $0.member == member }
        if let first = periods.lastIndex(where: { $0.validity.contains(validity.start) }) {
            var previous: MembershipPeriod?
            var left: Day?
            for period in periods[first...] {
                let from = max(period.validity.start, validity.start)
                if let previous, previous.validity.end != period.validity.start {
                    left = previous.validity.end
                    break
                }
                if !tree.isWithin(period.cell, root: organization, on: from) {
                    left = from
                    break
                }
                previous = period
            }
            if let left = left ?? previous?.validity.end { ends.append((left, .holderLeft)) }
        } else {
            ends.append((validity.start, .holderLeft))
        }
        // NB: at equal days the recorded end wins: a decision names its reason better than a guess.
        return ends.min { $0.day < $1.day || ($0.day == $1.day && $0.reason == .recorded) }
    }
}

extension Registry {
    /// The seats of `organization` in force on `day`: started, and not ended by `CommitteeSeat.end` (the end recorded,
    /// the holder leaving, the organization's dissolution); by committee (executive first), position (as
    /// `Position.allCases` orders them), start day and holder.
    public func seatsInForce(of organization: OrganizationID, on day: Day) -> [CommitteeSeat] {
        let committees = CommitteeKind.allCases, positions = Position.allCases
        func key(_ s: CommitteeSeat) -> (Int, Int, Day, Int) {
            (committees.firstIndex(of: s.committee) ?? 0, positions.firstIndex(of: s.position) ?? 0, s.validity.start,
             s.member.rawValue)
        }
        return seats.filter { seat in
            guard seat.organization == organization, seat.validity.start <= day else { return false }
            let end = seat.end(holderPeriods: journals[seat.member]?.periods ?? [], tree: tree)
            return end.map { day < $0.day } ?? true
        }.sorted { key($0) < key($1) }
    }
}
