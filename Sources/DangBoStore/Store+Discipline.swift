import DangBoCore
import Foundation
import SQLKit

/// Why a disciplinary decision was not recorded besides the party rules (`DisciplineViolation`), in Vietnamese.
public enum DisciplineRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    /// The deciding organization is not in the caller's scope on the decision day.
    case outsideScope
    case referenceTaken(String)
    /// An appeal names a decision the registry does not hold.
    case unknownDecision(String)
    case rules([DisciplineViolation])

    public var description: String {
        switch self {
        case .outsideScope: "Tổ chức quyết định kỷ luật không thuộc phạm vi tài khoản của bạn vào ngày quyết định."
        case .referenceTaken(let reference): "Đã có quyết định kỷ luật mã \(reference)."
        case .unknownDecision(let reference): "Không có quyết định kỷ luật mã \(reference)."
        case .rules(let violations): violations.map(\.message).joined(separator: " ")
        }
    }
}

/// A disciplinary decision as the discipline page lists it: the decision, the subject's name and code, the deciding
/// organization's code.
public struct DisciplineLine: Hashable, Sendable {
    public var decision: DisciplineDecision
    /// The member's full name, or the organization's name.
    public var subjectName: String
    /// The organization's code, or the member's cell on the decision day ("" when unknown).
    public var subjectCode: String
    public var decidingCode: String
}

extension Store {
    /// Up to this many organizations in its subtree over the period, a scope reads its decisions from its
    /// organizations (M0028) rather than from the period's decisions of the nation: decisions are rare (a
    /// grassroots organization sees a few in a term), so past a few thousand organizations the nation's decisions of a
    /// quarter are the fewer rows to read.
    static let disciplineFromTheSubtreeLimit = 2_000

    /// The decisions (`d`) effective from `from` through `to` whose deciding organization lies in `root`'s subtree on
    /// the effective day, as the text after FROM; from the subtree by `startFromSubtree`, or when nil by
    /// `disciplineFromTheSubtreeLimit`.
    private func decisionsEffective(in root: OrganizationID, from: Day, to: Day, startFromSubtree: Bool?) async throws
        -> SQLQueryString {
        let subtreeFirst: Bool
        if let startFromSubtree {
            subtreeFirst = startFromSubtree
        } else {
            subtreeFirst = try await subtree(of: root, from: from, to: to, holdsAtMost: Self.disciplineFromTheSubtreeLimit)
        }
        return Self.rows(of: "discipline_decisions", as: "d", organization: "deciding_organization_id", day: "effective_on",
                         within: root, from: from, to: to, subtreeFirst: subtreeFirst)
    }

    /// `Review.discipline` in SQL: the twin of `DisciplineFigures(of:from:to:decisions:tree:)` — decisions effective in
    /// the period whose deciding organization lies in `root`'s subtree on the effective day, each subject once per
    /// sanction.
    public func disciplineFigures(of root: OrganizationID, from: Day, to: Day) async throws -> DisciplineFigures {
        try await disciplineFigures(of: root, from: from, to: to, startFromSubtree: nil)
    }

    /// `startFromSubtree` forces one of the two plans (tests hold both equal to Core); nil chooses by the subtree's size.
    func disciplineFigures(of root: OrganizationID, from: Day, to: Day, startFromSubtree: Bool?) async throws -> DisciplineFigures {
        var figures = DisciplineFigures()
        for (sanction, isMember, n) in try await reader.rows("""
            SELECT d.sanction, CASE WHEN d.subject_member_id IS NULL THEN 0 ELSE 1 END,
                COUNT(DISTINCT COALESCE(d.subject_member_id, d.subject_organization_id))
            FROM \(try await decisionsEffective(in: root, from: from, to: to, startFromSubtree: startFromSubtree))
            GROUP BY d.sanction, CASE WHEN d.subject_member_id IS NULL THEN 0 ELSE 1 END
            """, as: (String, Int, Int).self) {
            guard let sanction = Sanction(rawValue: sanction) else { throw StoreError.unreadable("discipline_decisions.sanction") }
            if isMember == 1 {
                figures.members[sanction] = n
            } else {
                figures.organizations[sanction] = n
            }
        }
        return figures
    }

    /// The decisions effective from `from` through `to` whose deciding organization lies in `root`'s subtree on the
    /// effective day (the decisions `disciplineFigures` counts), latest first, when `root` lies in `scope` on `to`.
    public func disciplineLines(of root: OrganizationID, from: Day, to: Day, in scope: Scope) async throws -> [DisciplineLine] {
        try await disciplineLines(of: root, from: from, to: to, in: scope, startFromSubtree: nil)
    }

