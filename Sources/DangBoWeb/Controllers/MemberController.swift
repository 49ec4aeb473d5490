import DangBoCore
import DangBoStore
import Plot
import Vapor

/// Đảng viên: the scoped, searchable member list and the member page (UX.md "Lists and pages").
struct MemberController {
    let store: Store
    let today: @Sendable () -> Day
    let cache: PageCache

    func register(_ routes: any RoutesBuilder) {
        routes.get(.members, use: list)
        routes.get(.member(MemberID(0)), use: show)
    }

    /// The roles that record membership events (the inspection commission's staff and viewers read only).
    static let writers: Set<Role> = [.admin, .organizationStaff, .cellSecretary]

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
        // A band of the statistics (the filter's choices) or of the age pyramid (its figures link here).
        if let band = request.query[String.self, at: "tuoi"], AgeBand.ages(ofLabel: band) != nil { query.ageBand = band }
        let code = request.query[String.self, at: "to-chuc"] ?? ""
        // NB: the page's content is kept per data version, scope and question (`PageCache`); the organization asked
        // is resolved inside, so that an unknown code is answered afresh each time (nothing kept for an error).
        let key = PageCache.Key(
            version: try await store.dataVersion(), scope: context.caller.scope.roots.map(\.rawValue).sorted(),
            page: ["members", context.asOf.iso, code, query.text, "\(query.page)", query.standing?.rawValue ?? "",
                   query.gender?.rawValue ?? "", query.ageBand ?? ""].joined(separator: "\u{1F}"))
        let content = try await cache.content(for: key) {
            if !code.isEmpty {
                // NB: an organization outside the caller's scope is answered as unknown, never with its members.
                guard let organization = try await store.organization(code: code, on: context.asOf, in: context.caller.scope) else {
                    throw Abort(.notFound, reason: "Không có tổ chức đảng mã \(code) trong phạm vi tài khoản của bạn vào ngày \(VietnameseFormat.day(context.asOf)).")
                }
                query.root = organization.id
            }
            let page = try await store.memberList(query, in: context.caller.scope)
            return MemberListPage(context: context, query: query, code: code, page: page).content().render()
        }
        return Response.html(Layout(title: "Đảng viên", topBar: context.topBar, current: .members).render(.raw(content)))
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

/// The fields of an event form, as posted (each kind's own form, and the first event of a new member), with the
/// errors found on each (by field name).
struct EventForm: Content {
    var loai: String?
    var ngay: String?
    var toChuc: String?
    var soQuyetDinh: String?
    var ngayQuyetDinh: String?
    var ghiChu: String?
    var ngayBieuQuyet: String?
    var capQuyetDinh: String?
    var noiChuyen: String?
    var errors: [String: [String]] = [:]

    enum CodingKeys: String, CodingKey {
        case loai, ngay = "ngay-hieu-luc", toChuc = "to-chuc", soQuyetDinh = "so-quyet-dinh", ngayQuyetDinh = "ngay-quyet-dinh"
        case ghiChu = "ghi-chu", ngayBieuQuyet = "ngay-bieu-quyet", capQuyetDinh = "cap-quyet-dinh", noiChuyen = "noi-chuyen"
    }

    init() {}

    init(from decoder: any Decoder) throws {
        let values = try decoder.container(keyedBy: CodingKeys.self)
        loai = try values.decodeIfPresent(String.self, forKey: .loai)
        ngay = try values.decodeIfPresent(String.self, forKey: .ngay)
        toChuc = try values.decodeIfPresent(String.self, forKey: .toChuc)
        soQuyetDinh = try values.decodeIfPresent(String.self, forKey: .soQuyetDinh)
        ngayQuyetDinh = try values.decodeIfPresent(String.self, forKey: .ngayQuyetDinh)
        ghiChu = try values.decodeIfPresent(String.self, forKey: .ghiChu)
        ngayBieuQuyet = try values.decodeIfPresent(String.self, forKey: .ngayBieuQuyet)
        capQuyetDinh = try values.decodeIfPresent(String.self, forKey: .capQuyetDinh)
        noiChuyen = try values.decodeIfPresent(String.self, forKey: .noiChuyen)
    }

