import DangBoCore
import DangBoStore
import Plot
import Vapor

/// Báo cáo sơ kết (issue 9 point 3): the review of an organization over a period, as the document staff know
/// (`ReportText.review`) and a table of movements, within the caller's scope (outside it: 404, never data).
struct ReviewController {
    let store: Store
    let today: @Sendable () -> Day

    func register(_ routes: any RoutesBuilder) { routes.get(.review, use: show) }

    @Sendable func show(_ request: Request) async throws -> Response {
        let context = try await PageContext.of(request, store: store, today: today())
        let quarter = Self.previousQuarter(of: today())
        let from = request.query[String.self, at: "tu"].flatMap(Day.init(parsing:)) ?? quarter.from
        let to = request.query[String.self, at: "den"].flatMap(Day.init(parsing:)) ?? quarter.to
        guard from <= to else {
            throw Abort(.badRequest, reason: "Ngày bắt đầu kỳ (\(VietnameseFormat.day(from))) phải trước hoặc bằng ngày kết thúc (\(VietnameseFormat.day(to))).")
        }
        let code = request.query[String.self, at: "to-chuc"] ?? ""
        let organization: OrganizationSummary
        if code.isEmpty {
            // NB: without a code, the first root of the caller's scope that exists on `to`.
            var first: OrganizationSummary?
            for root in context.caller.scope.roots {
                if let found = try await store.organization(root, on: to) { first = found; break }
            }
            guard let first else {
                throw Abort(.notFound, reason: "Tài khoản của bạn không có tổ chức đảng nào vào ngày \(VietnameseFormat.day(to)).")
            }
            organization = first
        } else {
            // NB: an organization outside the caller's scope is answered as unknown, never with its figures.
            guard let found = try await store.organization(code: code, on: to),
                  try await store.covers(context.caller.scope, found.id, on: to) else {
                throw Abort(.notFound, reason: "Không có tổ chức đảng mã \(code) trong phạm vi tài khoản của bạn vào ngày \(VietnameseFormat.day(to)).")
            }
            organization = found
        }
        let review = try await store.review(of: organization.id, from: from, to: to)
        return Response.html(ReviewPage(context: context, organization: organization, review: review).render())
    }

    /// The quarter before the one `day` lies in: quý III/2026 for 29/11/2026, quý IV/2025 for 15/2/2026.
    static func previousQuarter(of day: Day) -> (from: Day, to: Day) {
        let current = Day(year: day.year, month: (day.month - 1) / 3 * 3 + 1, day: 1)!
        return (current.adding(months: -3), current.previous)
    }
}

struct ReviewPage {
    var context: PageContext
    var organization: OrganizationSummary
    var review: Review

    func render() -> String {
        let n = VietnameseFormat.number
        let from = VietnameseFormat.day(review.from), to = VietnameseFormat.day(review.to)
        let mv = review.movements, b = review.balance
        func members(_ filters: [(String, String)] = []) -> String {
            SiteURL.members.with(query: [("to-chuc", organization.code)] + filters + [("ngay", to)])
        }
        let movements: [(String, Int)] = [
            ("Kết nạp", mv.admitted), ("Kết nạp lại", mv.readmitted), ("Phục hồi đảng tịch", mv.restored),
            ("Công nhận chính thức", mv.recognizedOfficial), ("Chuyển sinh hoạt đến", mv.transferredIn),
            ("Chuyển sinh hoạt đi", mv.transferredOut), ("Chuyển sinh hoạt nội bộ", mv.movedInternally),
            ("Đến do sắp xếp tổ chức", mv.reorganizedIn), ("Đi do sắp xếp tổ chức", mv.reorganizedOut),
            ("Từ trần", mv.died), ("Xóa tên", mv.removed), ("Xóa tên đảng viên dự bị", mv.probationRemoved),
            ("Khai trừ", mv.expelled), ("Ra khỏi Đảng", mv.withdrew),
        ]
        let text = ReportText.review(review, name: organization.name).split(separator: "\n", omittingEmptySubsequences: true)
        return Layout(title: "Báo cáo sơ kết", topBar: context.topBar, current: .review).render(.div(
            .form(.class("filters"), .action(SiteURL.review.path), .method(.get),
                  .div(.label(.for("to-chuc"), .text("Mã tổ chức")), .input(.type(.text), .name("to-chuc"), .id("to-chuc"), .value(organization.code))),
                  .div(.label(.for("tu"), .text("Từ ngày")), .input(.type(.text), .name("tu"), .id("tu"), .value(from))),
                  .div(.label(.for("den"), .text("Đến ngày")), .input(.type(.text), .name("den"), .id("den"), .value(to))),
                  .button(.type(.submit), .text("Xem"))),
            .h2(.text("\(organization.name) — \(VietnameseFormat.period(from: review.from, to: review.to))")),
            .table(.tbody(
                .tr(.th("Đảng viên đến \(to)"), .td(.class("number"), .a(.href(members()), .text(n(review.members.total))))),
                .tr(.th("Chính thức"), .td(.class("number"), .a(.href(members([("dang-vien", "chinh-thuc")])), .text(n(review.members.official))))),
                .tr(.th("Dự bị"), .td(.class("number"), .a(.href(members([("dang-vien", "du-bi")])), .text(n(review.members.probationary))))),
                .tr(.th("Đầu kỳ (\(VietnameseFormat.day(review.from.previous)))"),
                    .td(.class("number"), .a(.href(SiteURL.members.with(query: [("to-chuc", organization.code),
                                                                                ("ngay", VietnameseFormat.day(review.from.previous))])),
                                             .text(n(review.members.atStart))))))),
            .h2("Biến động đảng viên"),
            .table(
                .thead(.tr(.th("Biến động"), .th("Số lượng"))),
                .tbody(.forEach(movements) { label, value in
                    .tr(.td(.text(label)), .td(.class("number"), .text(n(value))))
                })),
            .p(.class("balance"), .text("Cân đối: \(n(b.atStart)) + \(n(b.inflow)) − \(n(b.outflow)) = \(n(b.atStart + b.inflow - b.outflow)); "
                + "cuối kỳ \(n(b.atEnd)) — \(b.holds ? "khớp" : "KHÔNG KHỚP")")),
            .h2("Văn bản"),
            .div(.class("document"), .forEach(text) { .p(.text(String($0))) })))
    }
}
