import DangBoCore
import DangBoInterchange
import FluentKit
import Foundation
import SQLKit

extension Store {
    /// Imports a folder of CSV files or a workbook through the contract (docs/import-format.md), streamed into one
    /// transaction under the write lock: all or nothing. Throws `ImportFailure` with every bad row, or
    /// `StoreError.busy` when another write holds the lock for longer than `writeWait`.
    /// `today` is the latest day a past event may have (the clock is read at the edge: the caller's, or here by default).
    ///
    /// - Parameters:
    ///   - name: the file as the user knows it, for the audit entry (default: the last component of `url`).
    ///   - scope: the organizations the importing account may write into (`Importer.Context.scope`); nil: all.
    ///   - dryRun: runs the whole import, every rule checked against what the store holds, then rolls it back and
    ///     returns what it would have written: a preview and the write are one code path, so they cannot disagree.
    ///     Nothing is audited.
    ///   - pending: the upload this import confirms: taken from `pending_imports` inside the same transaction (so two
    ///     confirmations cannot both write), and kept if the import fails. Throws `PendingImportError.gone` without it.
    public func importData(
        at url: URL, name: String? = nil, actor: String, today: Day = Importer.Context.today(), scope: Scope? = nil,
        dryRun: Bool = false, claiming pending: PendingImportKey? = nil, progress: (@Sendable (String) -> Void)? = nil
    ) async throws -> Importer.Summary {
        let name = name ?? url.lastPathComponent
        return try await importing(dryRun: dryRun, audit: { summary in
            AuditRecord(
                actor: actor, action: "import", summary: "Nhập dữ liệu từ \(name)",
                details: ["organizations": "\(summary.organizations)", "members": "\(summary.members)",
                          "events": "\(summary.events)", "seats": "\(summary.seats)", "cases": "\(summary.cases)"],
                recordedAt: Date())
        }, Self.importBody(url: url, today: today, scope: scope, claiming: pending, progress: progress))
    }

    /// The dry run of an import (`importData(dryRun: true)`) with the first records it would add, read back from the
    /// store inside the rolled-back transaction: the values as they would be stored (names split, ethnicity and
    /// religion in their canonical spelling, the cell and standing its periods give), not as the file wrote them.
    public func previewImport(
        at url: URL, today: Day = Importer.Context.today(), scope: Scope? = nil, page: Int = 1, sample: Int = 20
    ) async throws -> ImportPreview {
        let offset = (max(1, page) - 1) * sample
        let body = Self.importBody(url: url, today: today, scope: scope, claiming: nil, progress: nil)
        do {
            _ = try await writing { store -> Int in
                let next = try await store.nextIdentifiers()
                let summary = try await store.load(audit: nil, body)
                throw RolledBack(result: ImportPreview(
                    summary: summary,
                    organizations: try await store.organizations(from: OrganizationID(next.organization), limit: sample, offset: offset),
                    members: try await store.members(from: MemberID(next.member), limit: sample, offset: offset, on: today),
                    page: max(1, page), pageSize: sample))
            }
        } catch let rolledBack as RolledBack<ImportPreview> {
            return rolledBack.result
        }
        preconditionFailure("a dry run always rolls back")
    }

    /// What an import of `url` runs inside its transaction (the import and its preview are one path).
    private static func importBody(
        url: URL, today: Day, scope: Scope?, claiming pending: PendingImportKey?, progress: (@Sendable (String) -> Void)?
    ) -> @Sendable (any RegistrySink, Store) async throws -> Importer.Summary {
        { sink, store in
            if let pending { try await store.claimPendingImport(pending) }
            var context = try await store.importContext(today: today)
            context.scope = scope
            return try await Importer(context: context, progress: progress).run(try ImportSource.open(url), into: sink)
        }
    }

    /// The organizations numbered from `first` on, each as its first version names it (a preview's new ones).
    private func organizations(from first: OrganizationID, limit: Int, offset: Int) async throws -> [OrganizationSummary] {
        try await sql.raw("""
            SELECT \(Self.summaryColumns) FROM organizations o
            JOIN organization_versions v ON v.organization_id = o.id
                AND v.valid_from = (SELECT MIN(f.valid_from) FROM organization_versions f WHERE f.organization_id = o.id)
            WHERE o.id >= \(literal: first.rawValue) ORDER BY o.id LIMIT \(literal: limit) OFFSET \(literal: offset)
            """).all().map(Self.summary(from:))
    }

