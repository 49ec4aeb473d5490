import DangBoCore
import DangBoStore
import Plot

/// An organization's committees on a day: for each committee it has, the term in force, the seats held that day (each
/// with a form to end it, for the organization department), the vacancies and a vacant secretary or chair; then the
/// seats that ended and why, the terms, and the forms that record a seat and a term.
struct CommitteesPage {
    var context: PageContext
    var panel: CommitteePanel
    /// The official members a seat may go to; nil when there are too many to list (the form asks for a citizen ID).
    var holders: [EligibleHolder]?
    var writer: Bool
    var fields: CommitteesController.Fields
    var errors: [String: [String]]
    var notice: String?

    private var organization: OrganizationSummary { panel.organization }
    private var committees: [CommitteeKind] { CommitteeKind.allCases.filter { CommitteeTerm.exists($0, in: organization.kind) } }

    func render() -> String {
        let day = VietnameseFormat.day(panel.day)
        return Layout(title: "Cấp ủy — \(organization.name)", topBar: context.topBar, current: .committees).render(.div(
            .form(.class("filters"), .action(SiteURL.committees.path), .method(.get),
                  .div(.label(.for("to-chuc"), .text("Mã tổ chức")), .input(.type(.text), .name("to-chuc"), .id("to-chuc"), .value(organization.code))),
                  .div(.label(.for("ngay"), .text("Vào ngày")), .input(.type(.text), .name("ngay"), .id("ngay"), .value(day))),
                  .button(.type(.submit), .text("Xem"))),
            .unwrap(notice) { .p(.class("notice"), .text($0)) },
            .forEach(errors[""] ?? []) { .p(.class("error"), .text($0)) },
            .h2(.a(.href(SiteURL.organization(organization.code).with(query: [("ngay", day)])), .text(organization.name)),
                .text(" — ngày \(day)")),
            .p(.text(ruleNote)),
            .forEach(committees) { committee(section: $0) },
            ended,
            terms,
            .if(writer, .group(seatForm, termForm))))
    }

    /// What the cell rule makes of the official members that day.
    private var ruleNote: String {
        let n = VietnameseFormat.number(panel.officialMembers)
        guard organization.kind.isCell else {
            let threshold = RuleBook.standingCommittee.version(on: panel.day).value
            return "\(n) đảng viên chính thức. Cấp ủy có từ \(threshold) ủy viên trở lên mới bầu ban thường vụ."
        }
        let limits = RuleBook.cellCommittee.version(on: panel.day).value
        return panel.officialMembers >= limits.officialMembersForCommittee
            ? "\(n) đảng viên chính thức: chi bộ bầu chi ủy không quá \(limits.maximumCommittee) người, bầu bí thư và một phó bí thư."
            : "\(n) đảng viên chính thức (dưới \(limits.officialMembersForCommittee)): chi bộ bầu bí thư và, nếu cần, một phó bí thư."
    }

    private func committee(section kind: CommitteeKind) -> Node<HTML.BodyContext> {
        let seats = panel.inForce(kind), term = panel.term(kind), day = VietnameseFormat.day
        return .group(
            .h2(.text(kind.vietnamese)),
            .unwrap(term, { term in
                .p(.text("Nhiệm kỳ \(term.name): từ ngày \(day(term.validity.start))"
                    + (term.validity.end.map { " đến ngày \(day($0.previous))" } ?? "")
                    + (term.size.map { "; số lượng \($0)" } ?? "")
                    + (panel.vacancies(kind).map { $0 > 0 ? "; còn thiếu \($0)" : "; đủ số lượng" } ?? "")
                    + (term.decision.map { "; quyết định \($0.number)" } ?? "") + "."))
            }, else: .p(.class("muted"), .text("Chưa ghi nhiệm kỳ nào vào ngày này."))),
            .unwrap(panel.vacantHead(kind)) { .p(.class("error"), .text("Chưa có \($0.vietnamese.lowercased()).")) },
            .if(seats.isEmpty, .p(.class("muted"), .text("Không có ai giữ chức danh vào ngày này.")), else: .table(
                .thead(.tr(.th("Chức danh"), .th("Họ và tên"), .th("Nguồn"), .th("Từ ngày"), .th("Quyết định"),
                           .if(writer, .th("Kết thúc")))),
                .tbody(.forEach(seats) { line in
                    .tr(.td(.text(line.seat.position.vietnamese)),
                        .td(.a(.href(SiteURL.member(line.seat.member).with(query: [("ngay", day(panel.day))])), .text(line.name))),
                        .td(.text(line.seat.source.vietnamese)), .td(.text(day(line.seat.validity.start))),
                        .td(.text(line.seat.decision?.number ?? "")),
                        .if(writer, .td(endForm(line))))
                }))))
    }

