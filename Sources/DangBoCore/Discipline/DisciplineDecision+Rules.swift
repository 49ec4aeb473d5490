/// The rules a disciplinary decision must keep before it is recorded (RULES §4, "Disciplinary sanctions" and "Statute
/// of limitations"; issue 11 point 3). Pure: the caller passes the tree, the subject's membership periods and the
/// committee seats.
extension DisciplineDecision {
    /// Every rule this decision breaks, in the order of its fields; empty when it may be recorded:
    /// - its days are in order: the offence ends on or after it was committed; each later offence falls after the
    ///   offence's last day and on or before the decision day; the decision is signed on or after the offence's last
    ///   day, takes effect and is received on or after the day it is signed;
    /// - the deciding organization exists on the decision day; the body `cell` is a cell's only, and a cell decides as a
    ///   cell, in its meeting, never through a committee, standing committee or inspection commission;
    /// - the subject exists: an organization established on or before the day of the offence, even if dissolved or
    ///   merged since (`RuleBook.oversightOfDissolved`), and still existing on the effective day when it is dissolved
    ///   (giải tán); a member known to the registry (`isKnownMember`) and on the rolls, official or probationary, on
    ///   the decision day, as they stood before the decision's own effect (`periodJudged(among:)`). Discipline of those
    ///   who left the rolls (transferred out of the system, removed) is the business of wherever they are now: this
    ///   registry refuses it;
    /// - the sanction is one `RuleBook.disciplineSanctions` allows the subject, read on the decision day (a member
    ///   probationary that day may only be reprimanded or warned); cách chức only of a member who holds a committee
    ///   seat that day;
    /// - a cell decides only what `RuleBook.disciplineByCell` allows it on the decision day: khiển trách or cảnh cáo, of
    ///   a member whose membership period that day is in the cell, never of an organization (Charter Art. 36.1);
    /// - the decision day is not after the last day of the statute of limitations (`limitationLastDay`);
    /// - each appeal is lodged within `RuleBook.disciplineAppealMonths` of receiving what it appeals against (the
    ///   decision: `received`, else `effective`; for a later appeal, the previous appeal's decision, on the day it was
    ///   decided), only after the previous appeal was decided and did not annul the sanction, is decided on or after it
    ///   was lodged, and a reduction gives a lighter sanction the subject may be given.
    ///
    /// `subjectPeriods` are the subject member's membership periods (all of them, or at least those around the
    /// decision day), as the journal projects them; other members' periods are ignored. `seats` are committee seats
    /// (the member's at least). `memberName` names the member in the messages ("" to say "người này").
    public func violations(
        in tree: OrganizationTree, isKnownMember: (MemberID) -> Bool, subjectPeriods: some Sequence<MembershipPeriod>,
        seats: some Sequence<CommitteeSeat>, memberName: String = ""
    ) -> [DisciplineViolation] {
        let decidingCode = tree[decidingOrganization]?.code ?? ""
        let subjectName: String
        switch subject {
        case .organization(let id): subjectName = tree[id].map { "tổ chức đảng \($0.code)" } ?? ""
        case .member: subjectName = memberName.isEmpty ? "" : "đảng viên \(memberName)"
        }
        var found: [DisciplineViolation] = []
        func add(_ reason: DisciplineViolation.Reason) {
            found.append(DisciplineViolation(decision: self, reason: reason, decidingCode: decidingCode,
                                             subjectName: subjectName))
        }

        // The days.
        if let offenceEnded, offenceEnded < offenceCommitted { add(.offenceEndedBeforeCommitted) }
        for offence in laterOffences.sorted() where offence <= offenceLastDay || offence > decided {
            add(.laterOffenceOutside(offence))
        }
        if decided < offenceLastDay { add(.decidedBeforeOffence) }
        if effective < decided { add(.effectiveBeforeDecided) }
        if let received, received < decided { add(.receivedBeforeDecided) }

        // The deciding organization, and its body.
        if let deciding = tree[decidingOrganization] {
            if decided < deciding.established {
                add(.decidingOrganizationNotEstablished(established: deciding.established))
            } else if let dissolved = deciding.dissolved, decided >= dissolved {
                add(.decidingOrganizationDissolved(dissolved: dissolved))
            }
        } else {
            add(.unknownDecidingOrganization)
        }
        // NB: what the deciding organization is on the decision day; unknown when it does not exist that day, which is
        // refused above, and then its body and powers are not judged.
        let decidingKind = tree.version(of: decidingOrganization, on: decided)?.kind
        if let decidingKind {
            if decidingBody == .cell, !decidingKind.isCell {
                add(.cellBodyOutsideCell(kind: decidingKind))
            } else if decidingBody != .cell, decidingKind.isCell {
                add(.cellDecidesInItsMeeting(body: decidingBody))
            }
        }
        // What a cell may decide (Charter Art. 36.1), whatever body the decision names; nil when no cell decides.
        let cellSanctions = decidingKind?.isCell == true ? RuleBook.disciplineByCell.version(on: decided).value : nil

        // The subject, and what it is on the decision day.
        var kind: DisciplineSubjectKind?
        var holdsPost = false
        switch subject {
        case .organization(let id):
            kind = .organization
            if let organization = tree[id] {
                if organization.established > offenceCommitted {
                    add(.subjectNotEstablished(established: organization.established))
                }
                // NB: dissolved on the effective day is the decision's own effect, once recorded.
                if sanction == .dissolution, let dissolved = organization.dissolved, dissolved < effective {
                    add(.subjectAlreadyDissolved(dissolved: dissolved))
                }
            } else {
                add(.unknownSubjectOrganization)
            }
            if cellSanctions != nil { add(.organizationByCell) }
        case .member(let id):
            guard isKnownMember(id) else { add(.unknownSubjectMember); break }
            let periods = subjectPeriods.filter { $0.member == id }
            if let period = periodJudged(among: periods) {
                kind = period.standing == .official ? .officialMember : .probationaryMember
                if cellSanctions != nil, period.cell != decidingOrganization { add(.memberOutsideCell(cell: period.cell)) }
            } else {
                add(.memberNotOnRolls(since: periods.compactMap(\.validity.end).filter { $0 <= decided }.max()))
            }
            holdsPost = seats.contains { $0.member == id && $0.validity.contains(decided) }
        }

        // The sanction.
        let allowed = RuleBook.disciplineSanctions.version(on: decided).value
        if let kind, !allowed.allowed(for: kind).contains(sanction) {
            add(.sanctionNotAllowed(kind: kind))
        } else if let cellSanctions, !cellSanctions.contains(sanction) {
            add(.sanctionBeyondCell)
        } else if kind != nil, sanction == .removalFromPost, !holdsPost {
            add(.noPostHeld)
        }

        // The statute of limitations.
        if let lastDay = limitationLastDay, decided > lastDay, let years = limitationYears() {
            add(.timeBarred(lastDay: lastDay, years: years))
        }

        // The appeals, each against what the one before left.
        let months = RuleBook.disciplineAppealMonths.version(on: decided).value
        var appealed: Sanction? = sanction
        var receivedOn: Day? = received ?? effective
        for (index, appeal) in appeals.enumerated() {
            if index > 0 {
                switch appeals[index - 1].outcome {
                case .pending: add(.appealWhilePending(appeal: index)); receivedOn = nil
                case .annulled: add(.nothingToAppeal(appeal: index)); receivedOn = nil
                case .upheld(let day), .reduced(_, let day): receivedOn = day
                }
            }
            if let from = receivedOn {
                let lastDay = from.adding(months: months)
                if appeal.lodged < from {
                    add(.appealLodgedEarly(appeal: index, from: from))
                } else if appeal.lodged > lastDay {
                    add(.appealLodgedLate(appeal: index, lastDay: lastDay))
                }
            }
            if let day = appeal.decided, day < appeal.lodged { add(.appealDecidedBeforeLodged(appeal: index)) }
            if case .reduced(let lighter, _) = appeal.outcome, let current = appealed {
                if lighter >= current {
                    add(.appealNotLighter(appeal: index, inForce: current))
                } else if let kind, !allowed.allowed(for: kind).contains(lighter) {
                    add(.appealSanctionNotAllowed(appeal: index, kind: kind))
                } else if lighter == .removalFromPost, !holdsPost {
                    add(.appealNoPostHeld(appeal: index))
                }
            }
            switch appeal.outcome {
            case .reduced(let lighter, _): appealed = lighter
            case .annulled: appealed = nil
            case .pending, .upheld: break
            }
        }
        return found
    }

