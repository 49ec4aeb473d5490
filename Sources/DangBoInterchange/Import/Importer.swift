import DangBoCore
import Foundation

/// Reads import tables (docs/import-format.md) row by row, checks every row and every journal against the rules,
/// and hands what it accepts to a `RegistrySink` in batches: all or nothing (the sink writes inside one transaction),
/// every bad row reported as `file:line: column: reason` (DESIGN §4 "Interchange contract").
///
/// Memory holds the tree, a compact national-ID index and one batch, never the registry: the national files
/// (5.6 million members, 20 million events) stream through. Members and events go to the sink as they are read; each
/// journal is then checked from what the sink hands back (so events may come in any order in the file), and its
/// periods written.
public final class Importer {
    /// What the registry holds before the import.
    public struct Context: Sendable {
        public var tree: OrganizationTree
        public var nationalIDs: NationalIDIndex
        public var caseReferences: Set<String>
        /// The meetings' references already stored (`meeting_ref` is unique in the registry).
        public var meetingReferences: Set<String> = []
        /// The disciplinary decisions' references already stored (`decision_ref` is unique in the registry).
        public var disciplineReferences: Set<String> = []
        /// The committee terms already stored: a term of the file shares no day with another of its committee.
        public var terms: [CommitteeTerm] = []
        /// The cases whose progress is already stored: a file gives a case's progress once, with its case or later.
        public var progressReferences: Set<String> = []
        /// The programmes already stored (one per conductor and year), and the cases their items name.
        public var programmeKeys: Set<OversightProgramme.Key> = []
        public var programmeCaseReferences: Set<String> = []
        public var nextOrganizationID: Int
        public var nextMemberID: Int
        /// Events of this import are numbered from here (above every stored sequence), by file line.
        public var eventSequenceBase: Int
        /// The day of the import: days of past events after it are refused (`ImportRow.latestDay`).
        public var today: Day
        /// The organizations the importing account may write into, on the days the rows name; nil: all (an admin, the
        /// command line). A row touching an organization outside is refused at the column naming it (issue 9).
        public var scope: Scope?

        /// - Parameter today: the edge that builds the context passes the day it read from the clock; the default
        ///   reads it here, in Asia/Ho_Chi_Minh.
        public init(tree: OrganizationTree, nationalIDs: NationalIDIndex, caseReferences: Set<String>,
                    nextOrganizationID: Int, nextMemberID: Int, eventSequenceBase: Int, today: Day = Context.today()) {
            self.today = today
            self.tree = tree
            self.nationalIDs = nationalIDs
            self.caseReferences = caseReferences
            self.nextOrganizationID = nextOrganizationID
            self.nextMemberID = nextMemberID
            self.eventSequenceBase = eventSequenceBase
        }

        /// The context of a registry in memory.
        public init(registry: Registry, nextOrganizationID: Int, nextMemberID: Int, today: Day = Context.today()) {
            var index = NationalIDIndex(minimumCapacity: registry.members.count)
            for member in registry.members.values { index.insert(member.nationalID, member.id) }
            let longest = registry.journals.values.map(\.events.count).max() ?? 0
            self.init(tree: registry.tree, nationalIDs: index, caseReferences: Set(registry.cases.map(\.reference)),
                      nextOrganizationID: nextOrganizationID, nextMemberID: nextMemberID, eventSequenceBase: longest,
                      today: today)
            meetingReferences = Set(registry.meetings.map(\.reference))
            disciplineReferences = Set(registry.disciplines.map(\.reference))
            terms = registry.terms
            progressReferences = Set(registry.progress.map(\.caseReference))
            programmeKeys = Set(registry.programmes.map(\.key))
            programmeCaseReferences = Set(registry.programmes.flatMap { $0.items.compactMap(\.caseReference) })
        }
    }

    /// What an import wrote.
    public struct Summary: Sendable {
        public var organizations = 0, members = 0, events = 0, journals = 0, seats = 0, cases = 0
        /// Meetings, and the attendance lines written with them.
        public var meetings = 0, attendance = 0
        /// Disciplinary decisions, and the appeals written with them.
        public var disciplines = 0, appeals = 0
        /// Committee terms; cases' progress (their steps) and follow-up tasks.
        public var terms = 0, steps = 0, tasks = 0
        /// Annual programmes, and their items.
        public var programmes = 0, programmeItems = 0
        /// What was read but not used (unknown columns): reported, never fatal.
        public var warnings: [ImportIssue] = []
        /// Each file or sheet read, with the table it holds (`organizations`, `members`, `events`, `committee_seats`,
        /// `oversight`), in the order given: what a preview shows the counts against.
        public var sources: [(file: String, table: String)] = []
    }

    /// The tables of the contract, as a message lists them.
    static let tableNames = ImportTable.allCases.map(\.rawValue).joined(separator: ", ")

    /// Reporting stops after this many issues: a file wrong on every line needs its first lines fixed, not millions.
    public static let issueLimit = 1_000
    static let batchSize = 5_000

    private var context: Context
    private var issues: [ImportIssue] = []
    private var summary = Summary()
    private let firstNewMember: Int
    /// Lines of the members this import adds, by id − `firstNewMember`, for duplicate messages.
    private var memberLines: [Int32] = []
    /// Existing members given new events: their journals are checked again.
    private var touchedMembers: Set<Int> = []
    /// The events of the members this import adds, grouped by member as they are read: each journal is checked when
    /// its group ends.
    private var stream: JournalStream
    /// Journals checked from the stream, waiting to be recorded in a batch.
    private var streamedJournals: [Journal] = []
    /// What the stream's checks found, by member: kept until the events are read, since a scattered member's first
    /// check saw only part of its journal (it is checked again whole, and these are dropped).
    private var streamedIssues: [(member: Int, issue: ImportIssue)] = []
    private var streamedWarnings: [(member: Int, cell: OrganizationID, dissolved: Day)] = []
    /// Members whose check from the stream failed (not counted in `summary.journals`).
    private var streamedFailures: Set<Int> = []
    /// Events are numbered `eventSequenceBase + offset + line`; each events source starts at its offset.
    private var eventSources: [(offset: Int, name: String)] = []
    private var organizationLines: [OrganizationID: (file: String, line: Int)] = [:]
    /// Cells this import dissolves (or dissolves earlier), with the day: stored members left on their rolls are named.
    private var dissolvedCells: [(cell: OrganizationID, day: Day)] = []

    /// Told how far a long import has come (every million rows or journals), for an operator's terminal.
    private let progress: (@Sendable (String) -> Void)?

    public init(context: Context, progress: (@Sendable (String) -> Void)? = nil) {
        self.context = context
        self.progress = progress
        firstNewMember = context.nextMemberID
        stream = JournalStream(firstMember: context.nextMemberID)
    }

    /// The tree after the import.
    public var tree: OrganizationTree { context.tree }

    private var stopped: Bool { issues.count >= Self.issueLimit }

    /// Checks `sources` and writes them into `sink`. Throws `ImportFailure` with every issue (nothing should then be
    /// kept: the caller rolls back), or the sink's own errors.
    public func run(_ sources: [ImportSource], into sink: some RegistrySink) async throws -> Summary {
        var byKind: [ImportTable: [(ImportSource, ImportColumns)]] = [:]
        for source in sources {
            guard let kind = ImportTable.named(source.tableName) else {
                issues.append(ImportIssue(file: source.name, line: nil, column: nil, reason:
                    "không rõ bảng này; tên tệp phải là một trong: \(Self.tableNames)"))
                continue
            }
            byKind[kind, default: []].append((source, columns(of: source, as: kind)))
            summary.sources.append((source.name, kind.rawValue))
        }
        try failIfIssues()
        do {
            try await importOrganizations(byKind[.organizations] ?? [], into: sink)
            // NB: the national tree's rows and ancestry leave about 400 MB freed but kept by malloc; the members' phase,
            // the import's peak, must not start above them (docs/benchmarks.md, "The import, national").
            Self.returnFreedMemory()
            try await importMembers(byKind[.members] ?? [], into: sink)
            report("\(VietnameseFormat.number(summary.members)) đảng viên đã đọc")
            // NB: what only a phase needs goes with it: 4 bytes a member here, 12 for the stream after the journals
            // (39 and 116 MB nationally).
            memberLines = []
            Self.returnFreedMemory()
            try await importEvents(byKind[.events] ?? [], into: sink)
            report("\(VietnameseFormat.number(summary.events)) biến động đã đọc, \(VietnameseFormat.number(summary.journals)) lý lịch sinh hoạt đã kiểm tra")
            Self.returnFreedMemory()
            if issues.isEmpty {
                try await checkJournals(into: sink)
                try await warnAboutMembersLeftInDissolvedCells(into: sink)
            }
            stream = JournalStream(firstMember: firstNewMember)
            Self.returnFreedMemory()
            try await importSeats(byKind[.committeeSeats] ?? [], into: sink)
            report("\(VietnameseFormat.number(summary.seats)) chức danh cấp ủy đã đọc")
            try await importOversight(byKind[.oversight] ?? [], into: sink)
            report("\(VietnameseFormat.number(summary.cases)) cuộc kiểm tra, giám sát đã đọc")
            if issues.isEmpty { try await importMeetings(byKind[.meetings] ?? [], byKind[.attendance] ?? [], into: sink) }
            if issues.isEmpty {
                try await importDiscipline(byKind[.discipline] ?? [], byKind[.disciplineAppeals] ?? [], into: sink)
            }
            if issues.isEmpty { try await importTerms(byKind[.committeeTerms] ?? [], into: sink) }
            if issues.isEmpty {
                try await importProgress(byKind[.oversightSteps] ?? [], byKind[.oversightTeam] ?? [],
                                         byKind[.followUpTasks] ?? [], into: sink)
            }
            if issues.isEmpty { try await importProgrammes(byKind[.oversightProgramme] ?? [], into: sink) }
            Self.returnFreedMemory()
        } catch let error as CodecError {
            issues.append(ImportIssue(file: error.file, line: error.line, column: nil, reason: error.message))
        }
        try failIfIssues()
        if summary.organizations + summary.members + summary.events + summary.seats + summary.cases + summary.meetings
            + summary.disciplines + summary.terms + summary.steps + summary.tasks + summary.programmes == 0 {
            // NB: an import that writes nothing is a mistake (a wrong folder, an empty sheet): it must not look like a
            // success.
            issues.append(ImportIssue(file: sources.first?.name ?? "(không có tệp)", line: nil, column: nil, reason:
                "không có dòng dữ liệu nào để nhập; cần ít nhất một dòng trong một trong các bảng \(Self.tableNames)"))
            try failIfIssues()
        }
        return summary
    }

