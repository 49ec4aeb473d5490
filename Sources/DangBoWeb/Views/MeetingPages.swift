import DangBoCore
import DangBoStore
import Plot

/// Sinh hoạt chi bộ of an organization over a period: the figures the review counts, then what the rules ask and was
/// not done, each cell and member named.
struct MeetingsPage {
    var context: PageContext
    var organization: OrganizationSummary
    var from: Day
    var to: Day
    var figures: Review.Meetings
    var compliance: MeetingCompliance
    /// The minutes recorded in the period, the latest first (at most `MeetingsController.listLimit`).
    var minutes: [Meeting]
    var cellNames: [OrganizationID: (code: String, name: String)]
    var memberNames: [MemberID: String]
    /// The minutes of the period deleted as recorded by mistake, the latest deletion first.
    var deleted: [MeetingRevision] = []
    var notice: String?

    func render() -> String {
        let n = VietnameseFormat.number, day = VietnameseFormat.day
        let query: [(String, String)] = [("to-chuc", organization.code), ("tu", day(from)), ("den", day(to))]
        func gaps(_ title: String, _ list: [MeetingCompliance.Gap], _ none: String) -> Node<HTML.BodyContext> {
            .group(.h2(.text("\(title) (\(n(list.count)))")),
                   .if(list.isEmpty, .p(.class("muted"), .text(none)), else: .table(
                       .thead(.tr(.th("Chi bộ"), .th("Mã"), .th("Thời gian"))),
                       .tbody(.forEach(list) { gap in
                           .tr(.td(.text(cellNames[gap.cell]?.name ?? "#\(gap.cell.rawValue)")), .td(.text(cellNames[gap.cell]?.code ?? "")),
                               .td(.text(VietnameseFormat.period(from: gap.from, to: gap.to))))
                       }))))
        }
        let writer = context.caller.account.grants.contains { MemberController.writers.contains($0.role) }
        let recorded = figures.regular + figures.thematic
        func count(_ meeting: Meeting, _ statuses: Set<AttendanceStatus>) -> Node<HTML.TableRowContext> {
            .td(.class("number"), .text(n(meeting.attendance.filter { statuses.contains($0.status) }.count)))
        }
        return Layout(title: "Sinh hoạt chi bộ", topBar: context.topBar, current: .meetings).render(.div(
            PeriodFilter.form(.meetings, code: organization.code, from: day(from), to: day(to)),
            .unwrap(notice) { .p(.class("notice"), .text($0)) },
            .h2(.text("\(organization.name) — \(VietnameseFormat.period(from: from, to: to))")),
            .if(writer, .p(.a(.class("button"), .href(SiteURL.newMeeting.path), .text("Ghi biên bản buổi sinh hoạt")))),
            .table(.class("review-figures"), .tbody(
                .tr(.th("Buổi sinh hoạt thường kỳ"), .td(.class("number"), .text(n(figures.regular)))),
                .tr(.th("Buổi sinh hoạt chuyên đề"), .td(.class("number"), .text(n(figures.thematic)))),
                .tr(.th("Chi bộ chưa sinh hoạt thường kỳ đủ các tháng"), .td(.class("number"), .text(n(figures.cellsWithoutMonthlyMeeting)))))),
            gaps("Tháng chi bộ không sinh hoạt thường kỳ", compliance.withoutRegular, "Chi bộ nào cũng sinh hoạt thường kỳ đủ các tháng."),
            gaps("Quý chi bộ không sinh hoạt chuyên đề", compliance.withoutThematic, "Chi bộ nào cũng sinh hoạt chuyên đề đủ các quý."),
            .h2(.text("Buổi sinh hoạt dưới thời lượng tối thiểu (\(n(compliance.short.count)))")),
            .if(compliance.short.isEmpty, .p(.class("muted"), .text("Không có.")), else: .table(
                .thead(.tr(.th("Chi bộ"), .th("Mã"), .th("Ngày"), .th("Loại"), .th(.class("number"), .text("Số phút")), .th(.class("number"), .text("Tối thiểu")))),
                .tbody(.forEach(compliance.short) { meeting in
                    .tr(.td(.text(cellNames[meeting.cell]?.name ?? "")), .td(.text(cellNames[meeting.cell]?.code ?? "")),
                        .td(.text(day(meeting.held))), .td(.text(meeting.kind.vietnamese)),
                        .td(.class("number"), .text(n(meeting.durationMinutes))),
                        .td(.class("number"), .text(n(RuleBook.meetingMinimumMinutes.version(on: meeting.held).value))))
                }))),
            .h2(.text("Đảng viên bỏ sinh hoạt không lý do (\(n(compliance.absentees.count)))")),
            .p(.class("muted"), .text("Từ \(RuleBook.meetingAbsenceMonths.version(on: to).value) tháng trong năm: căn cứ xem xét xóa tên.")),
            .if(!compliance.absentees.isEmpty, .table(
                .thead(.tr(.th("Đảng viên"), .th("Năm"), .th(.class("number"), .text("Số tháng")))),
                .tbody(.forEach(compliance.absentees) { absentee in
                    .tr(.td(.a(.href(SiteURL.member(absentee.member).with(query: [("ngay", day(to))])),
                               .text(memberNames[absentee.member] ?? "#\(absentee.member.rawValue)"))),
                        .td(.text(String(absentee.year))), .td(.class("number"), .text(n(absentee.months))))
                }))),
            .h2(.text("Biên bản đã ghi (\(n(recorded)))")),
            .if(minutes.count < recorded,
                .p(.class("muted"), .text("\(n(minutes.count)) biên bản gần nhất; chọn một chi bộ hoặc một kỳ ngắn hơn để xem đủ."))),
            .if(minutes.isEmpty, .p(.class("muted"), .text("Chưa có biên bản nào trong kỳ.")), else: .table(
                .thead(.tr(.th("Ngày"), .th("Chi bộ"), .th("Mã"), .th("Loại"), .th(.class("number"), .text("Số phút")),
                           .th(.class("number"), .text("Có mặt")), .th(.class("number"), .text("Vắng có lý do")),
                           .th(.class("number"), .text("Vắng không lý do")), .if(writer, .th("")))),
                .tbody(.forEach(minutes) { meeting in
                    .tr(.td(.text(day(meeting.held))), .td(.text(cellNames[meeting.cell]?.name ?? "#\(meeting.cell.rawValue)")),
                        .td(.text(cellNames[meeting.cell]?.code ?? "")), .td(.text(meeting.kind.vietnamese)),
                        .td(.class("number"), .text(n(meeting.durationMinutes))),
                        count(meeting, [.present, .guest]), count(meeting, [.absentExcused]), count(meeting, [.absentUnexcused]),
                        .if(writer, .td(.a(.href(SiteURL.meetingCorrection.with(query: [("bien-ban", meeting.reference)])),
                                           .attribute(named: "title", value: "Sửa biên bản \(meeting.reference)"), .text("Sửa")))))
                }))),
            .if(!deleted.isEmpty, .group(
                .h2(.text("Biên bản đã xóa vì ghi nhầm (\(n(deleted.count)))")),
                .table(.thead(.tr(.th("Ngày họp"), .th("Chi bộ"), .th("Loại"), .th("Xóa lúc"), .th("Người xóa"), .th("Lý do"))),
                       .tbody(.forEach(deleted) { revision in
                           .tr(.td(.text(day(revision.meeting.held))),
                               .td(.text(cellNames[revision.meeting.cell]?.name ?? "#\(revision.meeting.cell.rawValue)")),
                               .td(.text(revision.meeting.kind.vietnamese)), .td(.text(ImportPreviewPage.time(revision.recordedAt))),
                               .td(.text(revision.actor)), .td(.text(revision.reason)))
                       })))),
            .p(.a(.href(SiteURL.review.with(query: query)), .text("Báo cáo sơ kết của kỳ")))))
    }
}

