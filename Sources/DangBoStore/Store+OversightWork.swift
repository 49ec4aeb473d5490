import DangBoCore
import Foundation
import SQLKit

/// Why a piece of the inspection commission's work was not recorded, with the form field at fault, in Vietnamese.
public struct OversightRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    /// The form field at fault ("" for the page).
    public var field: String
    public var message: String

    public init(_ field: String, _ message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { message }

    static let outsideScope = OversightRefusal("", "Tổ chức tiến hành không thuộc phạm vi tài khoản của bạn vào ngày đó.")
    static func unknownCase(_ reference: String) -> OversightRefusal { OversightRefusal("", "Không có cuộc kiểm tra, giám sát mã \(reference).") }
}

/// A case as the oversight pages list it: the case, its progress (empty when it has none), the conductor's code and the
/// subjects' names.
public struct OversightCaseLine: Sendable {
    public var oversightCase: OversightCase
    public var progress: OversightProgress
    public var conductorCode: String
    /// Each subject's name (an organization's name and code, a member's full name), in the case's order.
    public var subjectNames: [String]
    /// The follow-up tasks, with their ids.
    public var tasks: [(id: Int, task: FollowUpTask)]
}

extension Store {
    // MARK: - Reading

    /// The cases conducted within `root`'s subtree (the conductor in it on the case's first day) that started from `from`
    /// through `to`: the cases the review counts in `supervision` and `inspection`, with their progress, latest first,
    /// when `root` lies in `scope` on `to`.
    public func oversightCaseLines(of root: OrganizationID, from: Day, to: Day, in scope: Scope) async throws -> [OversightCaseLine] {
        guard try await covers(scope, root, on: to) else { return [] }
        let cases = try await Self.oversightCases(where: """
            c.started_on >= \(literal: from.yyyymmdd) AND c.started_on <= \(literal: to.yyyymmdd)
                AND \(Self.within(root, "c.conductor_id", on: "c.started_on"))
            """, on: reader)
        return try await lines(cases).sorted { ($0.oversightCase.started, $0.oversightCase.reference) > ($1.oversightCase.started, $1.oversightCase.reference) }
    }

    /// The case `reference` with its progress and tasks, when its conductor lies in `scope` on its first day.
    public func oversightCaseLine(_ reference: String, in scope: Scope) async throws -> OversightCaseLine? {
        guard let found = try await Self.oversightCases(where: "c.case_ref = \(bind: reference)", on: reader).first,
              try await covers(scope, found.oversightCase.conductorOrganization, on: found.oversightCase.started) else { return nil }
        return try await lines([found]).first
    }

    /// The inspection commission's figures of `root` over `from`…`to` (`OversightFigures`): Core's count over the cases
    /// whose conductor lies in `root`'s subtree on their first day (started by `to`), with their progress and tasks.
    public func oversightFigures(of root: OrganizationID, from: Day, to: Day) async throws -> OversightFigures {
        let cases = try await Self.oversightCases(where: """
            c.started_on <= \(literal: to.yyyymmdd)
                AND \(Self.within(root, "c.conductor_id"))
            """, on: reader)
        let ids = Set(cases.map(\.oversightCase.conductorOrganization))
        let tree = try await organizationsWithAncestors(of: ids)
        let (progress, tasks) = try await progressAndTasks(of: cases.map(\.id), references: Dictionary(
            uniqueKeysWithValues: cases.map { ($0.id, $0.oversightCase.reference) }))
        return OversightFigures(of: root, from: from, to: to, cases: cases.map(\.oversightCase), progress: progress.values,
                                tasks: tasks.values.flatMap { $0.map(\.task) }, tree: tree)
    }

    /// The programme of `conductor` at `organization` for `year`, or an empty one.
    public func oversightProgramme(of organization: OrganizationID, conductor: ConductorKind, year: Int) async throws -> OversightProgramme {
        try await Self.programmes(where: """
            p.conductor_id = \(bind: organization.rawValue) AND p.conductor = \(bind: conductor.rawValue) AND p.year = \(bind: year)
            """, on: reader).first
            ?? OversightProgramme(conductorOrganization: organization, conductor: conductor, year: year)
    }

