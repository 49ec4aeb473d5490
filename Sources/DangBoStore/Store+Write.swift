import DangBoCore
import FluentKit
import Foundation
import NIOConcurrencyHelpers
import SQLKit
import SQLiteNIO

extension Store {
    /// Writes `change` in one transaction with its audit entry, under the write lock: everything or nothing.
    ///
    /// `tree` is the whole tree after the change: the ancestry is rebuilt from it when organizations change. The ids
    /// in `change` were read before the lock: a caller that numbers new records builds the change inside the
    /// transaction instead, with `write(audit:_:)`.
    public func write(_ change: RegistryChange, tree: OrganizationTree, audit: AuditRecord) async throws {
        try await write(audit: audit) { _ in (change, tree) }
    }

    /// Writes the change that `make` builds inside the write transaction, from the store as seen there (its next ids,
    /// its tree), with its audit entry: no other write can come between what `make` reads and what is written.
    public func write(
        audit: AuditRecord,
        _ make: @escaping @Sendable (Store) async throws -> (change: RegistryChange, tree: OrganizationTree)
    ) async throws {
        let rows = try await writing { store in
            let (change, tree) = try await make(store)
            try await Self.write(change, tree: tree, audit: audit, on: store.database)
            return change.events.count + change.members.count + change.organizations.count
        }
        if rows > 1_000 { await refreshStatistics() }
    }

    /// Runs `body` in one write transaction that holds the database's write lock from its first statement, and
    /// hands it this store as seen from inside the transaction: whatever the write depends on (next ids, the tree,
    /// the national IDs) is read from that store, never before. Waits up to `writeWait` for another writer (another
    /// process or another store), then throws `StoreError.busy`. Inside a write transaction, runs `body` in it.
    /// `wait` replaces `writeWait` (a snapshot kept by a read does not wait for an import).
    ///
    /// Every write transaction first adds one to `statistic_generation` (M0026): a snapshot computed outside it is
    /// kept only if no write came in between.
    ///
    /// NB: Fluent's `transaction` issues a deferred `BEGIN`, which reads first and takes the lock only at the first
    /// write: two imports read the same next ids, and the second wrote over the first (organizations renamed, the
    /// ancestry cut short) or failed on a raw `UNIQUE constraint`. SQLite: `BEGIN IMMEDIATE` on the store's one
    /// connection, leased for the whole transaction so that nothing else interleaves on it. PostgreSQL: the first
    /// statement of the transaction takes DangBo's advisory write lock, released at commit or rollback; every later
    /// statement (READ COMMITTED) sees what the writer before committed.
    public func writing<T: Sendable>(
        wait: Duration? = nil, _ body: @escaping @Sendable (Store) async throws -> T
    ) async throws -> T {
        try await writing(wait: wait, counted: true, body)
    }

    /// `counted: false`: no generation is added (the migrations, which may not have made the table yet).
    /// `rollbackJournal`: SQLite leaves WAL for the write when it can, and goes back to it after (a first load into an
    /// empty file, `importing`).
    func writing<T: Sendable>(
        wait: Duration?, counted: Bool, rollbackJournal: Bool = false, _ body: @escaping @Sendable (Store) async throws -> T
    ) async throws -> T {
        if inWriteTransaction { return try await body(self) }
        let wait = wait ?? writeWait
        let others = writes.withLockedValue { count in
            defer { count += 1 }
            return count
        }
        defer { writes.withLockedValue { $0 -= 1 } }
        // NB: SQLite's one writing connection is leased for a whole write: another write of this process waits for it
        // (up to a minute), not for the lock.
        guard others == 0 || wait > .zero else { throw StoreError.busy }
        if isPostgres {
            return try await database.transaction { transaction in
                let sql = transaction as! any SQLDatabase
                try await self.waitForWriteLock(wait) {
                    try await sql.raw("SELECT pg_try_advisory_xact_lock(\(bind: Self.writeLockKey)) AS locked").first()?
                        .decode(column: "locked", as: Bool.self) ?? false
                }
                if counted { try await sql.raw("UPDATE statistic_generation SET n = n + 1").run() }
                return try await body(self.bound(to: transaction))
            }
        }
        return try await database.withConnection { connection in
            let sql = connection as! any SQLDatabase
            // NB: changing the journal needs the file to itself (no transaction of any connection): when another holds
            // it, SQLite keeps WAL and the write goes on in it. Every opening of the store sets WAL again, should going
            // back fail or the process end first.
            var leftWAL = false
            if rollbackJournal {
                leftWAL = (try? await sql.raw("PRAGMA journal_mode=DELETE").first()?.decode(column: "journal_mode", as: String.self)) == "delete"
            }
            do {
                let result = try await self.transaction(on: sql, wait: wait, counted: counted) { try await body(self.bound(to: connection)) }
                if leftWAL { try? await sql.raw("PRAGMA journal_mode=WAL").run() }
                return result
            } catch {
                if leftWAL { try? await sql.raw("PRAGMA journal_mode=WAL").run() }
                throw error
            }
        }
    }

