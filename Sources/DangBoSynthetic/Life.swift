import DangBoCore

/// One person's story while it is written.
struct Life {
    var person: Person
    /// The member's index (`id - 1`).
    let index: Int
    var events: [MembershipEvent] = []
    var stays: [Stay] = []
    var readmissions = 0
    /// Official at some point (and so holds a party card).
    var official = false
    /// The last day the person was on the rolls or attending.
    var lastDay: Day

    init(person: Person, index: Int) {
        self.person = person
        self.index = index
        self.lastDay = person.birth
    }

    var id: MemberID { MemberID(index + 1) }

    mutating func append(_ event: MembershipEvent) { events.append(event) }

    /// Events in effective order; on one day, entries first, then recognition, moves, exemptions, temporary stays,
    /// and leaving last.
    func sortedEvents() -> [MembershipEvent] {
        func rank(_ kind: EventKind) -> Int {
            switch kind {
            case .admitted, .readmitted, .restored, .transferredIn, .temporaryIn: 0
            case .recognizedOfficial: 1
            case .moved: 2
            case .exempted, .exemptionEnded: 3
            case .temporaryEnded: 4
            case .temporaryOut: 5
            case .probationRemoved, .transferredOut, .removed, .expelled, .withdrew, .died: 6
            }
        }
        return events.indices.sorted {
            (events[$0].effective, rank(events[$0].kind), $0) < (events[$1].effective, rank(events[$1].kind), $1)
        }.map { events[$0] }
    }
}
