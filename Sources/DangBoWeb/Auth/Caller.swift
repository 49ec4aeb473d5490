import DangBoCore
import Vapor

/// Who is asking: the signed-in account and the organizations its grants cover. Every page reads through it.
struct Caller: Sendable {
    var account: Account
    var scope: Scope
    /// The token of the session (hashed in the store), to end it at logout.
    var sessionHash: String

    /// The role the account holds on its first grant, for the top bar.
    var role: Role? { account.grants.first?.role }
}

extension Request {
    private struct CallerKey: StorageKey { typealias Value = Caller }

    /// The signed-in caller; set by `SessionMiddleware` on every page that needs one.
    var caller: Caller? {
        get { storage[CallerKey.self] }
        set { storage[CallerKey.self] = newValue }
    }

    /// The caller, or a redirect to the login page for pages that need one.
    func requireCaller() throws -> Caller {
        guard let caller else { throw Abort.redirect(to: SiteURL.login.with(query: [("next", url.string)])) }
        return caller
    }
}