    /// `startFromSubtree` forces one of the two plans (tests hold both equal); nil chooses by the subtree's size.
    func disciplineLines(of root: OrganizationID, from: Day, to: Day, in scope: Scope, startFromSubtree: Bool?) async throws
        -> [DisciplineLine] {
        guard try await covers(scope, root, on: to) else { return [] }
        let decisions = try await Self.disciplines(where: """
            d.id IN (SELECT d.id FROM \(try await decisionsEffective(in: root, from: from, to: to, startFromSubtree: startFromSubtree)))
            """, on: reader)
        return try await lines(decisions).sorted { ($0.decision.effective, $0.decision.reference) > ($1.decision.effective, $1.decision.reference) }
    }

    /// The decisions about `member`, oldest first.
    public func disciplineLines(of member: MemberID) async throws -> [DisciplineLine] {
        try await lines(try await Self.disciplines(where: "d.subject_member_id = \(literal: member.rawValue)", on: reader))
    }

    private func lines(_ decisions: [DisciplineDecision]) async throws -> [DisciplineLine] {
        var organizations = Set(decisions.map(\.decidingOrganization)), members = Set<MemberID>()
        for decision in decisions {
            switch decision.subject {
            case .organization(let id): organizations.insert(id)
            case .member(let id): members.insert(id)
            }
        }
        let names = try await memberNames(of: members)
        let tree = try await organizationsWithAncestors(of: organizations)
        var cells: [String: String] = [:]
        for decision in decisions {
            guard case .member(let id) = decision.subject else { continue }
            let d = decision.decided.yyyymmdd
            cells[decision.reference] = try await reader.raw("""
                SELECT o.code AS code FROM membership_periods p JOIN organizations o ON o.id = p.cell_id
                WHERE p.member_id = \(literal: id.rawValue) AND p.valid_from <= \(literal: d) AND p.valid_to > \(literal: d)
                """).first()?.decode(column: "code", as: String.self)
        }
        return decisions.map { decision in
            let deciding = tree[decision.decidingOrganization]?.code ?? ""
            switch decision.subject {
            case .organization(let id):
                let organization = tree[id]
                let name = organization?.version(on: decision.offenceCommitted)?.name ?? organization?.versions.last?.name ?? ""
                return DisciplineLine(decision: decision, subjectName: name, subjectCode: organization?.code ?? "", decidingCode: deciding)
            case .member(let id):
                return DisciplineLine(decision: decision, subjectName: names[id] ?? "#\(id.rawValue)",
                                      subjectCode: cells[decision.reference] ?? "", decidingCode: deciding)
            }
        }
    }

    /// Records `decision` (its reference made from the deciding organization and the day when empty) in a locked,
    /// audited write, after checking inside it that the deciding organization lies in `scope` on the decision day and
    /// every rule of Core's (`DisciplineDecision.violations`: days, subject, sanction allowed, limitation, appeals)
    /// against the records it depends on, read in the lock: the subject's periods and seats, the organizations named.
    /// Its effect is written with it: an expulsion's `expelled` event (the journal checked again by Core), a
    /// dissolution (the tree change, with its own rules). Returns the reference.
    public func recordDiscipline(_ decision: DisciplineDecision, in scope: Scope, actor: String) async throws -> String {
        try await writing { store in
            guard try await store.covers(scope, decision.decidingOrganization, on: decision.decided) else {
                throw DisciplineRefusal.outsideScope
            }
            var recorded = decision
            var named: Set<OrganizationID> = [decision.decidingOrganization]
            var periods: [MembershipPeriod] = [], seats: [CommitteeSeat] = [], name = "", known = false
            switch decision.subject {
            case .organization(let id):
                named.insert(id)
            case .member(let id):
                if let row = try await store.sql.raw("SELECT full_name FROM members WHERE id = \(literal: id.rawValue)").first() {
                    known = true
                    name = try row.decode(column: "full_name", as: String.self)
                }
                periods = try await store.storedPeriods(of: [id])
                named.formUnion(periods.map(\.cell))
                seats = try await store.seats(heldBy: id)
            }
            let tree = try await store.organizationsWithAncestors(of: named)
            let violations = decision.violations(in: tree, isKnownMember: { _ in known }, subjectPeriods: periods, seats: seats,
                                                 memberName: name)
            guard violations.isEmpty else { throw DisciplineRefusal.rules(violations) }
            if recorded.reference.isEmpty {
                let stem = "KL-\(tree[decision.decidingOrganization]?.code ?? "")-\(decision.decided.iso)"
                let taken = Set(try await store.sql.raw("""
                    SELECT decision_ref FROM discipline_decisions WHERE decision_ref LIKE \(bind: stem + "%")
                    """).all().map { try $0.decode(column: "decision_ref", as: String.self) })
                recorded.reference = taken.contains(stem) ? (2...).lazy.map { "\(stem)-\($0)" }.first { !taken.contains($0) }! : stem
            } else if try await store.sql.raw("""
                SELECT 1 AS x FROM discipline_decisions WHERE decision_ref = \(bind: recorded.reference)
                """).first() != nil {
                throw DisciplineRefusal.referenceTaken(recorded.reference)
            }
            switch recorded.effect {
            case .membershipEvent(let event):
                try await store.recordEvent(event, in: scope, actor: actor)
            case .organizationChange(let change, let day):
                try await store.changeTree(change, on: day, in: scope, actor: actor, decision: recorded.decision)
            case nil:
                break
            }
            try await Self.insert(disciplines: [recorded], on: store.sql)
            _ = try await Self.appendAudit(AuditRecord(
                actor: actor, action: "discipline.record", summary: "Ghi quyết định kỷ luật \(recorded.sanction.vietnamese.lowercased())",
                details: ["decision": recorded.reference, "organization": "\(recorded.decidingOrganization.rawValue)",
                          "sanction": recorded.sanction.rawValue, "day": recorded.decided.iso], recordedAt: Date()), on: store.database)
            return recorded.reference
        }
    }

