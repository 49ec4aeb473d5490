import DangBoCore
import DangBoStore
import Plot
import Vapor

/// Tổng quan: the figures of each organization the caller covers, what to do next (alerts) and the latest changes,
/// as of the day (issue 9 point 3).
struct DashboardController {
    let store: Store
    let today: @Sendable () -> Day

    func register(_ routes: any RoutesBuilder) { routes.get(.home, use: show) }

    @Sendable func show(_ request: Request) async throws -> Response {
        let context = try await PageContext.of(request, store: store, today: today())
        let store = store, scope = context.caller.scope, day = context.asOf
        // NB: the parts are independent reads: they run side by side on the store's read connections (one per core),
        // so that the page waits for the longest part rather than for their sum.
        async let alerts = store.alerts(in: scope, asOf: day)
        async let recent = store.recentEvents(in: scope, asOf: day)
        async let charts = Self.charts(of: scope.roots, store: store, on: day)
        var cards: [DashboardPage.Card] = []
        for root in scope.roots {
            guard let organization = try await store.organization(root, on: day) else { continue }
            async let statistics = store.statistics(of: root, asOf: day)
            async let ethnicMinority = store.members(of: root, asOf: day, with: .ethnicMinority)
            async let exempt = store.members(of: root, asOf: day, with: .exempt)
            cards.append(.init(organization: organization, statistics: try await statistics,
                               ethnicMinority: try await ethnicMinority, exempt: try await exempt))
        }
        return Response.html(DashboardPage(context: context, cards: cards, alerts: try await alerts, recent: try await recent,
                                           charts: try await charts).render())
    }

    /// The charts of the first root of the scope that existed that day (three statements, whatever the number of
    /// roots); nil when none did.
    private static func charts(of roots: [OrganizationID], store: Store, on day: Day) async throws -> OrganizationChartsView? {
        for root in roots {
            guard let organization = try await store.organization(root, on: day) else { continue }
            return OrganizationChartsView(charts: try await store.charts(of: root, asOf: day), organization: organization)
        }
        return nil
    }
}

struct DashboardPage {
    struct Card {
        var organization: OrganizationSummary
        var statistics: Statistics
        /// The members behind the figures the member list cannot filter by (`Store.members(of:asOf:with:)`).
        var ethnicMinority: [MemberListRow]
        var exempt: [MemberListRow]
    }

    var context: PageContext
    var cards: [Card]
    var alerts: DashboardAlerts
    var recent: [RecentEvent]
    /// The charts of the first root of the caller's scope (nil: the scope has no organization that day).
    var charts: OrganizationChartsView?

    func render() -> String {
        Layout(title: "Tổng quan", topBar: context.topBar, current: .home).render(.div(
            figures, DashboardAlertsView(alerts: alerts, asOf: context.asOf).node, .unwrap(charts) { $0.node }, recentChanges))
    }

    /// Biến động gần đây: the latest events in the caller's scope, latest first.
    private var recentChanges: Node<HTML.BodyContext> {
        let day = VietnameseFormat.day
        return .section(.class("recent"), .h2("Biến động gần đây"),
            .if(recent.isEmpty, .p(.text("Không có biến động nào đến ngày \(day(context.asOf)).")),
                else: .table(
                    .thead(.tr(.th("Ngày"), .th("Đảng viên"), .th("Biến động"), .th("Chi bộ"))),
                    .tbody(.forEach(recent) { line in
                        // NB: as in the alerts, a member coming to attend for a while is named without a link.
                        .tr(.td(.text(day(line.event.effective))),
                            .td(line.event.kind == .temporaryIn ? .text(line.member.fullName)
                                : DashboardAlertsView.memberLink(line.member, asOf: context.asOf)),
                            .td(.text(line.event.kind.vietnamese)), .td(.text(line.cell.name)))
                    }))))
    }

