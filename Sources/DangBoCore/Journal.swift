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
    /// The last admission or readmission ceremony: probation runs 12 months from it.
    public private(set) var lastCeremony: Day?

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

    /// 18 to 60 years inclusive, counted in months: from the 18th birthday through the last day before 60 years and
    /// 1 month are completed (QĐ 24-QĐ/TW §1.1.1).
    public static let admissionAgeMonths = (18 * 12)...(60 * 12)

    /// The end of probation: 12 months after the ceremony (Charter Art. 5). Recognition takes effect on this day.
    public static func probationEnd(ceremony: Day) -> Day { ceremony.adding(months: 12) }

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

    private mutating func project(tree: OrganizationTree) throws(JournalViolation) {
        var phase = Phase.never
        var temporary = Temporary()
        var readmissions = 0
        var open: MembershipPeriod?
        var position = 0
        while position < events.count {
            let day = events[position].effective
            let before = phase
            var dayEvents: [EventKind] = []
            var dayEnd = position
            while dayEnd < events.count, events[dayEnd].effective == day {
                let event = events[dayEnd]
                try apply(event, at: dayEnd, phase: &phase, temporary: &temporary, readmissions: &readmissions, tree: tree)
                dayEvents.append(event.kind)
                dayEnd += 1
            }
            position = dayEnd
            let beforeActive: Active? = if case .active(let a) = before { a } else { nil }
            let afterActive: Active? = if case .active(let a) = phase { a } else { nil }
            if beforeActive == afterActive { continue }
            let entry = Self.entryKind(of: dayEvents)
            if var closing = open {
                closing.validity = DayRange(start: closing.validity.start, end: day)
                closing.exit = afterActive == nil ? (dayEvents.first(where: \.leaves) ?? entry) : entry
                closing.nextCell = afterActive?.cell
                periods.append(closing)
                open = nil
            }
            if let after = afterActive {
                open = MembershipPeriod(
                    member: member.id, cell: after.cell, standing: after.standing, exempt: after.exempt,
                    validity: DayRange(start: day, end: nil), entry: entry, previousCell: beforeActive?.cell)
            }
        }
        if let open { periods.append(open) }
    }

    /// Which event names a day's boundary when several fall on one day: the first that puts the member into a cell,
    /// else a recognition, else a change of exemption.
    private static func entryKind(of kinds: [EventKind]) -> EventKind {
        kinds.first { [.admitted, .readmitted, .restored, .transferredIn, .moved].contains($0) }
            ?? kinds.first { $0 == .recognizedOfficial }
            ?? kinds.first { $0 == .exempted || $0 == .exemptionEnded }
            ?? kinds.first { $0.leaves }
            ?? kinds[0]
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
            let decided = event.decision?.date ?? event.effective
            let months = Self.ageInMonths(birth: member.birthDate, on: Swift.min(decided, event.effective))
            guard Self.admissionAgeMonths.contains(months) else { throw fail(.admissionAge(months: months)) }
            phase = .active(Active(cell: try cell(), standing: .probationary, exempt: false))
            lastCeremony = event.effective

        case .readmitted:
            // NB: from `.never` the member left before the registry began: the journal cannot prove otherwise.
            switch phase {
            case .active: throw fail(.alreadyMember)
            case .left(let kind, _) where !kind.endsMembership: throw fail(.neverLeft)
            default: break
            }
            guard readmissions == 0 else { throw fail(.readmittedTwice) }
            readmissions += 1
            phase = .active(Active(cell: try cell(), standing: .probationary, exempt: false))
            lastCeremony = event.effective

        case .restored:
            switch phase {
            case .active: throw fail(.alreadyMember)
            case .left(let kind, _) where kind != .expelled && kind != .removed: throw fail(.cannotRestore)
            default: break  // NB: from `.never` the expulsion predates the registry.
            }
            phase = .active(Active(cell: try cell(), standing: .official, exempt: false))

        case .transferredIn:
            switch phase {
            case .active: throw fail(.alreadyMember)
            case .left(let kind, let left) where kind != .transferredOut: throw fail(.afterLeaving(kind, left))
            default: break
            }
            phase = .active(Active(cell: try cell(), standing: standingOnArrival(after: index), exempt: false))

        case .moved:
            guard case .active(var active) = phase else { throw notActive(phase, fail) }
            let target = try cell()
            guard target != active.cell else { throw fail(.sameCell) }
            active.cell = target
            phase = .active(active)

        case .recognizedOfficial:
            guard case .active(var active) = phase else { throw notActive(phase, fail) }
            guard active.standing == .probationary else { throw fail(.notProbationary) }
            if let ceremony = lastCeremony, event.effective != Self.probationEnd(ceremony: ceremony) {
                throw fail(.recognitionDay(expected: Self.probationEnd(ceremony: ceremony)))
            }
            active.standing = .official
            phase = .active(active)

        case .probationRemoved:
            guard case .active(let active) = phase else { throw notActive(phase, fail) }
            guard active.standing == .probationary else { throw fail(.notProbationary) }
            phase = .left(event.kind, event.effective)

        case .removed, .expelled:
            guard case .active(let active) = phase else { throw notActive(phase, fail) }
            guard active.standing == .official else {
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

    /// A member transferred in arrives probationary when the journal later recognizes them before they leave again,
    /// and official otherwise: the file tells no more.
    private func standingOnArrival(after index: Int) -> Standing {
        for event in events[(index + 1)...] {
            if event.kind == .recognizedOfficial { return .probationary }
            if event.kind.leaves { return .official }
        }
        return .official
    }
}

extension Journal {
    /// The period covering `day`, nil when the member was not on the rolls that day.
    public func period(on day: Day) -> MembershipPeriod? {
        periods.last { $0.validity.contains(day) }
    }
}
