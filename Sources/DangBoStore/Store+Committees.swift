import DangBoCore
import Foundation
import SQLKit

/// A seat with its holder's name and the day it ends, as `CommitteeSeat.end(holderPeriods:tree:)` finds it: the
/// recorded end, the day its holder left the organization, or the organization's dissolution.
public struct CommitteeSeatLine: Hashable, Sendable {
    public var seat: CommitteeSeat
    public var name: String
    public var end: Day?
    public var endReason: CommitteeSeat.EndReason?

    /// In force on `day`: started, not yet ended.
    public func isInForce(on day: Day) -> Bool { seat.validity.start <= day && end.map { day < $0 } ?? true }
}

/// An organization's committees on a day (issue 11 point 1): its terms, every seat it ever had with the day each ended,
/// the official members it counts that day, and what follows: the seats in force, the vacancies.
public struct CommitteePanel: Sendable {
    public var organization: OrganizationSummary
    public var day: Day
    /// Official members on the rolls of the organization's cells on `day`.
    public var officialMembers: Int
    /// Oldest first.
    public var terms: [CommitteeTerm]
    /// By committee (executive first), then position, start day and holder.
    public var seats: [CommitteeSeatLine]

    /// The seats of `committee` in force on `day`.
    public func inForce(_ committee: CommitteeKind) -> [CommitteeSeatLine] {
        seats.filter { $0.seat.committee == committee && $0.isInForce(on: day) }
    }

    /// The term of `committee` that covers `day`.
    public func term(_ committee: CommitteeKind) -> CommitteeTerm? {
        terms.first { $0.committee == committee && $0.validity.contains(day) }
    }

    /// The seats of `committee` the term decided and nobody holds on `day`; nil when the term's size is not known.
    public func vacancies(_ committee: CommitteeKind) -> Int? {
        term(committee)?.size.map { max(0, $0 - inForce(committee).count) }
    }

    /// The sole position of `committee` (secretary, chair) nobody holds on `day`, when the committee has a term then or
    /// a seat in force.
    public func vacantHead(_ committee: CommitteeKind) -> Position? {
        let head: Position = committee == .executive ? .secretary : .chair
        let seats = inForce(committee)
        guard term(committee) != nil || !seats.isEmpty else { return nil }
        return seats.contains { $0.seat.position == head } ? nil : head
    }

    /// What the composition rules make of the committee on `day`, had it been elected that day: the seats are
    /// checked one by one in their order, each against those before it (a cell that lost members below 9 keeps the
    /// committee it elected; the page only says so).
    public var onDay: CommitteeOnDay {
        CommitteeOnDay(kind: organization.kind, officialMembers: officialMembers,
                       seats: seats.filter { $0.isInForce(on: day) }.map(\.seat), terms: terms)
    }
}

/// Why a committee write was refused, with the form field at fault, in Vietnamese.
public enum CommitteeRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    case outsideScope
    case seat([SeatViolation])
    case term([CommitteeTermViolation])
    case unknownSeat
    /// The end asked is not after the seat's first day, or after its end already.
    case badEnd(start: Day, end: Day?)

    public var description: String {
        switch self {
        case .outsideScope: "Tổ chức đảng này không thuộc phạm vi tài khoản của bạn vào ngày đó."
        case .seat(let violations): violations.map(\.message).joined(separator: " ")
        case .term(let violations): violations.map(\.message).joined(separator: " ")
        case .unknownSeat: "Không có chức danh này."
        case .badEnd(let start, let end):
            "Ngày kết thúc phải sau ngày bắt đầu \(VietnameseFormat.day(start))"
                + (end.map { " và trước ngày kết thúc đã ghi \(VietnameseFormat.day($0))" } ?? "") + "."
        }
    }
}

extension Store {
    /// The committees of `organization` on `day` when it lies in `scope` that day; nil otherwise. Three statements and
    /// the holders' periods.
    public func committeePanel(of organization: OrganizationID, in scope: Scope, on day: Day) async throws -> CommitteePanel? {
        guard let summary = try await self.organization(organization, on: day),
              try await covers(scope, organization, on: day) else { return nil }
        let terms = try await committeeTerms(of: organization)
        let seats = try await committeeSeatLines(of: organization)
        return CommitteePanel(organization: summary, day: day, officialMembers: try await officialMembers(of: organization, on: day),
                              terms: terms, seats: seats)
    }

    /// The official members on the rolls of the cells of `organization`'s subtree on `day`.
    public func officialMembers(of organization: OrganizationID, on day: Day) async throws -> Int {
        let d = day.yyyymmdd
        return try await reader.raw("""
            SELECT COUNT(*) AS n FROM organization_ancestry a JOIN membership_periods p ON p.cell_id = a.descendant_id
            WHERE a.ancestor_id = \(literal: organization.rawValue) AND a.valid_from <= \(literal: d) AND a.valid_to > \(literal: d)
                AND p.valid_from <= \(literal: d) AND p.valid_to > \(literal: d) AND p.standing = 'official'
            """).first()?.decode(column: "n", as: Int.self) ?? 0
    }

