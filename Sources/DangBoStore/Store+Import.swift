import DangBoCore
import DangBoInterchange
import FluentKit
import Foundation
import SQLKit

extension Store {
    /// Imports a folder of CSV files or a workbook through the contract (docs/import-format.md), streamed into one
    /// transaction: all or nothing. Throws `ImportFailure` with every bad row.
    public func importData(at url: URL, actor: String) async throws -> Importer.Summary {
        let next = try await nextIdentifiers()
        let context = Importer.Context(
            tree: try await loadTree(), nationalIDs: try await nationalIDIndex(), caseReferences: try await caseReferences(),
            nextOrganizationID: next.organization, nextMemberID: next.member, eventSequenceBase: try await nextEventSequence())
        return try await importing(audit: { summary in
            AuditRecord(
                actor: actor, action: "import", summary: "Nhập dữ liệu từ \(url.lastPathComponent)",
                details: ["organizations": "\(summary.organizations)", "members": "\(summary.members)",
                          "events": "\(summary.events)", "seats": "\(summary.seats)", "cases": "\(summary.cases)"],
                recordedAt: Date())
        }) { sink in
            try await Importer(context: context).run(try ImportSource.open(url), into: sink)
        }
    }

    /// Runs a streamed import in one transaction: `body` writes through the sink it is given; the audit entry is added
    /// when it returns, and everything is rolled back if it throws (an `ImportFailure` leaves the database as it was).
    public func importing<T: Sendable>(
        audit: @escaping @Sendable (T) -> AuditRecord,
        _ body: @escaping @Sendable (any RegistrySink) async throws -> T
    ) async throws -> T {
        let result = try await database.transaction { transaction in
            let sql = transaction as! any SQLDatabase
            let result = try await body(StoreSink(sql: sql))
            try await AuditEntryModel(id: try await Self.nextID(in: "audit_entries", on: sql), record: audit(result))
                .create(on: transaction)
            return result
        }
        try await refreshStatistics()
        return result
    }

    /// Every stored national ID, for an import to resolve references and refuse duplicates.
    public func nationalIDIndex() async throws -> NationalIDIndex {
        var index = NationalIDIndex()
        var after = 0
        // NB: in pages by id, so that a national registry never sits in memory as rows.
        while true {
            let rows = try await sql.select().columns("id", "national_id").from("members").where("id", .greaterThan, after)
                .orderBy("id").limit(100_000).all()
            for row in rows {
                after = try row.decode(column: "id", as: Int.self)
                index.insert(try row.decode(column: "national_id", as: String.self), MemberID(after))
            }
            if rows.count < 100_000 { return index }
        }
    }

    /// Every stored oversight case reference.
    public func caseReferences() async throws -> Set<String> {
        Set(try await sql.select().column("case_ref").from("oversight_cases").all().map { try $0.decode(column: "case_ref", as: String.self) })
    }

    /// A journal sequence number above every stored one: an import numbers its events from here.
    public func nextEventSequence() async throws -> Int {
        let row = try await sql.raw("SELECT COALESCE(MAX(seq), -1) + 1 AS next FROM membership_events").first()
        return try row?.decode(column: "next", as: Int.self) ?? 0
    }
}

/// The store side of a streamed import: each batch goes to the database inside the import's transaction.
/// Not `Sendable`: it lives inside one transaction.
final class StoreSink: RegistrySink {
    let sql: any SQLDatabase

    init(sql: any SQLDatabase) { self.sql = sql }

    func write(organizations: [Organization], tree: OrganizationTree) async throws {
        try await Store.write(organizations: organizations, tree: tree, on: sql)
    }

    func insert(members: [Member]) async throws { try await Store.insert(members: members, on: sql) }

    func insert(events: [SequencedEvent]) async throws { try await Store.insert(events: events, on: sql) }

    func journalInputs(of ids: [MemberID]) async throws -> [(member: Member, events: [SequencedEvent])] {
        guard let first = ids.first?.rawValue, let last = ids.last?.rawValue else { return [] }
        // NB: an import checks new members, whose ids are consecutive: a range reads both tables in index order.
        let contiguous = last - first + 1 == ids.count
        func scoped(_ query: SQLSelectBuilder, _ column: String) -> SQLSelectBuilder {
            contiguous ? query.where(column, .greaterThanOrEqual, first).where(column, .lessThanOrEqual, last)
                : query.where(column, .in, ids.map(\.rawValue))
        }
        var members: [(member: Member, events: [SequencedEvent])] = []
        members.reserveCapacity(ids.count)
        var position: [Int: Int] = [:]
        for row in try await scoped(sql.select().column("*").from("members"), "id").orderBy("id").all() {
            let member = try Store.member(from: row)
            position[member.id.rawValue] = members.count
            members.append((member, []))
        }
        for row in try await scoped(sql.select().column("*").from("membership_events"), "member_id")
            .orderBy("member_id").orderBy("seq").all() {
            let event = try Store.event(from: row)
            guard let index = position[event.member.rawValue] else { continue }
            members[index].events.append(SequencedEvent(sequence: try row.decode(column: "seq", as: Int.self), event: event))
        }
        return members
    }

    func record(journals: [Journal], fresh: Bool) async throws {
        try await Store.record(journals: journals, replacing: !fresh, on: sql)
    }

    func insert(seats: [CommitteeSeat]) async throws { try await Store.insert(seats: seats, on: sql) }

    func insert(cases: [OversightCase]) async throws { try await Store.insert(cases: cases, on: sql) }
}