/// The minutes of a meeting: the cell and the day (step one), then the kind, the length and one line per member of
/// the cell's roll that day, each "present" (an exempt member "exempt") unless changed — a month's meeting in a minute.
/// Correcting recorded minutes, the form is filled with them, a member of the roll they do not list is "not in the
/// minutes", a reason is asked, and a second form deletes minutes recorded by mistake, with their own reason.
struct MeetingFormPage {
    var context: PageContext
    var fields: MeetingsController.Fields
    var cells: [OrganizationSummary]
    var cell: OrganizationSummary?
    var day: Day?
    var roll: [MeetingRollLine]
    /// Choices for the chair and the secretary beyond the roll: the ones the corrected minutes name.
    var others: [(MemberID, String)]
    var statuses: [MemberID: AttendanceStatus]
    var errors: [String: [String]]
    /// The minutes being corrected; nil for new ones.
    var correcting: Meeting?
    /// The earlier versions of the minutes corrected, the latest first, and the names of the members they list.
    var revisions: [MeetingRevision] = []
    var revisionNames: [MemberID: String] = [:]

    func render() -> String {
        let action = correcting == nil ? SiteURL.newMeeting.path : SiteURL.meetingCorrection.path
        let reference: Node<HTML.FormContext> = .unwrap(correcting) { .input(.type(.hidden), .name("bien-ban"), .value($0.reference)) }
        let people = [("", "—")] + roll.map { ("\($0.member.rawValue)", $0.fullName) } + others.map { ("\($0.0.rawValue)", $0.1) }
        return Layout(title: correcting == nil ? "Ghi biên bản buổi sinh hoạt" : "Sửa biên bản buổi sinh hoạt", topBar: context.topBar,
                      current: .meetings).render(.div(
            .unwrap(correcting) { .h2(.text("Sửa biên bản \($0.reference)")) },
            .forEach(errors[""] ?? []) { .p(.class("error"), .text($0)) },
            .form(.action(action), .method(.get), .class("filters"), reference,
                  .div(.class("field"), .label(.for("chi-bo"), .text("Chi bộ")), FieldControl.errors("chi-bo", errors),
                       .select(.attribute(named: "name", value: "chi-bo"), .id("chi-bo"),
                               .forEach(cells) { FieldControl.option($0.code, "\($0.name) (\($0.code))", $0.code == (cell?.code ?? fields.chiBo)) })),
                  .div(.class("field"), .label(.for("ngay-hop"), .text("Ngày sinh hoạt")), FieldControl.errors("ngay", errors),
                       .input(.type(.text), .name("ngay-hop"), .id("ngay-hop"), .value(day.map(VietnameseFormat.day) ?? fields.ngay ?? ""),
                              .attribute(named: "placeholder", value: "ngày/tháng/năm"))),
                  .button(.type(.submit), .text(cell == nil ? "Tiếp tục" : "Đổi chi bộ, ngày"))),
            .unwrap(cell) { cell in
                .form(.action(action), .method(.post), .class("meeting"),
                      .input(.type(.hidden), .name(CSRFMiddleware.field), .value(context.topBar.csrfToken)), reference,
                      .input(.type(.hidden), .name("chi-bo"), .value(cell.code)),
                      .input(.type(.hidden), .name("ngay"), .value(day.map(VietnameseFormat.day) ?? "")),
                      .h2(.text("\(cell.name), ngày \(day.map(VietnameseFormat.day) ?? "")")),
                      FieldControl.select("loai", "Loại buổi sinh hoạt", fields.loai,
                                          options: MeetingKind.allCases.map { ($0.rawValue, $0.vietnamese) }, errors: errors),
                      FieldControl.text("thoi-luong", "Thời lượng (phút)", fields.thoiLuong, errors: errors,
                                        hint: "Tối thiểu \(RuleBook.meetingMinimumMinutes.version(on: day ?? context.asOf).value) phút."),
                      FieldControl.select("chu-tri", "Chủ trì", fields.chuTri, options: people, errors: errors),
                      FieldControl.select("thu-ky", "Thư ký", fields.thuKy, options: people, errors: errors),
                      area("noi-dung", "Nội dung sinh hoạt", fields.noiDung),
                      area("ket-luan", "Kết luận, nghị quyết", fields.ketLuan),
                      .div(.class("field"), .label(.for("khach"), .text("Đảng viên sinh hoạt tạm thời (số CCCD, mỗi dòng một người)")),
                           FieldControl.errors("khach", errors), .textarea(.name("khach"), .id("khach"), .rows(2), .text(fields.khach ?? ""))),
                      .h3(.text("Điểm danh (\(VietnameseFormat.number(roll.count)) đảng viên)")),
                      .table(.class("attendance"),
                             .thead(.tr(.th("Đảng viên"), .th("Điểm danh"))),
                             .tbody(.forEach(roll) { line in
                                 .tr(.td(.label(.for("dd-\(line.member.rawValue)"), .text(line.fullName))),
                                     .td(.select(.attribute(named: "name", value: "dd-\(line.member.rawValue)"), .id("dd-\(line.member.rawValue)"),
                                                 .if(correcting != nil, FieldControl.option("", "Không có trong biên bản", statuses[line.member] == nil)),
                                                 .forEach(AttendanceStatus.allCases.filter { $0 != .guest }) { status in
                                                     FieldControl.option(status.rawValue, status.vietnamese, status == (statuses[line.member]
                                                         ?? (correcting == nil ? (line.exempt ? .exempt : .present) : nil)))
                                                 })))
                             })),
                      .if(correcting != nil, area("ly-do", "Lý do sửa", fields.lyDo)),
                      .button(.type(.submit), .text(correcting == nil ? "Ghi biên bản" : "Ghi bản sửa")))
            },
            .unwrap(correcting) { stored in
                .form(.action(SiteURL.meetingCorrection.path), .method(.post), .class("meeting"),
                      .input(.type(.hidden), .name(CSRFMiddleware.field), .value(context.topBar.csrfToken)),
                      .input(.type(.hidden), .name("bien-ban"), .value(stored.reference)),
                      .input(.type(.hidden), .name("hanh-dong"), .value("xoa")),
                      .h3(.text("Xóa biên bản ghi nhầm")),
                      .p(.class("hint"), .text("Chỉ xóa biên bản ghi trùng, hoặc ghi cho một buổi sinh hoạt không có; "
                          + "nhầm chi bộ, ngày hay nội dung thì sửa ở trên. Nhật ký lưu lý do và biên bản đã xóa.")),
                      area("ly-do-xoa", "Lý do xóa", fields.lyDoXoa),
                      .button(.type(.submit), .text("Xóa biên bản")))
            },
            .if(!revisions.isEmpty, .group(
                .h3(.text("Các bản trước của biên bản này (\(revisions.count))")),
                .forEach(revisions) { revision($0) }))))
    }

