/// Why a written national ID is not one, with the Vietnamese message a user reads.
public struct NationalIDViolation: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Reason: Hashable, Sendable {
        case empty
        /// A character that is not a digit (a letter, a dash…).
        case notADigit(Character)
        /// Dots or commas that do not separate groups of three digits (a decimal part, a stray dot).
        case misplacedSeparator
        /// Excel's scientific notation ("1,08501E+11"): the digits are lost.
        case scientificNotation
        /// 9 digits: an old identity card number (CMND), not a CCCD.
        case identityCardNumber
        /// 10 or 11 digits that zeros in front do not make a CCCD of: it would not start with a province code 001–096.
        case notRestorable(Int)
        /// Neither 12 digits nor 10–11 that lost their leading zeros.
        case length(Int)
    }

    /// What was written, trimmed.
    public var written: String
    public var reason: Reason

    public init(written: String, reason: Reason) {
        self.written = written
        self.reason = reason
    }

    public var message: String {
        let quoted = "\"\(written)\""
        return switch reason {
        case .empty:
            "Số CCCD không được để trống."
        case .notADigit(let character):
            "Số CCCD \(quoted) có ký tự \"\(character)\" không phải chữ số; số CCCD gồm 12 chữ số."
        case .misplacedSeparator:
            "Số CCCD \(quoted) có dấu chấm hoặc dấu phẩy không đúng chỗ (phần thập phân?); số CCCD gồm 12 chữ số."
        case .scientificNotation:
            "Số CCCD \(quoted) đã bị Excel đổi sang dạng số mũ nên mất chữ số; hãy định dạng cột là Văn bản (Text) rồi "
                + "nhập lại số CCCD 12 chữ số."
        case .identityCardNumber:
            "\(quoted) có 9 chữ số: đó là số chứng minh nhân dân cũ, không phải số CCCD 12 chữ số."
        case .notRestorable(let count):
            "Số CCCD \(quoted) có \(count) chữ số; thêm số 0 ở đầu cũng không thành số CCCD (3 chữ số đầu là mã tỉnh, từ "
                + "001 đến 096); số CCCD gồm 12 chữ số."
        case .length(let count):
            "Số CCCD \(quoted) có \(count) chữ số; số CCCD gồm 12 chữ số (10 hoặc 11 chữ số khi Excel bỏ mất số 0 ở đầu)."
        }
    }

    public var description: String { message }
}
