import Plot
import Vapor

/// The one error path to the user (STYLE §7): a redirect goes through; an `Abort` becomes a Vietnamese page with its
/// status and reason (written for users where it is thrown); anything else is a generic 500 page and a log line with
/// the request id, never the error itself.
struct ErrorPageMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch let abort as any AbortError {
            if abort.status.code / 100 == 3, let location = abort.headers.first(name: .location) {
                return request.redirect(to: location)
            }
            return Self.page(status: abort.status, message: Self.message(abort), request: request)
        } catch {
            request.logger.error("request.failed", metadata: ["request": "\(request.id)", "error": "\(type(of: error))"])
            return Self.page(status: .internalServerError, message:
                "Đã có lỗi ngoài dự kiến; dữ liệu không bị thay đổi. Hãy thử lại; nếu vẫn lỗi, báo quản trị viên mã \(request.id).",
                request: request)
        }
    }

    static func message(_ abort: any AbortError) -> String {
        switch abort.status {
        case .notFound: abort.reason == HTTPResponseStatus.notFound.reasonPhrase ? "Không có trang này, hoặc trang nằm ngoài phạm vi tài khoản của bạn." : abort.reason
        case .forbidden: abort.reason == HTTPResponseStatus.forbidden.reasonPhrase ? "Tài khoản của bạn không có quyền xem trang này." : abort.reason
        default: abort.reason
        }
    }

    static func page(status: HTTPResponseStatus, message: String, request: Request) -> Response {
        let html = Layout(title: "Lỗi \(status.code)", topBar: nil, current: nil).render(.div(
            .p(.class("error"), .text(message)),
            .p(.a(.href(SiteURL.home.path), .text("Về trang tổng quan")))))
        return Response.html(html, status: status)
    }
}

extension Response {
    static func html(_ html: String, status: HTTPResponseStatus = .ok) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .html
        return Response(status: status, headers: headers, body: .init(string: html))
    }
}