    /// The programmes `condition` (over `oversight_programmes p`) selects, with their items and subjects, by id.
    static func programmes(where condition: SQLQueryString, on sql: any SQLDatabase) async throws -> [OversightProgramme] {
        var programmes: [Int: OversightProgramme] = [:]
        var order: [Int] = []
        for row in try await sql.raw("SELECT p.id, p.conductor_id, p.conductor, p.year FROM oversight_programmes p WHERE \(condition) ORDER BY p.id").all() {
            guard let conductor = ConductorKind(rawValue: try row.decode(column: "conductor", as: String.self)) else {
                throw StoreError.unreadable("oversight_programmes")
            }
            let id = try row.decode(column: "id", as: Int.self)
            order.append(id)
            programmes[id] = OversightProgramme(conductorOrganization: OrganizationID(try row.decode(column: "conductor_id", as: Int.self)),
                                               conductor: conductor, year: try row.decode(column: "year", as: Int.self))
        }
        guard !order.isEmpty else { return [] }
        var subjects: [Int: [Int: [OversightSubject]]] = [:]
        for row in try await sql.raw("""
            SELECT s.programme_id, s.seq, s.organization_id, s.member_id FROM oversight_programme_subjects s
            JOIN oversight_programmes p ON p.id = s.programme_id WHERE \(condition) ORDER BY s.programme_id, s.seq
            """).all() {
            if let subject = try Self.subject(row) {
                subjects[try row.decode(column: "programme_id", as: Int.self), default: [:]][try row.decode(column: "seq", as: Int.self), default: []]
                    .append(subject)
            }
        }
        for row in try await sql.raw("""
            SELECT i.* FROM oversight_programme_items i JOIN oversight_programmes p ON p.id = i.programme_id
            WHERE \(condition) ORDER BY i.programme_id, i.seq
            """).all() {
            let id = try row.decode(column: "programme_id", as: Int.self)
            guard let year = programmes[id]?.year,
                  let activity = OversightActivity(rawValue: try row.decode(column: "activity", as: String.self)),
                  let mode = OversightMode(rawValue: try row.decode(column: "mode", as: String.self)) else {
                throw StoreError.unreadable("oversight_programme_items")
            }
            let number = try row.decode(column: "period_number", as: Int.self)
            let period: ProgrammePeriod = try row.decode(column: "period_kind", as: String.self) == "month"
                ? .month(year: year, month: number) : .quarter(year: year, quarter: number)
            let seq = try row.decode(column: "seq", as: Int.self)
            programmes[id]?.items.append(ProgrammeItem(
                content: try row.decode(column: "content", as: String.self), activity: activity, mode: mode,
                subjects: subjects[id]?[seq] ?? [], planned: period, caseReference: try row.decode(column: "case_ref", as: String?.self)))
        }
        return order.compactMap { programmes[$0] }
    }

    /// Programmes new to the registry, with their items and subjects, numbered after the last.
    static func insert(programmes: [OversightProgramme], on sql: any SQLDatabase) async throws {
        guard !programmes.isEmpty else { return }
        var next = try await nextID(in: "oversight_programmes", on: sql)
        var rows: [[BulkValue]] = [], itemRows: [[BulkValue]] = [], subjectRows: [[BulkValue]] = []
        for programme in programmes {
            rows.append([.int(next), .int(programme.conductorOrganization.rawValue), .text(programme.conductor.rawValue), .int(programme.year)])
            for (seq, item) in programme.items.enumerated() {
                let (kind, number) = Self.columns(item.planned)
                itemRows.append([.int(next), .int(seq), .text(item.content), .text(item.activity.rawValue), .text(item.mode.rawValue),
                                 .text(kind), .int(number), .text(item.caseReference)])
                for subject in item.subjects {
                    let (organization, member) = columns(subject)
                    subjectRows.append([.int(next), .int(seq), .int(organization), .int(member)])
                }
            }
            next += 1
        }
        try await insert(into: "oversight_programmes", columns: ["id", "conductor_id", "conductor", "year"], rows: rows, on: sql)
        try await insert(into: "oversight_programme_items", columns: ["programme_id", "seq", "content", "activity", "mode",
                                                                      "period_kind", "period_number", "case_ref"], rows: itemRows, on: sql)
        try await insert(into: "oversight_programme_subjects", columns: ["programme_id", "seq", "organization_id", "member_id"],
                         rows: subjectRows, on: sql)
    }

    /// How a programme item's period is stored: "quarter" or "month", and its number in the year.
    static func columns(_ period: ProgrammePeriod) -> (String, Int) {
        switch period {
        case .quarter(_, let quarter): ("quarter", quarter)
        case .month(_, let month): ("month", month)
        }
    }

