import FluentKit
import Foundation

/// A row of `audit_entries`. Written in the same transaction as the change it records, never updated, chained to the
/// entry before it by `previous_hash` and `hash` (M0013, `AuditChain`).
///
/// NB: `@unchecked Sendable` because Fluent models are classes with property wrappers that Swift cannot check; an
/// instance is created, filled and read inside one query's task and never shared between tasks.
final class AuditEntryModel: Model, @unchecked Sendable {
    static let schema = "audit_entries"

    // managed fields
    @ID(custom: "id", generatedBy: .user) var id: Int?

    // data fields
    @Field(key: "recorded_at") var recordedAt: String
    @Field(key: "actor") var actor: String
    @Field(key: "action") var action: String
    @Field(key: "summary") var summary: String
    @Field(key: "details") var details: String

    // chain fields (M0013)
    @OptionalField(key: "previous_hash") var previousHash: String?
    @OptionalField(key: "hash") var hash: String?

    init() {}

    init(id: Int, record: AuditRecord) throws {
        self.id = id
        self.recordedAt = ISO8601DateFormatter().string(from: record.recordedAt)
        self.actor = record.actor
        self.action = record.action
        self.summary = record.summary
        self.details = try Self.encode(details: record.details)
    }

    static func encode(details: [String: String]) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: details, options: [.sortedKeys]), as: UTF8.self)
    }

    /// Appends this entry to the trail, chained to the last one (`Store.append(_:on:)`).
    ///
    /// NB: this shadows Fluent's `Model.create(on:)` on purpose, so that the writers that create an entry with
    /// `AuditEntryModel(id:record:).create(on:)` chain it without knowing; an entry must never be created through
    /// Fluent's generic path (`[AuditEntryModel].create`, `save`), which would leave it out of the chain.
    func create(on database: any Database) async throws {
        try await Store.append(self, on: database)
    }

    var record: AuditRecord {
        let details = (try? JSONSerialization.jsonObject(with: Data(self.details.utf8))) as? [String: String] ?? [:]
        return AuditRecord(actor: actor, action: action, summary: summary, details: details,
                           recordedAt: ISO8601DateFormatter().date(from: recordedAt) ?? Date(timeIntervalSince1970: 0))
    }
}

extension Store {
    /// The audit trail, newest first.
    public func auditTrail(limit: Int = 100) async throws -> [AuditRecord] {
        try await AuditEntryModel.query(on: database).sort(\.$id, .descending).limit(limit).all().map(\.record)
    }
}
