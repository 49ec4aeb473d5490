/// Why a backup or a restore did nothing, in the words a user needs (Vietnamese).
public enum BackupError: Error, Sendable, Equatable, CustomStringConvertible {
    case fileExists(String)
    case missingFile(String)
    case notABackup(String)
    case damaged(String, String)
    /// The backup was written by a newer DangBo: it holds migrations this one does not know.
    case newerVersion(String, [String])
    /// The target already holds a registry and `--force` was not given.
    case notEmpty(organizations: Int, members: Int)
    case schemaMismatch(table: String)
    case unsupportedColumn(table: String, column: String, type: String)

    public var description: String {
        switch self {
        case .fileExists(let path):
            "Tệp \(path) đã có; không ghi đè. Chọn tên khác, hoặc thêm --force để thay tệp đó."
        case .missingFile(let path):
            "Không có tệp sao lưu \(path)."
        case .notABackup(let path):
            "Tệp \(path) không phải bản sao lưu DangBo (không phải cơ sở dữ liệu SQLite có lịch sử chuyển đổi của DangBo)."
        case .damaged(let path, let detail):
            "Bản sao lưu \(path) bị hỏng (\(detail)); không khôi phục gì."
        case .newerVersion(let path, let migrations):
            "Bản sao lưu \(path) do phiên bản DangBo mới hơn tạo (có \(migrations.count) bước chuyển đổi mà bản này không biết: "
                + "\(migrations.joined(separator: ", "))). Hãy khôi phục bằng phiên bản DangBo đó hoặc mới hơn; không khôi phục gì."
        case .notEmpty(let organizations, let members):
            "Cơ sở dữ liệu đích đã có dữ liệu (\(organizations) tổ chức, \(members) hồ sơ đảng viên); không khôi phục gì. "
                + "Thêm --force để thay toàn bộ dữ liệu đó bằng bản sao lưu."
        case .schemaMismatch(let table):
            "Bảng \(table) của bản sao lưu không khớp cấu trúc của cơ sở dữ liệu đích; không khôi phục gì."
        case .unsupportedColumn(let table, let column, let type):
            "Cột \(table).\(column) có kiểu \(type) mà bản sao lưu không chép được."
        }
    }
}