    /// The cases (with their progress) of `programme`'s items that have started.
    public func programmeCases(_ programme: OversightProgramme) async throws -> [OversightCaseLine] {
        let references = programme.items.compactMap(\.caseReference)
        guard !references.isEmpty else { return [] }
        let list = references.map { "'\($0.replacingOccurrences(of: "'", with: "''"))'" }.joined(separator: ", ")
        return try await lines(try await Self.oversightCases(where: "c.case_ref IN (\(unsafeRaw: list))", on: reader))
    }

    // MARK: - Writing

    /// Adds `item` to the programme of `conductor` at `organization` for `year` (made when it has none) in a locked,
    /// audited write, when `organization` lies in `scope` in that year and the programme keeps Core's rules with it.
    public func addProgrammeItem(_ item: ProgrammeItem, organization: OrganizationID, conductor: ConductorKind, year: Int,
                                 in scope: Scope, actor: String) async throws {
        try await writing { store in
            guard let first = Day(year: year, month: 1, day: 1), let last = Day(year: year, month: 12, day: 31) else {
                throw OversightRefusal("nam", "Năm không hợp lệ.")
            }
            let coveredAtEnd = try await store.covers(scope, organization, on: last)
            let coveredAtStart = try await store.covers(scope, organization, on: first)
            guard coveredAtEnd || coveredAtStart else { throw OversightRefusal.outsideScope }
            var programme = try await store.oversightProgramme(of: organization, conductor: conductor, year: year)
            programme.items.append(item)
            // NB: the whole programme is checked again, so every item's subjects are read.
            let subjects = programme.items.flatMap(\.subjects)
            let named = Set(subjects.compactMap { if case .organization(let id) = $0 { id } else { nil } }).union([organization])
            let tree = try await store.organizationsWithAncestors(of: named)
            let members = Set(subjects.compactMap { if case .member(let id) = $0 { id } else { nil } })
            let known = try await store.memberNames(of: members)
            if let violation = programme.violations(in: tree, isKnownMember: { known[$0] != nil }).first {
                throw OversightRefusal("", violation.message)
            }
            let id: Int
            if let existing = try await store.programmeID(organization, conductor, year, on: store.sql) {
                id = existing
            } else {
                id = try await Self.nextID(in: "oversight_programmes", on: store.sql)
                try await store.sql.raw("""
                    INSERT INTO oversight_programmes (id, conductor_id, conductor, year)
                    VALUES (\(bind: id), \(bind: organization.rawValue), \(bind: conductor.rawValue), \(bind: year))
                    """).run()
            }
            let seq = programme.items.count - 1
            let (kind, number) = Self.columns(item.planned)
            try await store.sql.raw("""
                INSERT INTO oversight_programme_items (programme_id, seq, content, activity, mode, period_kind, period_number, case_ref)
                VALUES (\(bind: id), \(bind: seq), \(bind: item.content), \(bind: item.activity.rawValue), \(bind: item.mode.rawValue),
                    \(bind: kind), \(bind: number), \(bind: item.caseReference))
                """).run()
            for subject in item.subjects {
                let (organization, member) = Self.columns(subject)
                try await store.sql.raw("""
                    INSERT INTO oversight_programme_subjects (programme_id, seq, organization_id, member_id)
                    VALUES (\(bind: id), \(bind: seq), \(bind: organization), \(bind: member))
                    """).run()
            }
            _ = try await Self.appendAudit(AuditRecord(
                actor: actor, action: "oversight.programme", summary: "Ghi nội dung chương trình kiểm tra, giám sát",
                details: ["programme": "\(id)", "item": "\(seq)", "organization": "\(organization.rawValue)", "year": "\(year)"],
                recordedAt: Date()), on: store.database)
        }
    }

    /// Opens `oversightCase` (its reference made from the conductor and the day when empty) with its team and, when the
    /// case passes a decision, the decision's step, in a locked, audited write: the conductor in `scope` on the first
    /// day, Core's rules of the case and of its progress, and — for a thematic supervision, which only a programme
    /// carries — the programme item `item` (its index in the programme of the case's conductor and year), which then
    /// names the case. Returns the reference.
    public func openCase(_ oversightCase: OversightCase, team: [MemberID], leader: MemberID?, decision: OversightStep?,
                         programmeItem item: Int?, in scope: Scope, actor: String) async throws -> String {
        try await writing { store in
            var recorded = oversightCase
            guard try await store.covers(scope, recorded.conductorOrganization, on: recorded.started) else { throw OversightRefusal.outsideScope }
            let named = Set(recorded.subjects.compactMap { if case .organization(let id) = $0 { id } else { nil } })
                .union([recorded.conductorOrganization])
            let tree = try await store.organizationsWithAncestors(of: named)
            let members = Set(recorded.subjects.compactMap { if case .member(let id) = $0 { id } else { nil } }).union(team)
            let known = try await store.memberNames(of: members)
            if let violation = recorded.violations(in: tree, isKnownMember: { known[$0] != nil }).first {
                let field = switch violation.field {
                case .conductorOrganization: "to-chuc"
                case .started: "ngay-bat-dau"
                case .ended: ""
                case .subjectOrganization, .subjectMember, .subjects: "doi-tuong"
                }
                throw OversightRefusal(field, violation.message)
            }
            if recorded.reference.isEmpty {
                let stem = "\(recorded.activity == .inspection ? "KT" : "GS")-\(tree[recorded.conductorOrganization]?.code ?? "")-\(recorded.started.iso)"
                let taken = Set(try await store.sql.raw("SELECT case_ref FROM oversight_cases WHERE case_ref LIKE \(bind: stem + "%")")
                    .all().map { try $0.decode(column: "case_ref", as: String.self) })
                recorded.reference = taken.contains(stem) ? (2...).lazy.map { "\(stem)-\($0)" }.first { !taken.contains($0) }! : stem
            } else if try await store.sql.raw("SELECT 1 AS x FROM oversight_cases WHERE case_ref = \(bind: recorded.reference)").first() != nil {
                throw OversightRefusal("ma", "Đã có cuộc kiểm tra, giám sát mã \(recorded.reference).")
            }
            // The programme: a thematic supervision is carried by an item of its conductor's programme of the year.
            var programme = try await store.oversightProgramme(of: recorded.conductorOrganization, conductor: recorded.conductor,
                                                               year: recorded.started.year)
            if let item {
                guard programme.items.indices.contains(item), programme.items[item].caseReference == nil else {
                    throw OversightRefusal("noi-dung", "Nội dung này không có trong chương trình, hoặc đã được tiến hành.")
                }
                guard programme.items[item].activity == recorded.activity, programme.items[item].mode == recorded.mode else {
                    throw OversightRefusal("noi-dung", "Cuộc này khác hoạt động, hình thức của nội dung trong chương trình.")
                }
                programme.items[item].caseReference = recorded.reference
            }
            do {
                try recorded.validateProgramme([programme])
            } catch let violation as NotInProgrammeViolation {
                throw OversightRefusal("noi-dung", violation.message)
            }
            let progress = OversightProgress(caseReference: recorded.reference, steps: decision.map { [$0] } ?? [], team: team,
                                             teamLeader: leader)
            if let violation = progress.violations(of: recorded, isKnownMember: { known[$0] != nil }).first {
                throw OversightRefusal(Self.field(violation), violation.message)
            }
            try await Self.insert(cases: [recorded], on: store.sql)
            let id = try await store.caseID(recorded.reference)
            try await store.write(progress: progress, caseID: id)
            if let item, let programmeID = try await store.programmeID(recorded.conductorOrganization, recorded.conductor,
                                                                         recorded.started.year, on: store.sql) {
                try await store.sql.raw("""
                    UPDATE oversight_programme_items SET case_ref = \(bind: recorded.reference)
                    WHERE programme_id = \(bind: programmeID) AND seq = \(bind: item)
                    """).run()
            }
            _ = try await Self.appendAudit(AuditRecord(
                actor: actor, action: "oversight.open", summary: "Mở cuộc \(recorded.activity.vietnamese.lowercased())",
                details: ["case": recorded.reference, "organization": "\(recorded.conductorOrganization.rawValue)",
                          "day": recorded.started.iso], recordedAt: Date()), on: store.database)
            return recorded.reference
        }
    }

    /// Records the next step of the case `reference` in a locked, audited write: at `concluded`, its `outcome`, the
    /// conclusion's text and, for a violation, whether discipline is proposed (the case's outcome and last day are set
    /// with it). Core's rules of the progress are checked with the step (`OversightProgress.violations`).
    public func recordStep(_ step: OversightStep, of reference: String, outcome: OversightOutcome?, conclusion: String,
                           disciplineProposed: Bool?, in scope: Scope, actor: String) async throws {
        try await writing { store in
            guard let found = try await Self.oversightCases(where: "c.case_ref = \(bind: reference)", on: store.sql).first else {
                throw OversightRefusal.unknownCase(reference)
            }
            var oversightCase = found.oversightCase
            guard try await store.covers(scope, oversightCase.conductorOrganization, on: oversightCase.started) else {
                throw OversightRefusal.outsideScope
            }
            let (all, _) = try await store.progressAndTasks(of: [found.id], references: [found.id: reference])
            var progress = all[reference] ?? OversightProgress(caseReference: reference)
            progress.steps.append(step)
            if step.stage == .concluded {
                oversightCase.outcome = outcome
                oversightCase.ended = step.day
                progress.conclusion = conclusion
                progress.disciplineProposed = outcome == .violation ? disciplineProposed ?? false : nil
            }
            if let violation = progress.violations(of: oversightCase, isKnownMember: { _ in true }).first {
                throw OversightRefusal(Self.field(violation), violation.message)
            }
            try await store.sql.raw("""
                INSERT INTO oversight_steps (case_id, stage, day, document, note)
                VALUES (\(bind: found.id), \(bind: step.stage.rawValue), \(bind: step.day.yyyymmdd), \(bind: step.document), \(bind: step.note))
                """).run()
            if step.stage == .concluded {
                try await store.sql.raw("""
                    UPDATE oversight_cases SET outcome = \(bind: outcome?.rawValue), ended_on = \(bind: step.day.yyyymmdd)
                    WHERE id = \(bind: found.id)
                    """).run()
                try await store.sql.raw("""
                    UPDATE oversight_progress SET conclusion = \(bind: conclusion), discipline_proposed = \(bind: progress.disciplineProposed)
                    WHERE case_id = \(bind: found.id)
                    """).run()
            }
            _ = try await Self.appendAudit(AuditRecord(
                actor: actor, action: "oversight.step", summary: "Ghi bước \(step.stage.vietnamese.lowercased())",
                details: ["case": reference, "stage": step.stage.rawValue, "day": step.day.iso], recordedAt: Date()), on: store.database)
        }
    }

    /// Adds a follow-up task to its case, or marks the task `id` done on `done`, in a locked, audited write, checked by
    /// Core's rules (`FollowUpTask.violations`).
    public func recordFollowUp(_ task: FollowUpTask, id: Int? = nil, in scope: Scope, actor: String) async throws {
        try await writing { store in
            guard let found = try await Self.oversightCases(where: "c.case_ref = \(bind: task.caseReference)", on: store.sql).first else {
                throw OversightRefusal.unknownCase(task.caseReference)
            }
            guard try await store.covers(scope, found.oversightCase.conductorOrganization, on: found.oversightCase.started) else {
                throw OversightRefusal.outsideScope
            }
            let (all, tasks) = try await store.progressAndTasks(of: [found.id], references: [found.id: task.caseReference])
            if let violation = task.violations(of: found.oversightCase, progress: all[task.caseReference]).first {
                throw OversightRefusal(violation.field == .due ? "han" : violation.field == .done ? "ngay-xong" : "nhiem-vu", violation.message)
            }
            if let id {
                guard tasks[found.id]?.contains(where: { $0.id == id }) == true else { throw OversightRefusal("", "Không có nhiệm vụ này.") }
                try await store.sql.raw("UPDATE follow_up_tasks SET done_on = \(bind: task.done?.yyyymmdd) WHERE id = \(bind: id)").run()
            } else {
                let next = try await Self.nextID(in: "follow_up_tasks", on: store.sql)
                let (organization, member) = Self.columns(task.responsible)
                try await store.sql.raw("""
                    INSERT INTO follow_up_tasks (id, case_id, text, organization_id, member_id, due_on, done_on)
                    VALUES (\(bind: next), \(bind: found.id), \(bind: task.text), \(bind: organization), \(bind: member),
                        \(bind: task.due.yyyymmdd), \(bind: task.done?.yyyymmdd))
                    """).run()
            }
            _ = try await Self.appendAudit(AuditRecord(
                actor: actor, action: id == nil ? "oversight.followUp" : "oversight.followUpDone",
                summary: id == nil ? "Ghi nhiệm vụ khắc phục" : "Ghi hoàn thành nhiệm vụ khắc phục",
                details: ["case": task.caseReference, "due": task.due.iso], recordedAt: Date()), on: store.database)
        }
    }

    // MARK: - Rows

    static func field(_ violation: OversightProgressViolation) -> String {
        switch violation.field {
        case .team, .teamLeader: "doan"
        case .outcome, .subjectOutcomes, .disciplineProposed: "ket-qua"
        default: "buoc"
        }
    }

    static func columns(_ subject: OversightSubject) -> (Int?, Int?) {
        switch subject {
        case .organization(let id): (id.rawValue, nil)
        case .member(let id): (nil, id.rawValue)
        }
    }

    static func subject(_ row: any SQLRow) throws -> OversightSubject? {
        if let organization = try row.decode(column: "organization_id", as: Int?.self) { return .organization(OrganizationID(organization)) }
        if let member = try row.decode(column: "member_id", as: Int?.self) { return .member(MemberID(member)) }
        return nil
    }

    private func programmeID(_ organization: OrganizationID, _ conductor: ConductorKind, _ year: Int, on sql: any SQLDatabase) async throws -> Int? {
        try await sql.raw("""
            SELECT id FROM oversight_programmes WHERE conductor_id = \(bind: organization.rawValue)
                AND conductor = \(bind: conductor.rawValue) AND year = \(bind: year)
            """).first()?.decode(column: "id", as: Int.self)
    }

    private func caseID(_ reference: String) async throws -> Int {
        guard let id = try await sql.raw("SELECT id FROM oversight_cases WHERE case_ref = \(bind: reference)").first()?
            .decode(column: "id", as: Int.self) else { throw OversightRefusal.unknownCase(reference) }
        return id
    }

    private func write(progress: OversightProgress, caseID id: Int) async throws {
        try await sql.raw("""
            INSERT INTO oversight_progress (case_id, conclusion, team_leader_id, discipline_proposed)
            VALUES (\(bind: id), \(bind: progress.conclusion), \(bind: progress.teamLeader?.rawValue), \(bind: progress.disciplineProposed))
            """).run()
        for member in progress.team {
            try await sql.raw("INSERT INTO oversight_team (case_id, member_id) VALUES (\(bind: id), \(bind: member.rawValue))").run()
        }
        for step in progress.steps {
            try await sql.raw("""
                INSERT INTO oversight_steps (case_id, stage, day, document, note)
                VALUES (\(bind: id), \(bind: step.stage.rawValue), \(bind: step.day.yyyymmdd), \(bind: step.document), \(bind: step.note))
                """).run()
        }
    }

    /// The cases `condition` selects (on `oversight_cases c`), by id, with their subjects.
    static func oversightCases(where condition: SQLQueryString, on sql: any SQLDatabase) async throws -> [(id: Int, oversightCase: OversightCase)] {
        let rows = try await sql.raw("SELECT c.* FROM oversight_cases c WHERE \(condition) ORDER BY c.id").all()
        guard !rows.isEmpty else { return [] }
        var subjects: [Int: [OversightSubject]] = [:]
        let ids = try rows.map { try $0.decode(column: "id", as: Int.self) }
        for chunk in ids.chunks(of: 1_000) {
            for row in try await sql.raw("""
                SELECT case_id, organization_id, member_id FROM oversight_subjects
                WHERE case_id IN (\(unsafeRaw: chunk.map(String.init).joined(separator: ", ")))
                ORDER BY case_id, organization_id, member_id
                """).all() {
                if let subject = try subject(row) { subjects[try row.decode(column: "case_id", as: Int.self), default: []].append(subject) }
            }
        }
        return try rows.map { row in
            guard let activity = OversightActivity(rawValue: try row.decode(column: "activity", as: String.self)),
                  let mode = OversightMode(rawValue: try row.decode(column: "mode", as: String.self)),
                  let conductor = ConductorKind(rawValue: try row.decode(column: "conductor", as: String.self)) else {
                throw StoreError.unreadable("oversight_cases")
            }
            let id = try row.decode(column: "id", as: Int.self)
            return (id, OversightCase(
                reference: try row.decode(column: "case_ref", as: String.self), activity: activity, mode: mode, conductor: conductor,
                conductorOrganization: OrganizationID(try row.decode(column: "conductor_id", as: Int.self)),
                started: try .stored(try row.decode(column: "started_on", as: Int.self)),
                ended: try row.decode(column: "ended_on", as: Int?.self).map { try Day.stored($0) },
                outcome: try row.decode(column: "outcome", as: String?.self).flatMap(OversightOutcome.init(rawValue:)),
                subjects: subjects[id] ?? []))
        }
    }

    /// The progress (by case reference) and the tasks (by case id, with their ids) of the cases `ids`.
    func progressAndTasks(of ids: [Int], references: [Int: String]) async throws
        -> (progress: [String: OversightProgress], tasks: [Int: [(id: Int, task: FollowUpTask)]]) {
        try await Self.progressAndTasks(of: ids, references: references, on: reader)
    }

    static func progressAndTasks(of ids: [Int], references: [Int: String], on reader: any SQLDatabase) async throws
        -> (progress: [String: OversightProgress], tasks: [Int: [(id: Int, task: FollowUpTask)]]) {
        var progress: [String: OversightProgress] = [:], tasks: [Int: [(id: Int, task: FollowUpTask)]] = [:]
        for chunk in ids.chunks(of: 1_000) {
            let list = chunk.map(String.init).joined(separator: ", ")
            for row in try await reader.raw("SELECT * FROM oversight_progress WHERE case_id IN (\(unsafeRaw: list))").all() {
                let id = try row.decode(column: "case_id", as: Int.self)
                guard let reference = references[id] else { continue }
                progress[reference] = OversightProgress(
                    caseReference: reference, conclusion: try row.decode(column: "conclusion", as: String.self),
                    teamLeader: try row.decode(column: "team_leader_id", as: Int?.self).map(MemberID.init(rawValue:)),
                    disciplineProposed: try row.decode(column: "discipline_proposed", as: Bool?.self))
            }
            for row in try await reader.raw("SELECT case_id, member_id FROM oversight_team WHERE case_id IN (\(unsafeRaw: list)) ORDER BY member_id").all() {
                guard let reference = references[try row.decode(column: "case_id", as: Int.self)] else { continue }
                progress[reference, default: OversightProgress(caseReference: reference)].team
                    .append(MemberID(try row.decode(column: "member_id", as: Int.self)))
            }
            for row in try await reader.raw("SELECT * FROM oversight_steps WHERE case_id IN (\(unsafeRaw: list)) ORDER BY day").all() {
                guard let reference = references[try row.decode(column: "case_id", as: Int.self)],
                      let stage = OversightStage(rawValue: try row.decode(column: "stage", as: String.self)) else { continue }
                progress[reference, default: OversightProgress(caseReference: reference)].steps.append(OversightStep(
                    stage, on: try .stored(try row.decode(column: "day", as: Int.self)),
                    document: try row.decode(column: "document", as: String?.self), note: try row.decode(column: "note", as: String.self)))
            }
            for row in try await reader.raw("SELECT * FROM follow_up_tasks WHERE case_id IN (\(unsafeRaw: list)) ORDER BY due_on, id").all() {
                let id = try row.decode(column: "case_id", as: Int.self)
                guard let reference = references[id], let responsible = try Self.subject(row) else { continue }
                tasks[id, default: []].append((try row.decode(column: "id", as: Int.self), FollowUpTask(
                    caseReference: reference, text: try row.decode(column: "text", as: String.self), responsible: responsible,
                    due: try .stored(try row.decode(column: "due_on", as: Int.self)),
                    done: try row.decode(column: "done_on", as: Int?.self).map { try Day.stored($0) })))
            }
        }
        // NB: steps of one day come in the order of their stages.
        for (reference, value) in progress {
            progress[reference]?.steps = value.steps.sorted { ($0.day, $0.stage) < ($1.day, $1.stage) }
        }
        return (progress, tasks)
    }

    private func lines(_ cases: [(id: Int, oversightCase: OversightCase)]) async throws -> [OversightCaseLine] {
        guard !cases.isEmpty else { return [] }
        let (progress, tasks) = try await progressAndTasks(of: cases.map(\.id), references: Dictionary(
            uniqueKeysWithValues: cases.map { ($0.id, $0.oversightCase.reference) }))
        var organizations = Set(cases.map(\.oversightCase.conductorOrganization)), members = Set<MemberID>()
        for (_, oversightCase) in cases {
            for subject in oversightCase.subjects {
                switch subject {
                case .organization(let id): organizations.insert(id)
                case .member(let id): members.insert(id)
                }
            }
        }
        let tree = try await organizationsWithAncestors(of: organizations)
        let names = try await memberNames(of: members)
        return cases.map { id, oversightCase in
            OversightCaseLine(
                oversightCase: oversightCase, progress: progress[oversightCase.reference] ?? OversightProgress(caseReference: oversightCase.reference),
                conductorCode: tree[oversightCase.conductorOrganization]?.code ?? "",
                subjectNames: oversightCase.subjects.map { subject in
                    switch subject {
                    case .organization(let id):
                        let organization = tree[id]
                        return "\(organization?.version(on: oversightCase.started)?.name ?? organization?.versions.last?.name ?? "") (\(organization?.code ?? ""))"
                    case .member(let id): return names[id] ?? "#\(id.rawValue)"
                    }
                },
                tasks: tasks[id] ?? [])
        }
    }
}

// MARK: - Bulk rows: the registry's write, load, import and export

extension Store {
    /// The ids of the cases `references` names, by reference.
    static func caseIDs(_ references: some Collection<String>, on sql: any SQLDatabase) async throws -> [String: Int] {
        var ids: [String: Int] = [:]
        for chunk in Array(Set(references)).sorted().chunks(of: 500) {
            let binds: [any Encodable & Sendable] = Array(chunk)
            for row in try await sql.raw("SELECT id, case_ref FROM oversight_cases WHERE case_ref IN (\(binds: binds))").all() {
                ids[try row.decode(column: "case_ref", as: String.self)] = try row.decode(column: "id", as: Int.self)
            }
        }
        return ids
    }

