import DangBoCore
import DangBoStore
import Foundation
import Plot
import Vapor

/// Login and logout (issue 9 point 2): the form posts `username` and `password`; Bcrypt; throttled; a session in
/// the store and an HttpOnly cookie.
struct AuthController {
    let store: Store
    let configuration: WebConfiguration
    let throttle: LoginThrottle

    func register(_ routes: any RoutesBuilder) {
        routes.get(.login, use: show)
        routes.post(.login, use: login)
        routes.post(.logout, use: logout)
    }

    struct LoginForm: Content {
        var username: String?
        var password: String?
        var next: String?
    }

    @Sendable func show(_ request: Request) async throws -> Response {
        if request.caller != nil { return request.redirect(to: SiteURL.home.path) }
        return Response.html(LoginPage(csrfToken: request.csrfToken, next: request.query[String.self, at: "next"]).render())
    }

    @Sendable func login(_ request: Request) async throws -> Response {
        let form = try request.content.decode(LoginForm.self)
        let username = (form.username ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        var page = LoginPage(csrfToken: request.csrfToken, next: form.next, username: username)
        guard try await throttle.allows(username) else {
            page.error = "Đăng nhập sai quá \(configuration.loginAttempts) lần; hãy đợi \(configuration.loginLockout.components.seconds / 60) phút rồi thử lại."
            return Response.html(page.render(), status: .tooManyRequests)
        }
        // NB: the same answer, after the same Bcrypt work, whether the name exists or the password is wrong.
        let hash = try await store.passwordHash(login: username) ?? Self.decoyHash
        let matches = try await request.application.threadPool.runIfActive { try Passwords.verify(form.password ?? "", hash: hash) }
        guard matches, let account = try await store.accounts().first(where: { $0.login == username }), !account.disabled else {
            try await throttle.failed(username)
            page.error = "Tên đăng nhập hoặc mật khẩu không đúng."
            return Response.html(page.render(), status: .unauthorized)
        }
        try await throttle.succeeded(username)
        // NB: expired sessions go at each login: the table stays small without a background job.
        try await store.deleteExpiredSessions(now: Date())
        let session = SessionCookie.make()
        try await store.createSession(tokenHash: session.hash, account: account.id,
                                      expiresAt: Date().addingTimeInterval(TimeInterval(configuration.sessionLifetime.components.seconds)))
        let response = request.redirect(to: Self.localPath(form.next) ?? SiteURL.home.path)
        response.cookies[SessionCookie.name] = SessionCookie.cookie(session.token, configuration: configuration)
        request.logger.info("session.started", metadata: ["account": "\(account.id)"])
        return response
    }

    @Sendable func logout(_ request: Request) async throws -> Response {
        if let caller = request.caller { try await store.deleteSession(tokenHash: caller.sessionHash) }
        let response = request.redirect(to: SiteURL.login.path)
        response.cookies[SessionCookie.name] = SessionCookie.expired
        return response
    }

    /// Only a path of this site may follow a login (no open redirect).
    static func localPath(_ next: String?) -> String? {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\\\") else { return nil }
        return next
    }

    /// A Bcrypt hash no password matches, checked when the name is unknown so that both answers take as long.
    static let decoyHash = (try? Passwords.hash(SessionCookie.randomHex(bytes: 16))) ?? ""
}

/// The login page.
struct LoginPage {
    var csrfToken: String
    var next: String?
    var username = ""
    var error: String?

    func render() -> String {
        Layout(title: "Đăng nhập", topBar: nil, current: nil).render(.div(
            .class("login"),
            .form(
                .action(SiteURL.login.path), .method(.post),
                .input(.type(.hidden), .name(CSRFMiddleware.field), .value(csrfToken)),
                .unwrap(AuthController.localPath(next)) { .input(.type(.hidden), .name("next"), .value($0)) },
                .unwrap(error) { .p(.class("error"), .text($0)) },
                .div(.class("field"), .label(.for("username"), .text("Tên đăng nhập")),
                     .input(.type(.text), .name("username"), .id("username"), .value(username), .required(true),
                            .attribute(named: "autocomplete", value: "username"))),
                .div(.class("field"), .label(.for("password"), .text("Mật khẩu")),
                     .input(.type(.password), .name("password"), .id("password"), .required(true),
                            .attribute(named: "autocomplete", value: "current-password"))),
                .button(.type(.submit), .text("Đăng nhập"))
            )))
    }
}
