import Foundation

/// One entry of the audit trail as stored, with its place in the hash chain (`dangbo audit list`).
public struct AuditEntry: Sendable, Equatable {
    public var id: Int
    /// The time as stored (ISO 8601, UTC).
    public var recordedAt: String
    public var actor: String
    public var action: String
    public var summary: String
    public var details: [String: String]
    public var previousHash: String?
    public var hash: String?
}