    /// Cases' progress (the case rows written first: joined by reference).
    static func insert(progress: [OversightProgress], on sql: any SQLDatabase) async throws {
        guard !progress.isEmpty else { return }
        let ids = try await caseIDs(progress.map(\.caseReference), on: sql)
        var rows: [[BulkValue]] = [], team: [[BulkValue]] = [], steps: [[BulkValue]] = []
        for value in progress {
            guard let id = ids[value.caseReference] else { throw StoreError.unreadable("oversight_cases.case_ref \(value.caseReference)") }
            rows.append([.int(id), .text(value.conclusion), .int(value.teamLeader?.rawValue),
                         value.disciplineProposed.map { .bool($0) } ?? .null])
            team += value.team.map { [.int(id), .int($0.rawValue)] }
            steps += value.steps.map { [.int(id), .text($0.stage.rawValue), .int($0.day.yyyymmdd), .text($0.document), .text($0.note)] }
        }
        try await insert(into: "oversight_progress", columns: ["case_id", "conclusion", "team_leader_id", "discipline_proposed"],
                         rows: rows, on: sql)
        try await insert(into: "oversight_team", columns: ["case_id", "member_id"], rows: team, on: sql)
        try await insert(into: "oversight_steps", columns: ["case_id", "stage", "day", "document", "note"], rows: steps, on: sql)
    }

