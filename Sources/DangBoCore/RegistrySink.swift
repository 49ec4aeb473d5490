/// An event with its place in the member's journal: events of one member are kept in `sequence` order, and an import
/// numbers them after its file lines so that a rule broken by an event leads back to the line that wrote it.
public struct SequencedEvent: Sendable, Equatable {
    public var sequence: Int
    public var event: MembershipEvent

    public init(sequence: Int, event: MembershipEvent) {
        self.sequence = sequence
        self.event = event
    }
}

/// Where a streamed import writes, batch by batch: the store inside one transaction (so a failed import leaves
/// nothing), or a `Registry` in memory. The importer decides; the sink only keeps what it is given and hands back
/// what a journal check needs, so that memory stays bounded by a batch, not by the registry.
public protocol RegistrySink: AnyObject {
    /// Organizations added or given new versions (each with all its versions); `tree` is the whole tree after them.
    func write(organizations: [Organization], tree: OrganizationTree) async throws
    func insert(members: [Member]) async throws
    func insert(events: [SequencedEvent]) async throws
    /// The members with these ids (ascending) and all their events, stored and new, in sequence order.
    func journalInputs(of members: [MemberID]) async throws -> [(member: Member, events: [SequencedEvent])]
    /// The checked journals of these members: their periods replace the stored ones. `fresh` members had none.
    /// A journal's `member` may hold only what the journal rules read (id, birth date, joined and official days): the
    /// sink keeps the member `insert(members:)` gave it.
    func record(journals: [Journal], fresh: Bool) async throws
    /// The membership periods of these members (ascending, distinct) as recorded, stored or written by this import,
    /// each member's in journal order: what a committee seat's holder rule reads (`CommitteeSeat.violations`). Asked
    /// once per batch of seats, after the journals are recorded.
    func periods(of members: [MemberID]) async throws -> [MembershipPeriod]
    /// The members whose recorded periods keep them on the rolls of `cell` after `day` (a period in it that ends after
    /// `day`, or never), by id: what an import that dissolves a cell warns about.
    func members(onTheRollsOf cell: OrganizationID, after day: Day) async throws -> [Member]
    func insert(seats: [CommitteeSeat]) async throws
    func insert(cases: [OversightCase]) async throws
    /// Meetings with their attendance, checked.
    func insert(meetings: [Meeting]) async throws
    /// The committee seats these members hold or held (ascending, distinct), stored or written by this import: what the
    /// rule on removal from post (cách chức) reads, and what an import's seats must not repeat.
    func seats(heldBy members: [MemberID]) async throws -> [CommitteeSeat]
    /// Disciplinary decisions with their appeals, checked.
    func insert(disciplines: [DisciplineDecision]) async throws
    /// The cases with these references, stored or written by this import: what a case's progress is checked against.
    func cases(references: [String]) async throws -> [OversightCase]
    /// The progress of the cases with these references, stored or written by this import.
    func oversightProgress(references: [String]) async throws -> [OversightProgress]
    func insert(terms: [CommitteeTerm]) async throws
    func insert(progress: [OversightProgress]) async throws
    func insert(tasks: [FollowUpTask]) async throws
    /// Annual programmes, checked, each new to the registry.
    func insert(programmes: [OversightProgramme]) async throws
    /// More subjects of a case written before (its rows came apart in the file).
    func add(subjects: [OversightSubject], toCase reference: String) async throws
}
