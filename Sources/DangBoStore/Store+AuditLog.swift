import DangBoCore
import Foundation
import SQLKit

/// What the audit log page asks for: one page of entries, newest first, of one action or all, recorded within a span
/// of days (in Asia/Ho_Chi_Minh, both days included).
public struct AuditLogQuery: Sendable, Equatable {
    public var action: String?
    public var from: Day?
    public var to: Day?
    /// From 1.
    public var page: Int
    public var pageSize: Int

    public init(action: String? = nil, from: Day? = nil, to: Day? = nil, page: Int = 1, pageSize: Int = 50) {
        self.action = action
        self.from = from
        self.to = to
        self.page = max(1, page)
        self.pageSize = max(1, pageSize)
    }
}

/// One page of the audit log, with how many entries the filters match in all and every action recorded (for the
/// filter's choices).
public struct AuditLogPage: Sendable {
    public var entries: [AuditEntry]
    public var total: Int
    public var actions: [String]

    public init(entries: [AuditEntry], total: Int, actions: [String]) {
        self.entries = entries
        self.total = total
        self.actions = actions
    }
}

extension Store {
    /// One page of the trail (`LIMIT`/`OFFSET` in SQL, never the whole trail in memory), newest first.
    public func auditLog(_ query: AuditLogQuery) async throws -> AuditLogPage {
        var conditions: [SQLQueryString] = []
        if let action = query.action, !action.isEmpty { conditions.append("action = \(bind: action)") }
        // NB: `recorded_at` is ISO 8601 in UTC to the second: comparing the texts compares the times.
        if let from = query.from { conditions.append("recorded_at >= \(bind: Self.timestamp(Self.startOfDay(from)))") }
        if let to = query.to { conditions.append("recorded_at < \(bind: Self.timestamp(Self.startOfDay(to.adding(days: 1))))") }
        let filter: SQLQueryString = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let total = try await reader.raw("SELECT COUNT(*) AS n FROM audit_entries \(filter)").first()?
            .decode(column: "n", as: Int.self) ?? 0
        let rows = try await reader.raw("""
            SELECT id, recorded_at, actor, action, summary, details, previous_hash, hash FROM audit_entries \(filter)
            ORDER BY id DESC LIMIT \(bind: query.pageSize) OFFSET \(bind: (query.page - 1) * query.pageSize)
            """).all()
        let entries = try rows.map { row in
            let entry = try Self.storedAuditEntry(row)
            return AuditEntry(
                id: entry.id, recordedAt: entry.recordedAt, actor: entry.actor, action: entry.action, summary: entry.summary,
                details: (try? JSONSerialization.jsonObject(with: Data(entry.details.utf8))) as? [String: String] ?? [:],
                previousHash: entry.previousHash, hash: entry.hash)
        }
        let actions = try await reader.raw("SELECT DISTINCT action FROM audit_entries ORDER BY action").all()
            .map { try $0.decode(column: "action", as: String.self) }
        return AuditLogPage(entries: entries, total: total, actions: actions)
    }

    /// The first moment of `day` in Asia/Ho_Chi_Minh (UTC+7, no daylight saving).
    static func startOfDay(_ day: Day) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh") ?? TimeZone(secondsFromGMT: 7 * 3600)!
        return calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day))!
    }
}
