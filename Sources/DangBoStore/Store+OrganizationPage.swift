import DangBoCore
import SQLKit

/// A seat of a committee in force on a day, with its holder's name: a row of the organization page's committee.
public struct SeatHolder: Hashable, Sendable {
    public var seat: CommitteeSeat
    /// The holder's full name as written.
    public var name: String

    public init(seat: CommitteeSeat, name: String) {
        self.seat = seat
        self.name = name
    }
}

/// One version of an organization: what it was called, what kind it was and under which parent (by code), for a
/// range of days.
public struct OrganizationHistoryRow: Hashable, Sendable {
    public var validity: DayRange
    public var name: String
    public var kind: OrganizationKind
    /// The parent's code (empty for a root).
    public var parentCode: String

    public init(validity: DayRange, name: String, kind: OrganizationKind, parentCode: String) {
        self.validity = validity
        self.name = name
        self.kind = kind
        self.parentCode = parentCode
    }
}

/// The organization page's questions (issue 9 point 3): its committee on a day and its history, each filtered by the
/// caller's scope in SQL, so that nothing of an organization outside it leaves the database.
extension Store {
    /// The seats of `organization`'s committees in force on `day` (start on or before it, end after it), with their
    /// holders' names, when `organization` lies in `scope` that day; empty otherwise. Sorted by committee (executive
    /// first), position (as `Position.allCases` orders them), then start day and holder id. One statement.
    public func seats(of organization: OrganizationID, in scope: Scope, on day: Day) async throws -> [SeatHolder] {
        guard !scope.roots.isEmpty else { return [] }
        let d = day.yyyymmdd
        let rows = try await reader.raw("""
            SELECT s.organization_id AS organization_id, s.committee AS committee, s.member_id AS member_id,
                s.position AS position, s.source AS source, s.start_on AS start_on, s.end_on AS end_on,
                s.decision_number AS decision_number, m.full_name AS full_name
            FROM committee_seats s JOIN members m ON m.id = s.member_id
            WHERE s.organization_id = \(literal: organization.rawValue)
                AND s.start_on <= \(literal: d) AND s.end_on > \(literal: d)
                AND \(Self.covering("s.organization_id", by: scope, on: day))
            """).all()
        let holders = try rows.map { row -> SeatHolder in
            guard let committee = CommitteeKind(rawValue: try row.decode(column: "committee", as: String.self)) else {
                throw StoreError.unreadable("committee_seats.committee")
            }
            guard let position = Position(rawValue: try row.decode(column: "position", as: String.self)) else {
                throw StoreError.unreadable("committee_seats.position")
            }
            guard let source = SeatSource(rawValue: try row.decode(column: "source", as: String.self)) else {
                throw StoreError.unreadable("committee_seats.source")
            }
            let number = try row.decode(column: "decision_number", as: String.self)
            return SeatHolder(seat: CommitteeSeat(
                organization: OrganizationID(try row.decode(column: "organization_id", as: Int.self)), committee: committee,
                member: MemberID(try row.decode(column: "member_id", as: Int.self)), position: position, source: source,
                validity: try .stored(from: try row.decode(column: "start_on", as: Int.self),
                                      to: try row.decode(column: "end_on", as: Int.self)),
                decision: Self.decision(number: number, date: nil, issuer: "")),
                name: try row.decode(column: "full_name", as: String.self))
        }
        let committees = CommitteeKind.allCases, positions = Position.allCases
        func key(_ h: SeatHolder) -> (Int, Int, Day, Int) {
            (committees.firstIndex(of: h.seat.committee)!, positions.firstIndex(of: h.seat.position)!, h.seat.validity.start,
             h.seat.member.rawValue)
        }
        return holders.sorted { key($0) < key($1) }
    }

    /// Every version of `organization`, oldest first, with its parent's code, when `organization` lies in `scope` on
    /// `day`; empty otherwise. One statement.
    ///
    /// NB: the scope is checked on the day asked only: a caller who may see the organization today sees its whole
    /// history, including versions under parents outside the scope (their codes, never their data).
    public func history(of organization: OrganizationID, in scope: Scope, on day: Day) async throws -> [OrganizationHistoryRow] {
        guard !scope.roots.isEmpty else { return [] }
        let rows = try await reader.raw("""
            SELECT v.valid_from AS valid_from, v.valid_to AS valid_to, v.name AS name, v.kind AS kind, p.code AS parent_code
            FROM organization_versions v LEFT JOIN organizations p ON p.id = v.parent_id
            WHERE v.organization_id = \(literal: organization.rawValue)
                AND \(Self.covering("v.organization_id", by: scope, on: day))
            ORDER BY v.valid_from
            """).all()
        return try rows.map { row in
            guard let kind = OrganizationKind(rawValue: try row.decode(column: "kind", as: String.self)) else {
                throw StoreError.unreadable("organization_versions.kind")
            }
            return OrganizationHistoryRow(
                validity: try .stored(from: try row.decode(column: "valid_from", as: Int.self),
                                      to: try row.decode(column: "valid_to", as: Int.self)),
                name: try row.decode(column: "name", as: String.self), kind: kind,
                parentCode: try row.decode(column: "parent_code", as: String?.self) ?? "")
        }
    }
}
