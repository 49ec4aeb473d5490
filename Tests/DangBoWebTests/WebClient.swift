import DangBoCore
import DangBoStore
import DangBoSynthetic
import DangBoWeb
import Foundation
import Testing
import Vapor
import VaporTesting

/// A browser in process: keeps cookies between requests, sends forms with the page's CSRF token, follows nothing by
/// itself (tests read redirects).
final class WebClient {
    let app: Application
    var cookies: [String: String] = [:]

    init(app: Application) { self.app = app }

    func get(_ path: String) async throws -> TestingHTTPResponse {
        try await send(.GET, path, body: nil)
    }

    /// Posts `form` (URL-encoded) with the CSRF token of the cookie jar, unless `csrf` says otherwise.
    func post(_ path: String, _ form: [String: String], csrf: String? = nil) async throws -> TestingHTTPResponse {
        if cookies["dangbo_csrf"] == nil { _ = try await get("/dang-nhap") }
        var fields = form
        fields["_csrf"] = csrf ?? cookies["dangbo_csrf"] ?? ""
        var components = URLComponents()
        components.queryItems = fields.sorted { $0.key < $1.key }.map { URLQueryItem(name: $0.key, value: $0.value) }
        let encoded = (components.percentEncodedQuery ?? "").replacingOccurrences(of: "+", with: "%2B")
        return try await send(.POST, path, body: encoded)
    }

    private func send(_ method: HTTPMethod, _ path: String, body: String?) async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders()
        if !cookies.isEmpty { headers.add(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")) }
        if body != nil { headers.contentType = .urlEncodedForm }
        let response = try await app.testing().sendRequest(method, path, headers: headers,
                                                           body: body.map { ByteBuffer(string: $0) })
        for header in response.headers[.setCookie] {
            let pair = header.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
            guard pair.count == 2 else { continue }
            if header.contains("Expires=Thu, 01 Jan 1970") || pair[1].isEmpty { cookies[String(pair[0])] = nil } else {
                cookies[String(pair[0])] = String(pair[1])
            }
        }
        return response
    }

    /// Logs in and expects to land on `next` (or the dashboard).
    func login(_ username: String, _ password: String) async throws -> TestingHTTPResponse {
        try await post("/dang-nhap", ["username": username, "password": password])
    }
}

/// A registry on SQLite with an account per role, served in process.
enum WebFixture {
    static let password = "mat-khau-thu-nghiem"
    static let synthetic = SyntheticRegistry(options: .init(seed: 3, grassroots: 6, members: 300))

    static func withApp(_ body: (Application, Store, Registry) async throws -> Void) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dangbo-web-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try await Store.open(.sqlite(path: directory.appendingPathComponent("web.sqlite").path))
        let (change, registry) = synthetic.change()
        do {
            try await store.write(change, tree: registry.tree, audit: AuditRecord(
                actor: "test", action: "seed", summary: "web", recordedAt: Date(timeIntervalSince1970: 0)))
            let hash = try Passwords.hash(password)
            let root = synthetic.organizations[0]
            try await store.addAccount(login: "quantri", grant: Grant(role: .admin, organization: root.id), passwordHash: hash, actor: "test")
            try await store.addAccount(login: "bithu", grant: Grant(role: .cellSecretary, organization: cell(in: registry).id),
                                       passwordHash: hash, actor: "test")
            try await VaporTesting.withApp(configure: { app in
                WebServer.configure(app, store: store, today: { Day(iso: "2026-11-26")! })
            }) { app in try await body(app, store, registry) }
        } catch {
            await store.close()
            throw error
        }
        await store.close()
    }

    /// The cell the secretary's account covers: the largest cell on the fixture's last day.
    static func cell(in registry: Registry) -> Organization {
        let day = Day(iso: "2026-11-26")!
        return registry.tree.organizations.values.filter { $0.version(on: day)?.kind.isCell == true }
            .max { (registry.statistics(of: $0.id, asOf: day).members.total, $1.id) < (registry.statistics(of: $1.id, asOf: day).members.total, $0.id) }!
    }
}