    /// Tells the operator a large import's step is done (files of fewer than 100,000 rows pass in silence).
    private func report(_ message: @autoclosure () -> String) {
        guard summary.members + summary.events + summary.cases >= 100_000 else { return }
        progress?(message())
    }

    /// Gives the batches' freed memory back to the system between phases: glibc keeps it in per-thread arenas
    /// otherwise, and a national import's peak is what an operator sizes the machine for.
    private static func returnFreedMemory() {
        #if os(Linux)
        _ = glibcMallocTrim(0)
        #endif
    }

    private func failIfIssues() throws(ImportFailure) {
        guard !issues.isEmpty else { return }
        var sorted = issues.sorted { ($0.file, $0.line ?? 0) < ($1.file, $1.line ?? 0) }
        if issues.count >= Self.issueLimit {
            sorted.append(ImportIssue(file: sorted.last?.file ?? "", line: nil, column: nil, reason:
                "dừng kiểm tra sau \(VietnameseFormat.number(Self.issueLimit)) lỗi; sửa các lỗi trên rồi nhập lại"))
        }
        throw ImportFailure(issues: sorted)
    }

    // MARK: - Tables

    private func columns(of source: ImportSource, as kind: ImportTable) -> ImportColumns {
        var positions: [String: Int] = [:]
        var headers: [String: String] = [:]
        for (index, header) in source.header.enumerated() {
            let folded = ImportTable.key(header)
            if folded.isEmpty || folded == "stt" { continue }
            guard let column = kind.columns.first(where: { ImportTable.key($0.name) == folded || $0.aliases.contains(folded) })
            else {
                // NB: a column we do not know is left out, not refused: files from other systems carry extra ones.
                summary.warnings.append(ImportIssue(file: source.name, line: 1, column: header, reason:
                    "cột không có trong định dạng nhập nên được bỏ qua; các cột: \(kind.columns.map(\.name).joined(separator: ", "))"))
                continue
            }
            if headers[column.name] != nil {
                issues.append(ImportIssue(file: source.name, line: 1, column: header, reason: "cột bị lặp lại"))
            }
            positions[column.name] = index
            headers[column.name] = header
        }
        for column in kind.columns where column.required && headers[column.name] == nil {
            issues.append(ImportIssue(file: source.name, line: 1, column: column.name, reason: "thiếu cột bắt buộc"))
        }
        if kind == .members, headers["full_name"] == nil, headers["given_name"] == nil {
            issues.append(ImportIssue(file: source.name, line: 1, column: "full_name", reason:
                "cần cột full_name (Họ và tên) hoặc các cột family_name, middle_name, given_name"))
        }
        return ImportColumns(file: source.name, positions: positions, headers: headers, today: context.today)
    }

    /// Every row of `sources` in order, until too many issues. A row with a control character in a cell is reported
    /// at that cell's column and goes no further: such a character is never data, and would reach reports and exports.
    private func forEachRow(_ sources: [(ImportSource, ImportColumns)], _ body: (ImportRow) async throws -> Void) async throws {
        for (source, columns) in sources {
            var count = 0
            while !stopped, let row = try source.next() {
                let imported = ImportRow(columns: columns, line: row.line, cells: row.cells)
                if let issue = imported.controlCharacterIssue(header: source.header) {
                    issues.append(issue)
                    continue
                }
                try await body(imported)
                count += 1
                if count % 1_000_000 == 0 { progress?("\(source.name): \(VietnameseFormat.number(count)) dòng") }
            }
        }
    }

    // MARK: - Organizations

    private func importOrganizations(_ sources: [(ImportSource, ImportColumns)], into sink: some RegistrySink) async throws {
        var order: [String] = []
        var rowsByCode: [String: [ImportRow]] = [:]
        try await forEachRow(sources) { row in
            guard let code = row.required("code", &issues) else { return }
            if rowsByCode[code] == nil { order.append(code) }
            rowsByCode[code, default: []].append(row)
        }
        var tree = context.tree
        var ids: [String: OrganizationID] = [:]
        for code in order {
            if let existing = tree.organization(code: code) { ids[code] = existing.id } else {
                ids[code] = OrganizationID(context.nextOrganizationID)
                context.nextOrganizationID += 1
            }
        }
        var changed: [Organization] = []
        var scopeChecks: [(id: OrganizationID, row: ImportRow, day: Day)] = []
        for code in order {
            let codeRows = rowsByCode[code]!
            let id = ids[code]!
            var versions = tree[id]?.versions ?? []
            var dissolved: Day?
            var failed = false
            for row in codeRows {
                let before = issues.count
                let name = row.required("name", &issues)
                let kind = row.enumeration("kind", OrganizationKind.self, aliases: ImportVocabulary.organizationKinds, &issues)
                let established = row.day("established_on", required: true, &issues)
                let validFrom = row.day("valid_from", required: false, &issues)
                if let day = row.day("dissolved_on", required: false, &issues) { dissolved = day }
                var parent: OrganizationID?
                let parentCode = row.text("parent_code")
                if !parentCode.isEmpty {
                    parent = ids[parentCode] ?? tree.organization(code: parentCode)?.id
                    if parent == nil { issues.append(row.issue("parent_code", "không có tổ chức đảng mã \(parentCode)")) }
                }
                guard issues.count == before, let name, let kind, let established else { failed = true; continue }
                let start = validFrom ?? established
                scopeChecks.append((id, row, start))
                if let last = versions.last {
                    guard start > last.validity.start else {
                        issues.append(row.issue(validFrom == nil ? "established_on" : "valid_from",
                            "các dòng của một tổ chức phải theo thứ tự thời gian; giai đoạn mới phải bắt đầu sau \(VietnameseFormat.day(last.validity.start))"))
                        failed = true
                        continue
                    }
                    versions[versions.count - 1].validity = DayRange(start: last.validity.start, end: start)
                }
                versions.append(OrganizationVersion(validity: DayRange(start: start, end: nil), name: name, kind: kind, parent: parent))
            }
            guard !failed, !versions.isEmpty else { continue }
            if let dissolved {
                let last = versions[versions.count - 1]
                guard dissolved > last.validity.start else {
                    issues.append(codeRows.last!.issue("dissolved_on", "ngày giải thể phải sau ngày thành lập"))
                    continue
                }
                versions[versions.count - 1].validity = DayRange(start: last.validity.start, end: dissolved)
            }
            let organization = Organization(id: id, code: code, versions: versions)
            if let day = organization.dissolved, day != tree[id]?.dissolved, versions[versions.count - 1].kind.isCell {
                dissolvedCells.append((id, day))
            }
            tree.insert(organization)
            changed.append(organization)
            organizationLines[id] = (codeRows[0].file, codeRows[0].line)
        }
        guard !changed.isEmpty else { return }
        if let scope = context.scope {
            // NB: in the tree after the import (a new cell under one in scope is in scope) and, for an organization that
            // existed that day, before it too: moving one in from outside takes it from whoever covers it.
            for check in scopeChecks where !scope.covers(check.id, in: tree, on: check.day)
                || (context.tree.version(of: check.id, on: check.day) != nil && !scope.covers(check.id, in: context.tree, on: check.day)) {
                issues.append(check.row.issue("code", Self.outsideScope(check.row.text("code"), on: check.day)))
            }
        }
        for violation in tree.violations() {
            let place = organizationLines[violation.organization]
            let column: String? = switch violation.reason {
            case .unknownParent, .parentMissing, .cycle: "parent_code"
            case .kindNotAllowed, .needsParent: "kind"
            default: "established_on"
            }
            issues.append(ImportIssue(file: place?.file ?? "organizations.csv", line: place?.line, column: column,
                                      reason: violation.message))
        }
        context.tree = tree
        summary.organizations = changed.count
        if issues.isEmpty { try await sink.write(organizations: changed, tree: tree) }
    }

    // MARK: - Members

