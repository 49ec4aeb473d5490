import DangBoCore

/// Why a meeting's minutes were not recorded, corrected or deleted, in Vietnamese.
public enum MeetingRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    case notACell(code: String, day: Day)
    case outsideScope
    case notOnTheRolls(name: String)
    /// A member with two lines in the attendance.
    case listedTwice(name: String)
    /// No meeting is recorded under this reference.
    case unknownMeeting(String)
    /// A correction or a deletion without its reason.
    case noReason
    /// A correction equal to the minutes recorded.
    case unchanged

    public var description: String {
        switch self {
        case .notACell(let code, let day): "\(code) không phải là chi bộ vào ngày \(VietnameseFormat.day(day))."
        case .outsideScope: "Chi bộ này không thuộc phạm vi tài khoản của bạn."
        case .notOnTheRolls(let name): "\(name) không sinh hoạt ở chi bộ này vào ngày họp; chọn “Sinh hoạt tạm thời” nếu đến dự."
        case .listedTwice(let name): "\(name) có hai dòng trong danh sách điểm danh."
        case .unknownMeeting(let reference): "Không có biên bản buổi sinh hoạt \(reference)."
        case .noReason: "Hãy ghi lý do: biên bản đã ghi chỉ được sửa hoặc xóa khi có lý do, lưu trong nhật ký."
        case .unchanged: "Bản sửa giống hệt biên bản đã ghi: không có gì để sửa."
        }
    }
}
