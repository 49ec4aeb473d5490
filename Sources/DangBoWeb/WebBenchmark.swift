import DangBoCore
import DangBoStore
import Foundation
import Vapor

/// What `dangbo bench --web` needs from the web application: the real application, served on loopback, and a
/// session of an admin account made for the benchmark (issue 9 point 6). The pages are measured from outside (wrk),
/// through the same middleware, session lookup and scoped queries as any user's request.
///
/// NB: a struct: Swift 6.3.1 crashed in release builds deserializing the vtable of this type as a final class.
public struct WebBenchmark: Sendable {
    let app: Application
    /// The `Cookie` header of the benchmark's session (a value for `wrk -H`).
    public let cookieHeader: String
    public let port: Int

    /// Starts the application on 127.0.0.1:`port` with a session of the account `login` (created as an admin on
    /// `root` when it does not exist, with a random password nobody is told: it only ever logs in here).
    public static func start(store: Store, root: OrganizationID, login: String = "bench", port: Int,
                             configuration: WebConfiguration = WebConfiguration(),
                             today: @escaping @Sendable () -> Day) async throws -> WebBenchmark {
        let account: Account
        if let existing = try await store.accounts().first(where: { $0.login == login }) {
            account = existing
        } else {
            account = try await store.addAccount(
                login: login, grant: Grant(role: .admin, organization: root),
                passwordHash: try Passwords.hash(SessionCookie.randomHex(bytes: 16)), actor: "bench")
        }
        let session = SessionCookie.make()
        try await store.createSession(tokenHash: session.hash, account: account.id, expiresAt: Date().addingTimeInterval(3600))
        var environment = Environment.production
        environment.arguments = ["dangbo"]
        let app = try await Application.make(environment)
        app.logger.logLevel = .warning
        app.http.server.configuration.hostname = "127.0.0.1"
        app.http.server.configuration.port = port
        WebServer.configure(app, store: store, configuration: configuration, today: today)
        try await app.server.start(address: .hostname("127.0.0.1", port: port))
        // NB: the CSRF cookie too, as a browser sends it back after its first page: without it every request would
        // draw a new token and set it again, which no user's browser asks for.
        let csrf = SessionCookie.randomHex(bytes: 32)
        return WebBenchmark(app: app, cookieHeader: "Cookie: \(SessionCookie.name)=\(session.token); \(CSRFMiddleware.cookie)=\(csrf)",
                            port: port)
    }

    private init(app: Application, cookieHeader: String, port: Int) {
        self.app = app
        self.cookieHeader = cookieHeader
        self.port = port
    }

    /// The address of a page, with its query (as links write it).
    public func url(memberPage member: MemberID) -> String { "http://127.0.0.1:\(port)\(SiteURL.member(member).path)" }

    public func url(memberListOf code: String) -> String {
        "http://127.0.0.1:\(port)\(SiteURL.members.with(query: [("to-chuc", code)]))"
    }

    public var dashboardURL: String { "http://127.0.0.1:\(port)\(SiteURL.home.path)" }

    public func stop() async throws {
        await app.server.shutdown()
        try await app.asyncShutdown()
    }
}