    func encode(to encoder: any Encoder) throws {
        var values = encoder.container(keyedBy: CodingKeys.self)
        try values.encodeIfPresent(loai, forKey: .loai)
        try values.encodeIfPresent(ngay, forKey: .ngay)
    }

    /// The value posted for a field, as written (for re-rendering the form).
    func value(_ field: EventField) -> String? {
        switch field {
        case .cell: toChuc
        case .counterpart: noiChuyen
        case .votedOn: ngayBieuQuyet
        case .decisionNumber: soQuyetDinh
        case .decisionDate: ngayQuyetDinh
        case .decidedBy: capQuyetDinh
        case .effective: ngay
        case .note: ghiChu
        }
    }

    static let badDay = "Ngày không hợp lệ; viết ngày/tháng/năm, ví dụ 30/3/2021."

    /// The event the fields describe, or nil with the errors of each field set.
    mutating func event(member: MemberID, store: Store) async throws -> MembershipEvent? {
        let trimmed = { (text: String?) in VietnameseText.normalized(text ?? "") }
        let kind = EventKind(rawValue: trimmed(loai))
        if kind == nil { errors["loai", default: []].append("Hãy chọn loại biến động.") }
        let effective = Day(parsing: trimmed(ngay))
        if effective == nil {
            errors[EventField.effective.rawValue, default: []].append(trimmed(ngay).isEmpty ? "Hãy ghi ngày hiệu lực (ngày/tháng/năm)." : Self.badDay)
        }
        func optionalDay(_ text: String?, _ field: EventField) -> Day? {
            let text = trimmed(text)
            guard !text.isEmpty else { return nil }
            guard let day = Day(parsing: text) else {
                errors[field.rawValue, default: []].append(Self.badDay)
                return nil
            }
            return day
        }
        let decided = optionalDay(ngayQuyetDinh, .decisionDate)
        let voted = optionalDay(ngayBieuQuyet, .votedOn)
        if let kind, EventField.reasonRequired.contains(kind), trimmed(ghiChu).isEmpty {
            errors[EventField.note.rawValue, default: []].append("Hãy ghi lý do \(kind.vietnamese.lowercased()) như nghị quyết của chi bộ.")
        }
        var cell: OrganizationID?
        let code = trimmed(toChuc)
        if !code.isEmpty, let effective {
            cell = try await store.organization(code: code, on: effective)?.id
            if cell == nil { errors["to-chuc", default: []].append("Không có tổ chức đảng mã \(code) vào ngày \(VietnameseFormat.day(effective)).") }
        }
        guard errors.isEmpty, let kind, let effective else { return nil }
        let number = trimmed(soQuyetDinh), issuer = trimmed(capQuyetDinh)
        return MembershipEvent(
            member: member, kind: kind, effective: effective, organization: cell,
            decision: number.isEmpty && decided == nil && issuer.isEmpty ? nil : Decision(number: number, date: decided, issuer: issuer),
            votedOn: voted, counterpart: trimmed(noiChuyen), note: trimmed(ghiChu))
    }

    /// The field a broken rule is about (the same mapping the importer makes to its columns), among `fields`, the
    /// fields of the form posted: a rule about a part the form has no field for (the generic form has no cell-vote day
    /// nor deciding body) is shown on the effective day, which stands for them.
    static func field(for violation: JournalViolation, among fields: Set<String> = Set(EventField.allCases.map(\.rawValue))) -> String {
        let field: String = switch violation.field {
        case .votedOn: EventField.votedOn.rawValue
        case .decidedBy: EventField.decidedBy.rawValue
        case .decisionDate: EventField.decisionDate.rawValue
        case .effective: EventField.effective.rawValue
        case .organization: EventField.cell.rawValue
        case .kind: "loai"
        }
        return field == "loai" || fields.contains(field) ? field : EventField.effective.rawValue
    }
}

struct MemberListPage {
    var context: PageContext
    var query: MemberListQuery
    var code: String
    var page: DangBoStore.MemberListPage

