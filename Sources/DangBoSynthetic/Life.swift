import DangBoCore

/// One person's story while it is written.
struct Life {
    var person: Person
    /// The member's index (`id - 1`).
    let index: Int
    var events: [MembershipEvent] = []
    /// For each event, the stretch on the rolls it belongs to (see `sortedEvents`).
    private var stretches: [Int] = []
    /// The stretch being written: 0 before the first entry, then 1, 2, … (a return after leaving opens the next).
    var stretch = 0
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

    mutating func append(_ event: MembershipEvent) {
        events.append(event)
        stretches.append(stretch)
    }

    /// Events in effective order. On one day, the events of an earlier stretch come first (a transfer out, then the
    /// transfer in that opens the next stretch); within a stretch, entries first, then recognition, moves,
    /// exemptions, temporary stays, and leaving last. NB: the order of one day's events is the file order, which
    /// `Journal` and the review follow (RULES §3, the contract), so it must be the order the story meant.
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
            (events[$0].effective, stretches[$0], rank(events[$0].kind), $0)
                < (events[$1].effective, stretches[$1], rank(events[$1].kind), $1)
        }.map { events[$0] }
    }
}
