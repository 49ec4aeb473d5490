import DangBoCore
import DangBoStore
import Foundation
import Vapor

/// The JSON API under `/api/v1`, read by scripts with a signed-in session, filtered by the caller's scope like every
/// page. The review keeps the published keys of DESIGN §4 (pinned by a snapshot test in Core).
struct APIController {
    let store: Store

    func register(_ routes: any RoutesBuilder) { routes.get(.apiReview, use: review) }

    @Sendable func review(_ request: Request) async throws -> Response {
        guard let caller = request.caller else {
            throw Abort(.unauthorized, reason: "Cần đăng nhập (POST /dang-nhap với username, password) rồi gửi kèm cookie phiên.")
        }
        guard let code = request.query[String.self, at: "organization"],
              let from = request.query[String.self, at: "from"].flatMap(Day.init(parsing:)),
              let to = request.query[String.self, at: "to"].flatMap(Day.init(parsing:)), from <= to else {
            throw Abort(.badRequest, reason: "Cần organization, from, to (YYYY-MM-DD), from không sau to.")
        }
        guard let organization = try await store.organization(code: code, on: to, in: caller.scope) else {
            throw Abort(.notFound, reason: "Không có tổ chức đảng mã \(code) trong phạm vi tài khoản này.")
        }
        let review = try await store.review(of: organization.id, from: from, to: to)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(data: try encoder.encode(review)))
    }
}
