import DangBoCore
import DangBoStore
import Plot

/// Shared pieces of the oversight pages.
enum OversightViews {
    static func hidden(_ name: String, _ value: String) -> Node<HTML.FormContext> { .input(.type(.hidden), .name(name), .value(value)) }

    static func area(_ field: String, _ label: String, _ value: String?, errors: [String: [String]], hint: String = "") -> Node<HTML.FormContext> {
        .div(.class("field"), .label(.for(field), .text(label)),
             .if(!hint.isEmpty, .p(.class("hint"), .text(hint))),
             FieldControl.errors(field, errors), .textarea(.name(field), .id(field), .rows(3), .text(value ?? "")))
    }

    static let activities = OversightActivity.allCases.map { ($0.rawValue, $0.vietnamese) }
    static let modes = OversightMode.allCases.map { ($0.rawValue, $0.vietnamese) }
    static let conductors = ConductorKind.allCases.map { ($0.rawValue, $0.vietnamese) }

    /// The stage a case is at on `day` (`OversightCase.stage(on:progress:)`), and "quá hạn khắc phục" when one of its
    /// tasks is overdue.
    static func stage(_ line: OversightCaseLine, on day: Day) -> String {
        let stage = line.oversightCase.stage(on: day, progress: line.progress).vietnamese
        return line.tasks.contains { $0.task.isOverdue(on: day) } ? "\(stage) — quá hạn khắc phục" : stage
    }

    /// The form that opens a case: its kind, conductor, first day and subjects, and, when it passes one, its decision and
    /// team; `item` links it to a programme item.
    static func openForm(action: String, organization: OrganizationSummary, csrf: String, hiddenFields: [(String, String)],
                         fields: OversightController.Fields, errors: [String: [String]], posted: Bool,
                         item: (index: Int, item: ProgrammeItem)? = nil) -> Node<HTML.BodyContext> {
        let errors = posted ? errors : [:]
        return .form(.class("committee"), .action(action), .method(.post), hidden(CSRFMiddleware.field, csrf),
                     .forEach(hiddenFields) { hidden($0.0, $0.1) },
                     .unwrap(item) { item in .group(hidden("muc", "\(item.index)"), hidden("hoat-dong", item.item.activity.rawValue),
                                                    hidden("hinh-thuc", item.item.mode.rawValue)) },
                     .h2(.text(item == nil ? "Mở cuộc kiểm tra, giám sát" : "Tiến hành: \(item?.item.content ?? "")")),
                     FieldControl.errors("", errors), FieldControl.errors("noi-dung", errors),
                     .if(item == nil, .group(
                        FieldControl.select("hoat-dong", "Hoạt động", posted ? fields.hoatDong : nil, options: [("", "—")] + activities, errors: errors),
                        FieldControl.select("hinh-thuc", "Hình thức", posted ? fields.hinhThuc : nil, options: [("", "—")] + modes, errors: errors))),
                     FieldControl.select("chu-the", "Chủ thể tiến hành", posted ? fields.chuThe : fields.chuThe ?? ConductorKind.inspectionCommission.rawValue,
                                         options: conductors, errors: errors),
                     FieldControl.text("ngay-bat-dau", "Ngày bắt đầu", posted ? fields.ngayBatDau : nil, errors: errors, placeholder: "ngày/tháng/năm"),
                     area("doi-tuong", "Đối tượng (mỗi dòng một mã tổ chức hoặc số CCCD đảng viên)",
                          posted ? fields.doiTuong : item.map { _ in "" }, errors: errors),
                     FieldControl.text("ngay-quyet-dinh", "Ngày quyết định thành lập đoàn (nếu có)", posted ? fields.ngayQuyetDinh : nil,
                                       errors: errors, placeholder: "ngày/tháng/năm"),
                     FieldControl.text("so-quyet-dinh", "Số quyết định", posted ? fields.soQuyetDinh : nil, errors: errors),
                     area("doan", "Thành viên đoàn (mỗi dòng một số CCCD)", posted ? fields.doan : nil, errors: errors),
                     FieldControl.text("truong-doan", "Trưởng đoàn (số CCCD; mặc định người đầu tiên)", posted ? fields.truongDoan : nil, errors: errors),
                     .button(.type(.submit), .text("Mở cuộc")))
    }
}