    /// The terms of `organization`'s committees, oldest first.
    public func committeeTerms(of organization: OrganizationID) async throws -> [CommitteeTerm] {
        try await reader.raw("""
            SELECT organization_id, committee, name, start_on, end_on, size, decision_number FROM committee_terms
            WHERE organization_id = \(literal: organization.rawValue) ORDER BY start_on, committee
            """).all().map { row in
            guard let committee = CommitteeKind(rawValue: try row.decode(column: "committee", as: String.self)) else {
                throw StoreError.unreadable("committee_terms.committee")
            }
            return CommitteeTerm(
                organization: organization, committee: committee, name: try row.decode(column: "name", as: String.self),
                validity: try .stored(from: try row.decode(column: "start_on", as: Int.self), to: try row.decode(column: "end_on", as: Int.self)),
                size: try row.decode(column: "size", as: Int?.self),
                decision: Self.decision(number: try row.decode(column: "decision_number", as: String.self), date: nil, issuer: ""))
        }
    }

    /// Every seat `organization` ever had, with its holder's name and the day it ended (`CommitteeSeat.end`), sorted by
    /// committee (executive first), position, start day and holder.
    public func committeeSeatLines(of organization: OrganizationID) async throws -> [CommitteeSeatLine] {
        let rows = try await reader.raw("""
            SELECT s.organization_id AS organization_id, s.committee AS committee, s.member_id AS member_id,
                s.position AS position, s.source AS source, s.start_on AS start_on, s.end_on AS end_on,
                s.decision_number AS decision_number, m.full_name AS full_name
            FROM committee_seats s JOIN members m ON m.id = s.member_id
            WHERE s.organization_id = \(literal: organization.rawValue)
            """).all()
        var seats: [(CommitteeSeat, String)] = []
        for row in rows {
            guard let committee = CommitteeKind(rawValue: try row.decode(column: "committee", as: String.self)) else {
                throw StoreError.unreadable("committee_seats.committee")
            }
            guard let position = Position(rawValue: try row.decode(column: "position", as: String.self)) else {
                throw StoreError.unreadable("committee_seats.position")
            }
            guard let source = SeatSource(rawValue: try row.decode(column: "source", as: String.self)) else {
                throw StoreError.unreadable("committee_seats.source")
            }
            seats.append((CommitteeSeat(
                organization: organization, committee: committee,
                member: MemberID(try row.decode(column: "member_id", as: Int.self)), position: position, source: source,
                validity: try .stored(from: try row.decode(column: "start_on", as: Int.self), to: try row.decode(column: "end_on", as: Int.self)),
                decision: Self.decision(number: try row.decode(column: "decision_number", as: String.self), date: nil, issuer: "")),
                try row.decode(column: "full_name", as: String.self)))
        }
        guard !seats.isEmpty else { return [] }
        let periods = Dictionary(grouping: try await storedPeriods(of: Set(seats.map(\.0.member))), by: \.member)
        let tree = try await organizationsWithAncestors(of: Set(periods.values.joined().map(\.cell)).union([organization]))
        let committees = CommitteeKind.allCases, positions = Position.allCases
        return seats.map { seat, name in
            let end = seat.end(holderPeriods: periods[seat.member] ?? [], tree: tree)
            return CommitteeSeatLine(seat: seat, name: name, end: end?.day, endReason: end?.reason)
        }.sorted {
            (committees.firstIndex(of: $0.seat.committee)!, positions.firstIndex(of: $0.seat.position)!, $0.seat.validity.start,
             $0.seat.member.rawValue)
                < (committees.firstIndex(of: $1.seat.committee)!, positions.firstIndex(of: $1.seat.position)!,
                   $1.seat.validity.start, $1.seat.member.rawValue)
        }
    }

    /// The periods of `members`, each member's in the journal's order.
    func storedPeriods(of members: Set<MemberID>) async throws -> [MembershipPeriod] {
        guard !members.isEmpty else { return [] }
        var periods: [MembershipPeriod] = []
        for chunk in members.map(\.rawValue).sorted().chunks(of: 1_000) {
            periods += try await reader.rows("""
                \(unsafeRaw: StoreSink.periodsQuery) (\(unsafeRaw: chunk.map(String.init).joined(separator: ", "))) ORDER BY member_id, step
                """, reading: { try StoreSink.period(from: $0) })
        }
        return periods
    }

