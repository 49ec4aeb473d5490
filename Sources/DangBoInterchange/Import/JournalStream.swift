import DangBoCore

/// Gathers the events of the members an import adds into one group per member as the rows stream by, so that each
/// journal is checked when its group ends instead of being read back from the database after the load.
///
/// Files written by DangBo (and most others) give each member's events together: a group ends when another new member's
/// row comes. A member whose rows come apart (another member's rows between them) is *scattered*: the check made when
/// its first group ended saw only part of its journal, so the importer checks it again from what the sink holds, and
/// replaces what that first check wrote. Memory: 12 bytes and one bit per member added, and one member's events.
struct JournalStream {
    /// What the journal rules read of a member (`Journal` reads its id, birth date and joined and official days), as
    /// day ordinals; `none` for a day not given.
    private struct Facts {
        var birth: Int32, joined: Int32, official: Int32
        static let none = Int32.min
    }

    /// The id of the first member the import adds; they are numbered on from it.
    let firstMember: Int
    private var facts: [Facts] = []
    /// One bit per member added: set once a group of its events has ended (or it was checked without events).
    private var ended: [UInt64] = []
    /// Members added whose events came apart in the file.
    private(set) var scattered: Set<Int> = []
    private var current: Int?
    private var events: [SequencedEvent] = []

    init(firstMember: Int) { self.firstMember = firstMember }

    /// Notes a member the import adds (in id order).
    mutating func add(_ member: Member) {
        precondition(member.id.rawValue == firstMember + facts.count, "members are added in id order")
        func ordinal(_ day: Day?) -> Int32 { day.map { Int32(clamping: $0.ordinal) } ?? Facts.none }
        facts.append(Facts(birth: ordinal(member.birthDate), joined: ordinal(member.joinedOn), official: ordinal(member.officialOn)))
        if facts.count > ended.count * 64 { ended.append(0) }
    }

    /// Whether `member` is one the import adds (the stream groups only their events; a stored member's journal is
    /// read back whole).
    func isNew(_ member: MemberID) -> Bool { member.rawValue >= firstMember && member.rawValue < firstMember + facts.count }

    /// Takes the next event of a member the import adds; returns the group this row ends, if any.
    mutating func add(_ event: SequencedEvent) -> (member: Member, events: [SequencedEvent])? {
        let id = event.event.member.rawValue
        guard isNew(event.event.member), !scattered.contains(id) else { return nil }
        if id == current {
            events.append(event)
            return nil
        }
        let ended = finish()
        if hasEnded(id) {
            scattered.insert(id)
        } else {
            current = id
            events.append(event)
        }
        return ended
    }

    /// Ends the group being gathered; returns it, if any.
    mutating func finish() -> (member: Member, events: [SequencedEvent])? {
        guard let id = current else { return nil }
        current = nil
        markEnded(id)
        defer { events.removeAll(keepingCapacity: true) }
        return (member(id), events)
    }

    /// The members added that no event named, each marked as checked: their journals have no events.
    mutating func membersWithoutEvents() -> [Member] {
        var found: [Member] = []
        for index in facts.indices where ended[index >> 6] & (1 << UInt64(index & 63)) == 0 {
            markEnded(firstMember + index)
            found.append(member(firstMember + index))
        }
        return found
    }

    /// A member as the journal rules read it: its id and days, nothing else (no name, no national ID).
    func member(_ id: Int) -> Member {
        let facts = facts[id - firstMember]
        func day(_ ordinal: Int32) -> Day? { ordinal == Facts.none ? nil : Day(ordinal: Int(ordinal)) }
        return Member(id: MemberID(id), nationalID: "", familyName: "", middleName: "", givenName: "", gender: .male,
                      birthDate: day(facts.birth)!, joinedOn: day(facts.joined), officialOn: day(facts.official))
    }

    private func hasEnded(_ id: Int) -> Bool {
        let index = id - firstMember
        return ended[index >> 6] & (1 << UInt64(index & 63)) != 0
    }

    private mutating func markEnded(_ id: Int) {
        let index = id - firstMember
        ended[index >> 6] |= 1 << UInt64(index & 63)
    }
}