    /// SQLite: `body` in a transaction of the leased writing connection, once it holds the write lock.
    private func transaction<T: Sendable>(
        on sql: any SQLDatabase, wait: Duration, counted: Bool, _ body: () async throws -> T
    ) async throws -> T {
        try await waitForWriteLock(wait) {
            do {
                try await sql.raw("BEGIN IMMEDIATE").run()
                return true
            } catch let error as SQLiteError where Self.busyReasons.contains(error.reason) {
                return false
            }
        }
        do {
            if counted { try await sql.raw("UPDATE statistic_generation SET n = n + 1").run() }
            let result = try await body()
            try await sql.raw("COMMIT").run()
            return result
        } catch {
            try? await sql.raw("ROLLBACK").run()
            throw error
        }
    }

    /// The key of DangBo's PostgreSQL advisory write lock ("DangBo" in ASCII): one writer at a time per database.
    static let writeLockKey: Int64 = 0x4461_6E67_426F

    /// What SQLite answers when another connection holds the write lock (after its `busy_timeout`).
    static let busyReasons: [SQLiteError.Reason] = [.busy, .busyTimeout, .busyInRecovery, .busyInSnapshot, .locked]

    /// Calls `acquire` until it takes the write lock, sleeping 50 ms, 100 ms, … up to 1 s between tries (each SQLite
    /// try also waits up to its `busy_timeout`), for `wait` in all; then throws `StoreError.busy`.
    private func waitForWriteLock(_ wait: Duration, _ acquire: () async throws -> Bool) async throws {
        let clock = ContinuousClock()
        let deadline = clock.now + wait
        var pause = Duration.milliseconds(50)
        while try await !acquire() {
            let left = deadline - clock.now
            guard left > .zero else { throw StoreError.busy }
            try await Task.sleep(for: min(pause, left))
            pause = min(pause * 2, .seconds(1))
        }
    }

    /// Refreshes the planners' table statistics after a bulk write.
    ///
    /// NB: without statistics the planners start subtree queries from the whole subtree (seconds instead of
    /// milliseconds at 100,000 members). SQLite samples (analysis_limit) to stay fast; PostgreSQL also vacuums.
    ///
    /// NB: it runs after the write committed, outside the write lock: another writer may hold the lock by then (an
    /// import started at the same time), and the statistics must not turn a committed write into a reported failure.
    /// A refresh that cannot run now is left to the next bulk write, with a warning.
    func refreshStatistics() async {
        do {
            if isPostgres {
                // NB: VACUUM too: it marks the pages just written all-visible, so that the reports' index-only scans
                // skip the table (right after the national load, a province's review took 0.9 s, its outflows reading
                // 150,000 rows from the heap; 0.35 s once vacuumed). It reads only the pages not yet marked.
                try await sql.raw("VACUUM (ANALYZE)").run()
            } else {
                try await sql.raw("PRAGMA analysis_limit=1000").run()
                try await sql.raw("ANALYZE").run()
            }
        } catch {
            logger.warning("statistics.refresh.skipped", metadata: ["reason": "\(String(reflecting: type(of: error)))"])
        }
    }

    static func write(_ change: RegistryChange, tree: OrganizationTree, audit: AuditRecord, on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        if !change.organizations.isEmpty { try await write(organizations: change.organizations, tree: tree, on: sql) }
        try await insert(members: change.members, on: sql)
        if !change.events.isEmpty {
            var nextSequence = try await nextSequences(for: Set(change.events.map(\.member)), on: sql)
            try await insert(events: change.events.map { event in
                let sequence = nextSequence[event.member, default: 0]
                nextSequence[event.member] = sequence + 1
                return SequencedEvent(sequence: sequence, event: event)
            }, on: sql)
        }
        try await record(journals: change.journals, replacing: true, on: sql)
        try await insert(seats: change.seats, on: sql)
        try await insert(cases: change.cases, on: sql)
        try await insert(meetings: change.meetings, on: sql)
        try await insert(disciplines: change.disciplines, on: sql)
        try await insert(terms: change.terms, on: sql)
        try await insert(progress: change.progress, on: sql)
        try await insert(tasks: change.tasks, on: sql)
        try await insert(programmes: change.programmes, on: sql)
        _ = try await appendAudit(audit, on: database)
    }