    private func importMembers(_ sources: [(ImportSource, ImportColumns)], into sink: some RegistrySink) async throws {
        var batch: [Member] = []
        batch.reserveCapacity(Self.batchSize)
        try await forEachRow(sources) { row in
            let before = issues.count
            let nationalID = row.nationalID("national_id", &issues)
            var family = row.text("family_name"), middle = row.text("middle_name"), given = row.text("given_name")
            if given.isEmpty, !row.text("full_name").isEmpty {
                (family, middle, given) = VietnameseText.splitFullName(row.text("full_name"))
            }
            if given.isEmpty { issues.append(row.issue(row.headers["full_name"] != nil ? "full_name" : "given_name", "không được để trống")) }
            let gender = row.enumeration("gender", Gender.self, aliases: ImportVocabulary.genders, &issues)
            let birth = row.day("birth_date", required: true, &issues)
            let joined = row.day("joined_on", required: false, &issues)
            let official = row.day("official_on", required: false, &issues)
            if let nationalID, let known = context.nationalIDs[nationalID] {
                if known.rawValue >= firstNewMember {
                    issues.append(row.issue("national_id", "trùng số CCCD \(nationalID) với dòng \(memberLines[known.rawValue - firstNewMember])"))
                } else {
                    issues.append(row.issue("national_id", "số CCCD \(nationalID) đã có trong cơ sở dữ liệu"))
                }
            }
            guard issues.count == before, let nationalID, let gender, let birth else { return }
            let id = MemberID(context.nextMemberID)
            context.nextMemberID += 1
            context.nationalIDs.insert(nationalID, id)
            memberLines.append(Int32(clamping: row.line))
            let member = Member(
                id: id, nationalID: nationalID, familyName: family, middleName: middle, givenName: given, gender: gender,
                birthDate: birth, ethnicity: Member.canonicalEthnicity(row.text("ethnicity")),
                religion: Member.canonicalReligion(row.text("religion")),
                education: row.text("education"), politicalTheory: row.text("political_theory"),
                occupation: row.text("occupation"), cardNumber: row.text("card_number"),
                recordNumber: row.text("record_number"), joinedOn: joined, officialOn: official)
            stream.add(member)
            batch.append(member)
            summary.members += 1
            if batch.count >= Self.batchSize { try await flush(&batch) { try await sink.insert(members: $0) } }
        }
        try await flush(&batch) { try await sink.insert(members: $0) }
    }

    /// Hands a full batch to the sink, or drops it once the import has failed (nothing will be kept).
    private func flush<T>(_ batch: inout [T], _ write: ([T]) async throws -> Void) async throws {
        defer { batch.removeAll(keepingCapacity: true) }
        guard issues.isEmpty, !batch.isEmpty else { return }
        try await write(batch)
    }

    // MARK: - Events

    private func importEvents(_ sources: [(ImportSource, ImportColumns)], into sink: some RegistrySink) async throws {
        var batch: [SequencedEvent] = []
        batch.reserveCapacity(Self.batchSize)
        var offset = 0
        for source in sources {
            eventSources.append((offset, source.1.file))
            var lastLine = 0
            try await forEachRow([source]) { row in
                lastLine = row.line
                let before = issues.count
                let nationalID = row.nationalID("national_id", &issues)
                let kind = row.enumeration("kind", EventKind.self, aliases: ImportVocabulary.eventKinds, &issues)
                let effective = row.day("effective_on", required: true, &issues)
                let decisionDate = row.day("decision_date", required: false, &issues)
                let votedOn = row.day("voted_on", required: false, &issues)
                var organization: OrganizationID?
                let code = row.text("organization_code")
                if !code.isEmpty {
                    organization = context.tree.organization(code: code)?.id
                    if organization == nil { issues.append(row.issue("organization_code", "không có tổ chức đảng mã \(code)")) }
                }
                var member: MemberID?
                if let nationalID {
                    member = context.nationalIDs[nationalID]
                    if member == nil { issues.append(row.issue("national_id", "không có đảng viên số CCCD \(nationalID)")) }
                }
                guard issues.count == before, let member, let kind, let effective else { return }
                if let organization { checkScope(organization, code: code, on: effective, row: row, column: "organization_code") }
                guard issues.count == before else { return }
                if member.rawValue < firstNewMember { touchedMembers.insert(member.rawValue) }
                let number = row.text("decision_number"), decidedBy = row.text("decided_by")
                let event = SequencedEvent(
                    sequence: context.eventSequenceBase + offset + row.line,
                    event: MembershipEvent(
                        member: member, kind: kind, effective: effective, organization: organization,
                        decision: number.isEmpty && decisionDate == nil && decidedBy.isEmpty
                            ? nil : Decision(number: number, date: decisionDate, issuer: decidedBy),
                        votedOn: votedOn, counterpart: row.text("counterpart"), note: row.text("note")))
                batch.append(event)
                summary.events += 1
                if let group = stream.add(event) { try await checkStreamed(group, into: sink) }
                if batch.count >= Self.batchSize { try await flush(&batch) { try await sink.insert(events: $0) } }
            }
            offset += lastLine + 1
        }
        try await flush(&batch) { try await sink.insert(events: $0) }
        if let group = stream.finish() { try await checkStreamed(group, into: sink) }
        for member in stream.membersWithoutEvents() { try await checkStreamed((member, []), into: sink) }
        try await flush(&streamedJournals) { try await sink.record(journals: $0, fresh: true) }
        try await settleStreamedChecks(into: sink)
    }

    /// Checks the journal of a member this import adds from its events as read, and records it in a batch.
    /// NB: once a row is refused nothing more is checked: a journal missing a refused row's event would be reported
    /// wrongly (the checks of whole journals wait for rows without issues, as `checkJournals` does).
    private func checkStreamed(_ group: (member: Member, events: [SequencedEvent]), into sink: some RegistrySink) async throws {
        guard issues.isEmpty else { return }
        let id = group.member.id.rawValue
        let before = issues.count
        do {
            let journal = try Journal(member: group.member, events: group.events.map(\.event), tree: context.tree)
            checkScope(of: journal, sequences: group.events.map(\.sequence))
            for (cell, dissolved) in cellsLeftAfterDissolution(journal) {
                streamedWarnings.append((id, cell.id, dissolved))
            }
            streamedJournals.append(journal)
            summary.journals += 1
            if summary.journals % 1_000_000 == 0 {
                progress?("\(VietnameseFormat.number(summary.journals)) lý lịch sinh hoạt đã kiểm tra")
            }
        } catch {
            issues.append(issue(for: error, sequence: group.events[error.index].sequence))
            streamedFailures.insert(id)
        }
        for issue in issues[before...] { streamedIssues.append((id, issue)) }
        issues.removeSubrange(before...)
        if streamedJournals.count >= Self.batchSize {
            try await flush(&streamedJournals) { try await sink.record(journals: $0, fresh: true) }
        }
    }

    /// After the events: the stream's findings stand for every member but the scattered ones, which `checkJournals`
    /// checks again whole; its warnings name the members, read back from the sink.
    private func settleStreamedChecks(into sink: some RegistrySink) async throws {
        let scattered = stream.scattered
        summary.journals -= scattered.count { !streamedFailures.contains($0) }
        guard issues.isEmpty else { return }
        issues += streamedIssues.lazy.filter { !scattered.contains($0.member) }.prefix(Self.issueLimit).map(\.issue)
        let warned = streamedWarnings.filter { !scattered.contains($0.member) }
        guard !warned.isEmpty, issues.isEmpty else { return }
        let ids = Array(Set(warned.map(\.member))).sorted().map(MemberID.init(rawValue:))
        var members: [MemberID: Member] = [:]
        for start in stride(from: 0, to: ids.count, by: Self.batchSize) {
            let chunk = Array(ids[start..<min(start + Self.batchSize, ids.count)])
            for (member, _) in try await sink.journalInputs(of: chunk) { members[member.id] = member }
        }
        for warning in warned {
            guard let member = members[MemberID(warning.member)], let cell = context.tree[warning.cell] else { continue }
            warn(member, leftIn: cell, dissolved: warning.dissolved)
        }
    }

    /// Checks the journal of every stored member given events, and of every new member whose events came apart in the
    /// file (`JournalStream`: checked again whole, replacing what the stream's check recorded), in batches of ids.
    private func checkJournals(into sink: some RegistrySink) async throws {
        for ids in [stream.scattered.sorted(), touchedMembers.sorted()] {
            var start = 0
            while start < ids.count, !stopped {
                let chunk = ids[start..<min(start + Self.batchSize, ids.count)].map(MemberID.init(rawValue:))
                start += chunk.count
                var journals: [Journal] = []
                journals.reserveCapacity(chunk.count)
                for (member, events) in try await sink.journalInputs(of: chunk) {
                    do {
                        let journal = try Journal(member: member, events: events.map(\.event), tree: context.tree)
                        checkScope(of: journal, sequences: events.map(\.sequence))
                        warnIfLeftInADissolvedCell(journal)
                        journals.append(journal)
                    } catch {
                        issues.append(issue(for: error, sequence: events[error.index].sequence))
                    }
                }
                if (summary.journals + journals.count) / 1_000_000 > summary.journals / 1_000_000 {
                    progress?("\(VietnameseFormat.number(summary.journals + journals.count)) lý lịch sinh hoạt đã kiểm tra")
                }
                summary.journals += journals.count
                try await flush(&journals) { try await sink.record(journals: $0, fresh: false) }
            }
        }
    }

    /// Warns, naming the member, when a journal leaves them on the rolls of a cell after it was dissolved: they count
    /// nowhere from that day (the cell is in no scope), which is almost always a transfer not yet recorded.
    private func warnIfLeftInADissolvedCell(_ journal: Journal) {
        for (cell, dissolved) in cellsLeftAfterDissolution(journal) { warn(journal.member, leftIn: cell, dissolved: dissolved) }
    }

    /// The dissolved cells a journal leaves its member on the rolls of after their dissolution, with its day.
    private func cellsLeftAfterDissolution(_ journal: Journal) -> [(cell: Organization, dissolved: Day)] {
        journal.periods.compactMap { period in
            guard let cell = context.tree[period.cell], let dissolved = cell.dissolved,
                  period.validity.end.map({ $0 > dissolved }) ?? true
            else { return nil }
            return (cell, dissolved)
        }
    }

    /// The same for stored members this import did not touch, on the rolls of cells it dissolves.
    private func warnAboutMembersLeftInDissolvedCells(into sink: some RegistrySink) async throws {
        // NB: a first import has no stored member to warn about, and it loads without secondary indexes: asking would
        // scan every period once per dissolved cell (hours for the national registry's thousands of them).
        guard firstNewMember > 1 else { return }
        for (id, day) in dissolvedCells {
            guard let cell = context.tree[id] else { continue }
            for member in try await sink.members(onTheRollsOf: id, after: day)
            where member.id.rawValue < firstNewMember && !touchedMembers.contains(member.id.rawValue) {
                warn(member, leftIn: cell, dissolved: day)
            }
        }
    }