    /// The members numbered from `first` on, with their events counted and the cell and standing of their period on
    /// `day` (none when not on the rolls that day).
    private func members(from first: MemberID, limit: Int, offset: Int, on day: Day) async throws -> [ImportPreview.Member] {
        let d = day.yyyymmdd
        return try await sql.raw("""
            SELECT m.*, p.standing AS standing, o.id AS cell_id, o.code AS cell_code, v.name AS cell_name,
                v.kind AS cell_kind, v.parent_id AS cell_parent,
                (SELECT COUNT(*) FROM membership_events e WHERE e.member_id = m.id) AS event_count
            FROM members m
            LEFT JOIN membership_periods p ON p.member_id = m.id AND p.valid_from <= \(literal: d) AND p.valid_to > \(literal: d)
            LEFT JOIN organizations o ON o.id = p.cell_id
            LEFT JOIN organization_versions v ON v.organization_id = p.cell_id AND v.valid_from <= \(literal: d) AND v.valid_to > \(literal: d)
            WHERE m.id >= \(literal: first.rawValue) ORDER BY m.id LIMIT \(literal: limit) OFFSET \(literal: offset)
            """).all().map { row in
            var cell: OrganizationSummary?
            if try row.decode(column: "cell_id", as: Int?.self) != nil, try row.decode(column: "cell_name", as: String?.self) != nil {
                guard let kind = OrganizationKind(rawValue: try row.decode(column: "cell_kind", as: String.self)) else {
                    throw StoreError.unreadable("organization_versions.kind")
                }
                cell = OrganizationSummary(
                    id: OrganizationID(try row.decode(column: "cell_id", as: Int.self)), code: try row.decode(column: "cell_code", as: String.self),
                    name: try row.decode(column: "cell_name", as: String.self), kind: kind,
                    parent: try row.decode(column: "cell_parent", as: Int?.self).map(OrganizationID.init(rawValue:)))
            }
            return ImportPreview.Member(
                member: try Self.member(from: row), cell: cell,
                standing: try row.decode(column: "standing", as: String?.self).flatMap(Standing.init(rawValue:)),
                events: try row.decode(column: "event_count", as: Int.self))
        }
    }

    /// What an import depends on: the next ids, the tree, the national IDs, the case references and the journal
    /// sequences. NB: read from the store a write transaction hands out, under the write lock, so that an import
    /// that committed while this one waited is seen (stale ids renamed its organizations and cut its ancestry).
    func importContext(today: Day) async throws -> Importer.Context {
        let next = try await nextIdentifiers()
        var context = Importer.Context(
            tree: try await loadTree(), nationalIDs: try await nationalIDIndex(), caseReferences: try await caseReferences(),
            nextOrganizationID: next.organization, nextMemberID: next.member, eventSequenceBase: try await nextEventSequence(),
            today: today)
        context.meetingReferences = Set(try await sql.select().column("meeting_ref").from("meetings").all()
            .map { try $0.decode(column: "meeting_ref", as: String.self) })
        context.disciplineReferences = Set(try await sql.select().column("decision_ref").from("discipline_decisions").all()
            .map { try $0.decode(column: "decision_ref", as: String.self) })
        context.terms = try await Self.loadTerms(on: sql)
        context.progressReferences = Set(try await sql.raw("""
            SELECT c.case_ref AS case_ref FROM oversight_progress p JOIN oversight_cases c ON c.id = p.case_id
            """).all().map { try $0.decode(column: "case_ref", as: String.self) })
        context.programmeKeys = Set(try await sql.raw("SELECT conductor_id, conductor, year FROM oversight_programmes").all().map { row in
            guard let conductor = ConductorKind(rawValue: try row.decode(column: "conductor", as: String.self)) else {
                throw StoreError.unreadable("oversight_programmes")
            }
            return OversightProgramme.Key(conductorOrganization: OrganizationID(try row.decode(column: "conductor_id", as: Int.self)),
                                          conductor: conductor, year: try row.decode(column: "year", as: Int.self))
        })
        context.programmeCaseReferences = Set(try await sql.raw("""
            SELECT case_ref FROM oversight_programme_items WHERE case_ref IS NOT NULL
            """).all().map { try $0.decode(column: "case_ref", as: String.self) })
        return context
    }