/// Kiểm tra, giám sát of an organization over a period: the figures (as the review counts them, and how far the cases
/// went), the cases behind them, and the form that opens a case.
struct OversightPage {
    var context: PageContext
    var organization: OrganizationSummary
    var from: Day
    var to: Day
    var figures: OversightFigures
    var review: Review
    var lines: [OversightCaseLine]
    var writer: Bool
    var fields: OversightController.Fields
    var errors: [String: [String]]
    var notice: String?

    func render() -> String {
        let n = VietnameseFormat.number, day = VietnameseFormat.day
        let query: [(String, String)] = [("to-chuc", organization.code), ("tu", day(from)), ("den", day(to))]
        let keys = OversightFigures.Key.all.filter { !figures[$0.activity, $0.mode, $0.conductor].isEmpty }
        return Layout(title: "Kiểm tra, giám sát", topBar: context.topBar, current: .oversight).render(.div(
            PeriodFilter.form(.oversight, code: organization.code, from: day(from), to: day(to)),
            .unwrap(notice) { .p(.class("notice"), .text($0)) },
            .h2(.text("\(organization.name) — \(VietnameseFormat.period(from: from, to: to))")),
            .p(.a(.href(SiteURL.oversightProgramme.with(query: [("to-chuc", organization.code), ("nam", "\(to.year)")])),
                  .text("Chương trình kiểm tra, giám sát năm \(to.year)")), .text(" · "),
               .a(.href(SiteURL.discipline.with(query: query)), .text("Kỷ luật trong kỳ")), .text(" · "),
               .a(.href(SiteURL.review.with(query: query)), .text("Báo cáo sơ kết của kỳ"))),
            .if(keys.isEmpty, .p(.class("muted"), .text("Không có cuộc kiểm tra, giám sát nào bắt đầu hoặc kết luận trong kỳ.")), else: .table(
                .class("review-figures"),
                .thead(.tr(.th("Hoạt động"), .th("Hình thức"), .th("Chủ thể"), .th(.class("number"), .text("Số cuộc")),
                           .th(.class("number"), .text("Tổ chức")), .th(.class("number"), .text("Đảng viên")),
                           .th(.class("number"), .text("Đã kết luận")), .th(.class("number"), .text("Có vi phạm")),
                           .th(.class("number"), .text("Khắc phục chưa xong")), .th(.class("number"), .text("Quá hạn")))),
                .tbody(.forEach(keys) { key in
                    let counts = figures[key.activity, key.mode, key.conductor]
                    return .tr(.td(.text(key.activity.vietnamese)), .td(.text(key.mode.vietnamese)), .td(.text(key.conductor.vietnamese)),
                               .td(.class("number"), .text(n(counts.started))), .td(.class("number"), .text(n(counts.organizations))),
                               .td(.class("number"), .text(n(counts.members))), .td(.class("number"), .text(n(counts.concluded))),
                               .td(.class("number"), .text(n(counts.concluded(.violation)))),
                               .td(.class("number"), .text(n(counts.followUpsOpen))), .td(.class("number"), .text(n(counts.followUpsOverdue))))
                }))),
            .p(.class("muted"), .text("Số cuộc, tổ chức, đảng viên: các cuộc bắt đầu trong kỳ, như báo cáo sơ kết tính; "
                + "đã kết luận: các cuộc có kết luận trong kỳ; khắc phục: tính đến \(day(to)).")),
            .h2(.text("Các cuộc bắt đầu trong kỳ (\(n(lines.count)))")),
            .if(lines.isEmpty, .p(.class("muted"), .text("Không có.")), else: .table(
                .thead(.tr(.th("Mã"), .th("Hoạt động"), .th("Chủ thể"), .th("Đối tượng"), .th("Bắt đầu"), .th("Tiến độ"), .th("Kết quả"))),
                .tbody(.forEach(lines) { line in
                    let oversightCase = line.oversightCase
                    return .tr(.td(.a(.href(SiteURL.oversightCase(oversightCase.reference).path), .text(oversightCase.reference))),
                               .td(.text("\(oversightCase.activity.vietnamese) \(oversightCase.mode.vietnamese)")),
                               .td(.text("\(oversightCase.conductor.vietnamese) \(line.conductorCode)")),
                               .td(.text(line.subjectNames.prefix(3).joined(separator: "; ") + (line.subjectNames.count > 3 ? "; …" : ""))),
                               .td(.text(day(oversightCase.started))), .td(.text(OversightViews.stage(line, on: to))),
                               .td(.text(oversightCase.outcome?.vietnamese ?? "")))
                }))),
            .if(writer, OversightViews.openForm(
                action: SiteURL.oversight.path, organization: organization, csrf: context.topBar.csrfToken,
                hiddenFields: [("to-chuc", organization.code), ("tu", day(from)), ("den", day(to))], fields: fields, errors: errors,
                posted: !errors.isEmpty))))
    }
}

