/// The kinds of offence never time-barred, whatever the sanction (QĐ 102-QĐ/TW Điều 3, khoản 2; QĐ 07-QĐi/TW
/// Điều 5): each rule version says which of them apply to members and which to organizations.
public enum OffenceWithoutLimit: String, CaseIterable, Sendable, Codable {
    /// Vi phạm về chính trị nội bộ.
    case internalPolitics = "internal_politics"
    /// Vi phạm về an ninh, quốc phòng có xâm hại đến lợi ích quốc gia.
    case securityDefence = "security_defence"
    /// Vi phạm về đối ngoại có xâm hại đến lợi ích quốc gia.
    case foreignAffairs = "foreign_affairs"
    /// Sử dụng văn bằng, chứng chỉ, chứng nhận không hợp pháp (members only).
    case unlawfulDegrees = "unlawful_degrees"

    public var vietnamese: String {
        switch self {
        case .internalPolitics: "chính trị nội bộ"
        case .securityDefence: "an ninh, quốc phòng có xâm hại đến lợi ích quốc gia"
        case .foreignAffairs: "đối ngoại có xâm hại đến lợi ích quốc gia"
        case .unlawfulDegrees: "sử dụng văn bằng, chứng chỉ, chứng nhận không hợp pháp"
        }
    }
}
