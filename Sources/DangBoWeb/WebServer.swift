import DangBoCore
import DangBoInterchange
import DangBoStore
import Foundation
import Vapor

/// Builds the application in one place from a typed configuration, and runs it (STYLE habits 6–8): middleware in
/// order (security headers, errors, CSRF, the caller's session), then one controller per area, each with what it
/// depends on.
public enum WebServer {
    public static func run(store: Store, configuration: WebConfiguration) async throws {
        // NB: Vapor reads its own command line from the environment; `dangbo serve` has parsed ours already, so Vapor
        // gets only the program's name and runs its default command (serve) on the configuration below.
        var environment = Environment.production
        environment.arguments = [CommandLine.arguments.first ?? "dangbo"]
        let app = try await Application.make(environment)
        app.http.server.configuration.hostname = configuration.hostname
        app.http.server.configuration.port = configuration.port
        configure(app, store: store, configuration: configuration)
        // NB: the last two quarter ends' statistics of every large subtree are kept in the background as the server
        // starts, and every six hours after: a province's or the nation's first review of a quarter would otherwise
        // count them (the nation's, 47.5 s on SQLite).
        let keeping = Task.detached(priority: .background) {
            await store.keepQuarterEnds(asOf: { Importer.Context.today() }, every: .seconds(6 * 3600))
        }
        var failure: (any Error)?
        do { try await app.execute() } catch { failure = error }
        keeping.cancel()
        await keeping.value
        try await app.asyncShutdown()
        if let failure { throw failure }
    }

    /// Registers the middleware and every route on `app`. `today` is read at the edge (Asia/Ho_Chi_Minh).
    public static func configure(
        _ app: Application, store: Store, configuration: WebConfiguration = WebConfiguration(),
        today: @escaping @Sendable () -> Day = { Importer.Context.today() }
    ) {
        app.middleware = Middlewares()
        // NB: the headers outermost, so that error pages and redirects carry them too.
        app.middleware.use(SecurityHeadersMiddleware())
        app.middleware.use(ErrorPageMiddleware())
        app.middleware.use(CSRFMiddleware(configuration: configuration))
        app.middleware.use(SessionMiddleware(store: store))
        app.get(.health) { _ in Response(status: .ok, body: "ok") }
        app.get(.stylesheet) { _ in
            var headers = HTTPHeaders()
            headers.contentType = .init(type: "text", subType: "css", parameters: ["charset": "utf-8"])
            headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=3600")
            return Response(status: .ok, headers: headers, body: .init(string: Stylesheet.css))
        }
        let throttle = LoginThrottle(store: store, attempts: configuration.loginAttempts, lockout: configuration.loginLockout)
        AuthController(store: store, configuration: configuration, throttle: throttle).register(app)
        DashboardController(store: store, today: today).register(app)
        OrganizationController(store: store, today: today).register(app)
        MemberController(store: store, today: today, cache: PageCache(capacity: configuration.pageCacheBytes)).register(app)
        EventFormController(store: store, today: today).register(app)
        NewMemberController(store: store, today: today).register(app)
        MovementsController(store: store, today: today).register(app)
        OrganizationPageController(store: store, today: today).register(app)
        OrganizationChangeController(store: store, today: today).register(app)
        ReviewController(store: store, today: today).register(app)
        ReviewReportController(store: store, today: today).register(app)
        MeetingsController(store: store, today: today).register(app)
        CommitteesController(store: store, today: today).register(app)
        DisciplineController(store: store, today: today).register(app)
        OversightController(store: store, today: today).register(app)
        ImportController(store: store, today: today).register(app)
        AuditLogController(store: store, today: today).register(app)
        APIController(store: store).register(app)
    }
}