/// A conductor's annual programme: the items by quarter with how far each went, the form that adds an item and, for
/// an item not started, the form that opens its case.
struct ProgrammePage {
    var context: PageContext
    var organization: OrganizationSummary
    var programme: OversightProgramme
    var cases: [OversightCaseLine]
    var writer: Bool
    var fields: OversightController.Fields
    var errors: [String: [String]]
    var notice: String?

    func render() -> String {
        let year = programme.year
        let byReference = Dictionary(cases.map { ($0.oversightCase.reference, $0) }, uniquingKeysWith: { first, _ in first })
        let keep: [(String, String)] = [("to-chuc", organization.code), ("chu-the", programme.conductor.rawValue), ("nam", "\(year)")]
        return Layout(title: "Chương trình kiểm tra, giám sát", topBar: context.topBar, current: .oversight).render(.div(
            .form(.class("filters"), .action(SiteURL.oversightProgramme.path), .method(.get),
                  .div(.label(.for("to-chuc"), .text("Mã tổ chức")), .input(.type(.text), .name("to-chuc"), .id("to-chuc"), .value(organization.code))),
                  .div(.label(.for("chu-the"), .text("Chủ thể")),
                       .select(.attribute(named: "name", value: "chu-the"), .id("chu-the"),
                               .forEach(ConductorKind.allCases) { FieldControl.option($0.rawValue, $0.vietnamese, $0 == programme.conductor) })),
                  .div(.label(.for("nam"), .text("Năm")), .input(.type(.text), .name("nam"), .id("nam"), .value("\(year)"))),
                  .button(.type(.submit), .text("Xem"))),
            .unwrap(notice) { .p(.class("notice"), .text($0)) },
            .h2(.text("Chương trình kiểm tra, giám sát năm \(year) của \(programme.conductor.vietnamese.lowercased()) — \(organization.name)")),
            .forEach(1...4) { quarter in
                let report = programme.report(quarter: quarter, cases: cases.map(\.oversightCase), progress: cases.map(\.progress))
                let items = programme.items.enumerated().filter { $0.element.planned.quarter == quarter }
                return .group(
                    .h3(.text("Quý \(["I", "II", "III", "IV"][quarter - 1])/\(year): \(report.planned.count) nội dung, "
                        + "\(report.started.count) đã tiến hành, \(report.concluded.count) đã kết luận")),
                    .if(!items.isEmpty, .table(
                        .thead(.tr(.th("Nội dung"), .th("Hoạt động"), .th("Thời gian"), .th("Cuộc"), .th("Tiến độ"))),
                        .tbody(.forEach(items) { index, item in
                            let line = item.caseReference.flatMap { byReference[$0] }
                            return .tr(.td(.text(item.content)), .td(.text("\(item.activity.vietnamese) \(item.mode.vietnamese)")),
                                       .td(.text(item.planned.vietnamese)),
                                       .td(.unwrap(item.caseReference, { .a(.href(SiteURL.oversightCase($0).path), .text($0)) },
                                                   else: .text("Chưa tiến hành"))),
                                       .td(.text(line.map { OversightViews.stage($0, on: context.asOf) } ?? "")))
                        }))))
            },
            .if(writer, .group(
                .form(.class("committee"), .action(SiteURL.oversightProgramme.path), .method(.post),
                      OversightViews.hidden(CSRFMiddleware.field, context.topBar.csrfToken), .forEach(keep) { OversightViews.hidden($0.0, $0.1) },
                      OversightViews.hidden("thao-tac", "muc"),
                      .h2(.text("Thêm nội dung vào chương trình")),
                      FieldControl.errors("", fields.thaoTac == "muc" ? errors : [:]),
                      FieldControl.text("noi-dung", "Nội dung", fields.thaoTac == "muc" ? fields.noiDung : nil, errors: fields.thaoTac == "muc" ? errors : [:]),
                      FieldControl.select("hoat-dong", "Hoạt động", fields.thaoTac == "muc" ? fields.hoatDong : nil,
                                          options: [("", "—")] + OversightViews.activities, errors: fields.thaoTac == "muc" ? errors : [:]),
                      FieldControl.select("hinh-thuc", "Hình thức", fields.thaoTac == "muc" ? fields.hinhThuc : OversightMode.thematic.rawValue,
                                          options: [("", "—")] + OversightViews.modes, errors: fields.thaoTac == "muc" ? errors : [:]),
                      FieldControl.select("quy", "Quý", fields.thaoTac == "muc" ? fields.quy : nil,
                                          options: [("", "—"), ("1", "Quý I"), ("2", "Quý II"), ("3", "Quý III"), ("4", "Quý IV")],
                                          errors: fields.thaoTac == "muc" ? errors : [:]),
                      OversightViews.area("doi-tuong", "Đối tượng (mỗi dòng một mã tổ chức hoặc số CCCD đảng viên)",
                                          fields.thaoTac == "muc" ? fields.doiTuong : nil, errors: fields.thaoTac == "muc" ? errors : [:]),
                      .button(.type(.submit), .text("Thêm nội dung"))),
                .forEach(programme.items.enumerated().filter { $0.element.caseReference == nil }) { index, item in
                    OversightViews.openForm(
                        action: SiteURL.oversightProgramme.path, organization: organization, csrf: context.topBar.csrfToken,
                        hiddenFields: keep + [("thao-tac", "mo-cuoc")], fields: fields, errors: errors,
                        posted: fields.thaoTac == "mo-cuoc" && fields.muc == "\(index)", item: (index, item))
                }))))
    }
}

