import Foundation

/// One entry of the audit trail: who, when, what (DESIGN §3 "Users and access"). Details hold counts and ids,
/// never names or national IDs, so that the trail can be read by operators.
public struct AuditRecord: Sendable {
    public var actor: String
    public var action: String
    public var summary: String
    public var details: [String: String]
    public var recordedAt: Date

    public init(actor: String, action: String, summary: String, details: [String: String] = [:], recordedAt: Date) {
        self.actor = actor
        self.action = action
        self.summary = summary
        self.details = details
        self.recordedAt = recordedAt
    }
}
