import DangBoCore
import Foundation

/// The hash chain of the audit trail (issue 8 §5): each entry's hash is SHA-256 over a canonical encoding of its id,
/// actor, action, summary, details (sorted by key), time and the hash of the entry before it, so that editing,
/// deleting or inserting an entry by hand breaks the chain where it happened.
///
/// NB: the chain holds no secret: someone who can write the database and knows this algorithm can rebuild the whole
/// chain after a forgery. What it proves is that the trail was not changed by anything that did not also rewrite
/// every later hash; comparing the head hash that `dangbo audit verify` prints with one kept outside the database
/// (docs/operations.md) closes that gap, and also shows entries cut from the end.
public enum AuditChain {
    /// The `previous_hash` of the first entry.
    public static let genesis = String(repeating: "0", count: 64)

    /// The hash of one entry, from its stored values.
    public static func hash(
        id: Int, recordedAt: String, actor: String, action: String, summary: String, details: String, previousHash: String
    ) -> String {
        var bytes: [UInt8] = Array("dangbo-audit-v1\n".utf8)
        func field(_ text: String) {
            let utf8 = Array(text.utf8)
            bytes += Array("\(utf8.count):".utf8)
            bytes += utf8
            bytes.append(0x0a)
        }
        field(String(id))
        field(actor)
        field(action)
        field(summary)
        if let pairs = (try? JSONSerialization.jsonObject(with: Data(details.utf8))) as? [String: String] {
            // NB: sorted by the bytes of the key, not by Swift's String order, so that any implementation agrees.
            let sorted = pairs.sorted { Array($0.key.utf8).lexicographicallyPrecedes(Array($1.key.utf8)) }
            field("details:\(sorted.count)")
            for (key, value) in sorted {
                field(key)
                field(value)
            }
        } else {
            // Details that are no object of strings (edited by hand) are hashed as written: still an edit.
            field("raw-details")
            field(details)
        }
        field(recordedAt)
        field(previousHash)
        return SHA256.hex(bytes)
    }

    static func hash(of entry: StoredAuditEntry, previousHash: String) -> String {
        hash(id: entry.id, recordedAt: entry.recordedAt, actor: entry.actor, action: entry.action, summary: entry.summary,
             details: entry.details, previousHash: previousHash)
    }
}

/// A row of `audit_entries` as stored, the chain's view of it.
struct StoredAuditEntry: Sendable {
    var id: Int
    var recordedAt: String
    var actor: String
    var action: String
    var summary: String
    var details: String
    var previousHash: String?
    var hash: String?
}

/// What `dangbo audit verify` found wrong with the trail, entry by entry. Positions count from 1 in id order.
public enum AuditChainFinding: Sendable, Equatable, CustomStringConvertible {
    /// The entry's content does not give its hash: edited, or forged without the algorithm.
    case edited(id: Int, position: Int)
    /// Entries with these ids are gone; they stood just before the entry at `position` (after the last one when
    /// `position` is one past the end).
    case deleted(ids: ClosedRange<Int>, position: Int)
    /// The entry is not part of the chain: the entry after it follows the one before it.
    case inserted(id: Int, position: Int)
    /// The entry does not follow the one before it (`after`, nil for the first): that one was replaced with its hash
    /// rewritten, or this one was inserted or replaced.
    case unlinked(id: Int, position: Int, after: Int?)

    public var description: String {
        switch self {
        case .edited(let id, let position):
            "Mục #\(id) (vị trí \(position)): nội dung không khớp mã băm — đã bị sửa hoặc bị giả mạo."
        case .deleted(let ids, let position):
            ids.count == 1
                ? "Mục #\(ids.lowerBound) đã bị xóa (đứng trước vị trí \(position))."
                : "Các mục #\(ids.lowerBound) đến #\(ids.upperBound) đã bị xóa (đứng trước vị trí \(position))."
        case .inserted(let id, let position):
            "Mục #\(id) (vị trí \(position)) bị chèn vào: mục sau nó nối thẳng với mục trước nó."
        case .unlinked(let id, let position, let after?):
            "Mục #\(id) (vị trí \(position)) không nối với mục #\(after) đứng trước: mục #\(after) đã bị thay cả mã băm, "
                + "hoặc mục #\(id) bị chèn hay bị thay."
        case .unlinked(let id, let position, nil):
            "Mục #\(id) (vị trí \(position)) là mục đầu nhưng không bắt đầu chuỗi: các mục trước nó đã bị xóa hoặc nó bị chèn."
        }
    }
}

/// The result of walking the chain.
public struct AuditVerification: Sendable {
    /// Entries read.
    public var count: Int
    /// The hash of the last entry, to keep outside the database and compare later; nil for an empty trail.
    public var head: String?
    public var headID: Int?
    public var findings: [AuditChainFinding]

    public var isIntact: Bool { findings.isEmpty }
}

/// Walks the entries in id order, one at a time (a trail of any length in constant memory), with one entry of
/// look-ahead and one of look-behind to tell an inserted entry from a broken link.
struct AuditChainVerifier {
    private var position = 0
    private var last: StoredAuditEntry?
    private var beforeLast: StoredAuditEntry?
    /// An entry that does not follow `last`, held until the next one says whether it was inserted.
    private var suspect: (entry: StoredAuditEntry, position: Int, before: StoredAuditEntry?)?
    private(set) var findings: [AuditChainFinding] = []

    mutating func consume(_ entry: StoredAuditEntry) {
        position += 1
        if entry.hash != AuditChain.hash(of: entry, previousHash: entry.previousHash ?? "") {
            findings.append(.edited(id: entry.id, position: position))
        }
        if let held = suspect {
            suspect = nil
            if entry.previousHash == (held.before?.hash ?? AuditChain.genesis) {
                // The chain goes on past the held entry as if it were not there.
                findings.append(.inserted(id: held.entry.id, position: held.position))
                (beforeLast, last) = (held.before, entry)
                return
            }
            findings.append(.unlinked(id: held.entry.id, position: held.position, after: held.before?.id))
        }
        let expectedID = (last?.id ?? 0) + 1
        if entry.id > expectedID {
            // NB: ids are given in order without gaps (the next id is the largest plus one, in the write's transaction).
            findings.append(.deleted(ids: expectedID...(entry.id - 1), position: position))
        } else if entry.previousHash != (last?.hash ?? AuditChain.genesis) {
            if let last, entry.previousHash == (beforeLast?.hash ?? AuditChain.genesis) {
                findings.append(.inserted(id: last.id, position: position - 1))
            } else {
                suspect = (entry, position, last)
            }
        }
        (beforeLast, last) = (last, entry)
    }

    mutating func finish() -> AuditVerification {
        if let held = suspect {
            findings.append(.unlinked(id: held.entry.id, position: held.position, after: held.before?.id))
            suspect = nil
        }
        return AuditVerification(count: position, head: last?.hash, headID: last?.id, findings: findings)
    }
}