    /// The member's period this decision judges: the one containing the decision day, in the journal as it stood
    /// before the decision's own effect. An expulsion's effect is the `expelled` exit of the period it closes on its
    /// effective day; once recorded (an import brings the event with the decision, a form writes it after the check),
    /// that period is judged when it contains the decision day or ends on it. Effective after the day it is signed, it
    /// contains the decision day anyway; effective that day, it ends on it. `periods` are one member's.
    private func periodJudged(among periods: [MembershipPeriod]) -> MembershipPeriod? {
        periods.last { period in
            let closedByThis = sanction == .expulsion && period.exit == .expelled && period.validity.end == effective
            return period.validity.contains(decided) || (closedByThis && period.validity.start <= decided)
        }
    }

    /// Throws the first rule this decision breaks (see `violations(in:isKnownMember:subjectPeriods:seats:memberName:)`).
    public func validate(
        in tree: OrganizationTree, isKnownMember: (MemberID) -> Bool, subjectPeriods: some Sequence<MembershipPeriod>,
        seats: some Sequence<CommitteeSeat>, memberName: String = ""
    ) throws(DisciplineViolation) {
        if let first = violations(in: tree, isKnownMember: isKnownMember, subjectPeriods: subjectPeriods, seats: seats,
                                  memberName: memberName).first {
            throw first
        }
    }

    /// Every rule this decision breaks against a registry in memory (its tree, members, journals and seats).
    public func violations(in registry: Registry) -> [DisciplineViolation] {
        var periods: [MembershipPeriod] = []
        var name = ""
        if case .member(let id) = subject {
            periods = registry.journals[id]?.periods ?? []
            name = registry.members[id]?.fullName ?? ""
        }
        return violations(in: registry.tree, isKnownMember: { registry.members[$0] != nil }, subjectPeriods: periods,
                          seats: registry.seats, memberName: name)
    }

    /// Throws the first rule this decision breaks against a registry in memory.
    public func validate(in registry: Registry) throws(DisciplineViolation) {
        if let first = violations(in: registry).first { throw first }
    }
}