/// One case: its header, subjects and team, the steps it took, its conclusion, its follow-up tasks; the forms of the
/// next step, of a task and of a task done.
struct OversightCasePage {
    var context: PageContext
    var line: OversightCaseLine
    var team: [MemberID: String]
    var writer: Bool
    var fields: OversightController.Fields
    var errors: [String: [String]]
    var notice: String?
    var today: Day

    func render() -> String {
        let oversightCase = line.oversightCase, progress = line.progress, day = VietnameseFormat.day
        let sequence = oversightCase.stageSequence(remedies: progress.asksRemedies(oversightCase))
        let reached = Set(progress.steps.map(\.stage))
        let next = sequence.stages.filter { !reached.contains($0) && $0 > (progress.steps.last?.stage ?? .planned) }
        let url = SiteURL.oversightCase(oversightCase.reference).path
        return Layout(title: "Cuộc \(oversightCase.reference)", topBar: context.topBar, current: .oversight).render(.div(
            .unwrap(notice) { .p(.class("notice"), .text($0)) },
            .forEach(errors[""] ?? []) { .p(.class("error"), .text($0)) },
            .table(.tbody(
                OrganizationPage.row("Mã", .text(oversightCase.reference)),
                OrganizationPage.row("Hoạt động", .text("\(oversightCase.activity.vietnamese) \(oversightCase.mode.vietnamese)")),
                OrganizationPage.row("Chủ thể", .text("\(oversightCase.conductor.vietnamese) \(line.conductorCode)")),
                OrganizationPage.row("Ngày bắt đầu", .text(day(oversightCase.started))),
                OrganizationPage.row("Đối tượng", .text(line.subjectNames.joined(separator: "; "))),
                OrganizationPage.row("Đoàn", .text(progress.team.map { ($0 == progress.teamLeader ? "Trưởng đoàn " : "") + (team[$0] ?? "") }
                    .joined(separator: "; "))),
                OrganizationPage.row("Tiến độ", .text(OversightViews.stage(line, on: today))),
                OrganizationPage.row("Kết quả", .text(oversightCase.outcome?.vietnamese ?? "")),
                OrganizationPage.row("Kết luận", .text(progress.conclusion)))),
            .h2(.text("Các bước")),
            .table(.thead(.tr(.th("Bước"), .th("Ngày"), .th("Văn bản"), .th("Ghi chú"))),
                   .tbody(.forEach(progress.steps) { step in
                       .tr(.td(.text(step.stage.vietnamese)), .td(.text(day(step.day))), .td(.text(step.document ?? "")), .td(.text(step.note)))
                   })),
            .h2(.text("Nhiệm vụ khắc phục (\(line.tasks.count))")),
            .if(!line.tasks.isEmpty, .table(
                .thead(.tr(.th("Nội dung"), .th("Hạn"), .th("Hoàn thành"), .if(writer, .th("")))),
                .tbody(.forEach(line.tasks) { id, task in
                    .tr(.td(.text(task.text)), .td(.text(day(task.due) + (task.isOverdue(on: today) ? " (quá hạn)" : ""))),
                        .td(.text(task.done.map(day) ?? "")),
                        .if(writer && task.done == nil, .td(.form(
                            .class("inline"), .action(url), .method(.post),
                            OversightViews.hidden(CSRFMiddleware.field, context.topBar.csrfToken), OversightViews.hidden("thao-tac", "xong"),
                            OversightViews.hidden("nhiem-vu-so", "\(id)"),
                            .input(.type(.text), .name("ngay-xong"), .attribute(named: "aria-label", value: "Ngày hoàn thành"),
                                   .attribute(named: "placeholder", value: "ngày/tháng/năm")),
                            .button(.type(.submit), .text("Đã xong"))))))
                }))),
            .if(writer && !next.isEmpty, stepForm(next, url: url)),
            .if(writer && progress.concluded != nil && progress.asksRemedies(oversightCase), taskForm(url: url))))
    }

