import FluentKit
import Foundation

/// A row of `audit_entries`. Written in the same transaction as the change it records, never updated.
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

    init() {}

    init(id: Int, record: AuditRecord) throws {
        self.id = id
        self.recordedAt = ISO8601DateFormatter().string(from: record.recordedAt)
        self.actor = record.actor
        self.action = record.action
        self.summary = record.summary
        self.details = String(decoding: try JSONSerialization.data(withJSONObject: record.details, options: [.sortedKeys]),
                              as: UTF8.self)
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
