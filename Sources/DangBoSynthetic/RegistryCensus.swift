import DangBoCore

/// The cases the reviews must get right (issue 7, point 10), counted in a generated registry from its organizations,
/// members and events alone (the files a user would import), never from the generator's own counters: the generator's
/// tests and the store's twin tests use it to prove that the data they run on holds every case.
public struct RegistryCensus: Sendable {
    public enum Case: String, CaseIterable, Sendable {
        // The tree: the cell keeps its id and its members, nobody moves.
        case cellPutUnderPartialCommittee, grassrootsCellFoldedIntoCommittee, subordinateCellStandingAlone
        case cellReparentedBetweenCommittees, renamed, merged, newCellDrawingMembers, dissolved
        // Several events of one member on one day, in this order.
        case outThenInToAnotherGrassroots, movedOutOfCommitteeThenDied, recognizedThenMoved, exemptedThenAway
        // Probationers who arrive by transfer, and journals that open late or with a readmission.
        case probationerFromJoinedOnRecognized, probationerFromJoinedOnStruckOff, probationerUntilOfficialOnRecognized
        case probationerBackBeforeProbationEnds, openingWithReadmission, openingLate
    }

    /// How many of each case.
    public private(set) var counts: [Case: Int]
    /// Arrivals by transfer that must stand as probationary on their day.
    public private(set) var probationaryArrivals: [(member: MemberID, day: Day)]

    private init() {
        counts = [:]
        probationaryArrivals = []
    }

    mutating func add(_ kind: Case) { counts[kind, default: 0] += 1 }

    /// The cases that do not occur.
    public var missing: [Case] { Case.allCases.filter { counts[$0, default: 0] == 0 } }

    /// Counts the cases in `synthetic` (checked as `registry`), generated with `options`.
    public init(_ synthetic: SyntheticRegistry, registry: Registry, options: SyntheticRegistry.Options) {
        var census = RegistryCensus()
        let tree = registry.tree
        var periodsByCell: [OrganizationID: [MembershipPeriod]] = [:]
        for journal in registry.journals.values {
            for period in journal.periods { periodsByCell[period.cell, default: []].append(period) }
        }
        /// Someone on the rolls of `cell` before `day` is still there on it: the cell kept its members.
        func keepsMembers(_ cell: OrganizationID, across day: Day) -> Bool {
            periodsByCell[cell, default: []].contains { $0.validity.start < day && ($0.validity.end.map { $0 > day } ?? true) }
        }
        func kind(_ id: OrganizationID?, on day: Day) -> OrganizationKind? { id.flatMap { tree.version(of: $0, on: day)?.kind } }
        let root = synthetic.organizations[0].id

        // The tree.
        for organization in synthetic.organizations {
            for (before, after) in zip(organization.versions, organization.versions.dropFirst()) {
                let day = after.validity.start, eve = day.previous
                switch (before.kind, after.kind) {
                case (.subordinateCell, .subordinateCell) where before.parent != after.parent:
                    if kind(before.parent, on: eve) == .grassrootsCommittee, kind(after.parent, on: day) == .partialCommittee,
                       tree.version(of: after.parent!, on: day)?.parent == before.parent,
                       keepsMembers(organization.id, across: day) {
                        census.add(.cellPutUnderPartialCommittee)
                    }
                    if kind(before.parent, on: eve) == .grassrootsCommittee, kind(after.parent, on: day) == .grassrootsCommittee {
                        census.add(.cellReparentedBetweenCommittees)
                    }
                case (.grassrootsCell, .subordinateCell):
                    if before.parent == root, kind(after.parent, on: day) == .grassrootsCommittee,
                       tree.version(of: after.parent!, on: day)?.parent == root, keepsMembers(organization.id, across: day) {
                        census.add(.grassrootsCellFoldedIntoCommittee)
                    }
                case (.subordinateCell, .grassrootsCell):
                    if after.parent == root, keepsMembers(organization.id, across: day) {
                        census.add(.subordinateCellStandingAlone)
                    }
                default:
                    if before.kind == after.kind, before.parent == after.parent, before.name != after.name {
                        census.add(.renamed)
                    }
                }
            }
            if organization.dissolved != nil { census.add(.dissolved) }
            let established = organization.established
            if established > options.from, organization.versions[0].kind.isCell {
                let absorbed = synthetic.organizations.filter { $0.dissolved == established && $0.versions[0].kind.isCell }
                if absorbed.count >= 2 { census.add(.merged) }
                if synthetic.events.contains(where: {
                    $0.kind == .moved && $0.effective == established && $0.organization == organization.id
                }) {
                    census.add(.newCellDrawingMembers)
                }
            }
        }

        // The journals, each member's events in file order.
        var byMember: [MemberID: [MembershipEvent]] = [:]
        for event in synthetic.events { byMember[event.member, default: []].append(event) }
        func grassroots(of cell: OrganizationID?, on day: Day) -> OrganizationID? {
            cell.flatMap { tree.ancestors(of: $0, on: day).first { tree.version(of: $0, on: day)!.kind.isGrassroots } }
        }
        for member in synthetic.members {
            let events = byMember[member.id] ?? []
            guard let first = events.first else { continue }
            if first.effective >= options.from.adding(years: 3) { census.add(.openingLate) }
            if first.kind == .readmitted, let official = member.officialOn, member.joinedOn != nil,
               official < first.effective,
               events.contains(where: { $0.kind == .recognizedOfficial && $0.effective == first.effective.adding(months: 12) }) {
                census.add(.openingWithReadmission)
            }
            var cell: OrganizationID?
            for (event, next) in zip(events, events.dropFirst()) {
                let before = cell  // the cell the member was in before `event`
                if [.admitted, .readmitted, .restored, .transferredIn, .moved].contains(event.kind) {
                    cell = event.organization
                }
                guard next.effective == event.effective else { continue }
                let day = event.effective
                switch (event.kind, next.kind) {
                case (.transferredOut, .transferredIn):
                    if let from = grassroots(of: before, on: day.previous), let to = grassroots(of: next.organization, on: day),
                       from != to {
                        census.add(.outThenInToAnotherGrassroots)
                    }
                case (.moved, .died):
                    if let committee = grassroots(of: before, on: day), kind(committee, on: day) == .grassrootsCommittee,
                       let target = event.organization, !tree.isWithin(target, root: committee, on: day) {
                        census.add(.movedOutOfCommitteeThenDied)
                    }
                case (.recognizedOfficial, .moved):
                    census.add(.recognizedThenMoved)
                case (.exempted, .temporaryOut):
                    census.add(.exemptedThenAway)
                default:
                    break
                }
            }
            Self.countProbationers(member, events, into: &census)
        }
        self = census
    }

