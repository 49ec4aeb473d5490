import DangBoCore
import DangBoStore
import Vapor

/// Nhật ký kiểm toán, for admins only (issue 9 point 3): every write, newest first, 50 a page, filtered by action and
/// by days (Asia/Ho_Chi_Minh), with the state of the hash chain as `dangbo audit verify` finds it.
struct AuditLogController {
    let store: Store
    let today: @Sendable () -> Day

    static let pageSize = 50

    func register(_ routes: any RoutesBuilder) { routes.get(.auditLog, use: show) }

    @Sendable func show(_ request: Request) async throws -> Response {
        let context = try await PageContext.of(request, store: store, today: today())
        guard context.caller.account.grants.contains(where: { $0.role == .admin }) else {
            throw Abort(.forbidden, reason: "Chỉ quản trị viên được xem nhật ký kiểm toán.")
        }
        var filters = AuditLogPage.Filters(
            action: request.query[String.self, at: "hanh-dong"] ?? "", from: request.query[String.self, at: "tu"] ?? "",
            to: request.query[String.self, at: "den"] ?? "")
        var query = AuditLogQuery(page: request.query[Int.self, at: "trang"] ?? 1, pageSize: Self.pageSize)
        query.action = filters.action.isEmpty ? nil : filters.action
        for (field, text) in [("tu", filters.from), ("den", filters.to)] where !text.isEmpty {
            guard let day = Day(parsing: text.trimmingCharacters(in: .whitespaces)) else {
                filters.errors[field] = "Ngày không hợp lệ; viết ngày/tháng/năm, ví dụ 30/3/2021."
                continue
            }
            if field == "tu" { query.from = day } else { query.to = day }
        }
        if let from = query.from, let to = query.to, from > to { filters.errors["den"] = "Ngày cuối không được trước ngày đầu." }
        let page = filters.errors.isEmpty ? try await store.auditLog(query) : AuditLogPage.empty
        var logins: [String: String] = [:]
        for account in try await store.accounts() { logins["account#\(account.id)"] = account.login }
        return Response.html(AuditLogView(
            context: context, filters: filters, query: query, page: page, logins: logins,
            verification: try await store.verifyAuditTrail()).render(),
            status: filters.errors.isEmpty ? .ok : .unprocessableEntity)
    }
}

extension AuditLogPage {
    /// The filters as the form sent them, with the message on each field at fault.
    struct Filters {
        var action: String
        var from: String
        var to: String
        var errors: [String: String] = [:]
    }

    static var empty: AuditLogPage { AuditLogPage(entries: [], total: 0, actions: []) }
}
