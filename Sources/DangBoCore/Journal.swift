/// A member's journal checked against the rules of RULES §3 and projected into membership periods.
///
/// The checks run on every write (import, forms): the first event that breaks a rule stops the walk, since every
/// later state depends on it.
public struct Journal: Sendable {
    public var member: Member
    /// The events in effective order (stable for events of one day: the order they were given).
    public private(set) var events: [MembershipEvent]
    /// For each event of `events`, its position in the journal as given.
    public private(set) var originalIndex: [Int]
    public private(set) var periods: [MembershipPeriod] = []
    /// For each event of `events`, the cell whose rolls the member is on right after it (nil when off the rolls):
    /// the steps of one day in order, which the review follows (DESIGN §4: events of one day in file order).
    public private(set) var cellsAfter: [OrganizationID?] = []
    /// For each event of `events`, the member's standing right after it (nil when off the rolls).
    public private(set) var standingsAfter: [Standing?] = []
    /// Each probation served in the registry: from its first day (a ceremony, or an arrival still on probation) to the
    /// day recognition falls due.
    public private(set) var probations: [(start: Day, due: Day)] = []

    /// Checks `events` (in any order; one day's events keep their given order) and projects them.
    public init(member: Member, events: [MembershipEvent], tree: OrganizationTree) throws(JournalViolation) {
        self.member = member
        let order = events.indices.sorted { (events[$0].effective, $0) < (events[$1].effective, $1) }
        self.events = order.map { events[$0] }
        self.originalIndex = order
        try project(tree: tree)
    }

    /// The number of completed months from birth on `day` (admission age is counted in months, QĐ 24 §1.1).
    public static func ageInMonths(birth: Day, on day: Day) -> Int { birth.completedMonths(until: day) }

    /// The admission ages in completed months of the rule in force on `day`: 18 to 60 years inclusive, from the 18th
    /// birthday through the last day before 60 years and 1 month are completed (`RuleBook.admissionAge`).
    public static func admissionAgeMonths(on day: Day) -> ClosedRange<Int> { RuleBook.admissionAge.version(on: day).value }

    /// The end of probation: 12 months after the ceremony (`RuleBook.probationMonths`, Charter Art. 5). Recognition
    /// takes effect on this day.
    public static func probationEnd(ceremony: Day) -> Day {
        ceremony.adding(months: RuleBook.probationMonths.version(on: ceremony).value)
    }

    private struct Active: Equatable {
        var cell: OrganizationID
        var standing: Standing
        var exempt: Bool
    }

    private enum Phase: Equatable {
        case never
        case active(Active)
        case left(EventKind, Day)
        case dead(Day)
    }

    /// Temporary attendance: away from the member's own cell, and/or attending another cell for a while.
    private struct Temporary: Equatable {
        var away = false
        var attending: OrganizationID?
        var isNone: Bool { !away && attending == nil }
    }

    /// Walks the events in order. Every event that changes the member's cell, standing or exemption ends the open
    /// period and opens the next, even inside one day: a member moved into a cell and dead the same day has a period
    /// of no days in that cell, so that the store can follow a day's steps as the review does.
    private mutating func project(tree: OrganizationTree) throws(JournalViolation) {
        var phase = Phase.never
        var temporary = Temporary()
        var readmissions = 0
        var open: MembershipPeriod?
        cellsAfter.reserveCapacity(events.count)
        standingsAfter.reserveCapacity(events.count)
        for index in events.indices {
            let event = events[index]
            let before: Active? = if case .active(let a) = phase { a } else { nil }
            try apply(event, at: index, phase: &phase, temporary: &temporary, readmissions: &readmissions, tree: tree)
            let after: Active? = if case .active(let a) = phase { a } else { nil }
            cellsAfter.append(after?.cell)
            standingsAfter.append(after?.standing)
            if before == after { continue }
            if var closing = open {
                closing.validity = DayRange(start: closing.validity.start, end: event.effective)
                closing.exit = event.kind
                closing.nextCell = after?.cell
                periods.append(closing)
                open = nil
            }
            if let after {
                open = MembershipPeriod(
                    member: member.id, cell: after.cell, standing: after.standing, exempt: after.exempt,
                    validity: DayRange(start: event.effective, end: nil), entry: event.kind, previousCell: before?.cell)
            }
        }
        if let open { periods.append(open) }
    }

