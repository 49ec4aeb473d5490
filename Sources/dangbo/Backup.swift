import ArgumentParser
import DangBoCore
import DangBoStore
import Foundation

struct Backup: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a consistent copy of the registry into a new SQLite file, while the server may run (docs/operations.md).")
    @OptionGroup var options: DatabaseOptions
    @Argument(help: "The backup file to write (a SQLite database).") var file: String
    @Flag(help: "Replace FILE if it exists.") var force = false

    func run() async throws {
        try await withStore(options) { store in
            let summary = try await store.backup(to: file, force: force)
            let n = VietnameseFormat.number
            print("Đã sao lưu vào \(summary.path): \(n(summary.rows["organizations"] ?? 0)) tổ chức, "
                + "\(n(summary.rows["members"] ?? 0)) hồ sơ đảng viên, \(n(summary.rows["membership_events"] ?? 0)) biến động, "
                + "\(n(summary.rows["audit_entries"] ?? 0)) mục nhật ký kiểm toán.")
        }
    }
}
