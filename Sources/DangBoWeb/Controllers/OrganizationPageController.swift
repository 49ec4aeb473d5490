import DangBoCore
import DangBoStore
import Plot
import Vapor

/// An organization's page (issue 9 point 3): the organization as it stood on the day asked, its figures, its committee
/// in force that day and its history of versions, within the caller's scope (outside it: 404, never data).
struct OrganizationPageController {
    let store: Store
    let today: @Sendable () -> Day

    func register(_ routes: any RoutesBuilder) { routes.get(.organization(""), use: show) }

    @Sendable func show(_ request: Request) async throws -> Response {
        let context = try await PageContext.of(request, store: store, today: today())
        let code = request.parameters.get("code") ?? ""
        // NB: an organization outside the caller's scope is answered as unknown, never with its data.
        guard let organization = try await store.organization(code: code, on: context.asOf, in: context.caller.scope) else {
            throw Abort(.notFound, reason: "Không có tổ chức đảng mã \(code) trong phạm vi tài khoản của bạn vào ngày \(VietnameseFormat.day(context.asOf)).")
        }
        var parent: OrganizationSummary?
        if let up = organization.parent, try await store.covers(context.caller.scope, up, on: context.asOf) {
            parent = try await store.organization(up, on: context.asOf)
        }
        return Response.html(OrganizationPage(
            context: context, organization: organization, parent: parent,
            statistics: try await store.statistics(of: organization.id, asOf: context.asOf),
            seats: try await store.seats(of: organization.id, in: context.caller.scope, on: context.asOf),
            history: try await store.history(of: organization.id, in: context.caller.scope, on: context.asOf),
            charts: try await store.charts(of: organization.id, asOf: context.asOf)).render())
    }
}

struct OrganizationPage {
    var context: PageContext
    var organization: OrganizationSummary
    /// The parent that day, when the caller's scope covers it.
    var parent: OrganizationSummary?
    var statistics: Statistics
    var seats: [SeatHolder]
    var history: [OrganizationHistoryRow]
    /// Members by standing over 24 months, the age pyramid, admissions over 8 quarters (issue 9 "charts").
    var charts: OrganizationCharts

    func render() -> String {
        let n = VietnameseFormat.number, day = VietnameseFormat.day(context.asOf)
        let m = statistics.members, o = statistics.organizations
        func members(_ filters: [(String, String)] = []) -> String {
            SiteURL.members.with(query: [("to-chuc", organization.code)] + filters + [("ngay", day)])
        }
        func figure(_ label: String, _ value: Int, _ link: String?) -> Node<HTML.TableContext> {
            .tr(.th(.text(label)), .td(.class("number"), .unwrap(link, { .a(.href($0), .text(n(value))) }, else: .text(n(value)))))
        }
        return Layout(title: organization.name, topBar: context.topBar, current: .organizations).render(.div(
            .form(.class("filters"), .action(SiteURL.organization(organization.code).path), .method(.get),
                  .div(.label(.for("ngay"), .text("Vào ngày")), .input(.type(.text), .name("ngay"), .id("ngay"), .value(day))),
                  .button(.type(.submit), .text("Xem"))),
            .table(.tbody(
                OrganizationPage.row("Mã", .text(organization.code)),
                OrganizationPage.row("Tên tổ chức", .text(organization.name)),
                OrganizationPage.row("Loại", .text(organization.kind.vietnamese)),
                .unwrap(parent) { parent in
                    OrganizationPage.row("Trực thuộc", .a(.href(SiteURL.organization(parent.code).with(query: [("ngay", day)])),
                                                         .text(parent.name)))
                })),
            .p(.a(.href(members()), .text("Danh sách đảng viên")), .text(" · "),
               .a(.href(SiteURL.organizations.with(query: [("ma", organization.code), ("ngay", day)])), .text("Tổ chức trực thuộc"))),
            OrganizationChangeController.links(for: organization, context: context),
            .h2("Số liệu đến ngày \(day)"),
            .table(.tbody(
                figure("Tổng số đảng viên", m.total, members()),
                figure("Đảng viên chính thức", m.official, members([("dang-vien", "chinh-thuc")])),
                figure("Đảng viên dự bị", m.probationary, members([("dang-vien", "du-bi")])),
                figure("Đảng viên nữ", m.female, members([("gioi-tinh", "nu")])),
                figure("Miễn công tác và sinh hoạt đảng", m.exempt, nil),
                figure("Tổ chức đảng", o.total, SiteURL.organizations.with(query: [("ma", organization.code), ("ngay", day)])),
                .forEach(OrganizationKind.allCases.filter { (o.byKind[$0.rawValue] ?? 0) > 0 }) { kind in
                    figure("— \(kind.vietnamese)", o.byKind[kind.rawValue] ?? 0, nil)
                })),
            .h2("Cấp ủy, ủy ban kiểm tra vào ngày \(day)"),
            .if(seats.isEmpty, .p(.class("muted"), .text("Không có cấp ủy viên đương nhiệm vào ngày \(day)."))),
            .if(!seats.isEmpty, .table(
                .thead(.tr(.th("STT"), .th("Cơ quan"), .th("Chức vụ"), .th("Họ và tên"), .th("Hình thức"), .th("Từ ngày"))),
                .tbody(.forEach(seats.enumerated()) { index, holder in
                    .tr(.td(.class("number"), .text(n(index + 1))), .td(.text(holder.seat.committee.vietnamese)),
                        .td(.text(holder.seat.position.vietnamese)),
                        .td(.a(.href(SiteURL.member(holder.seat.member).with(query: [("ngay", day)])), .text(holder.name))),
                        .td(.text(Self.vietnamese(holder.seat.source))),
                        .td(.text(VietnameseFormat.day(holder.seat.validity.start))))
                }))),
            OrganizationChartsView(charts: charts, organization: organization).node,
            .h2("Quá trình thành lập, đổi tên, sắp xếp"),
            .table(
                .thead(.tr(.th("Từ ngày"), .th("Đến ngày"), .th("Tên tổ chức"), .th("Loại"), .th("Trực thuộc (mã)"))),
                .tbody(.forEach(history) { version in
                    .tr(.td(.text(VietnameseFormat.day(version.validity.start))),
                        .td(.text(version.validity.lastDay.map(VietnameseFormat.day) ?? "nay")),
                        .td(.text(version.name)), .td(.text(version.kind.vietnamese)), .td(.text(version.parentCode)))
                }))))
    }

    static func row(_ label: String, _ value: Node<HTML.BodyContext>) -> Node<HTML.TableContext> {
        .tr(.th(.text(label)), .td(value))
    }

    /// How the seat was filled, in the words of the decisions.
    static func vietnamese(_ source: SeatSource) -> String {
        switch source {
        case .congress: "Đại hội bầu"
        case .conference: "Hội nghị bầu bổ sung"
        case .appointed: "Chỉ định"
        }
    }
}
