import DangBoCore
import Foundation

/// A `RegistrySink` that keeps everything in a `Registry` in memory and gathers it as a `RegistryChange`: imports in
/// tests, small workbooks, and the Core side of the store's twin tests.
public final class MemorySink: RegistrySink {
    public private(set) var registry: Registry
    public private(set) var change = RegistryChange()
    private var newMembers: [MemberID: Member] = [:]
    private var newEvents: [MemberID: [SequencedEvent]] = [:]

    public init(registry: Registry) { self.registry = registry }

    public func write(organizations: [Organization], tree: OrganizationTree) async throws {
        change.organizations += organizations
        registry.tree = tree
    }

    public func insert(members: [Member]) async throws {
        change.members += members
        for member in members { newMembers[member.id] = member }
    }

    public func insert(events: [SequencedEvent]) async throws {
        change.events += events.map(\.event)
        for event in events { newEvents[event.event.member, default: []].append(event) }
    }

    public func journalInputs(of members: [MemberID]) async throws -> [(member: Member, events: [SequencedEvent])] {
        members.compactMap { id in
            guard let member = newMembers[id] ?? registry.members[id] else { return nil }
            // NB: a member this import adds has no stored events, whatever journal a check recorded for it already
            // (a member whose events came apart is checked again, `JournalStream`).
            let stored = newMembers[id] != nil ? [] : (registry.journals[id]?.events ?? []).enumerated().map {
                SequencedEvent(sequence: $0.offset, event: $0.element)
            }
            return (member, (stored + (newEvents[id] ?? [])).sorted { $0.sequence < $1.sequence })
        }
    }

    public func record(journals: [Journal], fresh: Bool) async throws {
        // NB: a journal checked as the import streams holds only what its rules read of the member; the registry keeps
        // the member as it was given.
        let journals = journals.map { journal in
            var journal = journal
            if let member = newMembers[journal.member.id] ?? registry.members[journal.member.id] { journal.member = member }
            return journal
        }
        for journal in journals { registry.record(journal) }
        change.journals += journals
    }

    public func periods(of members: [MemberID]) async throws -> [MembershipPeriod] {
        members.flatMap { registry.journals[$0]?.periods ?? [] }
    }

    public func members(onTheRollsOf cell: OrganizationID, after day: Day) async throws -> [Member] {
        registry.journals.values.filter { journal in
            journal.periods.contains { $0.cell == cell && ($0.validity.end.map { $0 > day } ?? true) }
        }.map(\.member).sorted { $0.id < $1.id }
    }

    public func insert(seats: [CommitteeSeat]) async throws {
        change.seats += seats
        registry.seats += seats
    }

    public func insert(cases: [OversightCase]) async throws {
        change.cases += cases
        registry.cases += cases
    }

    public func insert(meetings: [Meeting]) async throws {
        change.meetings += meetings
        registry.meetings += meetings
    }

    public func seats(heldBy members: [MemberID]) async throws -> [CommitteeSeat] {
        let wanted = Set(members)
        return registry.seats.filter { wanted.contains($0.member) }
    }

    public func insert(disciplines: [DisciplineDecision]) async throws {
        change.disciplines += disciplines
        registry.disciplines += disciplines
    }

    public func cases(references: [String]) async throws -> [OversightCase] {
        let wanted = Set(references)
        return registry.cases.filter { wanted.contains($0.reference) }
    }

    public func oversightProgress(references: [String]) async throws -> [OversightProgress] {
        let wanted = Set(references)
        return registry.progress.filter { wanted.contains($0.caseReference) }
    }

    public func insert(terms: [CommitteeTerm]) async throws {
        change.terms += terms
        registry.terms += terms
    }

    public func insert(progress: [OversightProgress]) async throws {
        change.progress += progress
        registry.progress += progress
    }

    public func insert(tasks: [FollowUpTask]) async throws {
        change.tasks += tasks
        registry.tasks += tasks
    }

    public func insert(programmes: [OversightProgramme]) async throws {
        change.programmes += programmes
        registry.programmes += programmes
    }

    public func add(subjects: [OversightSubject], toCase reference: String) async throws {
        if let index = change.cases.firstIndex(where: { $0.reference == reference }) { change.cases[index].subjects += subjects }
        if let index = registry.cases.firstIndex(where: { $0.reference == reference }) { registry.cases[index].subjects += subjects }
    }
}

extension Importer {
    /// Imports a folder of CSV files or an XLSX workbook into a registry in memory.
    public static func load(
        _ url: URL, into registry: Registry, nextOrganizationID: Int, nextMemberID: Int,
        limits: ReadingLimits = .standard, today: Day = Context.today()
    ) async throws(ImportFailure) -> (change: RegistryChange, registry: Registry, warnings: [ImportIssue]) {
        try await load(try ImportSource.open(url, limits: limits), into: registry, nextOrganizationID: nextOrganizationID,
                       nextMemberID: nextMemberID, today: today)
    }

    /// Imports tables already in memory into a registry in memory.
    public static func load(
        _ tables: [Table], into registry: Registry, nextOrganizationID: Int, nextMemberID: Int, today: Day = Context.today()
    ) async throws(ImportFailure) -> (change: RegistryChange, registry: Registry, warnings: [ImportIssue]) {
        try await load(tables.map { ImportSource(table: $0) }, into: registry, nextOrganizationID: nextOrganizationID,
                       nextMemberID: nextMemberID, today: today)
    }

    static func load(
        _ sources: [ImportSource], into registry: Registry, nextOrganizationID: Int, nextMemberID: Int, today: Day
    ) async throws(ImportFailure) -> (change: RegistryChange, registry: Registry, warnings: [ImportIssue]) {
        let context = Context(registry: registry, nextOrganizationID: nextOrganizationID, nextMemberID: nextMemberID, today: today)
        let importer = Importer(context: context)
        let sink = MemorySink(registry: registry)
        do {
            let summary = try await importer.run(sources, into: sink)
            return (sink.change, sink.registry, summary.warnings)
        } catch let failure as ImportFailure {
            throw failure
        } catch {
            // NB: the memory sink never throws; only a malformed file does, and `run` reports it as an issue.
            throw ImportFailure(issues: [ImportIssue(file: sources.first?.name ?? "", line: nil, column: nil, reason: "\(error)")])
        }
    }
}