    static func insert(tasks: [FollowUpTask], on sql: any SQLDatabase) async throws {
        guard !tasks.isEmpty else { return }
        let ids = try await caseIDs(tasks.map(\.caseReference), on: sql)
        var next = try await nextID(in: "follow_up_tasks", on: sql)
        var rows: [[BulkValue]] = []
        for task in tasks {
            guard let id = ids[task.caseReference] else { throw StoreError.unreadable("oversight_cases.case_ref \(task.caseReference)") }
            let (organization, member) = columns(task.responsible)
            rows.append([.int(next), .int(id), .text(task.text), .int(organization), .int(member), .int(task.due.yyyymmdd),
                         .int(task.done?.yyyymmdd)])
            next += 1
        }
        try await insert(into: "follow_up_tasks", columns: ["id", "case_id", "text", "organization_id", "member_id", "due_on", "done_on"],
                         rows: rows, on: sql)
    }

    static func insert(terms: [CommitteeTerm], on sql: any SQLDatabase) async throws {
        guard !terms.isEmpty else { return }
        var next = try await nextID(in: "committee_terms", on: sql)
        try await insert(into: "committee_terms", columns: ["id", "organization_id", "committee", "name", "start_on", "end_on", "size",
                                                            "decision_number"],
                         rows: terms.map { term in
                             defer { next += 1 }
                             return [.int(next), .int(term.organization.rawValue), .text(term.committee.rawValue), .text(term.name),
                                     .int(term.validity.start.yyyymmdd), .int(Day.stored(end: term.validity.end)), .int(term.size),
                                     .text(term.decision?.number ?? "")]
                         }, on: sql)
    }

