@testable import DangBoCore
import Testing

/// `Journal.kindsThatMayFollow` offers exactly the events Core would accept next: for each state a member can be in,
/// every kind is tried as the next event (a month after the last one, into a cell it may enter; a recognition on its
/// due day) and accepted if and only if it is offered.
@Suite struct NextEventsTests {
    typealias F = Fixture

    static let states: [(String, [MembershipEvent])] = [
        ("probationer", [F.event(.admitted, "2024-01-10", F.cellA)]),
        ("official", [F.event(.admitted, "2020-01-10", F.cellA), F.event(.recognizedOfficial, "2021-01-10")]),
        ("official, exempt", [F.event(.admitted, "2020-01-10", F.cellA), F.event(.recognizedOfficial, "2021-01-10"),
                              F.event(.exempted, "2022-01-10")]),
        ("official, away", [F.event(.admitted, "2020-01-10", F.cellA), F.event(.recognizedOfficial, "2021-01-10"),
                            F.event(.temporaryOut, "2022-01-10")]),
        ("transferred out", [F.event(.admitted, "2020-01-10", F.cellA), F.event(.recognizedOfficial, "2021-01-10"),
                             F.event(.transferredOut, "2022-01-10")]),
        ("removed", [F.event(.admitted, "2020-01-10", F.cellA), F.event(.recognizedOfficial, "2021-01-10"),
                     F.event(.removed, "2022-01-10")]),
        ("expelled", [F.event(.admitted, "2020-01-10", F.cellA), F.event(.recognizedOfficial, "2021-01-10"),
                      F.event(.expelled, "2022-01-10")]),
        ("probation removed", [F.event(.admitted, "2020-01-10", F.cellA), F.event(.probationRemoved, "2020-06-10")]),
        ("dead", [F.event(.admitted, "2020-01-10", F.cellA), F.event(.died, "2022-01-10")]),
    ]

    /// The next event of `kind` as a form would post it.
    static func next(_ kind: EventKind, after events: [MembershipEvent]) -> MembershipEvent {
        let last = events.last!.effective
        let admitted = events.first { $0.kind == .admitted }!.effective
        let cell: OrganizationID? = switch kind {
        case .moved: F.cellB
        case .temporaryIn: F.cellC
        case .admitted, .transferredIn, .readmitted, .restored: F.cellA
        default: nil
        }
        let day = kind == .recognizedOfficial ? admitted.adding(months: 12) : last.adding(months: 1)
        return MembershipEvent(member: MemberID(1), kind: kind, effective: day, organization: cell,
                               decision: Decision(number: "1-QĐ/ĐUK", date: day))
    }

    @Test(arguments: states.indices)
    func offeredExactlyWhenCoreAccepts(state: Int) throws {
        let (name, events) = Self.states[state]
        let journal = try F.journal(events)
        let offered = Set(journal.kindsThatMayFollow)
        for kind in EventKind.allCases {
            let next = Self.next(kind, after: events)
            // NB: what may follow is what comes after the last event; an earlier record of the past (a recognition
            // due before a death) is history being completed, not a next step.
            guard next.effective > events.last!.effective else { continue }
            let accepted = (try? F.journal(events + [next])) != nil
            #expect(offered.contains(kind) == accepted, "\(name): \(kind.rawValue) offered \(offered.contains(kind)), accepted \(accepted)")
        }
    }

    @Test func anEmptyJournalOffersTheArrivals() throws {
        let journal = try F.journal([])
        #expect(Set(journal.kindsThatMayFollow) == EventKind.arrivals)
    }

    /// A stay away opened, then ended: `openStays` on the day before the end, the day of it and the day after.
    @Test func staysOpenUntilTheirEnd() {
        let events = [F.event(.admitted, "2020-01-10", F.cellA), F.event(.temporaryOut, "2022-01-10"),
                      F.event(.temporaryIn, "2022-01-10", F.cellC), F.event(.temporaryEnded, "2022-06-10")]
        #expect(Journal.openStays(events, on: F.day("2022-01-09")).away == nil)
        let open = Journal.openStays(events, on: F.day("2022-06-09"))
        #expect(open.away == F.day("2022-01-10") && open.attending?.cell == F.cellC)
        #expect(Journal.openStays(events, on: F.day("2022-06-10")).away == nil)
        #expect(Journal.openStays(events, on: F.day("2022-06-10")).attending == nil)
    }
}
