import DangBoCore
import DangBoStore
import Foundation
import Vapor

/// The web application's configuration: one typed value, read once at start (STYLE §6).
public struct WebConfiguration: Sendable {
    public var hostname: String
    public var port: Int
    /// The ports a server may listen on (0 would be a random one).
    public static let ports = 1...65_535

    public init(hostname: String = "127.0.0.1", port: Int = 8080) {
        precondition(Self.ports.contains(port), "validated by the caller")
        self.hostname = hostname
        self.port = port
    }
}

/// Builds and runs the Vapor application over an open store. The pages come with the web issue; for now it serves
/// a Vietnamese start page, a health check and the review as JSON (`/api/v1/review`).
public enum WebServer {
    public static func run(store: Store, configuration: WebConfiguration) async throws {
        // NB: Vapor reads its own command line from the environment; `dangbo serve` has parsed ours already, so Vapor
        // gets only the program's name and runs its default command (serve) on the configuration below.
        var environment = Environment.production
        environment.arguments = [CommandLine.arguments.first ?? "dangbo"]
        let app = try await Application.make(environment)
        app.http.server.configuration.hostname = configuration.hostname
        app.http.server.configuration.port = configuration.port
        routes(app, store: store)
        do {
            try await app.execute()
        } catch {
            try await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }

    /// Registers every route on `app`.
    public static func routes(_ app: Application, store: Store) {
        app.get { _ -> Response in
            let body = """
                <!doctype html><html lang="vi"><head><meta charset="utf-8"><title>DangBo</title></head>
                <body><h1>DangBo</h1><p>Phần mềm quản lý công tác xây dựng Đảng.</p>
                <p>Số liệu sơ kết: <code>/api/v1/review?organization=MÃ&amp;from=2021-01-01&amp;to=2021-03-31</code></p>
                </body></html>
                """
            var headers = HTTPHeaders()
            headers.contentType = .html
            return Response(status: .ok, headers: headers, body: .init(string: body))
        }
        app.get("healthz") { _ in "ok" }
        app.get("api", "v1", "review") { request async throws -> Response in
            guard let code = request.query[String.self, at: "organization"],
                  let from = request.query[String.self, at: "from"].flatMap(Day.init(parsing:)),
                  let to = request.query[String.self, at: "to"].flatMap(Day.init(parsing:)), from <= to else {
                throw Abort(.badRequest, reason: "Cần organization, from, to (YYYY-MM-DD), from không sau to.")
            }
            guard let root = try await store.organizationID(code: code) else {
                throw Abort(.notFound, reason: "Không có tổ chức đảng mã \(code).")
            }
            let review = try await store.review(of: root, from: from, to: to)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
            var headers = HTTPHeaders()
            headers.contentType = .json
            return Response(status: .ok, headers: headers, body: .init(data: try encoder.encode(review)))
        }
    }
}