    /// An earlier version of the minutes: when, by whom and why it was corrected, and what it said.
    private func revision(_ revision: MeetingRevision) -> Node<HTML.BodyContext> {
        let meeting = revision.meeting
        func name(_ member: MemberID?) -> String { member.map { revisionNames[$0] ?? "#\($0.rawValue)" } ?? "—" }
        return .div(.class("revision"),
            .p(.text("Sửa lúc \(ImportPreviewPage.time(revision.recordedAt)), \(revision.actor) — lý do: \(revision.reason)")),
            .table(.class("review-figures"), .tbody(
                .tr(.th("Ngày sinh hoạt"), .td(.text(VietnameseFormat.day(meeting.held)))),
                .tr(.th("Loại"), .td(.text(meeting.kind.vietnamese))),
                .tr(.th("Thời lượng (phút)"), .td(.text(VietnameseFormat.number(meeting.durationMinutes)))),
                .tr(.th("Chủ trì"), .td(.text(name(meeting.chair)))), .tr(.th("Thư ký"), .td(.text(name(meeting.secretary)))),
                .tr(.th("Nội dung sinh hoạt"), .td(.text(meeting.agenda))), .tr(.th("Kết luận, nghị quyết"), .td(.text(meeting.resolution))),
                .tr(.th("Điểm danh"), .td(.text(meeting.attendance.map { "\(name($0.member)): \($0.status.vietnamese.lowercased())" }
                    .joined(separator: "; ")))))))
    }

    private func area(_ field: String, _ label: String, _ value: String?) -> Node<HTML.FormContext> {
        .div(.class("field"), .label(.for(field), .text(label)), FieldControl.errors(field, errors),
             .textarea(.name(field), .id(field), .rows(3), .text(value ?? "")))
    }
}