    /// Every term, by id.
    static func loadTerms(on sql: any SQLDatabase) async throws -> [CommitteeTerm] {
        try await sql.raw("SELECT * FROM committee_terms ORDER BY id").all().map { row in
            guard let committee = CommitteeKind(rawValue: try row.decode(column: "committee", as: String.self)) else {
                throw StoreError.unreadable("committee_terms.committee")
            }
            return CommitteeTerm(
                organization: OrganizationID(try row.decode(column: "organization_id", as: Int.self)), committee: committee,
                name: try row.decode(column: "name", as: String.self),
                validity: try .stored(from: try row.decode(column: "start_on", as: Int.self), to: try row.decode(column: "end_on", as: Int.self)),
                size: try row.decode(column: "size", as: Int?.self),
                decision: decision(number: try row.decode(column: "decision_number", as: String.self), date: nil, issuer: ""))
        }
    }

    /// The progress of the cases that have some, and every follow-up task, in the cases' order.
    func loadProgressAndTasks() async throws -> (progress: [OversightProgress], tasks: [FollowUpTask]) {
        var references: [Int: String] = [:]
        for row in try await reader.raw("SELECT id, case_ref FROM oversight_cases ORDER BY id").all() {
            references[try row.decode(column: "id", as: Int.self)] = try row.decode(column: "case_ref", as: String.self)
        }
        let ids = references.keys.sorted()
        let (progress, tasks) = try await progressAndTasks(of: ids, references: references)
        let order = Dictionary(uniqueKeysWithValues: ids.map { (references[$0]!, $0) })
        return (progress.values.sorted { order[$0.caseReference]! < order[$1.caseReference]! },
                ids.flatMap { tasks[$0]?.map(\.task) ?? [] })
    }
}