    /// The committee seats `member` ever held (their recorded days).
    func seats(heldBy member: MemberID) async throws -> [CommitteeSeat] { try await Self.seats(heldBy: [member], on: reader) }

    /// The committee seats `members` hold or held, as stored, a thousand holders to a query.
    static func seats(heldBy members: [MemberID], on sql: any SQLDatabase) async throws -> [CommitteeSeat] {
        var seats: [CommitteeSeat] = []
        for chunk in members.map(\.rawValue).chunks(of: 1_000) {
            seats += try await sql.raw("""
                SELECT organization_id, committee, member_id, position, source, start_on, end_on FROM committee_seats
                WHERE member_id IN (\(unsafeRaw: chunk.map(String.init).joined(separator: ", ")))
                ORDER BY member_id, organization_id, committee, start_on
                """).all().map { row in
                guard let committee = CommitteeKind(rawValue: try row.decode(column: "committee", as: String.self)),
                      let position = Position(rawValue: try row.decode(column: "position", as: String.self)),
                      let source = SeatSource(rawValue: try row.decode(column: "source", as: String.self)) else {
                    throw StoreError.unreadable("committee_seats")
                }
                return CommitteeSeat(organization: OrganizationID(try row.decode(column: "organization_id", as: Int.self)),
                                     committee: committee, member: MemberID(try row.decode(column: "member_id", as: Int.self)),
                                     position: position, source: source,
                                     validity: try .stored(from: try row.decode(column: "start_on", as: Int.self),
                                                           to: try row.decode(column: "end_on", as: Int.self)))
            }
        }
        return seats
    }

    // MARK: - Rows

    /// Decisions with their appeals, numbered after the last.
    static func insert(disciplines: [DisciplineDecision], on sql: any SQLDatabase) async throws {
        guard !disciplines.isEmpty else { return }
        var nextID = try await nextID(in: "discipline_decisions", on: sql)
        var rows: [[BulkValue]] = [], appealRows: [[BulkValue]] = []
        for decision in disciplines {
            var organization: Int?, member: Int?
            switch decision.subject {
            case .organization(let id): organization = id.rawValue
            case .member(let id): member = id.rawValue
            }
            rows.append([
                .int(nextID), .text(decision.reference), .int(organization), .int(member), .text(decision.sanction.rawValue),
                .int(decision.decidingOrganization.rawValue), .text(decision.decidingBody.rawValue), .int(decision.offenceCommitted.yyyymmdd),
                .int(decision.offenceEnded?.yyyymmdd), .text(decision.laterOffences.map(\.iso).joined(separator: ",")),
                .text(decision.offenceWithoutLimit?.rawValue),
                .text(decision.postponements.map { "\($0.start.iso)..\($0.end?.iso ?? "")" }.joined(separator: ",")),
                .int(decision.decided.yyyymmdd), .int(decision.effective.yyyymmdd), .int(decision.received?.yyyymmdd),
                .text(decision.decision?.number ?? ""), .int(decision.decision?.date?.yyyymmdd), .text(decision.decision?.issuer ?? ""),
                .text(decision.oversightCase),
            ])
            for (seq, appeal) in decision.appeals.enumerated() {
                let (outcome, reduced): (String, String?) = switch appeal.outcome {
                case .pending: ("pending", nil)
                case .upheld: ("upheld", nil)
                case .reduced(let sanction, _): ("reduced", sanction.rawValue)
                case .annulled: ("annulled", nil)
                }
                appealRows.append([.int(nextID), .int(seq), .int(appeal.lodged.yyyymmdd), .text(outcome), .int(appeal.decided?.yyyymmdd),
                                   .text(reduced)])
            }
            nextID += 1
        }
        try await insert(into: "discipline_decisions", columns: [
            "id", "decision_ref", "subject_organization_id", "subject_member_id", "sanction", "deciding_organization_id",
            "deciding_body", "offence_on", "offence_ended_on", "later_offences", "offence_without_limit", "postponements",
            "decided_on", "effective_on", "received_on", "decision_number", "decision_date", "decision_issuer", "case_ref",
        ], rows: rows, on: sql)
        try await insert(into: "discipline_appeals", columns: ["decision_id", "seq", "lodged_on", "outcome", "outcome_on", "reduced_to"],
                         rows: appealRows, on: sql)
    }

