import DangBoCore
import DangBoStore
import Plot
import Vapor

/// Đảng viên: the scoped, searchable member list and the member page (UX.md "Lists and pages").
struct MemberController {
    let store: Store
    let today: @Sendable () -> Day

    func register(_ routes: any RoutesBuilder) {
        routes.get(.members, use: list)
        routes.get(.member(MemberID(0)), use: show)
    }

    @Sendable func list(_ request: Request) async throws -> Response {
        let context = try await PageContext.of(request, store: store, today: today())
        var query = MemberListQuery(asOf: context.asOf, page: max(1, request.query[Int.self, at: "trang"] ?? 1), pageSize: 50)
        query.text = request.query[String.self, at: "q"] ?? ""
        query.standing = switch request.query[String.self, at: "dang-vien"] {
        case "chinh-thuc": .official
        case "du-bi": .probationary
        default: nil
        }
        query.gender = switch request.query[String.self, at: "gioi-tinh"] {
        case "nam": .male
        case "nu": .female
        default: nil
        }
        if let band = request.query[String.self, at: "tuoi"], AgeBand.bands.contains(where: { $0.label == band }) { query.ageBand = band }
        let code = request.query[String.self, at: "to-chuc"] ?? ""
        if !code.isEmpty {
            // NB: an organization outside the caller's scope is answered as unknown, never with its members.
            guard let organization = try await store.organization(code: code, on: context.asOf),
                  try await store.covers(context.caller.scope, organization.id, on: context.asOf) else {
                throw Abort(.notFound, reason: "Không có tổ chức đảng mã \(code) trong phạm vi tài khoản của bạn vào ngày \(VietnameseFormat.day(context.asOf)).")
            }
            query.root = organization.id
        }
        let page = try await store.memberList(query, in: context.caller.scope)
        return Response.html(MemberListPage(context: context, query: query, code: code, page: page).render())
    }

    @Sendable func show(_ request: Request) async throws -> Response {
        let context = try await PageContext.of(request, store: store, today: today())
        guard let raw = request.parameters.get("member", as: Int.self),
              let record = try await store.memberRecord(MemberID(raw), in: context.caller.scope, asOf: context.asOf) else {
            throw Abort(.notFound)
        }
        return Response.html(MemberPage(context: context, record: record).render())
    }
}

struct MemberListPage {
    var context: PageContext
    var query: MemberListQuery
    var code: String
    var page: DangBoStore.MemberListPage

    func render() -> String {
        let n = VietnameseFormat.number
        let lastPage = max(1, (page.total + page.pageSize - 1) / page.pageSize)
        func link(page number: Int) -> String {
            SiteURL.members.with(query: [("q", query.text), ("to-chuc", code), ("trang", "\(number)"),
                                         ("dang-vien", query.standing.map { $0 == .official ? "chinh-thuc" : "du-bi" } ?? ""),
                                         ("gioi-tinh", query.gender.map { $0 == .male ? "nam" : "nu" } ?? ""),
                                         ("tuoi", query.ageBand ?? ""), ("ngay", VietnameseFormat.day(context.asOf))])
        }
        return Layout(title: "Đảng viên", topBar: context.topBar, current: .members).render(.div(
            .form(.class("filters"), .action(SiteURL.members.path), .method(.get),
                  .div(.label(.for("q"), .text("Họ và tên")), .input(.type(.search), .name("q"), .id("q"), .value(query.text))),
                  .div(.label(.for("to-chuc"), .text("Mã tổ chức")), .input(.type(.text), .name("to-chuc"), .id("to-chuc"), .value(code))),
                  .div(.label(.for("dang-vien"), .text("Đảng viên")), .select(.attribute(named: "name", value: "dang-vien"), .id("dang-vien"),
                      Self.option("", "Tất cả", query.standing == nil),
                      Self.option("chinh-thuc", "Chính thức", query.standing == .official),
                      Self.option("du-bi", "Dự bị", query.standing == .probationary))),
                  .div(.label(.for("gioi-tinh"), .text("Giới tính")), .select(.attribute(named: "name", value: "gioi-tinh"), .id("gioi-tinh"),
                      Self.option("", "Tất cả", query.gender == nil), Self.option("nam", "Nam", query.gender == .male),
                      Self.option("nu", "Nữ", query.gender == .female))),
                  .div(.label(.for("tuoi"), .text("Tuổi")), .select(.attribute(named: "name", value: "tuoi"), .id("tuoi"),
                      Self.option("", "Tất cả", query.ageBand == nil),
                      .forEach(AgeBand.bands) { Self.option($0.label, $0.label, query.ageBand == $0.label) })),
                  .div(.label(.for("ngay"), .text("Đến ngày")),
                       .input(.type(.text), .name("ngay"), .id("ngay"), .value(VietnameseFormat.day(context.asOf)))),
                  .button(.type(.submit), .text("Lọc"))),
            .p(.class("muted"), .text("\(n(page.total)) đảng viên; trang \(page.page)/\(lastPage).")),
            .table(
                .thead(.tr(.th("STT"), .th("Họ và tên"), .th("Ngày sinh"), .th("Giới tính"), .th("Đảng viên"), .th("Chi bộ"))),
                .tbody(.forEach(page.rows.enumerated()) { index, row in
                    .tr(.td(.class("number"), .text(n((page.page - 1) * page.pageSize + index + 1))),
                        .td(.a(.href(SiteURL.member(row.member.id).with(query: [("ngay", VietnameseFormat.day(context.asOf))])),
                               .text(row.member.fullName))),
                        .td(.text(VietnameseFormat.day(row.member.birthDate))), .td(.text(row.member.gender.vietnamese)),
                        .td(.text(row.standing.vietnamese + (row.exempt ? " (miễn sinh hoạt)" : ""))), .td(.text(row.cell.name)))
                })),
            .div(.class("pages"),
                 .if(page.page > 1, .a(.href(link(page: page.page - 1)), .text("← Trang trước"))),
                 .if(page.page < lastPage, .a(.href(link(page: page.page + 1)), .text("Trang sau →"))))))
    }