    /// Ends a seat: its key in hidden fields, the day in a text field.
    private func endForm(_ line: CommitteeSeatLine) -> Node<HTML.BodyContext> {
        let posted = fields.thaoTac == "ket-thuc" && fields.nguoi == "\(line.seat.member.rawValue)" && fields.batDau == line.seat.validity.start.iso
        return .form(.class("inline"), .action(SiteURL.committees.path), .method(.post),
                     hidden(CSRFMiddleware.field, context.topBar.csrfToken), hidden("thao-tac", "ket-thuc"),
                     hidden("to-chuc", organization.code), hidden("ngay", VietnameseFormat.day(panel.day)),
                     hidden("uy-ban", line.seat.committee.rawValue), hidden("nguoi", "\(line.seat.member.rawValue)"),
                     hidden("bat-dau", line.seat.validity.start.iso),
                     .if(posted, FieldControl.errors("kt-ngay", errors)),
                     .input(.type(.text), .name("kt-ngay"), .attribute(named: "aria-label", value: "Ngày thôi giữ chức danh của \(line.name)"),
                            .value(posted ? fields.ktNgay ?? "" : ""), .attribute(named: "placeholder", value: "ngày/tháng/năm")),
                     .button(.type(.submit), .text("Kết thúc")))
    }

    private func hidden(_ name: String, _ value: String) -> Node<HTML.FormContext> {
        .input(.type(.hidden), .name(name), .value(value))
    }

    /// The seats ended on or before the day, latest first, with the reason.
    private var ended: Node<HTML.BodyContext> {
        let lines = panel.seats.filter { line in line.end.map { $0 <= panel.day } ?? false }
            .sorted { ($0.end!, $0.seat.validity.start) > ($1.end!, $1.seat.validity.start) }
        let day = VietnameseFormat.day
        func reason(_ reason: CommitteeSeat.EndReason?) -> String {
            switch reason {
            case .holderLeft: "Không còn sinh hoạt trong tổ chức"
            case .organizationDissolved: "Tổ chức giải thể"
            case .recorded, nil: "Theo quyết định, hết nhiệm kỳ"
            }
        }
        return .group(.h2(.text("Đã thôi giữ chức danh (\(VietnameseFormat.number(lines.count)))")),
                      .if(!lines.isEmpty, .table(
                          .thead(.tr(.th("Ủy ban"), .th("Chức danh"), .th("Họ và tên"), .th("Từ ngày"), .th("Đến ngày"), .th("Lý do"))),
                          .tbody(.forEach(lines) { line in
                              .tr(.td(.text(line.seat.committee.vietnamese)), .td(.text(line.seat.position.vietnamese)),
                                  .td(.text(line.name)), .td(.text(day(line.seat.validity.start))),
                                  .td(.text(line.end.map { day($0.previous) } ?? "")), .td(.text(reason(line.endReason))))
                          }))))
    }

    private var terms: Node<HTML.BodyContext> {
        let day = VietnameseFormat.day
        return .group(.h2(.text("Các nhiệm kỳ")),
                      .if(panel.terms.isEmpty, .p(.class("muted"), .text("Chưa ghi nhiệm kỳ nào.")), else: .table(
                          .thead(.tr(.th("Ủy ban"), .th("Nhiệm kỳ"), .th("Từ ngày"), .th("Đến ngày"), .th(.class("number"), .text("Số lượng")),
                                     .th("Quyết định"))),
                          .tbody(.forEach(panel.terms.reversed()) { term in
                              .tr(.td(.text(term.committee.vietnamese)), .td(.text(term.name)), .td(.text(day(term.validity.start))),
                                  .td(.text(term.validity.end.map { day($0.previous) } ?? "")),
                                  .td(.class("number"), .text(term.size.map(VietnameseFormat.number) ?? "")),
                                  .td(.text(term.decision?.number ?? "")))
                          }))))
    }

