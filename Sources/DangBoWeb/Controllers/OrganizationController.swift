import DangBoCore
import DangBoStore
import Plot
import Vapor

/// Tổ chức đảng: the tree as it stood on the day asked, one level at a time, within the caller's scope.
struct OrganizationController {
    let store: Store
    let today: @Sendable () -> Day

    func register(_ routes: any RoutesBuilder) { routes.get(.organizations, use: show) }

    @Sendable func show(_ request: Request) async throws -> Response {
        let context = try await PageContext.of(request, store: store, today: today())
        var parent: OrganizationSummary?
        if let code = request.query[String.self, at: "ma"], !code.isEmpty {
            guard let organization = try await store.organization(code: code, on: context.asOf, in: context.caller.scope) else {
                throw Abort(.notFound, reason: "Không có tổ chức đảng mã \(code) trong phạm vi tài khoản của bạn vào ngày \(VietnameseFormat.day(context.asOf)).")
            }
            parent = organization
        }
        let children = try await store.children(of: parent?.id, in: context.caller.scope, on: context.asOf)
        var above: OrganizationSummary?
        if let up = parent?.parent, try await store.covers(context.caller.scope, up, on: context.asOf) {
            above = try await store.organization(up, on: context.asOf)
        }
        return Response.html(OrganizationTreePage(context: context, parent: parent, above: above, children: children).render())
    }
}

struct OrganizationTreePage {
    var context: PageContext
    var parent: OrganizationSummary?
    var above: OrganizationSummary?
    var children: [OrganizationSummary]

    func render() -> String {
        let day = VietnameseFormat.day(context.asOf)
        func link(_ organization: OrganizationSummary?) -> String {
            SiteURL.organizations.with(query: [("ma", organization?.code ?? ""), ("ngay", day)])
        }
        return Layout(title: parent?.name ?? "Tổ chức đảng", topBar: context.topBar, current: .organizations).render(.div(
            .form(.class("filters"), .action(SiteURL.organizations.path), .method(.get),
                  .unwrap(parent) { .input(.type(.hidden), .name("ma"), .value($0.code)) },
                  .div(.label(.for("ngay"), .text("Cây tổ chức vào ngày")), .input(.type(.text), .name("ngay"), .id("ngay"), .value(day))),
                  .button(.type(.submit), .text("Xem"))),
            .unwrap(parent) { parent in
                .p(.unwrap(above, { .a(.href(link($0)), .text("↑ \($0.name)")) }, else: .a(.href(link(nil)), .text("↑ Phạm vi của tài khoản"))),
                   .text(" · "), .a(.href(SiteURL.members.with(query: [("to-chuc", parent.code), ("ngay", day)])), .text("Danh sách đảng viên")))
            },
            .if(children.isEmpty, .p(.class("muted"), .text("Không có tổ chức trực thuộc vào ngày \(day)."))),
            .table(
                .thead(.tr(.th("Mã"), .th("Tên tổ chức"), .th("Loại"), .th("Tổ chức trực thuộc"), .th("Đảng viên"))),
                .tbody(.forEach(children) { child in
                    .tr(.td(.text(child.code)),
                        .td(.a(.href(SiteURL.organization(child.code).with(query: [("ngay", day)])), .text(child.name))),
                        .td(.text(child.kind.vietnamese)), .td(.a(.href(link(child)), .text("Trực thuộc"))),
                        .td(.a(.href(SiteURL.members.with(query: [("to-chuc", child.code), ("ngay", day)])), .text("Xem"))))
                }))))
    }
}