    /// Probationers who arrive by transfer: from outside (standing known from `joinedOn`, `officialOn`), or admitted
    /// here, sent out and back before probation ends.
    private static func countProbationers(_ member: Member, _ events: [MembershipEvent], into census: inout RegistryCensus) {
        guard let arrival = events.firstIndex(where: { $0.kind == .transferredIn }) else { return }
        let day = events[arrival].effective
        let later = events[(arrival + 1)...]
        let ceremony = events[..<arrival].last { $0.kind == .admitted || $0.kind == .readmitted }
        if let ceremony {
            let end = ceremony.effective.adding(months: 12)
            if day < end, events[arrival - 1].kind == .transferredOut,
               !events[..<arrival].contains(where: { $0.kind == .recognizedOfficial }),
               later.contains(where: { $0.kind == .recognizedOfficial && $0.effective == end }) {
                census.add(.probationerBackBeforeProbationEnds)
                census.probationaryArrivals.append((member.id, day))
            }
            return
        }
        if let official = member.officialOn {
            if day < official, later.contains(where: { $0.kind == .recognizedOfficial && $0.effective == official }) {
                census.add(.probationerUntilOfficialOnRecognized)
                census.probationaryArrivals.append((member.id, day))
            }
        } else if let joined = member.joinedOn {
            let end = joined.adding(months: 12)
            guard day < end else { return }
            if later.contains(where: { $0.kind == .recognizedOfficial && $0.effective == end }) {
                census.add(.probationerFromJoinedOnRecognized)
                census.probationaryArrivals.append((member.id, day))
            }
            if let removal = later.first(where: { $0.kind == .probationRemoved }), removal.effective < end,
               !later.contains(where: { $0.kind == .recognizedOfficial && $0.effective < removal.effective }) {
                census.add(.probationerFromJoinedOnStruckOff)
                census.probationaryArrivals.append((member.id, day))
            }
        }
    }
}