    /// Runs a streamed import in one write transaction (`writing`): `body` writes through the sink it is given, and
    /// reads what it depends on from the store it is given (the store as seen inside the transaction); the audit
    /// entry is added when it returns, and everything is rolled back if it throws (an `ImportFailure` leaves the
    /// database as it was).
    ///
    /// `dryRun`: the same, rolled back at the end instead of committed, without an audit entry; returns what `body`
    /// returned.
    public func importing<T: Sendable>(
        dryRun: Bool = false,
        audit: @escaping @Sendable (T) -> AuditRecord,
        _ body: @escaping @Sendable (any RegistrySink, Store) async throws -> T
    ) async throws -> T {
        if dryRun {
            do {
                _ = try await writing { store -> T in
                    throw RolledBack(result: try await store.load(audit: nil, body))
                }
            } catch let rolledBack as RolledBack<T> {
                return rolledBack.result
            }
            preconditionFailure("a dry run always rolls back")
        }
        // NB: a first load into an empty SQLite file is written with a rollback journal when no other connection has
        // the file open: the pages past the file's end are not journaled, so each is written once, where WAL writes it
        // to the log and again at the checkpoint (the national load: a 12 GB log; docs/benchmarks.md). Whoever opens
        // the file meanwhile is told it is busy until the load ends; WAL is set again after it.
        let firstLoad = if isPostgres { false } else { try await nextIdentifiers() == (1, 1) }
        let result = try await writing(wait: nil, counted: true, rollbackJournal: firstLoad) { store in
            try await store.load(audit: audit, body)
        }
        await refreshStatistics()
        return result
    }

    /// What a dry run carries out of its transaction, which throwing it rolls back.
    private struct RolledBack<T: Sendable>: Error { var result: T }

    /// The import itself, on the store a write transaction hands out.
    /// `audit` nil: a dry run, rolled back by the caller (no index is dropped, no audit entry is added).
    private func load<T: Sendable>(
        audit: (@Sendable (T) -> AuditRecord)?,
        _ body: @escaping @Sendable (any RegistrySink, Store) async throws -> T
    ) async throws -> T {
        let sql = self.sql
        let empty = try await nextIdentifiers() == (1, 1) && audit != nil
        // NB: a first load into an empty SQLite file keeps more of the B-trees of a national load in memory (128 MiB
        // of page cache, 64 after).
        let largerCache = empty && !isPostgres
        if largerCache { try await sql.raw("PRAGMA cache_size=-131072").run() }
        do {
            // NB: into an empty registry, the secondary indexes are built once after the load (sorted), instead of
            // being kept up row by row (random B-tree inserts were a quarter of the import).
            let indexes = empty ? try await Self.dropSecondaryIndexes(on: sql) : []
            let foreignKeys = empty ? try await Self.dropForeignKeys(on: sql) : []
            // NB: into an empty registry (no snapshot yet), the snapshots' triggers are dropped for the load: each would test
            // every row for snapshots. Into a registry with snapshots, they keep them in step row by row.
            if empty { try await StatisticSnapshots.suspend(on: sql) }
            let sink = StoreSink(sql: sql)
            let result: T
            do {
                result = try await body(sink, self)
                try await sink.drain()
            } catch {
                try? await sink.drain()
                throw error
            }
            // NB: SQLite sorts an index's keys on helper threads when allowed (none by default): the reading side is
            // idle by now, and the national events' first index took 17 s on both cores instead of 25 s on one.
            if largerCache { try await sql.raw("PRAGMA threads=\(unsafeRaw: String(Self.sortThreads))").run() }
            for index in indexes { try await sql.raw(SQLQueryString(index)).run() }
            if largerCache { try await sql.raw("PRAGMA threads=0").run() }
            for foreignKey in foreignKeys { try await sql.raw(SQLQueryString(foreignKey)).run() }
            if empty { try await StatisticSnapshots.resume(on: sql) }
            if let audit { _ = try await Self.appendAudit(audit(result), on: database) }
            if largerCache { try await sql.raw("PRAGMA cache_size=-65536").run() }
            return result
        } catch {
            if largerCache {
                try? await sql.raw("PRAGMA threads=0").run()
                try? await sql.raw("PRAGMA cache_size=-65536").run()
            }
            throw error
        }
    }

