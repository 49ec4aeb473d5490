import ArgumentParser
import DangBoCore
import DangBoStore
import Foundation

struct Audit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The audit trail: every write, hash-chained (docs/operations.md).", subcommands: [AuditVerify.self, AuditList.self])
}

struct AuditVerify: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", abstract: "Walk the hash chain; name every edited, inserted or deleted entry (exit 1 if any).")
    @OptionGroup var options: DatabaseOptions

    func run() async throws {
        let verification = try await withStore(options) { store in try await store.verifyAuditTrail() }
        let n = VietnameseFormat.number
        guard verification.isIntact else {
            for finding in verification.findings { print(finding) }
            print("Nhật ký kiểm toán KHÔNG nguyên vẹn: \(verification.findings.count) chỗ sai trong \(n(verification.count)) mục.")
            throw ExitCode(1)
        }
        if let head = verification.head, let id = verification.headID {
            print("Nhật ký kiểm toán nguyên vẹn (OK): \(n(verification.count)) mục; mục cuối #\(id), mã băm \(head).")
        } else {
            print("Nhật ký kiểm toán nguyên vẹn (OK): chưa có mục nào.")
        }
    }
}

struct AuditList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "The latest entries, newest first.")
    @OptionGroup var options: DatabaseOptions
    @Option(help: "How many entries.") var limit: Int = 20

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit must be at least 1 (got \(limit))") }
    }

    func run() async throws {
        try await withStore(options) { store in
            for entry in try await store.auditEntries(limit: limit) {
                let details = entry.details.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
                print("#\(entry.id) \(entry.recordedAt) \(entry.actor) \(entry.action): \(entry.summary)")
                if !details.isEmpty { print("    \(details)") }
                print("    băm \(entry.hash ?? "(không có)") ← \(entry.previousHash ?? "(không có)")")
            }
        }
    }
}
