import FluentKit
import Foundation
import SQLKit

/// Why an audit entry could not be written.
public enum AuditTrailError: Error, Sendable, CustomStringConvertible {
    /// An entry must come after the last one: the chain runs in id order.
    case outOfOrder(id: Int, last: Int)

    public var description: String {
        switch self {
        case .outOfOrder(let id, let last):
            "Không ghi được nhật ký kiểm toán: mục #\(id) không đứng sau mục cuối #\(last)."
        }
    }
}

extension Store {
    /// The tables whose last id every audit entry records (`<name>.lastID` in its details): with the entry before,
    /// which holds the values before the write, they say which rows a write added (DESIGN §3: before and after), with
    /// ids only, never personal data.
    static let auditedTables = [
        ("organizations", "organizations"), ("members", "members"), ("seats", "committee_seats"), ("cases", "oversight_cases"),
    ]

    /// Appends `record` to the audit trail inside the transaction `database`, with the next id, chained to the last
    /// entry. Every write of the trail goes through here or through `AuditEntryModel.create(on:)` (the same path).
    @discardableResult
    static func appendAudit(_ record: AuditRecord, on database: any Database) async throws -> Int {
        let id = try await nextID(in: "audit_entries", on: database as! any SQLDatabase)
        try await append(try AuditEntryModel(id: id, record: record), on: database)
        return id
    }

    /// Chains `entry` to the last entry of the trail and inserts it. Called inside the write's transaction, after its
    /// write lock is taken, so that no other entry can come in between.
    static func append(_ entry: AuditEntryModel, on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        guard let id = entry.id else { preconditionFailure("an audit entry is created with its id") }
        let last = try await sql.raw("SELECT id, hash FROM audit_entries ORDER BY id DESC LIMIT 1").first()
        let lastID = try last?.decode(column: "id", as: Int.self) ?? 0
        guard id > lastID else { throw AuditTrailError.outOfOrder(id: id, last: lastID) }
        // NB: an entry whose hash is missing (edited by hand) is chained from "": `audit verify` names it, writes go on.
        let previousHash = try last.map { try $0.decode(column: "hash", as: String?.self) ?? "" } ?? AuditChain.genesis

        var details = (try? JSONSerialization.jsonObject(with: Data(entry.details.utf8))) as? [String: String] ?? [:]
        let marks = try await sql.raw(SQLQueryString(
            "SELECT " + auditedTables.map { "(SELECT MAX(id) FROM \($0.1)) AS \($0.0)" }.joined(separator: ", "))).first()
        for (key, _) in auditedTables where details["\(key).lastID"] == nil {
            details["\(key).lastID"] = String(try marks?.decode(column: key, as: Int?.self) ?? 0)
        }
        entry.details = try AuditEntryModel.encode(details: details)
        entry.previousHash = previousHash
        entry.hash = AuditChain.hash(id: id, recordedAt: entry.recordedAt, actor: entry.actor, action: entry.action,
                                     summary: entry.summary, details: entry.details, previousHash: previousHash)
        try await sql.insert(into: "audit_entries")
            .columns("id", "recorded_at", "actor", "action", "summary", "details", "previous_hash", "hash")
            .values(id, entry.recordedAt, entry.actor, entry.action, entry.summary, entry.details, previousHash, entry.hash)
            .run()
    }

    /// The latest `limit` entries of the trail, newest first.
    public func auditEntries(limit: Int = 20) async throws -> [AuditEntry] {
        try await sql.raw("""
            SELECT id, recorded_at, actor, action, summary, details, previous_hash, hash FROM audit_entries
            ORDER BY id DESC LIMIT \(bind: limit)
            """).all().map { row in
            let entry = try Self.storedAuditEntry(row)
            return AuditEntry(
                id: entry.id, recordedAt: entry.recordedAt, actor: entry.actor, action: entry.action, summary: entry.summary,
                details: (try? JSONSerialization.jsonObject(with: Data(entry.details.utf8))) as? [String: String] ?? [:],
                previousHash: entry.previousHash, hash: entry.hash)
        }
    }

    /// Walks the whole chain in id order, a page at a time, and names every entry edited, inserted or deleted.
    public func verifyAuditTrail() async throws -> AuditVerification {
        var verifier = AuditChainVerifier()
        var after = Int.min
        while true {
            let rows = try await sql.raw("""
                SELECT id, recorded_at, actor, action, summary, details, previous_hash, hash FROM audit_entries
                WHERE id > \(bind: after) ORDER BY id LIMIT 1000
                """).all()
            for row in rows {
                let entry = try Self.storedAuditEntry(row)
                verifier.consume(entry)
                after = entry.id
            }
            if rows.count < 1000 { break }
        }
        return verifier.finish()
    }

    static func storedAuditEntry(_ row: any SQLRow) throws -> StoredAuditEntry {
        StoredAuditEntry(
            id: try row.decode(column: "id", as: Int.self), recordedAt: try row.decode(column: "recorded_at", as: String.self),
            actor: try row.decode(column: "actor", as: String.self), action: try row.decode(column: "action", as: String.self),
            summary: try row.decode(column: "summary", as: String.self), details: try row.decode(column: "details", as: String.self),
            previousHash: try row.decode(column: "previous_hash", as: String?.self), hash: try row.decode(column: "hash", as: String?.self))
    }
}

extension Store {
    /// The version of the registry's data: the id and hash of the last audit entry. Every write is audited in its own
    /// transaction, so the version changes with every committed write and only then, in every process sharing the
    /// database; a restore brings back the version of the data it restores (the chain's hash names its whole history).
    /// One indexed read, on a reader.
    public func dataVersion() async throws -> String {
        guard let row = try await reader.raw("SELECT id, hash FROM audit_entries ORDER BY id DESC LIMIT 1").first() else {
            return "0"
        }
        return "\(try row.decode(column: "id", as: Int.self)):\(try row.decode(column: "hash", as: String?.self) ?? "")"
    }
}
