import DangBoCore
import Plot

/// The frame of every page (UX.md "Where things are"): a top bar with who is signed in, the organizations their role
/// covers and the day every figure follows; a left menu that follows the work; the page; no script, no external asset.
struct Layout {
    struct TopBar {
        var login: String
        var role: Role?
        var scopeNames: [String]
        var asOf: Day
        var csrfToken: String
    }

    var title: String
    var topBar: TopBar?
    var current: SiteURL?

    /// The menu, in the order the work goes; pages not built yet are shown without a link.
    static let menu: [(String, SiteURL?)] = [
        ("Tổng quan", .home), ("Tổ chức đảng", .organizations), ("Đảng viên", .members), ("Biến động đảng viên", .movements),
        ("Phát triển đảng viên", nil), ("Cấp ủy", .committees), ("Kiểm tra, giám sát", .oversight), ("Sinh hoạt chi bộ", .meetings),
        ("Đánh giá, xếp loại", nil), ("Đảng phí", nil), ("Báo cáo", .review), ("Quản trị", .auditLog),
    ]

    func render(_ content: Node<HTML.BodyContext>) -> String {
        HTML(
            .lang(.vietnamese),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                // NB: the title element alone: Plot's `.title` adds twitter:/og: sharing tags (and writes the title
                // unescaped into their attributes); DangBo's pages are never shared.
                .element(named: "title", nodes: [Node<HTML.HeadContext>.text("\(title) — DangBo")]),
                .stylesheet(SiteURL.stylesheet.path)
            ),
            .body(
                .unwrap(topBar) { bar in
                    .header(
                        .class("topbar"),
                        .a(.class("brand"), .href(SiteURL.home.path), .text("DangBo")),
                        .div(.class("who"),
                             .text(bar.login),
                             .unwrap(bar.role) { .span(.class("role"), .text(" · \($0.vietnamese)")) },
                             .if(!bar.scopeNames.isEmpty, .span(.class("scope"), .text(" · \(bar.scopeNames.joined(separator: ", "))")))),
                        .div(.class("asof"), .text("Số liệu đến ngày \(VietnameseFormat.day(bar.asOf))")),
                        .form(.action(SiteURL.logout.path), .method(.post), .class("logout"),
                              .input(.type(.hidden), .name(CSRFMiddleware.field), .value(bar.csrfToken)),
                              .button(.type(.submit), .text("Đăng xuất")))
                    )
                },
                .div(.class("frame"),
                     .if(topBar != nil, .nav(.class("menu"), .ul(.forEach(Self.menu) { item in
                         .li(.unwrap(item.1, { url in
                             .a(.href(url.path), .if(url == current, .class("current")), .text(item.0))
                         }, else: .span(.class("later"), .text(item.0))))
                     }))),
                     .main(.h1(.text(title)), content))
            )
        ).render()
    }
}