    private func warn(_ member: Member, leftIn cell: Organization, dissolved: Day) {
        guard summary.warnings.count < Self.issueLimit else { return }
        let place = organizationLines[cell.id]
        summary.warnings.append(ImportIssue(
            file: place?.file ?? eventSources.first?.name ?? "events", line: place?.line, column: place == nil ? nil : "dissolved_on",
            reason: "chi bộ \(cell.code) giải thể ngày \(VietnameseFormat.day(dissolved)) nhưng đảng viên "
                + "\(member.fullName) (CCCD \(member.nationalID)) vẫn còn trong danh sách của chi bộ từ ngày đó; "
                + "hãy ghi chuyển sinh hoạt cho đồng chí này (moved hoặc transferred_out), nếu không đồng chí không được "
                + "tính ở tổ chức nào"))
    }

    /// The rule an event broke, at the line that wrote it (or without a line for an event stored before).
    private func issue(for violation: JournalViolation, sequence: Int) -> ImportIssue {
        let column: String = switch violation.field {
        case .votedOn: "voted_on"
        case .decisionDate: "decision_date"
        case .decidedBy: "decided_by"
        case .effective: "effective_on"
        case .organization: "organization_code"
        case .kind: "kind"
        }
        let place = place(ofSequence: sequence)
        return ImportIssue(file: place.file, line: place.line, column: column, reason: violation.message)
    }

    /// The file and line that wrote the event numbered `sequence` (no line for an event stored before).
    private func place(ofSequence sequence: Int) -> (file: String, line: Int?) {
        let number = sequence - context.eventSequenceBase
        guard number >= 0, let source = eventSources.last(where: { $0.offset <= number }) else {
            return (eventSources.first?.name ?? "events", nil)
        }
        return (source.name, number - source.offset)
    }

    // MARK: - Scope

    /// Refuses a row naming an organization outside `context.scope` on `day`.
    private func checkScope(_ id: OrganizationID, code: String, on day: Day, row: ImportRow, column: String) {
        guard let scope = context.scope, !scope.covers(id, in: context.tree, on: day) else { return }
        issues.append(row.issue(column, Self.outsideScope(code, on: day)))
    }

    /// Refuses an event of this import that takes a member out of, or into, a cell outside `context.scope` (an event
    /// that names no cell, such as a death, touches the cell the member is on the rolls of).
    private func checkScope(of journal: Journal, sequences: [Int]) {
        guard let scope = context.scope else { return }
        for (index, original) in journal.originalIndex.enumerated() where sequences[original] >= context.eventSequenceBase {
            let day = journal.events[index].effective
            let cells = [index > 0 ? journal.cellsAfter[index - 1] : nil, journal.cellsAfter[index]].compactMap { $0 }
            // NB: the cell left is looked at the day before too: it may be dissolved on the day the member leaves it.
            for cell in cells where !scope.covers(cell, in: context.tree, on: day)
                && !scope.covers(cell, in: context.tree, on: day.adding(days: -1)) {
                let place = place(ofSequence: sequences[original])
                issues.append(ImportIssue(file: place.file, line: place.line, column: "national_id", reason:
                    "đảng viên này không sinh hoạt trong phạm vi tài khoản của bạn vào ngày \(VietnameseFormat.day(day)); không được ghi biến động này"))
                break
            }
        }
    }

    static func outsideScope(_ code: String, on day: Day) -> String {
        "tổ chức đảng mã \(code) nằm ngoài phạm vi tài khoản của bạn vào ngày \(VietnameseFormat.day(day)); không được nhập"
    }

    // MARK: - Committee seats

    private func importSeats(_ sources: [(ImportSource, ImportColumns)], into sink: some RegistrySink) async throws {
        // NB: a holder's standing comes from the periods the journals projected. When a journal was refused, periods
        // were not written and the import fails anyway: the holder rules are then left out, rather than reported
        // against periods that do not exist.
        let holdersCheckable = issues.isEmpty
        var rows: [(row: ImportRow, seat: CommitteeSeat)] = []
        rows.reserveCapacity(Self.batchSize)
        var batch: [CommitteeSeat] = []
        try await forEachRow(sources) { row in
            let before = issues.count
            let code = row.required("organization_code", &issues)
            let organization = code.flatMap { context.tree.organization(code: $0)?.id }
            if let code, organization == nil { issues.append(row.issue("organization_code", "không có tổ chức đảng mã \(code)")) }
            let committee = row.enumeration("committee", CommitteeKind.self, aliases: ImportVocabulary.committees, &issues)
            let nationalID = row.nationalID("national_id", &issues)
            let member = nationalID.flatMap { context.nationalIDs[$0] }
            if let nationalID, member == nil { issues.append(row.issue("national_id", "không có đảng viên số CCCD \(nationalID)")) }
            let position = row.enumeration("position", Position.self, aliases: ImportVocabulary.positions, &issues)
            let source = row.enumeration("source", SeatSource.self, aliases: ImportVocabulary.sources, &issues)
            let start = row.day("start_on", required: true, &issues)
            let end = row.day("end_on", required: false, &issues)
            guard issues.count == before, let organization, let committee, let member, let position, let source, let start
            else { return }
            checkScope(organization, code: code ?? "", on: start, row: row, column: "organization_code")
            guard issues.count == before else { return }
            let validity: DayRange
            do throws(SeatViolation) {
                validity = try CommitteeSeat.validity(start: start, end: end, committee: committee)
            } catch {
                issues.append(row.issue("end_on", error.message))
                return
            }
            let number = row.text("decision_number")
            rows.append((row, CommitteeSeat(
                organization: organization, committee: committee, member: member, position: position, source: source,
                validity: validity, decision: number.isEmpty ? nil : Decision(number: number))))
            if rows.count >= Self.batchSize {
                batch += try await checkSeats(rows, holders: holdersCheckable, in: sink)
                rows.removeAll(keepingCapacity: true)
                try await flush(&batch) { try await sink.insert(seats: $0) }
            }
        }
        batch += try await checkSeats(rows, holders: holdersCheckable, in: sink)
        try await flush(&batch) { try await sink.insert(seats: $0) }
    }

    /// Checks a batch of seats against Core's rules (`CommitteeSeat.violations`), asking the sink once for the
    /// periods of all their holders, and returns those that pass.
    private func checkSeats(
        _ rows: [(row: ImportRow, seat: CommitteeSeat)], holders: Bool, in sink: some RegistrySink
    ) async throws -> [CommitteeSeat] {
        var periods: [MemberID: [MembershipPeriod]] = [:]
        if holders, !rows.isEmpty {
            for period in try await sink.periods(of: Array(Set(rows.map(\.seat.member))).sorted()) {
                periods[period.member, default: []].append(period)
            }
        }
        // NB: the seats of earlier batches are written already, so the sink finds them with the stored ones; only this
        // batch's lines are kept, and memory stays bounded by a batch whatever the file (1.5 million seats nationally).
        let recorded = rows.isEmpty ? [] : Set(try await sink.seats(heldBy: Array(Set(rows.map(\.seat.member))).sorted()).map(\.key))
        var seatLines: [CommitteeSeat.Key: Int] = [:]
        var valid: [CommitteeSeat] = []
        valid.reserveCapacity(rows.count)
        for (row, seat) in rows where !stopped {
            var violations = seat.violations(in: context.tree, holderPeriods: periods[seat.member] ?? [])
            if !holders { violations.removeAll { $0.field == .holder } }
            // NB: a seat is keyed by organization, committee, holder and first day (M0014): the same seat twice is
            // refused, in one file or against what is recorded, never written again.
            if let line = seatLines[seat.key] {
                issues.append(row.issue("start_on", "trùng chức danh ở dòng \(line): cùng tổ chức, cùng \(seat.committee.vietnamese.lowercased()), cùng đảng viên, cùng ngày bắt đầu"))
                continue
            }
            if recorded.contains(seat.key) {
                issues.append(row.issue("start_on", "chức danh này đã có trong cơ sở dữ liệu hoặc ở một dòng trước của tệp (cùng tổ chức, cùng \(seat.committee.vietnamese.lowercased()), cùng đảng viên, cùng ngày bắt đầu); không ghi lại lần nữa"))
                continue
            }
            seatLines[seat.key] = row.line
            guard !violations.isEmpty else {
                valid.append(seat)
                summary.seats += 1
                continue
            }
            for violation in violations {
                let column = switch violation.field {
                case .organization: "organization_code"
                case .holder: "national_id"
                case .start: "start_on"
                case .end: "end_on"
                case .position: "position"
                }
                issues.append(row.issue(column, violation.message))
            }
        }
        return valid
    }

    // MARK: - Oversight

