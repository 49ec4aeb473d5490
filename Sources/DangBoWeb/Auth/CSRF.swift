import DangBoCore
import Vapor

/// CSRF protection on every form: a random token in a cookie the page's own forms repeat in a hidden field
/// (`_csrf`); a POST whose field and cookie differ is refused (issue 9 point 2). SameSite cookies and the
/// Content-Security-Policy's `form-action 'self'` guard the same door twice.
struct CSRFMiddleware: AsyncMiddleware {
    static let cookie = "dangbo_csrf"
    static let field = "_csrf"
    let configuration: WebConfiguration
    /// The largest form body other than an upload (a form of this application is a few kilobytes).
    static let formCap = 1 << 20

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let existing = request.cookies[Self.cookie]?.string
        let token = existing.flatMap { $0.count == 64 ? $0 : nil } ?? SessionCookie.randomHex(bytes: 32)
        request.csrfToken = token
        if request.method == .POST {
            // NB: a body that came in more than one read still streams here, before any route has collected it:
            // collect it first (up to the route's cap), or the token of a large form (an upload) could not be read.
            if request.body.data == nil {
                let cap = request.url.path == SiteURL.importUpload.path ? ImportController.defaultMaximumUploadBytes : Self.formCap
                do {
                    _ = try await request.body.collect(max: cap).get()
                } catch let abort as any AbortError where abort.status == .payloadTooLarge {
                    throw Abort(.payloadTooLarge, reason: "Dữ liệu gửi lên lớn hơn \(VietnameseFormat.number(max(1, cap >> 20))) MB, "
                        + "quá giới hạn; hãy chia dữ liệu thành nhiều tệp nhỏ hơn.")
                }
            }
            let sent = try? request.content.get(String.self, at: Self.field)
            guard let existing, let sent, !existing.isEmpty, constantTimeEqual(existing, sent) else {
                throw Abort(.forbidden, reason: "Biểu mẫu đã hết hạn hoặc không gửi từ DangBo; hãy tải lại trang rồi gửi lại.")
            }
        }
        let response = try await next.respond(to: request)
        if existing != token {
            response.cookies[Self.cookie] = HTTPCookies.Value(
                string: token, path: "/", isSecure: configuration.secureCookies, isHTTPOnly: true, sameSite: .strict)
        }
        return response
    }

    private func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

extension Request {
    private struct CSRFKey: StorageKey { typealias Value = String }

    /// The token this page's forms must send back.
    var csrfToken: String {
        get { storage[CSRFKey.self] ?? "" }
        set { storage[CSRFKey.self] = newValue }
    }
}