    /// The threads SQLite may sort with while a first load builds its indexes: the machine's cores, at most four.
    static var sortThreads: Int { min(4, max(1, ProcessInfo.processInfo.activeProcessorCount)) }

    /// The indexes a bulk load into empty tables builds afterwards (not those behind keys and unique constraints).
    static let secondaryIndexes = [
        "members_by_name_key", "members_by_sort_key", "membership_events_by_kind_day", "membership_periods_by_cell_day",
        "membership_periods_by_start", "membership_periods_by_end", "members_by_sort_key_name", "members_by_name_trigrams",
        "committee_seats_by_start", "committee_seats_by_organization", "oversight_cases_by_start",
        "oversight_cases_by_conductor", "oversight_subjects_by_case", "members_by_birth_date",
        "membership_periods_by_entry_day", "membership_periods_by_cell_end", "membership_events_by_day",
        "membership_events_by_organization",
    ]

    /// Drops the secondary indexes and returns the statements that create them again, as the database wrote them.
    static func dropSecondaryIndexes(on sql: any SQLDatabase) async throws -> [String] {
        let names = secondaryIndexes.map { "'\($0)'" }.joined(separator: ", ")
        let query = sql.dialect.name == "postgresql"
            ? "SELECT indexname AS name, indexdef AS definition FROM pg_indexes WHERE indexname IN (\(names))"
            : "SELECT name, sql AS definition FROM sqlite_master WHERE type = 'index' AND name IN (\(names))"
        var statements: [String] = []
        for row in try await sql.raw(SQLQueryString(query)).all() {
            statements.append(try row.decode(column: "definition", as: String.self))
            try await sql.raw("DROP INDEX \(ident: try row.decode(column: "name", as: String.self))").run()
        }
        return statements
    }