    private func importOversight(_ sources: [(ImportSource, ImportColumns)], into sink: some RegistrySink) async throws {
        var directory = CaseDirectory()
        var open: (index: Int, value: OversightCase)?
        /// Subjects of cases already written whose rows came apart in the file, by case index.
        var lateSubjects: [Int: [OversightSubject]] = [:]
        var lateReferences: [Int: String] = [:]
        var batch: [OversightCase] = []
        try await forEachRow(sources) { row in
            let before = issues.count
            guard let reference = row.required("case_ref", &issues) else { return }
            if context.caseReferences.contains(reference) {
                issues.append(row.issue("case_ref", "cuộc \(reference) đã có trong cơ sở dữ liệu"))
                return
            }
            let activity = row.enumeration("activity", OversightActivity.self, aliases: ImportVocabulary.activities, &issues)
            let mode = row.enumeration("mode", OversightMode.self, aliases: ImportVocabulary.modes, &issues)
            let conductor = row.enumeration("conductor", ConductorKind.self, aliases: ImportVocabulary.conductors, &issues)
            let conductorCode = row.required("conductor_code", &issues)
            let conductorID = conductorCode.flatMap { context.tree.organization(code: $0)?.id }
            if let conductorCode, conductorID == nil {
                issues.append(row.issue("conductor_code", "không có tổ chức đảng mã \(conductorCode)"))
            }
            let started = row.day("started_on", required: true, &issues)
            if let conductorCode, let conductorID, let started {
                checkScope(conductorID, code: conductorCode, on: started, row: row, column: "conductor_code")
            }
            let ended = row.day("ended_on", required: false, &issues)
            let outcome = row.enumeration("outcome", OversightOutcome.self, aliases: ImportVocabulary.outcomes, required: false, &issues)
            let subject = subject(of: row, "mỗi dòng", scopeOn: started)
            let subjectCode = row.text("subject_code")
            guard issues.count == before, let activity, let mode, let conductor, let conductorID, let started, let subject
            else { return }
            let existing = open?.value.reference == reference ? open?.index : directory.find(reference)
            let candidate = OversightCase(
                reference: reference, activity: activity, mode: mode, conductor: conductor,
                conductorOrganization: conductorID, started: started, ended: ended, outcome: outcome, subjects: [subject])
            // NB: members were resolved through the national-ID index above, so each is known. A later row of a case
            // adds a subject: its own rules are checked, those of the case were with its first row.
            for violation in candidate.violations(in: context.tree, isKnownMember: { _ in true })
            where existing == nil || violation.subject != nil {
                let column = switch violation.field {
                case .conductorOrganization: "conductor_code"
                case .started: "started_on"
                case .ended: "ended_on"
                case .subjectOrganization, .subjects: "subject_code"
                case .subjectMember: "subject_national_id"
                }
                issues.append(row.issue(column, violation.message))
            }
            guard issues.count == before else { return }
            let header = CaseDirectory.Header(
                activity: activity, mode: mode, conductor: conductor, conductorOrganization: Int32(conductorID.rawValue),
                started: Int32(started.yyyymmdd), line: Int32(clamping: row.line))
            if let index = existing {
                let first = directory.headers[index]
                guard CaseDirectory.Header(activity: activity, mode: mode, conductor: conductor,
                                           conductorOrganization: header.conductorOrganization, started: header.started,
                                           line: first.line) == first else {
                    issues.append(row.issue("case_ref", "các dòng của cuộc \(reference) phải giống nhau về hoạt động, hình thức, chủ thể và ngày bắt đầu (xem dòng \(first.line))"))
                    return
                }
                // NB: a case names each subject once (M0014): a repeated row is refused, not written twice.
                if (open?.index == index ? open?.value.subjects : lateSubjects[index])?.contains(subject) == true {
                    issues.append(row.issue(subjectCode.isEmpty ? "subject_national_id" : "subject_code",
                                            "đối tượng này đã ghi cho cuộc \(reference) ở một dòng trước"))
                    return
                }
                if open?.index == index {
                    open?.value.subjects.append(subject)
                } else {
                    lateSubjects[index, default: []].append(subject)
                    lateReferences[index] = reference
                }
                return
            }
            if let finished = open?.value {
                batch.append(finished)
                if batch.count >= Self.batchSize { try await flush(&batch) { try await sink.insert(cases: $0) } }
            }
            open = (directory.add(reference, header), candidate)
        }
        if let finished = open?.value { batch.append(finished) }
        try await flush(&batch) { try await sink.insert(cases: $0) }
        summary.cases = directory.count
        for (index, subjects) in lateSubjects.sorted(by: { $0.key < $1.key }) where issues.isEmpty {
            try await sink.add(subjects: subjects, toCase: lateReferences[index]!)
        }
    }

    // MARK: - Meetings

    /// Meetings (`meetings.csv`) and their attendance (`attendance.csv`, by `meeting_ref`): each meeting held by a cell
    /// on its day, inside the importer's scope, its reference new to the registry and to the file; each attendance
    /// line naming a meeting of this import and a known member once, who (but for a guest) is on the cell's rolls on the
    /// meeting's day. Kept in memory until every line is read (the attendance may come in any order), then written in
    /// batches.
    private func importMeetings(
        _ meetingSources: [(ImportSource, ImportColumns)], _ attendanceSources: [(ImportSource, ImportColumns)],
        into sink: some RegistrySink
    ) async throws {
        var meetings: [Meeting] = []
        var byReference: [String: (index: Int, line: Int)] = [:]
        try await forEachRow(meetingSources) { row in
            let before = issues.count
            guard let reference = row.required("meeting_ref", &issues) else { return }
            if context.meetingReferences.contains(reference) {
                issues.append(row.issue("meeting_ref", "buổi sinh hoạt \(reference) đã có trong cơ sở dữ liệu"))
            } else if let first = byReference[reference] {
                issues.append(row.issue("meeting_ref", "buổi sinh hoạt \(reference) đã ghi ở dòng \(first.line)"))
            }
            let code = row.required("organization_code", &issues)
            let id = code.flatMap { context.tree.organization(code: $0)?.id }
            if let code, id == nil { issues.append(row.issue("organization_code", "không có tổ chức đảng mã \(code)")) }
            let kind = row.enumeration("kind", MeetingKind.self, aliases: ImportVocabulary.meetingKinds, &issues)
            let held = row.day("held_on", required: true, &issues)
            if let code, let id, let held {
                if context.tree.version(of: id, on: held)?.kind.isCell != true {
                    issues.append(row.issue("organization_code", "\(code) không phải là chi bộ vào ngày \(VietnameseFormat.day(held))"))
                } else {
                    checkScope(id, code: code, on: held, row: row, column: "organization_code")
                }
            }
            let minutesText = row.required("duration_minutes", &issues)
            let minutes = minutesText.flatMap { Int($0) }
            if let minutesText, !(1...1_440).contains(minutes ?? 0) {
                issues.append(row.issue("duration_minutes", "số phút không hợp lệ: \"\(minutesText)\" (một số từ 1 đến 1.440)"))
            }
            /// The chair or the minutes' secretary, when given: a member of the registry or of this import.
            func person(_ column: String) -> MemberID? {
                guard !row.text(column).isEmpty, let nationalID = row.nationalID(column, &issues) else { return nil }
                guard let member = context.nationalIDs[nationalID] else {
                    issues.append(row.issue(column, "không có đảng viên số CCCD \(nationalID)"))
                    return nil
                }
                return member
            }
            let chair = person("chair_national_id"), secretary = person("secretary_national_id")
            guard issues.count == before, let id, let kind, let held, let minutes else { return }
            byReference[reference] = (meetings.count, row.line)
            meetings.append(Meeting(reference: reference, cell: id, kind: kind, held: held, durationMinutes: minutes,
                                    chair: chair, secretary: secretary, agenda: row.text("agenda"), resolution: row.text("resolution")))
        }
        var lines: [Int: [MemberID: Int]] = [:]  // by meeting index, the line of each member's attendance
        var needsRolls: [(meeting: Int, member: MemberID, issue: ImportIssue)] = []
        try await forEachRow(attendanceSources) { row in
            let before = issues.count
            let reference = row.required("meeting_ref", &issues)
            let meeting = reference.flatMap { byReference[$0] }
            if let reference, meeting == nil {
                issues.append(row.issue("meeting_ref", context.meetingReferences.contains(reference)
                    ? "buổi sinh hoạt \(reference) đã nhập lần trước; điểm danh được nhập cùng lần với buổi sinh hoạt"
                    : "không có buổi sinh hoạt \(reference) trong tệp meetings"))
            }
            let nationalID = row.nationalID("national_id", &issues)
            let member = nationalID.flatMap { context.nationalIDs[$0] }
            if let nationalID, member == nil { issues.append(row.issue("national_id", "không có đảng viên số CCCD \(nationalID)")) }
            let status = row.enumeration("status", AttendanceStatus.self, aliases: ImportVocabulary.attendanceStatuses, &issues)
            guard issues.count == before, let meeting, let member, let status else { return }
            if let first = lines[meeting.index]?[member] {
                issues.append(row.issue("national_id", "đảng viên này đã được điểm danh ở buổi sinh hoạt này (dòng \(first))"))
                return
            }
            lines[meeting.index, default: [:]][member] = row.line
            meetings[meeting.index].attendance.append(Attendance(member: member, status: status))
            if status != .guest {
                let day = VietnameseFormat.day(meetings[meeting.index].held)
                needsRolls.append((meeting.index, member, row.issue("national_id",
                    "đảng viên không sinh hoạt ở chi bộ này vào ngày \(day); ghi guest (sinh hoạt tạm thời) nếu đến dự")))
            }
        }
        guard issues.isEmpty else { return }
        // NB: but for a guest (sinh hoạt tạm thời), whoever is listed is on the cell's rolls that day, as recorded
        // (stored, or written by this import): an absence counts against a member of the cell only.
        let members = Array(Set(needsRolls.map(\.member))).sorted()
        var periods: [MemberID: [MembershipPeriod]] = [:]
        for start in stride(from: 0, to: members.count, by: Self.batchSize) {
            for period in try await sink.periods(of: Array(members[start..<min(start + Self.batchSize, members.count)])) {
                periods[period.member, default: []].append(period)
            }
        }
        for need in needsRolls where !stopped {
            let meeting = meetings[need.meeting]
            let onRolls = periods[need.member]?.contains { $0.cell == meeting.cell && $0.validity.contains(meeting.held) } ?? false
            if !onRolls { issues.append(need.issue) }
        }
        guard issues.isEmpty else { return }
        for index in meetings.indices { meetings[index].attendance.sort { $0.member < $1.member } }
        for start in stride(from: 0, to: meetings.count, by: Self.batchSize) {
            try await sink.insert(meetings: Array(meetings[start..<min(start + Self.batchSize, meetings.count)]))
        }
        summary.meetings = meetings.count
        summary.attendance = meetings.map(\.attendance.count).reduce(0, +)
    }