    /// Organizations added or given new versions, and the ancestry brought to the whole `tree`'s.
    static func write(organizations: [Organization], tree: OrganizationTree, on sql: any SQLDatabase) async throws {
        try await write(versionsOf: organizations, on: sql)
        try await writeAncestry(tree.ancestry(), on: sql)
    }

    /// Brings the stored ancestry rows of `descendants` (all of them when nil) to `links` (theirs): deletes the rows
    /// `links` does not hold and inserts those missing, leaving the rows that stay as they are.
    ///
    /// NB: the statistics snapshots' triggers (M0026) recount a cell's members for each ancestry row written or
    /// deleted: a rename rewrote the whole national ancestry (1.3 M rows), and would recount every cell.
    static func writeAncestry(_ links: [AncestryLink], of descendants: Set<OrganizationID>? = nil, on sql: any SQLDatabase) async throws {
        struct Row: Hashable { var ancestor, descendant, depth, from, to: Int }
        let wanted = Set(links.map {
            Row(ancestor: $0.ancestor.rawValue, descendant: $0.descendant.rawValue, depth: $0.depth,
                from: $0.validity.start.yyyymmdd, to: Day.stored(end: $0.validity.end))
        })
        var stored = Set<Row>()
        let select = "SELECT ancestor_id, descendant_id, depth, valid_from, valid_to FROM organization_ancestry"
        for chunk in descendants.map({ $0.map(\.rawValue).sorted().chunks(of: 1_000).map(Optional.some) }) ?? [nil] {
            let query = chunk.map { "\(select) WHERE descendant_id IN (\($0.map(String.init).joined(separator: ", ")))" } ?? select
            for (ancestor, descendant, depth, from, to) in try await sql.rows(SQLQueryString(query), as: (Int, Int, Int, Int, Int).self) {
                stored.insert(Row(ancestor: ancestor, descendant: descendant, depth: depth, from: from, to: to))
            }
        }
        for chunk in stored.subtracting(wanted).sorted(by: { ($0.descendant, $0.ancestor, $0.from) < ($1.descendant, $1.ancestor, $1.from) })
            .chunks(of: 300) {
            let keys = chunk.map { "(\($0.ancestor), \($0.descendant), \($0.from))" }.joined(separator: ", ")
            try await sql.raw("""
                DELETE FROM organization_ancestry WHERE (ancestor_id, descendant_id, valid_from) IN (VALUES \(unsafeRaw: keys))
                """).run()
        }
        try await insert(
            into: "organization_ancestry", columns: ["ancestor_id", "descendant_id", "depth", "valid_from", "valid_to"],
            rows: wanted.subtracting(stored).sorted { ($0.descendant, $0.ancestor, $0.from) < ($1.descendant, $1.ancestor, $1.from) }
                .map { [.int($0.ancestor), .int($0.descendant), .int($0.depth), .int($0.from), .int($0.to)] },
            on: sql)
    }

    /// Organizations added (those not stored yet) or given new versions: their rows and all their versions, the
    /// ancestry left as it is (the caller rebuilds what the change touched).
    static func write(versionsOf organizations: [Organization], on sql: any SQLDatabase) async throws {
        guard !organizations.isEmpty else { return }
        var known = Set<Int>()
        for chunk in organizations.map(\.id.rawValue).chunks(of: 500) {
            try await sql.delete(from: "organization_versions").where("organization_id", .in, Array(chunk)).run()
            for row in try await sql.select().column("id").from("organizations").where("id", .in, Array(chunk)).all() {
                known.insert(try row.decode(column: "id", as: Int.self))
            }
        }
        try await insert(into: "organizations", columns: ["id", "code", "established_on", "dissolved_on"],
                         rows: organizations.filter { !known.contains($0.id.rawValue) }.map {
                             [.int($0.id.rawValue), .text($0.code), .int($0.established.yyyymmdd), .int(Day.stored(end: $0.dissolved))]
                         }, on: sql)
        for organization in organizations where known.contains(organization.id.rawValue) {
            try await sql.update("organizations")
                .set("established_on", to: organization.established.yyyymmdd)
                .set("dissolved_on", to: Day.stored(end: organization.dissolved))
                .where("id", .equal, organization.id.rawValue).run()
        }
        try await insert(
            into: "organization_versions", columns: ["organization_id", "valid_from", "valid_to", "name", "kind", "parent_id"],
            rows: organizations.flatMap { organization in
                organization.versions.map { version -> [BulkValue] in
                    [.int(organization.id.rawValue), .int(version.validity.start.yyyymmdd), .int(Day.stored(end: version.validity.end)),
                     .text(version.name), .text(version.kind.rawValue), .int(version.parent?.rawValue)]
                }
            }, on: sql)
    }