    /// PostgreSQL: drops the schema's foreign keys and returns the statements that add them again, as the database
    /// wrote them (SQLite: none, and nothing dropped).
    /// NB: into an empty registry, each key is then checked once for all rows by one join when it is added again,
    /// instead of by a query per row copied: those queries were most of PostgreSQL's work in a national load (its
    /// backend at 80 % of a core, in the executor's start-up and heap fetches, while the importer waited).
    static func dropForeignKeys(on sql: any SQLDatabase) async throws -> [String] {
        guard sql.dialect.name == "postgresql" else { return [] }
        let rows = try await sql.raw("""
            SELECT format('ALTER TABLE %s DROP CONSTRAINT %I', c.conrelid::regclass, c.conname) AS drop_statement,
                   format('ALTER TABLE %s ADD CONSTRAINT %I %s', c.conrelid::regclass, c.conname, pg_get_constraintdef(c.oid))
                       AS add_statement
            FROM pg_constraint c
            WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace
            ORDER BY c.conrelid::regclass::text, c.conname
            """).all()
        var statements: [String] = []
        for row in rows {
            try await sql.raw(SQLQueryString(try row.decode(column: "drop_statement", as: String.self))).run()
            statements.append(try row.decode(column: "add_statement", as: String.self))
        }
        return statements
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
    /// The batch being written while the importer reads the next one (two cores: one parses, one writes).
    private var pending: Task<Void, any Error>?
    /// The id of the next case this import adds, once its first batch is numbered.
    private var nextCaseID: Int?

    init(sql: any SQLDatabase) { self.sql = sql }

    /// Starts writing a batch once the one before is written: batches reach the database in order.
    private func enqueue(_ work: @escaping @Sendable (any SQLDatabase) async throws -> Void) async throws {
        try await drain()
        let sql = self.sql
        pending = Task { try await work(sql) }
    }

    /// Waits until every batch is written.
    func drain() async throws {
        let task = pending
        pending = nil
        try await task?.value
    }

    func write(organizations: [Organization], tree: OrganizationTree) async throws {
        try await drain()
        try await Store.write(organizations: organizations, tree: tree, on: sql)
    }

    func insert(members: [Member]) async throws { try await enqueue { try await Store.insert(members: members, on: $0) } }

    func insert(events: [SequencedEvent]) async throws { try await enqueue { try await Store.insert(events: events, on: $0) } }

    func journalInputs(of ids: [MemberID]) async throws -> [(member: Member, events: [SequencedEvent])] {
        try await drain()
        guard let first = ids.first?.rawValue, let last = ids.last?.rawValue else { return [] }
        var members: [(member: Member, events: [SequencedEvent])] = []
        members.reserveCapacity(ids.count)
        var position: [Int: Int] = [:]
        func add(member: Member) {
            position[member.id.rawValue] = members.count
            members.append((member, []))
        }
        func add(event: MembershipEvent, sequence: Int) {
            guard let index = position[event.member.rawValue] else { return }
            members[index].events.append(SequencedEvent(sequence: sequence, event: event))
        }
        // NB: an import checks new members, whose ids are consecutive: a range reads both tables in index order. Rows are
        // read from the driver's own (`rows(_:reading:)`): SQLKit's Codable decoding doubled PostgreSQL's check.
        let contiguous = last - first + 1 == ids.count
        func scoped(_ column: String) -> SQLQueryString {
            guard !contiguous else { return "\(ident: column) BETWEEN \(bind: first) AND \(bind: last)" }
            return "\(ident: column) IN (\(binds: ids.map { $0.rawValue as any Encodable & Sendable }))"
        }
        for member in try await sql.rows("SELECT * FROM members WHERE \(scoped("id")) ORDER BY id",
                                         reading: { try Store.member(from: $0) }) {
            add(member: member)
        }
        for (event, sequence) in try await sql.rows(
            "SELECT * FROM membership_events WHERE \(scoped("member_id")) ORDER BY member_id, seq",
            reading: { (try Store.event(from: $0), try $0.int("seq")) }) {
            add(event: event, sequence: sequence)
        }
        return members
    }

    func record(journals: [Journal], fresh: Bool) async throws {
        try await enqueue { try await Store.record(journals: journals, replacing: !fresh, on: $0) }
    }

    func periods(of ids: [MemberID]) async throws -> [MembershipPeriod] {
        try await drain()
        var periods: [MembershipPeriod] = []
        periods.reserveCapacity(ids.count * 2)
        // NB: by the primary key (member_id, step), the one index a first load keeps, which gives the journal's order
        // (two periods may start on one day); 1,000 ids a query stay under every bind limit (SQLite 32,766;
        // PostgreSQL 65,535).
        for chunk in ids.map(\.rawValue).chunks(of: 1_000) {
            let binds: [any Encodable & Sendable] = Array(chunk)
            periods += try await sql.rows("\(unsafeRaw: Self.periodsQuery) (\(binds: binds)) ORDER BY member_id, step",
                                          reading: { try Self.period(from: $0) })
        }
        return periods
    }

    func members(onTheRollsOf cell: OrganizationID, after day: Day) async throws -> [Member] {
        try await drain()
        return try await sql.rows("""
            SELECT m.* FROM members m WHERE m.id IN (
                SELECT member_id FROM membership_periods WHERE cell_id = \(bind: cell.rawValue) AND valid_to > \(bind: day.yyyymmdd))
            ORDER BY m.id
            """, reading: { try Store.member(from: $0) })
    }

    static let periodsQuery = """
        SELECT member_id, valid_from, valid_to, cell_id, standing, CASE WHEN exempt THEN 1 ELSE 0 END AS exempt,
               entry_kind, COALESCE(exit_kind, '') AS exit_kind, previous_cell_id, next_cell_id
        FROM membership_periods WHERE member_id IN
        """

    static func period(from row: some StoredColumns) throws -> MembershipPeriod {
        guard let standing = Standing(rawValue: try row.text("standing")) else { throw StoreError.unreadable("standing") }
        guard let entry = EventKind(rawValue: try row.text("entry_kind")) else { throw StoreError.unreadable("entry_kind") }
        let exit = try row.text("exit_kind")
        return MembershipPeriod(
            member: MemberID(try row.int("member_id")), cell: OrganizationID(try row.int("cell_id")), standing: standing,
            exempt: try row.int("exempt") != 0,
            validity: try .stored(from: try row.int("valid_from"), to: try row.int("valid_to")),
            entry: entry, exit: exit.isEmpty ? nil : EventKind(rawValue: exit),
            previousCell: try row.optionalInt("previous_cell_id").map(OrganizationID.init(rawValue:)),
            nextCell: try row.optionalInt("next_cell_id").map(OrganizationID.init(rawValue:)))
    }

    func insert(seats: [CommitteeSeat]) async throws { try await enqueue { try await Store.insert(seats: seats, on: $0) } }

    func insert(cases: [OversightCase]) async throws {
        // NB: case ids continue from the stored ones: read once, every batch before written, then counted here, so that
        // a batch is written while the importer reads the next (it waited for each: PostgreSQL's national oversight
        // phase 4 min 22 s against SQLite's 1 min 34 s). Nothing else of an import adds cases.
        let first: Int
        if let next = nextCaseID {
            first = next
        } else {
            try await drain()
            first = try await Store.nextID(in: "oversight_cases", on: sql)
        }
        nextCaseID = first + cases.count
        try await enqueue { try await Store.insert(cases: cases, on: $0, firstID: first) }
    }

    func insert(meetings: [Meeting]) async throws {
        // NB: meeting ids continue from the stored ones, so the batch before must be written first.
        try await drain()
        try await Store.insert(meetings: meetings, on: sql)
    }

    func seats(heldBy members: [MemberID]) async throws -> [CommitteeSeat] {
        try await drain()
        return try await Store.seats(heldBy: members, on: sql)
    }

    func insert(disciplines: [DisciplineDecision]) async throws {
        // NB: decision ids continue from the stored ones, so the batch before must be written first.
        try await drain()
        try await Store.insert(disciplines: disciplines, on: sql)
    }

    func cases(references: [String]) async throws -> [OversightCase] {
        try await drain()
        var cases: [OversightCase] = []
        for chunk in Array(Set(references)).sorted().chunks(of: 500) {
            let binds: [any Encodable & Sendable] = Array(chunk)
            cases += try await Store.oversightCases(where: "c.case_ref IN (\(binds: binds))", on: sql).map(\.oversightCase)
        }
        return cases
    }

    func oversightProgress(references: [String]) async throws -> [OversightProgress] {
        try await drain()
        let ids = try await Store.caseIDs(references, on: sql)
        return Array(try await Store.progressAndTasks(of: Array(ids.values), references: Dictionary(
            uniqueKeysWithValues: ids.map { ($0.value, $0.key) }), on: sql).progress.values)
    }

    func insert(terms: [CommitteeTerm]) async throws {
        try await drain()
        try await Store.insert(terms: terms, on: sql)
    }

    func insert(progress: [OversightProgress]) async throws {
        try await drain()
        try await Store.insert(progress: progress, on: sql)
    }

    func insert(programmes: [OversightProgramme]) async throws {
        // NB: programme ids continue from the stored ones, so the batch before must be written first.
        try await drain()
        try await Store.insert(programmes: programmes, on: sql)
    }

    func insert(tasks: [FollowUpTask]) async throws {
        try await drain()
        try await Store.insert(tasks: tasks, on: sql)
    }

    func add(subjects: [OversightSubject], toCase reference: String) async throws {
        try await drain()
        guard let id = try await sql.select().column("id").from("oversight_cases").where("case_ref", .equal, reference)
            .first()?.decode(column: "id", as: Int.self) else { return }
        try await Store.insert(subjects: subjects, ofCase: id, on: sql)
    }
}