    /// The one subject a row names: an organization (`subject_code`) or a member (`subject_national_id`), never both;
    /// nil with an issue at the column at fault. `what` names the record in the message ("mỗi quyết định"). With `day`,
    /// an organization must lie in the importer's scope that day (a case's subject on its first day).
    private func subject(of row: ImportRow, _ what: String, scopeOn day: Day? = nil) -> OversightSubject? {
        let subjectCode = row.text("subject_code"), subjectID = row.text("subject_national_id")
        switch (subjectCode.isEmpty, subjectID.isEmpty) {
        case (false, true):
            if let id = context.tree.organization(code: subjectCode)?.id {
                if let day { checkScope(id, code: subjectCode, on: day, row: row, column: "subject_code") }
                return .organization(id)
            }
            issues.append(row.issue("subject_code", "không có tổ chức đảng mã \(subjectCode)"))
        case (true, false):
            if let nationalID = row.nationalID("subject_national_id", &issues) {
                if let id = context.nationalIDs[nationalID] { return .member(id) }
                issues.append(row.issue("subject_national_id", "không có đảng viên số CCCD \(nationalID)"))
            }
        case (false, false):
            issues.append(row.issue("subject_code", "\(what) chỉ có một đối tượng: subject_code hoặc subject_national_id"))
        case (true, true):
            issues.append(row.issue("subject_code", "cần subject_code (tổ chức) hoặc subject_national_id (đảng viên)"))
        }
        return nil
    }

    // MARK: - Discipline