    func render() -> String {
        Layout(title: "Đảng viên", topBar: context.topBar, current: .members).render(content())
    }

    /// The page without its frame: the filters, the count, the rows and the links to the pages around.
    func content() -> Node<HTML.BodyContext> {
        let n = VietnameseFormat.number
        let lastPage = max(1, (page.total + page.pageSize - 1) / page.pageSize)
        func link(page number: Int) -> String {
            SiteURL.members.with(query: [("q", query.text), ("to-chuc", code), ("trang", "\(number)"),
                                         ("dang-vien", query.standing.map { $0 == .official ? "chinh-thuc" : "du-bi" } ?? ""),
                                         ("gioi-tinh", query.gender.map { $0 == .male ? "nam" : "nu" } ?? ""),
                                         ("tuoi", query.ageBand ?? ""), ("ngay", VietnameseFormat.day(context.asOf))])
        }
        return .div(
            .form(.class("filters"), .action(SiteURL.members.path), .method(.get),
                  .div(.label(.for("q"), .text("Họ và tên")), .input(.type(.search), .name("q"), .id("q"), .value(query.text))),
                  .div(.label(.for("to-chuc"), .text("Mã tổ chức")), .input(.type(.text), .name("to-chuc"), .id("to-chuc"), .value(code))),
                  .div(.label(.for("dang-vien"), .text("Đảng viên")), .select(.attribute(named: "name", value: "dang-vien"), .id("dang-vien"),
                      FieldControl.option("", "Tất cả", query.standing == nil),
                      FieldControl.option("chinh-thuc", "Chính thức", query.standing == .official),
                      FieldControl.option("du-bi", "Dự bị", query.standing == .probationary))),
                  .div(.label(.for("gioi-tinh"), .text("Giới tính")), .select(.attribute(named: "name", value: "gioi-tinh"), .id("gioi-tinh"),
                      FieldControl.option("", "Tất cả", query.gender == nil), FieldControl.option("nam", "Nam", query.gender == .male),
                      FieldControl.option("nu", "Nữ", query.gender == .female))),
                  .div(.label(.for("tuoi"), .text("Tuổi")), .select(.attribute(named: "name", value: "tuoi"), .id("tuoi"),
                      FieldControl.option("", "Tất cả", query.ageBand == nil),
                      .forEach(Self.bandChoices(query.ageBand)) { FieldControl.option($0, $0, query.ageBand == $0) })),
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
                 .if(page.page < lastPage, .a(.href(link(page: page.page + 1)), .text("Trang sau →")))))
    }

    /// The age bands to choose from: the statistics' bands, and the pyramid's band the list was opened with.
    static func bandChoices(_ current: String?) -> [String] {
        let labels = AgeBand.bands.map(\.label)
        guard let current, !labels.contains(current) else { return labels }
        return labels + [current]
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
                })),
            .if(context.caller.account.grants.contains { MemberController.writers.contains($0.role) }, eventLinks())))
    }

    /// "Ghi biến động": a link to the form of each kind that can apply to the member as the journal stands.
    func eventLinks() -> Node<HTML.BodyContext> {
        let kinds = record.journal.kindsThatMayFollow
        return .nav(.class("event-kinds"), .h2("Ghi biến động"),
                    .if(kinds.isEmpty, .p(.class("muted"), .text("Không còn biến động nào có thể ghi cho đảng viên này."))),
                    .ul(.forEach(kinds) { kind in
                        .li(.a(.class("button"), .href(SiteURL.eventForm(record.member.id, kind).path), .text(kind.formTitle)))
                    }))
    }

    static func row(_ label: String, _ value: String) -> Node<HTML.TableContext> {
        .tr(.th(.text(label)), .td(.text(value)))
    }
}
