import DangBoCore
import Foundation
import SQLKit

/// Why a form's event is not written besides the party rules: the member or the cell lies outside the caller's scope.
public enum RecordEventRefusal: Error, Hashable, Sendable {
    /// The member is not within the caller's scope on the event's day (or is unknown).
    case memberOutsideScope
    /// The cell the event names is not within the caller's scope on the event's day.
    case cellOutsideScope
}

extension Store {
    /// Records one event of a member from a form: inside the write lock the member's journal is read again, the event
    /// appended (after the day's events already recorded), the whole journal checked by Core, and the event, the
    /// periods and an audit entry (ids only) written together — or nothing at all. Throws `JournalViolation` (the rule
    /// broken, for the form field at fault) or `RecordEventRefusal`.
    @discardableResult
    public func recordEvent(_ event: MembershipEvent, in scope: Scope, actor: String) async throws -> Journal {
        let journal = LockedJournal()
        try await write(audit: AuditRecord(
            actor: actor, action: "event.record", summary: "Ghi biến động \(event.kind.vietnamese.lowercased())",
            details: ["member": "\(event.member.rawValue)", "kind": event.kind.rawValue, "effective": event.effective.iso],
            recordedAt: Date())
        ) { store in
            guard let row = try await store.sql.raw("SELECT * FROM members WHERE id = \(literal: event.member.rawValue)").first()
            else { throw RecordEventRefusal.memberOutsideScope }
            let member = try Self.member(from: row)
            let stored = try await store.sql.raw("""
                SELECT * FROM membership_events WHERE member_id = \(literal: event.member.rawValue) ORDER BY seq
                """).all().map(Self.event(from:))
            let tree = try await store.organizations(namedBy: stored + [event])
            let before = try Journal(member: member, events: stored, tree: tree)
            // NB: the member must be the caller's on the day (or, off the rolls, where they last were): a secretary
            // records for the cell's members only; the cell an event enters must be the caller's too.
            let place = before.period(on: event.effective)?.cell ?? before.periods.last?.cell
            if let place {
                let day = before.period(on: event.effective) != nil ? event.effective
                    : (before.periods.last?.validity.lastDay ?? event.effective)
                guard try await store.covers(scope, place, on: day) else { throw RecordEventRefusal.memberOutsideScope }
            } else if event.organization == nil {
                throw RecordEventRefusal.memberOutsideScope
            }
            if let cell = event.organization, tree[cell]?.exists(on: event.effective) == true {
                guard try await store.covers(scope, cell, on: event.effective) else { throw RecordEventRefusal.cellOutsideScope }
            }
            let checked = try Journal(member: member, events: stored + [event], tree: tree)
            journal.value = checked
            var change = RegistryChange()
            change.events = [event]
            change.journals = [checked]
            return (change, tree)
        }
        return journal.value!
    }
}

/// The journal checked inside the write, handed out after it commits.
private final class LockedJournal: @unchecked Sendable {
    // NB: written once inside the write's body and read after it returns: never touched by two tasks at once.
    var value: Journal?
}