    /// Each figure opens the list behind it as of the same day: the member list filtered by organization, standing
    /// and gender, the organization tree under the card's organization.
    private var figures: Node<HTML.BodyContext> {
        let n = VietnameseFormat.number, day = VietnameseFormat.day(context.asOf)
        return .div(.forEach(cards) { card in
            let members = card.statistics.members, code = card.organization.code
            func list(_ filters: [(String, String)] = []) -> String {
                SiteURL.members.with(query: [("to-chuc", code)] + filters + [("ngay", day)])
            }
            let tree = SiteURL.organizations.with(query: [("ma", code), ("ngay", day)])
            return .section(
                .h2(.a(.href(SiteURL.organization(code).with(query: [("ngay", day)])), .text(card.organization.name))),
                .div(.class("figures"),
                     Self.figure("Tổ chức cơ sở đảng", n(card.statistics.organizations.grassroots), link: tree),
                     Self.figure("Chi bộ", n(card.statistics.organizations.cells), link: tree),
                     Self.figure("Đảng viên", n(members.total), link: list()),
                     Self.figure("Chính thức", n(members.official), link: list([("dang-vien", "chinh-thuc")])),
                     Self.figure("Dự bị", n(members.probationary), link: list([("dang-vien", "du-bi")])),
                     Self.figure("Nữ", n(members.female), link: list([("gioi-tinh", "nu")])),
                     Self.figure("Dân tộc thiểu số", n(members.ethnicMinority), link: "#\(Self.listID(.ethnicMinority, code))"),
                     Self.figure("Miễn sinh hoạt", n(members.exempt), link: "#\(Self.listID(.exempt, code))")),
                traitList(.ethnicMinority, card.ethnicMinority, count: members.ethnicMinority, code: code),
                traitList(.exempt, card.exempt, count: members.exempt, code: code))
        })
    }

    static func listID(_ trait: MemberTrait, _ code: String) -> String {
        "danh-sach-\(trait == .ethnicMinority ? "dan-toc-thieu-so" : "mien-sinh-hoat")-\(code)"
    }

    /// The list behind a figure the member list cannot filter by, on this page (a `<details>`: no script), each name
    /// opening the member's page as of the same day.
    private func traitList(_ trait: MemberTrait, _ rows: [MemberListRow], count: Int, code: String) -> Node<HTML.BodyContext> {
        let n = VietnameseFormat.number, day = VietnameseFormat.day(context.asOf)
        let words = trait == .ethnicMinority ? "là người dân tộc thiểu số" : "được miễn công tác và sinh hoạt đảng"
        return .details(.id(Self.listID(trait, code)), .class("figure-list"),
            .summary(.text("\(n(count)) đảng viên \(words) đến ngày \(day)")),
            .if(rows.isEmpty, .p(.class("muted"), .text("Không có đảng viên nào."))),
            .if(!rows.isEmpty, .table(
                .thead(.tr(.th("STT"), .th("Họ và tên"), .th("Ngày sinh"), .th("Giới tính"),
                           .th(.text(trait == .ethnicMinority ? "Dân tộc" : "Loại")), .th("Chi bộ"))),
                .tbody(.forEach(rows.enumerated()) { index, row in
                    .tr(.td(.class("number"), .text(n(index + 1))),
                        .td(DashboardAlertsView.memberLink(row.member, asOf: context.asOf)),
                        .td(.text(VietnameseFormat.day(row.member.birthDate))), .td(.text(row.member.gender.vietnamese)),
                        .td(.text(trait == .ethnicMinority ? row.member.ethnicity : row.standing.vietnamese)),
                        .td(.text(row.cell.name)))
                }))),
            .if(rows.count < count, .p(.class("muted"), .text(
                "Trang này liệt kê \(n(rows.count)) người đầu tiên theo thứ tự tên; xem từng tổ chức cơ sở đảng để có đủ danh sách."))))
    }

    static func figure(_ label: String, _ value: String, link: String?) -> Node<HTML.BodyContext> {
        .div(.class("figure"), .div(.class("label"), .text(label)),
             .div(.class("value"), .unwrap(link, { .a(.href($0), .text(value)) }, else: .text(value))))
    }
}

/// Cần làm: one sentence per kind of alert saying what to do and by when (UX.md), each opening onto the list behind
/// its figure (a `<details>`: no script).
struct DashboardAlertsView {
    var alerts: DashboardAlerts
    var asOf: Day

    private struct Line {
        var sentence: String
        var columns: [String]
        var rows: [[Node<HTML.BodyContext>]]
    }

