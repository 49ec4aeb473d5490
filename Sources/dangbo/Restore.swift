import ArgumentParser
import DangBoCore
import DangBoStore
import Foundation

struct Restore: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Restore a backup (from `dangbo backup`) into the database, which must be empty unless --force (docs/operations.md).")
    @OptionGroup var options: DatabaseOptions
    @Argument(help: "The backup file (a SQLite database written by `dangbo backup`).") var file: String
    @Flag(help: "Replace everything the database holds, in one transaction.") var force = false
    @Option(help: "Who is restoring, for the audit trail.") var actor: String = "cli"

    func run() async throws {
        try await withStore(options) { store in
            let summary = try await store.restore(from: file, force: force, actor: actor)
            let n = VietnameseFormat.number
            if !summary.migrated.isEmpty {
                print("Bản sao lưu từ phiên bản cũ hơn: đã chuyển đổi thêm \(summary.migrated.count) bước.")
            }
            if summary.replacedOrganizations + summary.replacedMembers > 0 {
                print("Đã thay dữ liệu cũ (\(n(summary.replacedOrganizations)) tổ chức, \(n(summary.replacedMembers)) hồ sơ đảng viên).")
            }
            print("Đã khôi phục vào \(store.location): \(n(summary.rows["organizations"] ?? 0)) tổ chức, "
                + "\(n(summary.rows["members"] ?? 0)) hồ sơ đảng viên, \(n(summary.rows["membership_events"] ?? 0)) biến động, "
                + "\(n(summary.rows["audit_entries"] ?? 0)) mục nhật ký kiểm toán.")
        }
    }
}
