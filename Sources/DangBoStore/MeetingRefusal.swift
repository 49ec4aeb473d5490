import DangBoCore

/// Why a meeting was not recorded, in Vietnamese, with the form field at fault.
public enum MeetingRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    case notACell(code: String, day: Day)
    case outsideScope
    case notOnTheRolls(name: String)

    public var description: String {
        switch self {
        case .notACell(let code, let day): "\(code) không phải là chi bộ vào ngày \(VietnameseFormat.day(day))."
        case .outsideScope: "Chi bộ này không thuộc phạm vi tài khoản của bạn."
        case .notOnTheRolls(let name): "\(name) không sinh hoạt ở chi bộ này vào ngày họp; chọn “Sinh hoạt tạm thời” nếu đến dự."
        }
    }
}