    /// An `<option>` with its text (Plot's own writes a self-closed one with a label attribute).
    static func option(_ value: String, _ label: String, _ selected: Bool) -> Node<HTML.SelectContext> {
        .element(named: "option", nodes: [
            Node<HTML.BodyContext>.attribute(named: "value", value: value),
            .if(selected, .attribute(named: "selected", value: "selected")), .text(label),
        ])
    }
}

struct MemberPage {
    var context: PageContext
    var record: MemberRecord

    func render() -> String {
        let member = record.member, journal = record.journal
        let age = journal.partyAge(asOf: context.asOf)
        let standing = journal.period(on: context.asOf)
        return Layout(title: member.fullName, topBar: context.topBar, current: .members).render(.div(
            .table(.tbody(
                Self.row("Họ và tên", member.fullName), Self.row("Ngày sinh", VietnameseFormat.day(member.birthDate)),
                Self.row("Giới tính", member.gender.vietnamese), Self.row("Dân tộc", member.ethnicity),
                Self.row("Tôn giáo", member.religion), Self.row("Trình độ học vấn", member.education),
                Self.row("Lý luận chính trị", member.politicalTheory), Self.row("Nghề nghiệp", member.occupation),
                Self.row("Số thẻ đảng viên", member.cardNumber), Self.row("Số lý lịch", member.recordNumber),
                Self.row("Ngày vào Đảng", journal.joined.map(VietnameseFormat.day) ?? ""),
                Self.row("Đảng viên", standing.map { $0.standing.vietnamese + ($0.exempt ? ", miễn sinh hoạt" : "") } ?? "Không còn trong danh sách"),
                Self.row("Chi bộ", standing.flatMap { record.cells[$0.cell]?.name } ?? ""),
                Self.row("Tuổi đảng", age.map { "\($0.years) năm \($0.months % 12) tháng" } ?? "chưa tính (chưa là đảng viên chính thức)"),
                Self.row("Huy hiệu Đảng sắp tới", age?.nextBadge(after: context.asOf).map {
                    "Huy hiệu \($0.years) năm tuổi Đảng, đến ngày \(VietnameseFormat.day($0.due))" } ?? ""))),
            .h2("Quá trình sinh hoạt"),
            .table(
                .thead(.tr(.th("Ngày"), .th("Biến động"), .th("Tổ chức"), .th("Quyết định"), .th("Ghi chú"))),
                .tbody(.forEach(journal.events) { event in
                    .tr(.td(.text(VietnameseFormat.day(event.effective))), .td(.text(event.kind.vietnamese)),
                        .td(.text(event.organization.flatMap { record.cells[$0]?.name } ?? event.counterpart)),
                        .td(.text([event.decision?.number ?? "", event.decision?.date.map { "ngày " + VietnameseFormat.day($0) } ?? ""]
                            .filter { !$0.isEmpty }.joined(separator: ", "))),
                        .td(.text(event.note)))
                }))))
    }

    static func row(_ label: String, _ value: String) -> Node<HTML.TableContext> {
        .tr(.th(.text(label)), .td(.text(value)))
    }
}
