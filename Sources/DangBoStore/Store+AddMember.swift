import DangBoCore
import Foundation
import SQLKit

/// Why a new person is not put on the rolls besides the party rules.
public enum AddMemberRefusal: Error, Hashable, Sendable {
    /// The national ID is already in the registry. `cellCode` is the code of the cell whose rolls the holder is (or was
    /// last) on, empty when on none: never the holder's name, which may lie outside the caller's scope.
    case nationalIDTaken(cellCode: String)
    /// The cell the first event enters is not within the caller's scope on the event's day.
    case cellOutsideScope
    /// The first event of a new person must put them into a cell: an admission, a transfer in from outside the
    /// registry, a readmission or a restoration (for a history that predates the registry).
    case notAnArrival(EventKind)
}

extension Store {
    /// Puts a new person on the rolls with the first event of their journal (an admission, or a transfer in from
    /// outside the registry): inside the write lock the national ID is looked up, the cell's scope checked, the next
    /// id taken, the journal checked by Core, and the member, the event, the periods and an audit entry (ids only)
    /// written together — or nothing. The name is findable by the accent-insensitive search once this returns (the
    /// name key is written with the member; on SQLite the audit entry's trigger indexes it, M0010). Throws
    /// `NationalIDViolation`, `AddMemberRefusal` or `JournalViolation` (the rule broken, for the form field at fault).
    /// `member.id` and `firstEvent.member` are ignored: the store numbers the member.
    public func addMember(_ member: Member, firstEvent: MembershipEvent, in scope: Scope, actor: String) async throws -> MemberID {
        guard EventKind.arrivals.contains(firstEvent.kind) else { throw AddMemberRefusal.notAnArrival(firstEvent.kind) }
        // NB: the form parses what a person wrote; a value that did not pass through `NationalID` never reaches the table.
        let nationalID = try NationalID(parsing: member.nationalID)
        guard nationalID.text == member.nationalID else { throw NationalIDViolation(written: member.nationalID, reason: .length(member.nationalID.count)) }
        return try await writing { store in
            let sql = store.sql
            if let holder = try await sql.raw("SELECT id FROM members WHERE national_id = \(bind: nationalID.text)").first() {
                let id = try holder.decode(column: "id", as: Int.self)
                let cell = try await sql.raw("""
                    SELECT o.code AS code FROM membership_periods p JOIN organizations o ON o.id = p.cell_id
                    WHERE p.member_id = \(literal: id) ORDER BY p.step DESC LIMIT 1
                    """).first()
                throw AddMemberRefusal.nationalIDTaken(cellCode: try cell?.decode(column: "code", as: String.self) ?? "")
            }
            let id = MemberID(try await Self.nextID(in: "members", on: sql))
            var member = member
            member.id = id
            var event = firstEvent
            event.member = id
            let tree = try await store.organizations(namedBy: [event])
            // NB: a cell that does not exist that day is Core's to name (on the cell field); one that exists must be the caller's.
            if let cell = event.organization, tree[cell]?.exists(on: event.effective) == true {
                guard try await store.covers(scope, cell, on: event.effective) else { throw AddMemberRefusal.cellOutsideScope }
            }
            let journal = try Journal(member: member, events: [event], tree: tree)
            var change = RegistryChange()
            change.members = [member]
            change.events = [event]
            change.journals = [journal]
            try await Self.write(change, tree: tree, audit: AuditRecord(
                actor: actor, action: "member.add", summary: "Thêm đảng viên: \(event.kind.vietnamese.lowercased())",
                details: ["member": "\(id.rawValue)", "kind": event.kind.rawValue, "effective": event.effective.iso,
                          "cell": event.organization.map { "\($0.rawValue)" } ?? ""],
                recordedAt: Date()), on: store.database)
            return id
        }
    }

    /// The cells in `scope` on `day`, by code, at most `limit` (one more tells the caller there are more): the
    /// choices of a form's cell field. One statement.
    public func cells(in scope: Scope, on day: Day, limit: Int = 500) async throws -> [OrganizationSummary] {
        guard !scope.roots.isEmpty, limit > 0 else { return [] }
        let d = day.yyyymmdd
        let rows = try await sql.raw("""
            SELECT \(Self.summaryColumns) FROM organization_versions v
            JOIN organizations o ON o.id = v.organization_id
            WHERE v.valid_from <= \(literal: d) AND v.valid_to > \(literal: d)
                AND v.kind IN (\(bind: OrganizationKind.grassrootsCell.rawValue), \(bind: OrganizationKind.subordinateCell.rawValue))
                AND \(Self.covering("o.id", by: scope, on: day))
            ORDER BY o.id LIMIT \(literal: limit + 1)
            """).all()
        // NB: sorted here, by bytes as Swift compares them: PostgreSQL would sort `code` by its database's collation.
        return try rows.map(Self.summary(from:)).sorted { ($0.code, $0.id) < ($1.code, $1.id) }
    }
}