    /// `ids` and every organization that was ever above one of them, with all their versions: enough of the tree to
    /// place those organizations on any day.
    func organizationsWithAncestors(of ids: Set<OrganizationID>) async throws -> OrganizationTree {
        guard !ids.isEmpty else { return OrganizationTree() }
        let list = Self.list(ids.sorted())
        let rows = try await reader.raw("""
            SELECT o.id AS id, o.code AS code, v.valid_from AS valid_from, v.valid_to AS valid_to, v.name AS name,
                v.kind AS kind, v.parent_id AS parent_id
            FROM organizations o JOIN organization_versions v ON v.organization_id = o.id
            WHERE o.id IN (\(unsafeRaw: list))
                OR o.id IN (SELECT ancestor_id FROM organization_ancestry WHERE descendant_id IN (\(unsafeRaw: list)))
            ORDER BY o.id, v.valid_from
            """).all()
        var organizations: [OrganizationID: Organization] = [:]
        for row in rows {
            let id = OrganizationID(try row.decode(column: "id", as: Int.self))
            guard let kind = OrganizationKind(rawValue: try row.decode(column: "kind", as: String.self)) else {
                throw StoreError.unreadable("organization_versions.kind")
            }
            let version = OrganizationVersion(
                validity: try .stored(from: try row.decode(column: "valid_from", as: Int.self), to: try row.decode(column: "valid_to", as: Int.self)),
                name: try row.decode(column: "name", as: String.self), kind: kind,
                parent: try row.decode(column: "parent_id", as: Int?.self).map(OrganizationID.init(rawValue:)))
            let code = try row.decode(column: "code", as: String.self)
            organizations[id, default: Organization(id: id, code: code, versions: [])].versions.append(version)
        }
        return OrganizationTree(organizations.values)
    }

    // MARK: - Writes

    /// Records `term` in a locked, audited write, after checking inside it that its organization lies in `scope` on its
    /// first day and the term's rules (`CommitteeTerm.violations`) against the terms already recorded.
    public func recordTerm(_ term: CommitteeTerm, in scope: Scope, actor: String) async throws {
        try await writing { store in
            guard try await store.covers(scope, term.organization, on: term.validity.start) else { throw CommitteeRefusal.outsideScope }
            let tree = try await store.organizationsWithAncestors(of: [term.organization])
            let others = try await store.committeeTerms(of: term.organization)
            var violations = term.violations(in: tree, others: others)
            if others.contains(where: { $0.committee == term.committee && $0.validity.start == term.validity.start }),
               !violations.contains(where: { if case .overlaps = $0.reason { true } else { false } }) {
                let code = tree[term.organization]?.code ?? ""
                violations.append(CommitteeTermViolation(reason: .overlaps(name: term.name, validity: term.validity), term: term,
                                                         organizationCode: code))
            }
            guard violations.isEmpty else { throw CommitteeRefusal.term(violations) }
            let id = try await Self.nextID(in: "committee_terms", on: store.sql)
            try await store.sql.raw("""
                INSERT INTO committee_terms (id, organization_id, committee, name, start_on, end_on, size, decision_number)
                VALUES (\(bind: id), \(bind: term.organization.rawValue), \(bind: term.committee.rawValue), \(bind: term.name),
                    \(bind: term.validity.start.yyyymmdd), \(bind: Day.stored(end: term.validity.end)), \(bind: term.size),
                    \(bind: term.decision?.number ?? ""))
                """).run()
            _ = try await Self.appendAudit(AuditRecord(
                actor: actor, action: "committee.term", summary: "Ghi nhiệm kỳ \(term.committee.vietnamese.lowercased())",
                details: ["term": "\(id)", "organization": "\(term.organization.rawValue)", "committee": term.committee.rawValue,
                          "start": term.validity.start.iso], recordedAt: Date()), on: store.database)
        }
    }

