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
    /// The seats of `organization`'s committees in force on `day` (started, not ended by `CommitteeSeat.end`: the end
    /// recorded, the holder leaving the organization, its dissolution), with their holders' names, when
    /// `organization` lies in `scope` that day; empty otherwise. Sorted by committee (executive first), position (as
    /// `Position.allCases` orders them), then start day and holder id.
    public func seats(of organization: OrganizationID, in scope: Scope, on day: Day) async throws -> [SeatHolder] {
        guard !scope.roots.isEmpty, try await covers(scope, organization, on: day) else { return [] }
        return try await committeeSeatLines(of: organization).filter { $0.isInForce(on: day) }
            .map { SeatHolder(seat: $0.seat, name: $0.name) }
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
