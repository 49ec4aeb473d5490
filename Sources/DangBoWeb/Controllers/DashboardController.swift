import DangBoCore
import DangBoStore
import Plot
import Vapor

/// Tổng quan: the figures of each organization the caller covers, as of the day.
struct DashboardController {
    let store: Store
    let today: @Sendable () -> Day

    func register(_ routes: any RoutesBuilder) { routes.get(.home, use: show) }

    @Sendable func show(_ request: Request) async throws -> Response {
        let context = try await PageContext.of(request, store: store, today: today())
        var cards: [DashboardPage.Card] = []
        for root in context.caller.scope.roots {
            guard let organization = try await store.organization(root, on: context.asOf) else { continue }
            cards.append(.init(organization: organization, statistics: try await store.statistics(of: root, asOf: context.asOf)))
        }
        return Response.html(DashboardPage(context: context, cards: cards).render())
    }
}

struct DashboardPage {
    struct Card {
        var organization: OrganizationSummary
        var statistics: Statistics
    }

    var context: PageContext
    var cards: [Card]

    func render() -> String {
        let n = VietnameseFormat.number
        return Layout(title: "Tổng quan", topBar: context.topBar, current: .home).render(.div(.forEach(cards) { card in
            let members = card.statistics.members
            return .section(
                .h2(.text(card.organization.name)),
                .div(.class("figures"),
                     Self.figure("Tổ chức cơ sở đảng", n(card.statistics.organizations.grassroots), link: SiteURL.organizations.path),
                     Self.figure("Chi bộ", n(card.statistics.organizations.cells), link: SiteURL.organizations.path),
                     Self.figure("Đảng viên", n(members.total), link: SiteURL.members.with(query: [("to-chuc", card.organization.code)])),
                     Self.figure("Chính thức", n(members.official), link: SiteURL.members.with(query: [
                         ("to-chuc", card.organization.code), ("dang-vien", "chinh-thuc")])),
                     Self.figure("Dự bị", n(members.probationary), link: SiteURL.members.with(query: [
                         ("to-chuc", card.organization.code), ("dang-vien", "du-bi")])),
                     Self.figure("Nữ", n(members.female), link: SiteURL.members.with(query: [
                         ("to-chuc", card.organization.code), ("gioi-tinh", "nu")])),
                     Self.figure("Dân tộc thiểu số", n(members.ethnicMinority), link: nil),
                     Self.figure("Miễn sinh hoạt", n(members.exempt), link: nil)))
        }))
    }

    static func figure(_ label: String, _ value: String, link: String?) -> Node<HTML.BodyContext> {
        .div(.class("figure"), .div(.class("label"), .text(label)),
             .div(.class("value"), .unwrap(link, { .a(.href($0), .text(value)) }, else: .text(value))))
    }
}