    /// Records `seat` in a locked, audited write, after checking inside it that its organization lies in `scope` on the
    /// first day, the seat's own rules (`CommitteeSeat.violations`: the holder an official member of the organization)
    /// and the composition rules against the committee as it stands that day (`compositionViolations`).
    public func recordSeat(_ seat: CommitteeSeat, in scope: Scope, actor: String) async throws {
        try await writing { store in
            guard try await store.covers(scope, seat.organization, on: seat.validity.start) else { throw CommitteeRefusal.outsideScope }
            let periods = try await store.storedPeriods(of: [seat.member])
            let tree = try await store.organizationsWithAncestors(of: Set(periods.map(\.cell)).union([seat.organization]))
            var violations = seat.violations(in: tree, holderPeriods: periods)
            if let version = tree.version(of: seat.organization, on: seat.validity.start) {
                let lines = try await store.committeeSeatLines(of: seat.organization)
                let committee = CommitteeOnDay(
                    kind: version.kind, officialMembers: try await store.officialMembers(of: seat.organization, on: seat.validity.start),
                    seats: lines.filter { $0.isInForce(on: seat.validity.start) }.map(\.seat),
                    terms: try await store.committeeTerms(of: seat.organization))
                violations += seat.compositionViolations(joining: committee, organizationCode: tree[seat.organization]?.code ?? "")
                if lines.contains(where: { $0.seat.key == seat.key }), !violations.contains(where: { $0.reason == .holderAlreadySeated }) {
                    violations.append(SeatViolation(seat: seat, reason: .holderAlreadySeated, organizationCode: tree[seat.organization]?.code ?? ""))
                }
            }
            guard violations.isEmpty else { throw CommitteeRefusal.seat(violations) }
            try await Self.insert(seats: [seat], on: store.sql)
            _ = try await Self.appendAudit(AuditRecord(
                actor: actor, action: "committee.seat", summary: "Ghi chức danh \(seat.position.vietnamese.lowercased())",
                details: ["organization": "\(seat.organization.rawValue)", "committee": seat.committee.rawValue,
                          "member": "\(seat.member.rawValue)", "position": seat.position.rawValue, "start": seat.validity.start.iso],
                recordedAt: Date()), on: store.database)
        }
    }

    /// Ends the seat `key` on `end` (its last day is the day before) in a locked, audited write, when its organization
    /// lies in `scope` on the seat's first day; `end` is after the first day and, when an end is recorded, before it.
    public func endSeat(_ key: CommitteeSeat.Key, on end: Day, in scope: Scope, actor: String) async throws {
        try await writing { store in
            guard let row = try await store.sql.raw("""
                SELECT id, end_on FROM committee_seats WHERE organization_id = \(bind: key.organization.rawValue)
                    AND committee = \(bind: key.committee.rawValue) AND member_id = \(bind: key.member.rawValue)
                    AND start_on = \(bind: key.start.yyyymmdd)
                """).first() else { throw CommitteeRefusal.unknownSeat }
            guard try await store.covers(scope, key.organization, on: key.start) else { throw CommitteeRefusal.outsideScope }
            let recorded = try DayRange.stored(from: key.start.yyyymmdd, to: try row.decode(column: "end_on", as: Int.self)).end
            guard end > key.start, recorded.map({ end < $0 }) ?? true else { throw CommitteeRefusal.badEnd(start: key.start, end: recorded) }
            let id = try row.decode(column: "id", as: Int.self)
            try await store.sql.raw("UPDATE committee_seats SET end_on = \(bind: end.yyyymmdd) WHERE id = \(bind: id)").run()
            _ = try await Self.appendAudit(AuditRecord(
                actor: actor, action: "committee.seatEnd", summary: "Kết thúc chức danh",
                details: ["seat": "\(id)", "end": end.iso, "previousEnd": recorded?.iso ?? ""], recordedAt: Date()),
                on: store.database)
        }
    }
}

/// An official member an organization may elect or appoint on a day: a line of the committee form's holder list.
public struct EligibleHolder: Hashable, Sendable {
    public var member: MemberID
    public var fullName: String
    public var cellCode: String
}

extension Store {
    /// The official members on the rolls of `organization`'s cells on `day`, in Vietnamese name order, at most `limit`.
    public func eligibleHolders(of organization: OrganizationID, on day: Day, limit: Int) async throws -> [EligibleHolder] {
        let d = day.yyyymmdd
        return try await reader.raw("""
            SELECT m.id AS id, m.full_name AS full_name, o.code AS code
            FROM organization_ancestry a JOIN membership_periods p ON p.cell_id = a.descendant_id
                JOIN members m ON m.id = p.member_id JOIN organizations o ON o.id = p.cell_id
            WHERE a.ancestor_id = \(literal: organization.rawValue) AND a.valid_from <= \(literal: d) AND a.valid_to > \(literal: d)
                AND p.valid_from <= \(literal: d) AND p.valid_to > \(literal: d) AND p.standing = 'official'
            ORDER BY m.sort_key, m.id LIMIT \(literal: limit)
            """).all().map { row in
            EligibleHolder(member: MemberID(try row.decode(column: "id", as: Int.self)),
                           fullName: try row.decode(column: "full_name", as: String.self),
                           cellCode: try row.decode(column: "code", as: String.self))
        }
    }
}

extension Store {
    /// The id of the member with `nationalID`, if any.
    public func memberID(nationalID: String) async throws -> MemberID? {
        try await reader.raw("SELECT id FROM members WHERE national_id = \(bind: nationalID)").first()
            .map { MemberID(try $0.decode(column: "id", as: Int.self)) }
    }
}
