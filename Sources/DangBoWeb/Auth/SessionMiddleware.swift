import DangBoCore
import DangBoStore
import Foundation
import Vapor

/// Finds the caller of every request from the session cookie (the store keeps the session, so several app instances
/// can share one PostgreSQL); pages that need a caller ask `requireCaller()`.
struct SessionMiddleware: AsyncMiddleware {
    let store: Store

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let token = request.cookies[SessionCookie.name]?.string, token.count == 64 {
            let hash = SessionCookie.hash(token)
            if let account = try await store.account(ofSession: hash, now: Date()) {
                request.caller = Caller(account: account, scope: Scope(account: account), sessionHash: hash)
            }
        }
        return try await next.respond(to: request)
    }
}