    static func insert(members: [Member], on sql: any SQLDatabase) async throws {
        try await insert(
            into: "members",
            columns: ["id", "national_id", "family_name", "middle_name", "given_name", "full_name", "name_key", "sort_key",
                      "gender", "birth_date", "ethnicity", "religion", "education", "political_theory", "occupation",
                      "card_number", "record_number", "joined_on", "official_on"],
            rows: members.map { member in
                [.int(member.id.rawValue), .text(member.nationalID), .text(member.familyName), .text(member.middleName),
                 .text(member.givenName), .text(member.fullName), .text(VietnameseText.folded(member.fullName)),
                 .text(VietnameseText.nameSortKey(family: member.familyName, middle: member.middleName, given: member.givenName)),
                 .text(member.gender.rawValue), .int(member.birthDate.yyyymmdd), .text(member.ethnicity), .text(member.religion),
                 .text(member.education), .text(member.politicalTheory), .text(member.occupation), .text(member.cardNumber),
                 .text(member.recordNumber), .int(member.joinedOn?.yyyymmdd), .int(member.officialOn?.yyyymmdd)]
            }, on: sql)
    }

    static func insert(events: [SequencedEvent], on sql: any SQLDatabase) async throws {
        try await insert(
            into: "membership_events",
            columns: ["member_id", "seq", "kind", "effective_on", "organization_id", "decision_number", "decision_date",
                      "decision_issuer", "counterpart", "note", "voted_on"],
            rows: events.map { sequenced in
                let event = sequenced.event
                return [.int(event.member.rawValue), .int(sequenced.sequence), .text(event.kind.rawValue),
                        .int(event.effective.yyyymmdd), .int(event.organization?.rawValue), .text(event.decision?.number ?? ""),
                        .int(event.decision?.date?.yyyymmdd), .text(event.decision?.issuer ?? ""), .text(event.counterpart),
                        .text(event.note), .int(event.votedOn?.yyyymmdd)]
            }, on: sql)
    }

    /// The periods of `journals`; `replacing` deletes the stored periods of those members first.
    static func record(journals: [Journal], replacing: Bool, on sql: any SQLDatabase) async throws {
        guard !journals.isEmpty else { return }
        if replacing {
            for chunk in journals.map(\.member.id.rawValue).chunks(of: 500) {
                try await sql.delete(from: "membership_periods").where("member_id", .in, Array(chunk)).run()
            }
        }
        try await insert(
            into: "membership_periods",
            columns: ["member_id", "step", "valid_from", "valid_to", "cell_id", "standing", "exempt", "entry_kind", "exit_kind",
                      "previous_cell_id", "next_cell_id"],
            rows: journals.flatMap { $0.periods.enumerated() }.map { step, period in
                [.int(period.member.rawValue), .int(step), .int(period.validity.start.yyyymmdd), .int(Day.stored(end: period.validity.end)),
                 .int(period.cell.rawValue), .text(period.standing.rawValue), .bool(period.exempt), .text(period.entry.rawValue),
                 .text(period.exit?.rawValue), .int(period.previousCell?.rawValue), .int(period.nextCell?.rawValue)]
            }, on: sql)
    }

    static func insert(seats: [CommitteeSeat], on sql: any SQLDatabase) async throws {
        guard !seats.isEmpty else { return }
        var nextID = try await nextID(in: "committee_seats", on: sql)
        try await insert(
            into: "committee_seats",
            columns: ["id", "organization_id", "committee", "member_id", "position", "source", "start_on", "end_on",
                      "decision_number"],
            rows: seats.map { seat in
                defer { nextID += 1 }
                return [.int(nextID), .int(seat.organization.rawValue), .text(seat.committee.rawValue), .int(seat.member.rawValue),
                        .text(seat.position.rawValue), .text(seat.source.rawValue), .int(seat.validity.start.yyyymmdd),
                        .int(Day.stored(end: seat.validity.end)), .text(seat.decision?.number ?? "")]
            }, on: sql)
    }