    var node: Node<HTML.BodyContext> {
        let lines = [overdue, dueSoon, badges, stays].compactMap { $0 }
        return .section(.class("alerts"), .h2("Cần làm"),
            .if(lines.isEmpty, .p(.text("Không có việc đến hạn trong 30 ngày tới."))),
            .forEach(lines) { line in
                .details(.summary(.text(line.sentence)), .table(
                    .thead(.tr(.forEach(line.columns) { .th(.text($0)) })),
                    .tbody(.forEach(line.rows) { row in .tr(.forEach(row) { .td($0) }) })))
            },
            .if(alerts.badgesCapped, .p(.text(
                "Phạm vi quá lớn để liệt kê Huy hiệu Đảng trên trang này: xem từng tổ chức cơ sở đảng."))))
    }

    private var overdue: Line? {
        let late = alerts.probations.filter { $0.due < asOf }
        guard let first = late.first else { return nil }
        return Line(
            sentence: "\(VietnameseFormat.number(late.count)) đảng viên dự bị đã quá hạn xét công nhận chính thức "
                + "(hạn sớm nhất \(VietnameseFormat.day(first.due))): cần xét ngay.",
            columns: ["Họ và tên", "Chi bộ", "Hạn công nhận chính thức"],
            rows: late.map { [Self.memberLink($0.member, asOf: asOf), .text($0.cell.name), .text(VietnameseFormat.day($0.due))] })
    }

    private var dueSoon: Line? {
        let soon = alerts.probations.filter { $0.due >= asOf }
        guard !soon.isEmpty else { return nil }
        return Line(
            sentence: "\(VietnameseFormat.number(soon.count)) đảng viên dự bị đến hạn xét công nhận chính thức trước "
                + "\(VietnameseFormat.day(alerts.until.adding(days: 1))).",
            columns: ["Họ và tên", "Chi bộ", "Hạn công nhận chính thức"],
            rows: soon.map { [Self.memberLink($0.member, asOf: asOf), .text($0.cell.name), .text(VietnameseFormat.day($0.due))] })
    }

    private var badges: Line? {
        guard !alerts.badges.isEmpty else { return nil }
        let ceremony = VietnameseFormat.day(alerts.ceremony)
        return Line(
            sentence: "\(VietnameseFormat.number(alerts.badges.count)) đảng viên đến hạn xét tặng Huy hiệu Đảng dịp "
                + "\(ceremony): cần hoàn thành hồ sơ đề nghị trước \(ceremony).",
            columns: ["Họ và tên", "Chi bộ", "Huy hiệu", "Đủ tuổi đảng ngày"],
            rows: alerts.badges.map {
                [Self.memberLink($0.member, asOf: asOf), .text($0.cell.name), .text("\($0.years) năm tuổi Đảng"),
                 .text(VietnameseFormat.day($0.due))]
            })
    }

    /// Open temporary stays, with the day each reaches 12 months: a temporary stay lasts under a year (QĐ 232
    /// §6.3.2), so those reaching it by the window's end must end or become a transfer.
    private var stays: Line? {
        guard !alerts.temporaryStays.isEmpty else { return nil }
        let ending = alerts.temporaryStays.filter { $0.since.adding(years: 1) <= alerts.until }.count
        return Line(
            sentence: "\(VietnameseFormat.number(alerts.temporaryStays.count)) đảng viên đang sinh hoạt đảng tạm thời, trong đó "
                + "\(VietnameseFormat.number(ending)) đủ 12 tháng trước \(VietnameseFormat.day(alerts.until.adding(days: 1))): "
                + "cần kết thúc sinh hoạt tạm thời hoặc chuyển sinh hoạt chính thức (QĐ 232-QĐ/TW, mục 6.3.2).",
            columns: ["Họ và tên", "Chi bộ", "Sinh hoạt tạm thời", "Từ ngày", "Đủ 12 tháng"],
            // NB: a member attending a cell in scope belongs to a cell elsewhere, whose record the account may not
            // open (`Store.memberRecord` follows the member's own cell): the name without a link that would answer 404.
            rows: alerts.temporaryStays.map {
                [$0.kind == .away ? Self.memberLink($0.member, asOf: asOf) : .text($0.member.fullName),
                 .text($0.cell.name), .text($0.kind == .away ? "Đi" : "Đến"),
                 .text(VietnameseFormat.day($0.since)), .text(VietnameseFormat.day($0.since.adding(years: 1)))]
            })
    }

    static func memberLink(_ member: Member, asOf: Day) -> Node<HTML.BodyContext> {
        .a(.href(SiteURL.member(member.id).with(query: [("ngay", VietnameseFormat.day(asOf))])), .text(member.fullName))
    }
}