    /// Disciplinary decisions (`discipline.csv`) and their appeals (`discipline_appeals.csv`, by `decision_ref`, in the
    /// order they were lodged): each decision's reference new to the registry and to the file, one subject (an
    /// organization or a member), a deciding organization inside the importer's scope, and every rule of Core's
    /// (`DisciplineDecision.violations`) against the journals and seats as recorded, this import's included. An
    /// expulsion's `expelled` event and a dissolution's day come with the events and the organizations: the decision is
    /// refused when they are missing, never applied twice.
    private func importDiscipline(
        _ decisionSources: [(ImportSource, ImportColumns)], _ appealSources: [(ImportSource, ImportColumns)],
        into sink: some RegistrySink
    ) async throws {
        var decisions: [DisciplineDecision] = []
        var rows: [ImportRow] = []
        var appealRows: [Int: [ImportRow]] = [:]
        var byReference: [String: Int] = [:]
        func days(_ row: ImportRow, _ column: String) -> [String] {
            row.text(column).split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        try await forEachRow(decisionSources) { row in
            let before = issues.count
            guard let reference = row.required("decision_ref", &issues) else { return }
            if context.disciplineReferences.contains(reference) {
                issues.append(row.issue("decision_ref", "quyết định kỷ luật \(reference) đã có trong cơ sở dữ liệu"))
            } else if let first = byReference[reference] {
                issues.append(row.issue("decision_ref", "quyết định kỷ luật \(reference) đã ghi ở dòng \(rows[first].line)"))
            }
            let subject: DisciplineSubject? = switch self.subject(of: row, "mỗi quyết định") {
            case .organization(let id): .organization(id)
            case .member(let id): .member(id)
            case nil: nil
            }
            let sanction = row.enumeration("sanction", Sanction.self, aliases: ImportVocabulary.sanctions, &issues)
            let decidingCode = row.required("deciding_code", &issues)
            let deciding = decidingCode.flatMap { context.tree.organization(code: $0)?.id }
            if let decidingCode, deciding == nil { issues.append(row.issue("deciding_code", "không có tổ chức đảng mã \(decidingCode)")) }
            let body = row.enumeration("deciding_body", DecidingBody.self, aliases: ImportVocabulary.decidingBodies, &issues)
            let offence = row.day("offence_on", required: true, &issues)
            let offenceEnded = row.day("offence_ended_on", required: false, &issues)
            var later: [Day] = []
            for text in days(row, "later_offences") {
                if let day = Day(parsing: text) { later.append(day) }
                else { issues.append(row.issue("later_offences", "ngày không hợp lệ: \"\(text)\" (các ngày cách nhau bởi dấu ;)")) }
            }
            let withoutLimit = row.enumeration("offence_without_limit", OffenceWithoutLimit.self, aliases: ImportVocabulary.withoutLimit,
                                               required: false, &issues)
            var postponements: [DayRange] = []
            for text in days(row, "postponements") {
                let parts = text.components(separatedBy: "..")
                if parts.count == 2, let start = Day(parsing: parts[0].trimmingCharacters(in: .whitespaces)) {
                    let endText = parts[1].trimmingCharacters(in: .whitespaces)
                    let end = Day(parsing: endText)
                    if endText.isEmpty || (end.map { $0 > start } ?? false) {
                        postponements.append(DayRange(start: start, end: end))
                        continue
                    }
                }
                issues.append(row.issue("postponements", "khoảng thời gian không hợp lệ: \"\(text)\" (viết từ..đến, ví dụ 2024-03-01..2024-09-01; để trống ngày cuối nếu chưa hết)"))
            }
            let decided = row.day("decided_on", required: true, &issues)
            let effective = row.day("effective_on", required: false, &issues)
            let received = row.day("received_on", required: false, &issues)
            let decisionDate = row.day("decision_date", required: false, &issues)
            if let decidingCode, let deciding, let decided {
                checkScope(deciding, code: decidingCode, on: decided, row: row, column: "deciding_code")
            }
            guard issues.count == before, let subject, let sanction, let deciding, let body, let offence, let decided else { return }
            let number = row.text("decision_number"), caseReference = row.text("case_ref")
            byReference[reference] = decisions.count
            rows.append(row)
            decisions.append(DisciplineDecision(
                reference: reference, subject: subject, sanction: sanction, decidingOrganization: deciding, decidingBody: body,
                offenceCommitted: offence, offenceEnded: offenceEnded, laterOffences: later, offenceWithoutLimit: withoutLimit,
                postponements: postponements, decided: decided, effective: effective, received: received,
                decision: number.isEmpty && decisionDate == nil ? nil : Decision(number: number, date: decisionDate),
                oversightCase: caseReference.isEmpty ? nil : caseReference))
        }
        try await forEachRow(appealSources) { row in
            let before = issues.count
            let reference = row.required("decision_ref", &issues)
            let index = reference.flatMap { byReference[$0] }
            if let reference, index == nil {
                issues.append(row.issue("decision_ref", context.disciplineReferences.contains(reference)
                    ? "quyết định kỷ luật \(reference) đã nhập lần trước; khiếu nại được nhập cùng lần với quyết định"
                    : "không có quyết định kỷ luật \(reference) trong tệp discipline"))
            }
            let lodged = row.day("lodged_on", required: true, &issues)
            let decided = row.day("decided_on", required: false, &issues)
            let outcomeText = ImportTable.key(row.text("outcome"))
            let reduced = row.enumeration("reduced_to", Sanction.self, aliases: ImportVocabulary.sanctions, required: false, &issues)
            var outcome: DisciplineAppeal.Outcome?
            switch (outcomeText, decided, reduced) {
            case ("pending", nil, nil), ("dang giai quyet", nil, nil): outcome = .pending
            case ("upheld", let day?, nil), ("giu nguyen", let day?, nil): outcome = .upheld(on: day)
            case ("annulled", let day?, nil), ("xoa ky luat", let day?, nil), ("huy", let day?, nil): outcome = .annulled(on: day)
            case ("reduced", let day?, let sanction?), ("giam", let day?, let sanction?): outcome = .reduced(to: sanction, on: day)
            case ("pending", _, _), ("upheld", _, _), ("annulled", _, _), ("reduced", _, _):
                issues.append(row.issue("decided_on", "kết quả \(row.text("outcome")) cần ngày giải quyết (decided_on) khi đã giải quyết, và hình thức mới (reduced_to) chỉ khi giảm"))
            default:
                issues.append(row.issue("outcome", "giá trị không hợp lệ: \"\(row.text("outcome"))\"; dùng một trong: pending, upheld, reduced, annulled"))
            }
            guard issues.count == before, let index, let lodged, let outcome else { return }
            decisions[index].appeals.append(DisciplineAppeal(lodged: lodged, outcome: outcome))
            appealRows[index, default: []].append(row)
        }
        guard issues.isEmpty, !decisions.isEmpty else { return }
        let members = Array(Set(decisions.compactMap { if case .member(let id) = $0.subject { id } else { nil } })).sorted()
        var periods: [MemberID: [MembershipPeriod]] = [:], seats: [CommitteeSeat] = []
        for start in stride(from: 0, to: members.count, by: Self.batchSize) {
            let batch = Array(members[start..<min(start + Self.batchSize, members.count)])
            for period in try await sink.periods(of: batch) { periods[period.member, default: []].append(period) }
            seats += try await sink.seats(heldBy: batch)
        }
        for (index, decision) in decisions.enumerated() where !stopped {
            let row = rows[index]
            var subjectPeriods: [MembershipPeriod] = []
            if case .member(let id) = decision.subject { subjectPeriods = periods[id] ?? [] }
            for violation in decision.violations(in: context.tree, isKnownMember: { _ in true }, subjectPeriods: subjectPeriods,
                                                 seats: seats) {
                if violation.field == .appeals, let appeal = violation.appeal, let lines = appealRows[index], lines.indices.contains(appeal) {
                    let column = switch violation.reason {
                    case .appealDecidedBeforeLodged: "decided_on"
                    case .appealNotLighter, .appealSanctionNotAllowed, .appealNoPostHeld: "reduced_to"
                    default: "lodged_on"
                    }
                    issues.append(lines[appeal].issue(column, violation.message))
                    continue
                }
                let column = switch violation.field {
                case .offenceEnded: "offence_ended_on"
                case .laterOffences: "later_offences"
                case .decided: "decided_on"
                case .effective: "effective_on"
                case .received: "received_on"
                case .decidingOrganization: "deciding_code"
                case .decidingBody: "deciding_body"
                case .subjectOrganization: "subject_code"
                case .subjectMember: "subject_national_id"
                case .sanction, .appeals: "sanction"
                }
                issues.append(row.issue(column, violation.message))
            }
            // The effect comes with the records it changes: an expulsion's event, a dissolution's day.
            switch decision.effect {
            case .membershipEvent(let event):
                let ended = subjectPeriods.contains { $0.validity.end == event.effective && $0.exit == .expelled }
                if !ended {
                    issues.append(row.issue("effective_on", "chưa có biến động khai trừ (expelled) ngày \(VietnameseFormat.day(event.effective)) của đảng viên này trong tệp events; quyết định khai trừ được ghi cùng biến động đó"))
                }
            case .organizationChange(_, let day):
                if case .organization(let id) = decision.subject, context.tree[id]?.dissolved != day {
                    issues.append(row.issue("effective_on", "tổ chức đảng chưa có ngày giải thể \(VietnameseFormat.day(day)) trong tệp organizations; quyết định giải tán được ghi cùng ngày giải thể đó"))
                }
            case nil:
                break
            }
        }
        guard issues.isEmpty else { return }
        for start in stride(from: 0, to: decisions.count, by: Self.batchSize) {
            try await sink.insert(disciplines: Array(decisions[start..<min(start + Self.batchSize, decisions.count)]))
        }
        summary.disciplines = decisions.count
        summary.appeals = decisions.map(\.appeals.count).reduce(0, +)
    }

    // MARK: - Committee terms

    /// Committee terms (`committee_terms.csv`): each checked by Core's rules (`CommitteeTerm.violations`) against the
    /// terms stored and those of the file before it, its organization inside the importer's scope on its first day.
    private func importTerms(_ sources: [(ImportSource, ImportColumns)], into sink: some RegistrySink) async throws {
        var terms: [CommitteeTerm] = []
        try await forEachRow(sources) { row in
            let before = issues.count
            let code = row.required("organization_code", &issues)
            let id = code.flatMap { context.tree.organization(code: $0)?.id }
            if let code, id == nil { issues.append(row.issue("organization_code", "không có tổ chức đảng mã \(code)")) }
            let committee = row.enumeration("committee", CommitteeKind.self, aliases: ImportVocabulary.committees, &issues)
            let name = row.required("name", &issues)
            let start = row.day("start_on", required: true, &issues)
            let end = row.day("end_on", required: false, &issues)
            let sizeText = row.text("size")
            let size = Int(sizeText)
            if !sizeText.isEmpty, size == nil { issues.append(row.issue("size", "số lượng không hợp lệ: \"\(sizeText)\" (một số nguyên)")) }
            if let code, let id, let start { checkScope(id, code: code, on: start, row: row, column: "organization_code") }
            let validity = start.flatMap { CommitteeTerm.validity(start: $0, end: end) }
            if let start, validity == nil { issues.append(row.issue("end_on", CommitteeTermViolation.endBeforeStart(start))) }
            guard issues.count == before, let id, let committee, let name, let validity else { return }
            let number = row.text("decision_number")
            let term = CommitteeTerm(organization: id, committee: committee, name: name, validity: validity,
                                     size: size, decision: number.isEmpty ? nil : Decision(number: number))
            let others = context.terms + terms
            var violations = term.violations(in: context.tree, others: others)
            if others.contains(where: { $0.organization == id && $0.committee == committee && $0.validity.start == validity.start }) {
                violations.append(CommitteeTermViolation(reason: .overlaps(name: name, validity: term.validity), term: term,
                                                         organizationCode: code ?? ""))
            }
            for violation in violations {
                let column = switch violation.field {
                case .organization: "organization_code"
                case .committee: "committee"
                case .name: "name"
                case .start: "start_on"
                case .end: "end_on"
                case .size: "size"
                }
                issues.append(row.issue(column, violation.message))
            }
            if issues.count == before { terms.append(term) }
        }
        guard issues.isEmpty, !terms.isEmpty else { return }
        try await sink.insert(terms: terms)
        summary.terms = terms.count
    }

    // MARK: - Annual programmes

    /// A programme item as its rows give it, with its first row (where its issues are reported).
    private struct PlannedItem {
        var item: ProgrammeItem
        var row: ImportRow
    }

    /// Annual inspection and supervision programmes (`oversight_programme.csv`): one row per subject of an item, the
    /// rows of an item (same `conductor_code`, `conductor`, `year`, `item`) alike in content, activity, mode, period and
    /// case. Each programme new to the registry, its conductor inside the importer's scope in its year, checked by Core's
    /// rules (`OversightProgramme.violations`); a case an item names exists (stored or of this import), is conducted by
    /// the programme's conductor with the item's activity and mode, and no other item names it.
    private func importProgrammes(_ sources: [(ImportSource, ImportColumns)], into sink: some RegistrySink) async throws {
        var programmes: [OversightProgramme.Key: (row: ImportRow, items: [Int: PlannedItem])] = [:]
        try await forEachRow(sources) { row in
            let before = issues.count
            let code = row.required("conductor_code", &issues)
            let conductorID = code.flatMap { context.tree.organization(code: $0)?.id }
            if let code, conductorID == nil { issues.append(row.issue("conductor_code", "không có tổ chức đảng mã \(code)")) }
            let conductor = row.enumeration("conductor", ConductorKind.self, aliases: ImportVocabulary.conductors, &issues)
            let year = row.required("year", &issues).flatMap { text -> Int? in
                guard let year = Int(text), Day(year: year, month: 1, day: 1) != nil, year <= context.today.year + 1 else {
                    issues.append(row.issue("year", "năm không hợp lệ: \"\(text)\" (năm của chương trình, đến năm sau năm nay)"))
                    return nil
                }
                return year
            }
            let number = row.required("item", &issues).flatMap { text -> Int? in
                guard let number = Int(text), number >= 1 else {
                    issues.append(row.issue("item", "số thứ tự mục không hợp lệ: \"\(text)\" (1, 2, 3…)"))
                    return nil
                }
                return number
            }
            let content = row.required("content", &issues)
            let activity = row.enumeration("activity", OversightActivity.self, aliases: ImportVocabulary.activities, &issues)
            let mode = row.enumeration("mode", OversightMode.self, aliases: ImportVocabulary.modes, &issues)
            let period = row.required("period", &issues).flatMap { text -> ProgrammePeriod? in
                guard let year else { return nil }
                guard let period = ImportVocabulary.programmePeriod(text, year: year) else {
                    issues.append(row.issue("period", "thời gian không hợp lệ: \"\(text)\" (Q1–Q4 cho một quý, M1–M12 cho một tháng)"))
                    return nil
                }
                return period
            }
            let subject = subject(of: row, "mỗi dòng")
            if let code, let conductorID, let year, let first = Day(year: year, month: 1, day: 1),
               let last = Day(year: year, month: 12, day: 31), let scope = context.scope,
               !scope.covers(conductorID, in: context.tree, on: first), !scope.covers(conductorID, in: context.tree, on: last) {
                issues.append(row.issue("conductor_code", Self.outsideScope(code, on: last)))
            }
            guard issues.count == before, let conductorID, let conductor, let year, let number, let content, let activity,
                  let mode, let period, let subject else { return }
            let key = OversightProgramme.Key(conductorOrganization: conductorID, conductor: conductor, year: year)
            if context.programmeKeys.contains(key) {
                issues.append(row.issue("conductor_code", "chương trình kiểm tra, giám sát năm \(year) của \(conductor.vietnamese.lowercased()) \(code ?? "") đã có trong cơ sở dữ liệu"))
                return
            }
            let reference = row.text("case_ref")
            let item = ProgrammeItem(content: content, activity: activity, mode: mode, subjects: [subject], planned: period,
                                     caseReference: reference.isEmpty ? nil : reference)
            var programme = programmes[key] ?? (row, [:])
            if var planned = programme.items[number] {
                var first = planned.item
                first.subjects = item.subjects
                guard first == item else {
                    issues.append(row.issue("item", "các dòng của mục \(number) phải giống nhau về nội dung, hoạt động, hình thức, thời gian và mã cuộc (xem dòng \(planned.row.line))"))
                    return
                }
                guard !planned.item.subjects.contains(subject) else {
                    issues.append(row.issue(row.text("subject_code").isEmpty ? "subject_national_id" : "subject_code",
                                            "đối tượng này đã ghi cho mục \(number) ở một dòng trước"))
                    return
                }
                planned.item.subjects.append(subject)
                programme.items[number] = planned
            } else {
                programme.items[number] = PlannedItem(item: item, row: row)
            }
            programmes[key] = programme
        }
        guard issues.isEmpty, !programmes.isEmpty else { return }

        // The cases the items name, as recorded (stored, or written by this import).
        let references = Set(programmes.values.flatMap { $0.items.values.compactMap(\.item.caseReference) })
        let cases = Dictionary(try await sink.cases(references: references.sorted()).map { ($0.reference, $0) },
                               uniquingKeysWith: { first, _ in first })
        var named = context.programmeCaseReferences
        var written: [OversightProgramme] = []
        for (key, found) in programmes.sorted(by: { ($0.value.row.file, $0.value.row.line) < ($1.value.row.file, $1.value.row.line) }) {
            let numbered = found.items.sorted { $0.key < $1.key }
            let programme = OversightProgramme(conductorOrganization: key.conductorOrganization, conductor: key.conductor,
                                               year: key.year, items: numbered.map(\.value.item))
            let violations = programme.violations(in: context.tree, isKnownMember: { _ in true })
            for violation in violations {
                let row = violation.item.map { numbered[$0].value.row } ?? found.row
                let column = switch violation.reason {
                case .invalidYear: "year"
                case .unknownConductor, .conductorNotEstablished, .conductorDissolved: "conductor_code"
                case .invalidPeriod, .plannedOutsideYear: "period"
                case .noSubjects, .unknownSubjectOrganization, .subjectNotEstablished: "subject_code"
                case .unknownSubjectMember: "subject_national_id"
                case .caseInTwoItems: "case_ref"
                }
                issues.append(row.issue(column, violation.message))
            }
            // NB: two items of this programme naming one case are Core's `caseInTwoItems`, reported above.
            let twice = Set(violations.compactMap { if case .caseInTwoItems = $0.reason { $0.item } else { nil } })
            for (index, (_, planned)) in numbered.enumerated() where !twice.contains(index) {
                guard let reference = planned.item.caseReference else { continue }
                guard let oversightCase = cases[reference] else {
                    issues.append(planned.row.issue("case_ref", "không có cuộc kiểm tra, giám sát \(reference) trong cơ sở dữ liệu hay tệp oversight"))
                    continue
                }
                if !programme.conducts(oversightCase) || oversightCase.activity != planned.item.activity
                    || oversightCase.mode != planned.item.mode {
                    issues.append(planned.row.issue("case_ref", "cuộc \(reference) không phải cuộc \(planned.item.activity.vietnamese.lowercased()) \(planned.item.mode.vietnamese) do \(programme.conductor.vietnamese.lowercased()) của chương trình này tiến hành"))
                } else if !named.insert(reference).inserted {
                    issues.append(planned.row.issue("case_ref", "cuộc \(reference) đã do một mục chương trình khác thực hiện"))
                }
            }
            written.append(programme)
        }
        guard issues.isEmpty else { return }
        try await sink.insert(programmes: written)
        summary.programmes = written.count
        summary.programmeItems = written.map(\.items.count).reduce(0, +)
    }

    // MARK: - Cases' progress and follow-up tasks

    /// A case's steps (`oversight_steps.csv`, one row per stage, the conclusion's text and whether discipline is proposed
    /// on the `concluded` row), its team (`oversight_team.csv`, the leader marked) and its follow-up tasks
    /// (`follow_up_tasks.csv`): for cases of this import or stored, a case's progress given once. Each case's progress
    /// is checked by Core's rules (`OversightProgress.violations`: the stages of its activity and mode in order, on or
    /// after its first day, an outcome once concluded, a team once decided) and each task by `FollowUpTask.violations`.
    private func importProgress(
        _ stepSources: [(ImportSource, ImportColumns)], _ teamSources: [(ImportSource, ImportColumns)],
        _ taskSources: [(ImportSource, ImportColumns)], into sink: some RegistrySink
    ) async throws {
        var progress: [String: OversightProgress] = [:]
        var firstLines: [String: ImportRow] = [:]
        var stepRows: [String: [ImportRow]] = [:]
        var order: [String] = []
        func entry(_ reference: String, _ row: ImportRow) {
            if progress[reference] == nil {
                progress[reference] = OversightProgress(caseReference: reference)
                firstLines[reference] = row
                order.append(reference)
            }
        }
        try await forEachRow(stepSources) { row in
            let before = issues.count
            guard let reference = row.required("case_ref", &issues) else { return }
            if context.progressReferences.contains(reference) {
                issues.append(row.issue("case_ref", "tiến độ của cuộc \(reference) đã có trong cơ sở dữ liệu"))
            }
            let stage = row.enumeration("stage", OversightStage.self, aliases: ImportVocabulary.stages, &issues)
            let day = row.day("day", required: true, &issues)
            let proposed = ImportTable.key(row.text("discipline_proposed"))
            if !["", "yes", "no", "co", "khong"].contains(proposed) {
                issues.append(row.issue("discipline_proposed", "ghi yes hoặc no (có, không)"))
            }
            guard issues.count == before, let stage, let day else { return }
            if progress[reference]?.steps.contains(where: { $0.stage == stage }) == true {
                issues.append(row.issue("stage", "bước này của cuộc \(reference) đã ghi ở một dòng trước"))
                return
            }
            entry(reference, row)
            let document = row.text("document")
            progress[reference]?.steps.append(OversightStep(stage, on: day, document: document.isEmpty ? nil : document, note: row.text("note")))
            stepRows[reference, default: []].append(row)
            if stage == .concluded {
                progress[reference]?.conclusion = row.text("conclusion")
                if !proposed.isEmpty { progress[reference]?.disciplineProposed = proposed == "yes" || proposed == "co" }
            }
        }
        try await forEachRow(teamSources) { row in
            let before = issues.count
            guard let reference = row.required("case_ref", &issues) else { return }
            if context.progressReferences.contains(reference) {
                issues.append(row.issue("case_ref", "tiến độ của cuộc \(reference) đã có trong cơ sở dữ liệu"))
            }
            let nationalID = row.nationalID("national_id", &issues)
            let member = nationalID.flatMap { context.nationalIDs[$0] }
            if let nationalID, member == nil { issues.append(row.issue("national_id", "không có đảng viên số CCCD \(nationalID)")) }
            guard issues.count == before, let member else { return }
            entry(reference, row)
            if progress[reference]?.team.contains(member) == true {
                issues.append(row.issue("national_id", "người này đã có trong đoàn của cuộc \(reference)"))
                return
            }
            progress[reference]?.team.append(member)
            let leader = ImportTable.key(row.text("leader"))
            if leader == "yes" || leader == "co" || leader == "x" {
                if progress[reference]?.teamLeader != nil {
                    issues.append(row.issue("leader", "cuộc \(reference) đã có trưởng đoàn ở một dòng trước"))
                } else {
                    progress[reference]?.teamLeader = member
                }
            }
        }
        var tasks: [(task: FollowUpTask, row: ImportRow)] = []
        try await forEachRow(taskSources) { row in
            let before = issues.count
            let reference = row.required("case_ref", &issues)
            let text = row.required("text", &issues)
            let responsible = subject(of: row, "mỗi nhiệm vụ")
            let due = row.day("due_on", required: true, &issues)
            let done = row.day("done_on", required: false, &issues)
            guard issues.count == before, let reference, let text, let responsible, let due else { return }
            tasks.append((FollowUpTask(caseReference: reference, text: text, responsible: responsible, due: due, done: done), row))
        }
        guard issues.isEmpty, !(progress.isEmpty && tasks.isEmpty) else { return }
        let references = Array(Set(order + tasks.map(\.task.caseReference))).sorted()
        var cases: [String: OversightCase] = [:]
        for start in stride(from: 0, to: references.count, by: Self.batchSize) {
            for found in try await sink.cases(references: Array(references[start..<min(start + Self.batchSize, references.count)])) {
                cases[found.reference] = found
            }
        }
        for reference in order where !stopped {
            guard let row = firstLines[reference], let value = progress[reference] else { continue }
            guard let oversightCase = cases[reference] else {
                issues.append(row.issue("case_ref", "không có cuộc kiểm tra, giám sát \(reference) trong cơ sở dữ liệu hay tệp oversight"))
                continue
            }
            for violation in value.violations(of: oversightCase, isKnownMember: { _ in true }) {
                // NB: a step's violation is named at the step's own line.
                if violation.field == .steps, let step = violation.step, let rows = stepRows[reference], rows.indices.contains(step) {
                    issues.append(rows[step].issue("stage", violation.message))
                    continue
                }
                let column = switch violation.field {
                case .team, .teamLeader: "team"
                case .steps: "stage"
                case .outcome, .subjectOutcomes, .disciplineProposed: "conclusion"
                case .caseReference: "case_ref"
                }
                issues.append(row.issue(column == "team" ? "case_ref" : column, violation.message))
            }
        }
        var stored: [String: OversightProgress] = [:]
        let withoutProgress = Array(Set(tasks.map(\.task.caseReference)).subtracting(order)).sorted()
        for value in try await sink.oversightProgress(references: withoutProgress) { stored[value.caseReference] = value }
        for (task, row) in tasks where !stopped {
            guard let oversightCase = cases[task.caseReference] else {
                issues.append(row.issue("case_ref", "không có cuộc kiểm tra, giám sát \(task.caseReference) trong cơ sở dữ liệu hay tệp oversight"))
                continue
            }
            for violation in task.violations(of: oversightCase, progress: progress[task.caseReference] ?? stored[task.caseReference]) {
                let column = switch violation.field {
                case .caseReference: "case_ref"
                case .text: "text"
                case .responsible: if case .member = task.responsible { "subject_national_id" } else { "subject_code" }
                case .due: "due_on"
                case .done: "done_on"
                }
                issues.append(row.issue(column, violation.message))
            }
        }
        guard issues.isEmpty else { return }
        let values = order.compactMap { progress[$0] }
        for start in stride(from: 0, to: values.count, by: Self.batchSize) {
            try await sink.insert(progress: Array(values[start..<min(start + Self.batchSize, values.count)]))
        }
        for start in stride(from: 0, to: tasks.count, by: Self.batchSize) {
            try await sink.insert(tasks: tasks[start..<min(start + Self.batchSize, tasks.count)].map(\.task))
        }
        summary.steps = values.map(\.steps.count).reduce(0, +)
        summary.tasks = tasks.count
    }
}

#if os(Linux)
// NB: glibc's malloc_trim (malloc.h) is not in the Glibc module map; it has been in glibc since 2.0.
@_silgen_name("malloc_trim")
private func glibcMallocTrim(_ pad: Int) -> Int32
#endif