    /// The decisions `condition` selects (on `discipline_decisions d`), by id, with their appeals.
    static func disciplines(where condition: SQLQueryString, on sql: any SQLDatabase) async throws -> [DisciplineDecision] {
        let rows = try await sql.raw("SELECT d.* FROM discipline_decisions d WHERE \(condition) ORDER BY d.id").all()
        guard !rows.isEmpty else { return [] }
        var appeals: [Int: [DisciplineAppeal]] = [:]
        let ids = try rows.map { try $0.decode(column: "id", as: Int.self) }
        for chunk in ids.chunks(of: 1_000) {
            for row in try await sql.raw("""
                SELECT decision_id, seq, lodged_on, outcome, outcome_on, reduced_to FROM discipline_appeals
                WHERE decision_id IN (\(unsafeRaw: chunk.map(String.init).joined(separator: ", "))) ORDER BY decision_id, seq
                """).all() {
                let on = try row.decode(column: "outcome_on", as: Int?.self).map { try Day.stored($0) }
                let outcome: DisciplineAppeal.Outcome
                switch (try row.decode(column: "outcome", as: String.self), on) {
                case ("pending", _): outcome = .pending
                case ("upheld", let day?): outcome = .upheld(on: day)
                case ("annulled", let day?): outcome = .annulled(on: day)
                case ("reduced", let day?):
                    guard let sanction = try row.decode(column: "reduced_to", as: String?.self).flatMap(Sanction.init(rawValue:)) else {
                        throw StoreError.unreadable("discipline_appeals.reduced_to")
                    }
                    outcome = .reduced(to: sanction, on: day)
                default: throw StoreError.unreadable("discipline_appeals.outcome")
                }
                appeals[try row.decode(column: "decision_id", as: Int.self), default: []]
                    .append(DisciplineAppeal(lodged: try .stored(try row.decode(column: "lodged_on", as: Int.self)), outcome: outcome))
            }
        }
        return try rows.map { row in
            guard let sanction = Sanction(rawValue: try row.decode(column: "sanction", as: String.self)),
                  let body = DecidingBody(rawValue: try row.decode(column: "deciding_body", as: String.self)) else {
                throw StoreError.unreadable("discipline_decisions")
            }
            let subject: DisciplineSubject
            if let member = try row.decode(column: "subject_member_id", as: Int?.self) {
                subject = .member(MemberID(member))
            } else if let organization = try row.decode(column: "subject_organization_id", as: Int?.self) {
                subject = .organization(OrganizationID(organization))
            } else {
                throw StoreError.unreadable("discipline_decisions.subject")
            }
            func day(_ column: String) throws -> Day? { try row.decode(column: column, as: Int?.self).map { try Day.stored($0) } }
            let later = try row.decode(column: "later_offences", as: String.self).split(separator: ",").map { text in
                guard let day = Day(iso: String(text)) else { throw StoreError.unreadable("discipline_decisions.later_offences") }
                return day
            }
            let postponements = try row.decode(column: "postponements", as: String.self).split(separator: ",").map { text in
                let parts = text.split(separator: ".", omittingEmptySubsequences: false)
                let end = Day(iso: String(parts.last ?? ""))
                guard parts.count == 3, let start = Day(iso: String(parts[0])), end.map({ $0 >= start }) ?? true else {
                    throw StoreError.unreadable("discipline_decisions.postponements")
                }
                return DayRange(start: start, end: end)
            }
            let number = try row.decode(column: "decision_number", as: String.self)
            let decisionDate = try day("decision_date")
            return DisciplineDecision(
                reference: try row.decode(column: "decision_ref", as: String.self), subject: subject, sanction: sanction,
                decidingOrganization: OrganizationID(try row.decode(column: "deciding_organization_id", as: Int.self)),
                decidingBody: body, offenceCommitted: try .stored(try row.decode(column: "offence_on", as: Int.self)),
                offenceEnded: try day("offence_ended_on"), laterOffences: later,
                offenceWithoutLimit: try row.decode(column: "offence_without_limit", as: String?.self).flatMap(OffenceWithoutLimit.init(rawValue:)),
                postponements: postponements, decided: try .stored(try row.decode(column: "decided_on", as: Int.self)),
                effective: try day("effective_on"), received: try day("received_on"),
                decision: number.isEmpty && decisionDate == nil ? nil
                    : Decision(number: number, date: decisionDate, issuer: try row.decode(column: "decision_issuer", as: String.self)),
                oversightCase: try row.decode(column: "case_ref", as: String?.self),
                appeals: appeals[try row.decode(column: "id", as: Int.self)] ?? [])
        }
    }
}