    private func stepForm(_ next: [OversightStage], url: String) -> Node<HTML.BodyContext> {
        let posted = fields.thaoTac == "buoc"
        let errors = posted ? self.errors : [:]
        return .form(.class("committee"), .action(url), .method(.post),
                     OversightViews.hidden(CSRFMiddleware.field, context.topBar.csrfToken), OversightViews.hidden("thao-tac", "buoc"),
                     .h2(.text("Ghi bước tiếp theo")),
                     FieldControl.select("buoc", "Bước", posted ? fields.buoc : next.first?.rawValue,
                                         options: next.map { ($0.rawValue, $0.vietnamese) }, errors: errors),
                     FieldControl.text("ngay", "Ngày", posted ? fields.ngay : nil, errors: errors, placeholder: "ngày/tháng/năm"),
                     FieldControl.text("van-ban", "Số văn bản", posted ? fields.vanBan : nil, errors: errors),
                     FieldControl.text("ghi-chu", "Ghi chú", posted ? fields.ghiChu : nil, errors: errors),
                     .h3(.text("Khi kết luận")),
                     FieldControl.select("ket-qua", "Kết quả", posted ? fields.ketQua : nil,
                                         options: [("", "—")] + OversightOutcome.allCases.map { ($0.rawValue, $0.vietnamese) }, errors: errors),
                     OversightViews.area("ket-luan", "Nội dung kết luận", posted ? fields.ketLuan : nil, errors: errors),
                     FieldControl.select("de-nghi-ky-luat", "Đề nghị thi hành kỷ luật (khi có vi phạm)", posted ? fields.deNghiKyLuat : "khong",
                                         options: [("khong", "Không"), ("co", "Có")], errors: errors),
                     .button(.type(.submit), .text("Ghi bước")))
    }

    private func taskForm(url: String) -> Node<HTML.BodyContext> {
        let posted = fields.thaoTac == "nhiem-vu"
        let errors = posted ? self.errors : [:]
        return .form(.class("committee"), .action(url), .method(.post),
                     OversightViews.hidden(CSRFMiddleware.field, context.topBar.csrfToken), OversightViews.hidden("thao-tac", "nhiem-vu"),
                     .h2(.text("Giao nhiệm vụ khắc phục")),
                     FieldControl.text("nhiem-vu", "Nội dung cần khắc phục", posted ? fields.nhiemVu : nil, errors: errors),
                     FieldControl.text("doi-tuong", "Đối tượng thực hiện (mã tổ chức hoặc số CCCD)", posted ? fields.doiTuong : nil, errors: errors),
                     FieldControl.text("han", "Hạn hoàn thành", posted ? fields.han : nil, errors: errors, placeholder: "ngày/tháng/năm"),
                     .button(.type(.submit), .text("Giao nhiệm vụ")))
    }
}
