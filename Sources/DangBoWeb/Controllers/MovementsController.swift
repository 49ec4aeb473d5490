import DangBoCore
import DangBoStore
import Vapor

/// Biến động đảng viên: the movements of a period in the caller's scope (or the subtree of one organization in it),
/// newest first, each linking to its member, and the ways onto the rolls (UX.md "Where things are").
struct MovementsController {
    let store: Store
    let today: @Sendable () -> Day

    func register(_ routes: any RoutesBuilder) {
        routes.get(.movements, use: list)
    }

    static let pageSize = 50

    @Sendable func list(_ request: Request) async throws -> Response {
        let context = try await PageContext.of(request, store: store, today: today())
        let month = Day(year: context.asOf.year, month: context.asOf.month, day: 1)!
        var errors: [String] = []
        func day(_ name: String, default value: Day) -> Day {
            guard let written = request.query[String.self, at: name], !written.isEmpty else { return value }
            guard let day = Day(parsing: written) else {
                errors.append("Ngày \"\(written)\" không hợp lệ; viết ngày/tháng/năm, ví dụ 30/3/2021.")
                return value
            }
            return day
        }
        let from = day("tu", default: month)
        let to = day("den", default: month.adding(months: 1).previous)
        if to < from { errors.append("Ngày cuối kỳ \(VietnameseFormat.day(to)) trước ngày đầu kỳ \(VietnameseFormat.day(from)).") }
        var root: OrganizationID?
        let code = request.query[String.self, at: "to-chuc"] ?? ""
        if !code.isEmpty {
            // NB: an organization outside the caller's scope is answered as unknown, never with its movements.
            guard let organization = try await store.organization(code: code, on: context.asOf, in: context.caller.scope) else {
                throw Abort(.notFound, reason: "Không có tổ chức đảng mã \(code) trong phạm vi tài khoản của bạn vào ngày \(VietnameseFormat.day(context.asOf)).")
            }
            root = organization.id
        }
        let page = try await store.movements(in: context.caller.scope, under: root, from: from, to: to,
                                             page: max(1, request.query[Int.self, at: "trang"] ?? 1), pageSize: Self.pageSize)
        let writer = context.caller.account.grants.contains { MemberController.writers.contains($0.role) }
        return Response.html(MovementsPage(context: context, from: from, to: to, code: code, page: page, errors: errors,
                                           writer: writer).render())
    }
}
