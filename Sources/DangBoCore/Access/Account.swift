/// A login to DangBo: a person of the organization's staff, never a party member record (DESIGN §3).
public struct Account: Hashable, Sendable {
    public var id: Int
    /// The name typed at the login form: lower-case ASCII letters, digits, `.`, `_` and `-`, 3 to 64 characters.
    public var login: String
    public var grants: [Grant]
    public var disabled: Bool

    public init(id: Int, login: String, grants: [Grant], disabled: Bool = false) {
        self.id = id
        self.login = login
        self.grants = grants
        self.disabled = disabled
    }

    /// The characters and lengths a login may have.
    public static let loginLength = 3...64

    /// `text` as a login, or the reason it cannot be one.
    public static func login(parsing text: String) throws(AccountViolation) -> String {
        guard loginLength.contains(text.count) else { throw .loginLength(text.count) }
        guard text.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || ".-_".unicodeScalars.contains($0) })
        else { throw .loginCharacters }
        return text
    }

    /// The fewest characters a password may have.
    public static let minimumPasswordLength = 10

    /// Checks a new password: long enough, and not the login itself.
    public static func checkPassword(_ password: String, login: String) throws(AccountViolation) {
        guard password.count >= minimumPasswordLength else { throw .passwordTooShort }
        guard password.lowercased() != login.lowercased() else { throw .passwordIsLogin }
    }
}

/// Why an account or a password is refused, with the Vietnamese message a user reads.
public enum AccountViolation: Error, Hashable, Sendable, CustomStringConvertible {
    case loginLength(Int)
    case loginCharacters
    case loginTaken(String)
    case passwordTooShort
    case passwordIsLogin
    case unknownLogin(String)

    public var message: String {
        switch self {
        case .loginLength(let count):
            "Tên đăng nhập phải có từ \(Account.loginLength.lowerBound) đến \(Account.loginLength.upperBound) ký tự (đang có \(count))."
        case .loginCharacters:
            "Tên đăng nhập chỉ gồm chữ thường không dấu (a–z), chữ số và các dấu . _ -"
        case .loginTaken(let login): "Tên đăng nhập \(login) đã có."
        case .passwordTooShort: "Mật khẩu phải có ít nhất \(Account.minimumPasswordLength) ký tự."
        case .passwordIsLogin: "Mật khẩu không được trùng với tên đăng nhập."
        case .unknownLogin(let login): "Không có tài khoản \(login)."
        }
    }

    public var description: String { message }
}