    /// Cases with their subjects, numbered from `firstID`, else after the last.
    static func insert(cases: [OversightCase], on sql: any SQLDatabase, firstID: Int? = nil) async throws {
        guard !cases.isEmpty else { return }
        var nextID = if let firstID { firstID } else { try await nextID(in: "oversight_cases", on: sql) }
        var caseRows: [[BulkValue]] = []
        var subjectRows: [[BulkValue]] = []
        for oversightCase in cases {
            caseRows.append([.int(nextID), .text(oversightCase.reference), .text(oversightCase.activity.rawValue),
                             .text(oversightCase.mode.rawValue), .text(oversightCase.conductor.rawValue),
                             .int(oversightCase.conductorOrganization.rawValue), .int(oversightCase.started.yyyymmdd),
                             .int(oversightCase.ended?.yyyymmdd), .text(oversightCase.outcome?.rawValue)])
            subjectRows += oversightCase.subjects.map { subjectRow($0, ofCase: nextID) }
            nextID += 1
        }
        try await insert(into: "oversight_cases",
                         columns: ["id", "case_ref", "activity", "mode", "conductor", "conductor_id", "started_on",
                                   "ended_on", "outcome"], rows: caseRows, on: sql)
        try await insert(into: "oversight_subjects", columns: ["case_id", "organization_id", "member_id"],
                         rows: subjectRows, on: sql)
    }

    /// Meetings with their attendance, numbered from `firstID` (a corrected meeting keeps its id), else after the last.
    static func insert(meetings: [Meeting], on sql: any SQLDatabase, firstID: Int? = nil) async throws {
        guard !meetings.isEmpty else { return }
        var nextID = if let firstID { firstID } else { try await nextID(in: "meetings", on: sql) }
        var meetingRows: [[BulkValue]] = [], attendanceRows: [[BulkValue]] = []
        for meeting in meetings {
            meetingRows.append([.int(nextID), .text(meeting.reference), .int(meeting.cell.rawValue), .text(meeting.kind.rawValue),
                                .int(meeting.held.yyyymmdd), .int(meeting.durationMinutes), .int(meeting.chair?.rawValue),
                                .int(meeting.secretary?.rawValue), .text(meeting.agenda), .text(meeting.resolution)])
            attendanceRows += meeting.attendance.map { [.int(nextID), .int($0.member.rawValue), .text($0.status.rawValue)] }
            nextID += 1
        }
        try await insert(into: "meetings", columns: ["id", "meeting_ref", "cell_id", "kind", "held_on", "duration_minutes",
                                                     "chair_id", "secretary_id", "agenda", "resolution"],
                         rows: meetingRows, on: sql)
        try await insert(into: "meeting_attendance", columns: ["meeting_id", "member_id", "status"], rows: attendanceRows, on: sql)
    }

    static func insert(subjects: [OversightSubject], ofCase id: Int, on sql: any SQLDatabase) async throws {
        try await insert(into: "oversight_subjects", columns: ["case_id", "organization_id", "member_id"],
                         rows: subjects.map { subjectRow($0, ofCase: id) }, on: sql)
    }

    private static func subjectRow(_ subject: OversightSubject, ofCase id: Int) -> [BulkValue] {
        switch subject {
        case .organization(let organization): [.int(id), .int(organization.rawValue), .null]
        case .member(let member): [.int(id), .null, .int(member.rawValue)]
        }
    }

    static func nextID(in table: String, on sql: any SQLDatabase) async throws -> Int {
        let row = try await sql.raw("SELECT COALESCE(MAX(id), 0) + 1 AS next FROM \(ident: table)").first()
        return try row?.decode(column: "next", as: Int.self) ?? 1
    }

    private static func nextSequences(for members: Set<MemberID>, on sql: any SQLDatabase) async throws -> [MemberID: Int] {
        var result: [MemberID: Int] = [:]
        for chunk in members.map(\.rawValue).chunks(of: 500) {
            let rows = try await sql.select().column("member_id").column(SQLFunction("MAX", args: SQLColumn("seq")), as: "top")
                .from("membership_events").where("member_id", .in, Array(chunk)).groupBy("member_id").all()
            for row in rows {
                result[MemberID(try row.decode(column: "member_id", as: Int.self))] = try row.decode(column: "top", as: Int.self) + 1
            }
        }
        return result
    }
}

extension Array {
    func chunks(of size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