    private var seatForm: Node<HTML.BodyContext> {
        let posted = fields.thaoTac == "chuc-danh"
        let errors = posted ? self.errors : [:]
        let positions = committees.flatMap { kind in
            Position.of(kind).filter { !(organization.kind.isCell && $0 == .standingMember) }.map { $0 }
        }
        let uniquePositions = positions.reduce(into: [Position]()) { if !$0.contains($1) { $0.append($1) } }
        return .form(.class("committee"), .action(SiteURL.committees.path), .method(.post),
                     hidden(CSRFMiddleware.field, context.topBar.csrfToken), hidden("thao-tac", "chuc-danh"),
                     hidden("to-chuc", organization.code), hidden("ngay", VietnameseFormat.day(panel.day)),
                     .h2(.text("Ghi chức danh")),
                     FieldControl.errors("to-chuc", errors),
                     FieldControl.select("uy-ban", "Ủy ban", posted ? fields.uyBan : CommitteeKind.executive.rawValue,
                                         options: committees.map { ($0.rawValue, $0.vietnamese) }, errors: errors),
                     FieldControl.select("chuc-vu", "Chức danh", posted ? fields.chucVu : nil,
                                         options: [("", "—")] + uniquePositions.map { ($0.rawValue, $0.vietnamese) }, errors: errors),
                     .unwrap(holders, { holders in
                         FieldControl.select("nguoi", "Người giữ chức danh (đảng viên chính thức)", posted ? fields.nguoi : nil,
                                             options: [("", "—")] + holders.map { ("\($0.member.rawValue)", "\($0.fullName) (\($0.cellCode))") },
                                             errors: errors)
                     }, else: .group(FieldControl.errors("nguoi", errors),
                                     FieldControl.text("so-cccd", "Số CCCD của người giữ chức danh", posted ? fields.soCCCD : nil, errors: errors))),
                     FieldControl.select("nguon", "Nguồn", posted ? fields.nguon : SeatSource.congress.rawValue,
                                         options: SeatSource.allCases.map { ($0.rawValue, $0.vietnamese) }, errors: errors),
                     FieldControl.text("tu-ngay", "Từ ngày", fields.tuNgay, errors: errors, placeholder: "ngày/tháng/năm"),
                     FieldControl.text("so-quyet-dinh", "Số quyết định", posted ? fields.soQuyetDinh : nil, errors: errors,
                                       placeholder: "ví dụ 125-QĐ/ĐU"),
                     .button(.type(.submit), .text("Ghi chức danh")))
    }

    private var termForm: Node<HTML.BodyContext> {
        let posted = fields.thaoTac == "nhiem-ky"
        let errors = posted ? self.errors : [:]
        return .form(.class("committee"), .action(SiteURL.committees.path), .method(.post),
                     hidden(CSRFMiddleware.field, context.topBar.csrfToken), hidden("thao-tac", "nhiem-ky"),
                     hidden("to-chuc", organization.code), hidden("ngay", VietnameseFormat.day(panel.day)),
                     .h2(.text("Ghi nhiệm kỳ")),
                     FieldControl.select("nk-uy-ban", "Ủy ban", posted ? fields.nkUyBan : CommitteeKind.executive.rawValue,
                                         options: committees.map { ($0.rawValue, $0.vietnamese) }, errors: errors),
                     FieldControl.text("nk-ten", "Nhiệm kỳ", posted ? fields.nkTen : nil, errors: errors, placeholder: "ví dụ 2025–2030"),
                     FieldControl.text("nk-tu-ngay", "Từ ngày (ngày đại hội)", fields.nkTuNgay, errors: errors, placeholder: "ngày/tháng/năm"),
                     FieldControl.text("nk-den-ngay", "Đến ngày đại hội sau (nếu đã có)", posted ? fields.nkDenNgay : nil, errors: errors,
                                       placeholder: "ngày/tháng/năm"),
                     FieldControl.text("nk-so-luong", "Số lượng", posted ? fields.nkSoLuong : nil, errors: errors,
                                       hint: "Số cấp ủy viên (ủy viên ủy ban kiểm tra) đại hội quyết định."),
                     FieldControl.text("nk-so-quyet-dinh", "Số quyết định chuẩn y", posted ? fields.nkSoQuyetDinh : nil, errors: errors),
                     .button(.type(.submit), .text("Ghi nhiệm kỳ")))
    }
}