extension Store {
    /// Adds `appeal` to the decision `reference` in a locked, audited write, when its deciding organization lies in
    /// `scope` on the decision day and the appeals keep Core's rules (`DisciplineDecision.violations`, the appeals'):
    /// lodged within the month after the decision (or the previous appeal's outcome), a reduction lighter and allowed.
    /// A pending appeal is decided by giving it again, with its lodging day and the outcome. An annulled expulsion is
    /// not undone here: the member's restoration is its own event (`restored`).
    public func recordAppeal(_ appeal: DisciplineAppeal, to reference: String, in scope: Scope, actor: String) async throws {
        try await writing { store in
            guard let row = try await store.sql.raw("SELECT id FROM discipline_decisions WHERE decision_ref = \(bind: reference)").first(),
                  var decision = try await Self.disciplines(where: "d.decision_ref = \(bind: reference)", on: store.sql).first else {
                throw DisciplineRefusal.unknownDecision(reference)
            }
            guard try await store.covers(scope, decision.decidingOrganization, on: decision.decided) else { throw DisciplineRefusal.outsideScope }
            // NB: the outcome of a pending appeal is recorded by naming it again (its lodging day) with the outcome.
            let deciding = decision.appeals.last.map { $0.outcome == .pending && $0.lodged == appeal.lodged } ?? false
            if deciding { decision.appeals[decision.appeals.count - 1] = appeal } else { decision.appeals.append(appeal) }
            var periods: [MembershipPeriod] = [], seats: [CommitteeSeat] = []
            var named: Set<OrganizationID> = [decision.decidingOrganization]
            switch decision.subject {
            case .organization(let id): named.insert(id)
            case .member(let id):
                periods = try await store.storedPeriods(of: [id])
                named.formUnion(periods.map(\.cell))
                seats = try await store.seats(heldBy: id)
            }
            let tree = try await store.organizationsWithAncestors(of: named)
            let violations = decision.violations(in: tree, isKnownMember: { _ in true }, subjectPeriods: periods, seats: seats)
                .filter { $0.field == .appeals }
            guard violations.isEmpty else { throw DisciplineRefusal.rules(violations) }
            let id = try row.decode(column: "id", as: Int.self)
            let (outcome, reduced): (String, String?) = switch appeal.outcome {
            case .pending: ("pending", nil)
            case .upheld: ("upheld", nil)
            case .reduced(let sanction, _): ("reduced", sanction.rawValue)
            case .annulled: ("annulled", nil)
            }
            if deciding {
                try await store.sql.raw("""
                    UPDATE discipline_appeals SET outcome = \(bind: outcome), outcome_on = \(bind: appeal.decided?.yyyymmdd),
                        reduced_to = \(bind: reduced)
                    WHERE decision_id = \(bind: id) AND seq = \(bind: decision.appeals.count - 1)
                    """).run()
            } else {
                try await store.sql.raw("""
                    INSERT INTO discipline_appeals (decision_id, seq, lodged_on, outcome, outcome_on, reduced_to)
                    VALUES (\(bind: id), \(bind: decision.appeals.count - 1), \(bind: appeal.lodged.yyyymmdd), \(bind: outcome),
                        \(bind: appeal.decided?.yyyymmdd), \(bind: reduced))
                    """).run()
            }
            _ = try await Self.appendAudit(AuditRecord(
                actor: actor, action: "discipline.appeal", summary: "Ghi khiếu nại kỷ luật",
                details: ["decision": reference, "outcome": outcome, "lodged": appeal.lodged.iso], recordedAt: Date()), on: store.database)
        }
    }
}