    private mutating func apply(
        _ event: MembershipEvent, at index: Int, phase: inout Phase, temporary: inout Temporary,
        readmissions: inout Int, tree: OrganizationTree
    ) throws(JournalViolation) {
        func fail(_ reason: JournalViolation.Reason) -> JournalViolation {
            JournalViolation(member: member.id, index: originalIndex[index], event: event, reason: reason,
                             cellCode: event.organization.flatMap { tree[$0]?.code } ?? "")
        }
        func cell() throws(JournalViolation) -> OrganizationID {
            guard let id = event.organization else { throw fail(.cellRequired) }
            guard let organization = tree[id] else { throw fail(.unknownOrganization) }
            guard let version = organization.version(on: event.effective) else { throw fail(.cellDoesNotExist) }
            guard version.kind.isCell else { throw fail(.notACell(version.kind)) }
            return id
        }
        if case .dead(let died) = phase { throw fail(.afterDeath(died)) }

        switch event.kind {
        case .admitted:
            switch phase {
            case .active: throw fail(.alreadyMember)
            case .left: throw fail(.wasMemberBefore)
            default: break
            }
            try checkAdmissionAge(of: event, tree: tree, fail)
            phase = .active(Active(cell: try cell(), standing: .probationary, exempt: false))
            probations.append((event.effective, Self.probationEnd(ceremony: event.effective)))

        case .readmitted:
            // NB: from `.never` the member left before the registry began: the journal cannot prove otherwise.
            switch phase {
            case .active: throw fail(.alreadyMember)
            case .left(let kind, _) where !kind.endsMembership: throw fail(.neverLeft)
            default: break
            }
            guard readmissions < RuleBook.readmissionLimit.version(on: event.effective).value else { throw fail(.readmittedTwice) }
            readmissions += 1
            phase = .active(Active(cell: try cell(), standing: .probationary, exempt: false))
            probations.append((event.effective, Self.probationEnd(ceremony: event.effective)))

        case .restored:
            switch phase {
            case .active: throw fail(.alreadyMember)
            case .left(let kind, _) where !RuleBook.restorationAfter.version(on: event.effective).value.contains(kind):
                throw fail(.cannotRestore)
            default: break  // NB: from `.never` the expulsion predates the registry.
            }
            phase = .active(Active(cell: try cell(), standing: .official, exempt: false))

        case .transferredIn:
            switch phase {
            case .active: throw fail(.alreadyMember)
            case .left(let kind, let left) where kind != .transferredOut: throw fail(.afterLeaving(kind, left))
            default: break
            }
            let target = try cell()
            if let due = probationDue(arrivingOn: event.effective, at: index) {
                phase = .active(Active(cell: target, standing: .probationary, exempt: false))
                probations.append((event.effective, due))
            } else {
                phase = .active(Active(cell: target, standing: .official, exempt: false))
            }

        case .moved:
            guard case .active(var active) = phase else { throw notActive(phase, fail) }
            let target = try cell()
            guard target != active.cell else { throw fail(.sameCell) }
            active.cell = target
            phase = .active(active)

        case .recognizedOfficial:
            guard case .active(var active) = phase else { throw notActive(phase, fail) }
            guard active.standing == .probationary else { throw fail(.notProbationary) }
            if let due = probations.last?.due, event.effective != due {
                throw fail(.recognitionDay(expected: due))
            }
            active.standing = .official
            phase = .active(active)

        case .probationRemoved:
            guard case .active(let active) = phase else { throw notActive(phase, fail) }
            guard active.standing == .probationary else { throw fail(.notProbationary) }
            phase = .left(event.kind, event.effective)

        case .removed, .expelled:
            guard case .active(let active) = phase else { throw notActive(phase, fail) }
            if active.standing == .probationary,
               RuleBook.probationerExclusions.version(on: event.effective).value.contains(event.kind) {
                throw fail(event.kind == .expelled ? .probationerCannotBeExpelled : .probationerCannotBeRemoved)
            }
            phase = .left(event.kind, event.effective)

        case .withdrew, .transferredOut:
            guard case .active = phase else { throw notActive(phase, fail) }
            phase = .left(event.kind, event.effective)

        case .died:
            guard case .active = phase else { throw notActive(phase, fail) }
            phase = .dead(event.effective)

        case .exempted, .exemptionEnded:
            guard case .active(var active) = phase else { throw notActive(phase, fail) }
            if event.kind == .exempted, active.exempt { throw fail(.alreadyExempt) }
            if event.kind == .exemptionEnded, !active.exempt { throw fail(.notExempt) }
            active.exempt = event.kind == .exempted
            phase = .active(active)

        case .temporaryOut:
            guard case .active = phase else { throw notActive(phase, fail) }
            guard !temporary.away else { throw fail(.alreadyTemporary) }
            temporary.away = true

        case .temporaryIn:
            // A member of another party organization may attend a cell here for a while: no active membership needed.
            if case .left(let kind, let left) = phase, kind.endsMembership { throw fail(.afterLeaving(kind, left)) }
            guard temporary.attending == nil else { throw fail(.alreadyTemporary) }
            temporary.attending = try cell()

        case .temporaryEnded:
            guard !temporary.isNone else { throw fail(.notTemporary) }
            temporary = Temporary()
        }
        if event.kind.leaves { temporary = Temporary() }
    }

    private func notActive(_ phase: Phase, _ fail: (JournalViolation.Reason) -> JournalViolation) -> JournalViolation {
        if case .left(let kind, let day) = phase { return fail(.afterLeaving(kind, day)) }
        return fail(.notAMember)
    }

    /// The day recognition falls due for a member transferred in on `day` who is still on probation then, nil when they
    /// arrive official. Only what is known on that day counts (a later event never changes an earlier standing): the
    /// last ceremony in this journal, else ngày chính thức on file, else 12 months from ngày vào Đảng on file; with
    /// none of them the member arrives official (Điều lệ Đảng, Điều 5: probation lasts 12 months).
    private func probationDue(arrivingOn day: Day, at index: Int) -> Day? {
        let due: Day? = if let ceremony = events[..<index].last(where: { $0.kind == .admitted || $0.kind == .readmitted }) {
            Self.probationEnd(ceremony: ceremony.effective)
        } else if let official = member.officialOn {
            official
        } else {
            member.joinedOn.map(Self.probationEnd(ceremony:))
        }
        guard let due, day < due else { return nil }
        return due
    }

    /// Admission age: 18 to 60 years in completed months on the day the cell voted, else on the decision day, else on
    /// the ceremony; over 60 only by decision of a committee directly under the Central Committee
    /// (`RuleBook.admissionAge`, `RuleBook.admissionOverSixty`).
    private func checkAdmissionAge(
        of event: MembershipEvent, tree: OrganizationTree, _ fail: (JournalViolation.Reason) -> JournalViolation
    ) throws(JournalViolation) {
        let (day, counted): (Day, AdmissionAgeDay) = if let voted = event.votedOn {
            (voted, .cellVote)
        } else if let decided = event.decision?.date {
            (decided, .decision)
        } else {
            (event.effective, .ceremony)
        }
        let months = Self.ageInMonths(birth: member.birthDate, on: day)
        let allowed = Self.admissionAgeMonths(on: day)
        if allowed.contains(months) { return }
        guard months > allowed.upperBound else { throw fail(.admissionAge(months: months, counted: counted)) }
        let decider = event.decision?.issuer ?? ""
        guard !decider.allSatisfy(\.isWhitespace) else { throw fail(.overSixtyWithoutCentralDecision(months: months, counted: counted, decidedBy: "")) }
        // NB: a code of the registry must be a committee at the top of the tree on the decision day (a province, a
        // central bloc); a name not in the registry is a committee above it, taken as written.
        if let organization = tree.organization(code: decider) {
            let version = organization.version(on: event.decision?.date ?? event.effective)
            guard let version, version.kind == .upperCommittee, version.parent == nil else {
                throw fail(.overSixtyWithoutCentralDecision(months: months, counted: counted, decidedBy: decider))
            }
        }
    }
}

/// The day an admission age was counted on (QĐ 24-QĐ/TW §1.1: the day the cell votes on the admission).
public enum AdmissionAgeDay: String, Hashable, Sendable {
    case cellVote
    case decision
    case ceremony

    /// "ngày chi bộ xét kết nạp", as a message names it.
    public var vietnamese: String {
        switch self {
        case .cellVote: "ngày chi bộ xét kết nạp"
        case .decision: "ngày ra quyết định kết nạp"
        case .ceremony: "ngày lễ kết nạp (chưa có ngày chi bộ xét kết nạp và ngày quyết định)"
        }
    }
}

extension Journal {
    /// The period covering `day`, nil when the member was not on the rolls that day.
    public func period(on day: Day) -> MembershipPeriod? {
        periods.last { $0.validity.contains(day) }
    }
}
