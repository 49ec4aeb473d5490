import DangBoCore
import DangBoStore
import Foundation
import Plot

/// Soạn thảo báo cáo: the figures as DangBo drafts them (not typed by anyone), the three sections staff write, and the
/// issue fields prefilled from the draft; or, once issued, the link to the report.
struct ReviewNarrativePage {
    var context: PageContext
    var organization: OrganizationSummary
    var from: Day
    var to: Day
    /// `ReviewDraft.sentences`: a sentence for each figure.
    var sentences: [String]
    var fields: ReviewReportController.Fields
    var errors: [String: [String]]
    var notice: String?
    /// The draft document (nil when the organization's document settings are missing: `settingsProblem` says so).
    var draft: PartyDocument?
    var settingsProblem: String?
    var issued: IssuedReview?
    var mayWrite: Bool

    func render() -> String {
        let period = VietnameseFormat.period(from: from, to: to)
        let query = ReviewReportController.query(organization, from, to)
        return Layout(title: "Soạn thảo báo cáo", topBar: context.topBar, current: .review).render(.div(
            .h2(.text("\(organization.name) — \(period)")),
            .unwrap(notice) { .p(.class("notice"), .text($0)) },
            .forEach(errors[""] ?? []) { .p(.class("error"), .text($0)) },
            .unwrap(issued) { report in
                .p(.class("notice"), .text("Báo cáo kỳ này đã ban hành: "),
                   .a(.href(SiteURL.issuedReview(report.id).path), .text("\(report.document.numberAndCode), \(report.document.dateLine)")),
                   .text(". Báo cáo đã ban hành không sửa được."))
            },
            .unwrap(settingsProblem) { .p(.class("error"), .text($0)) },
            .p(.a(.href(SiteURL.review.with(query: query)), .text("Số liệu của kỳ (mỗi số liệu mở danh sách)")),
               .text(" · "), .a(.href(SiteURL.reviewPrint.with(query: query)), .text("Xem bản in dự thảo")),
               .text(" · "), .a(.href(SiteURL.reviewDocument.with(query: query)), .text("Tải bản dự thảo (.docx)"))),
            .h3(.text("Số liệu của kỳ (DangBo lập từ dữ liệu hôm nay)")),
            .div(.class("draft-sentences"), .forEach(sentences) { .p(.text($0)) }),
            .if(issued == nil && mayWrite, form(query), else: .empty)))
    }

    private func form(_ query: [(String, String)]) -> Node<HTML.BodyContext> {
        .form(.action(SiteURL.reviewNarrative.with(query: query)), .method(.post), .class("narrative"),
              .input(.type(.hidden), .name(CSRFMiddleware.field), .value(context.topBar.csrfToken)),
              .input(.type(.hidden), .name("co-so"), .value(fields.coSo ?? "")),
              area("so-lieu", "I.1. Tình hình tổ chức đảng, đảng viên; công tác kiểm tra, giám sát",
                   hint: "DangBo điền sẵn mỗi số liệu một câu; có thể sửa lời văn. Để nguyên, văn bản luôn theo số liệu mới nhất; "
                       + "đã sửa mà số liệu thay đổi trước khi ban hành, DangBo sẽ yêu cầu đối chiếu lại. Bảng biến động và biểu đồ "
                       + "luôn lấy từ dữ liệu."),
              area("ket-qua", "2. Các mặt công tác khác"),
              area("han-che", "II. Hạn chế, nguyên nhân"),
              area("phuong-huong", "III. Phương hướng, nhiệm vụ \(ReviewDraft.nextPeriod(from: from, to: to).map { VietnameseFormat.period(from: $0.from, to: $0.to) } ?? "thời gian tới")"),
              .p(.class("hint"), .text("Mỗi dòng là một đoạn văn.")),
              .button(.type(.submit), .name("hanh-dong"), .value("luu"), .text("Lưu phần nhận định")),
              .h3(.text("Ban hành")),
              .p(.class("muted"), .text("Khi ban hành, báo cáo được đánh số, lưu nguyên văn và số liệu kèm mã kiểm tra; sau đó không sửa được "
                  + "và in lại đúng như khi ban hành.")),
              .if(draft != nil, .group(
                  FieldControl.text("so", "Số văn bản", fields.so, errors: errors, hint: "Để trống: số tiếp theo của năm."),
                  FieldControl.text("ngay-van-ban", "Ngày văn bản", fields.ngayVanBan ?? draft.map { VietnameseFormat.day($0.date) },
                                    errors: errors, placeholder: "ngày/tháng/năm"),
                  FieldControl.text("tham-quyen", "Thẩm quyền ký", fields.thamQuyen ?? draft?.authority, errors: errors),
                  FieldControl.text("chuc-vu", "Chức vụ người ký", fields.chucVu ?? draft?.signerTitle, errors: errors),
                  FieldControl.text("nguoi-ky", "Người ký", fields.nguoiKy ?? draft?.signerName, errors: errors),
                  .div(.class("field"), .label(.for("noi-nhan"), .text("Nơi nhận (mỗi dòng một nơi)")), FieldControl.errors("noi-nhan", errors),
                       .textarea(.name("noi-nhan"), .id("noi-nhan"), .rows(4),
                                 .text(fields.noiNhan ?? draft?.recipients.joined(separator: "\n") ?? ""))),
                  .button(.type(.submit), .name("hanh-dong"), .value("ban-hanh"), .text("Ban hành báo cáo")))))
    }

    private func area(_ field: String, _ label: String, hint: String = "") -> Node<HTML.FormContext> {
        .div(.class("field"), .label(.for(field), .text(label)),
             .if(!hint.isEmpty, .p(.class("hint"), .text(hint))), FieldControl.errors(field, errors),
             .textarea(.name(field), .id(field), .rows(6),
                       .attribute(named: "aria-invalid", value: errors[field] == nil ? nil : "true"),
                       .text(fields.value(field) ?? "")))
    }
}

/// A party document on a page of its own, ready to print on A4 (the frame, the notice and the links are not printed).
struct PartyDocumentPage {
    var context: PageContext
    var document: PartyDocument
    var title: String
    var notice: String?
    var back: (url: String, label: String)
    var extra: Node<HTML.BodyContext> = .empty

    func render() -> String {
        Layout(title: title, topBar: context.topBar, current: .review).render(.div(
            .div(.class("screen-only"),
                 .unwrap(notice) { .p(.class("notice"), .text($0)) },
                 .p(.a(.href(back.url), .text(back.label)), .text(" · In trang này (Ctrl+P) ra khổ A4."))),
            PartyDocumentHTML.article(document),
            extra))
    }
}

/// Báo cáo đã ban hành: the reports issued in the caller's scope, newest first.
struct IssuedReviewsPage {
    var context: PageContext
    var reports: [IssuedReview]

    func render() -> String {
        Layout(title: "Báo cáo đã ban hành", topBar: context.topBar, current: .review).render(.div(
            .if(reports.isEmpty, .p(.class("muted"), .text("Chưa có báo cáo nào được ban hành trong phạm vi của bạn."))),
            .if(!reports.isEmpty, .table(
                .thead(.tr(.th("Số, ký hiệu"), .th("Ngày"), .th("Tổ chức"), .th("Kỳ báo cáo"), .th("Kiểm tra"))),
                .tbody(.forEach(reports) { report in
                    .tr(.td(.a(.href(SiteURL.issuedReview(report.id).path), .text(report.document.numberAndCode))),
                        .td(.text(VietnameseFormat.day(report.document.date))),
                        .td(.text(report.document.issuer)),
                        .td(.text(VietnameseFormat.period(from: report.from, to: report.to))),
                        .td(.text(report.intact ? "Khớp mã kiểm tra" : "KHÔNG khớp mã kiểm tra")))
                })))))
    }
}

/// One issued report: the document as frozen, the way to print and download it, and the reconciliation with the
/// registry today (screen only).
struct IssuedReviewPage {
    var context: PageContext
    var report: IssuedReview
    var reconciliation: ReviewReconciliation

    func render() -> String {
        let n = VietnameseFormat.number
        let query: [(String, String)] = [("tu", VietnameseFormat.day(report.from)), ("den", VietnameseFormat.day(report.to))]
        return PartyDocumentPage(
            context: context, document: report.document, title: "Báo cáo \(report.document.numberAndCode)",
            notice: report.intact
                ? "Đã ban hành; in lại đúng như khi ban hành. Mã kiểm tra (SHA-256): \(report.digest)."
                : "Nội dung lưu không khớp mã kiểm tra \(report.digest): bản ghi đã bị sửa ngoài DangBo.",
            back: (SiteURL.issuedReviews.path, "Các báo cáo đã ban hành"),
            extra: .div(.class("screen-only reconciliation"),
                .p(.a(.href(SiteURL.issuedReviewDocument(report.id).path), .text("Tải văn bản (.docx)")),
                   // NB: always offered: where LibreOffice is missing the PDF route says so (the page stays the same everywhere).
                   .text(" · "), .a(.href(SiteURL.issuedReviewPDF(report.id).path), .text("Tải bản PDF (cần LibreOffice trên máy chủ)"))),
                .h2(.text("Đối chiếu với dữ liệu hiện nay")),
                .if(reconciliation.isEmpty,
                    .p(.text("Không có số liệu nào của báo cáo thay đổi kể từ khi ban hành.")),
                    else: .group(
                        .p(.text("Các hồ sơ được nhập hoặc sửa sau khi ban hành làm thay đổi số liệu của báo cáo:")),
                        .table(
                            .thead(.tr(.th("Số liệu"), .th(.class("number"), .text("Khi ban hành")), .th(.class("number"), .text("Hiện nay")),
                                       .th("Hồ sơ"))),
                            .tbody(
                                .forEach(reconciliation.figureChanges) { change in
                                    .tr(.td(.text(change.name)), .td(.class("number"), .text(n(change.issued))),
                                        .td(.class("number"), .text(n(change.now))), .td(.text("")))
                                },
                                .forEach(reconciliation.changes) { change in
                                .tr(.td(.text(change.figure.vietnamese)), .td(.class("number"), .text(n(change.issued))),
                                    .td(.class("number"), .text(n(change.now))),
                                    .td(.ul(.forEach(change.added.map { ("Thêm", $0) } + change.removed.map { ("Bớt", $0) }) { sign, row in
                                        .li(.text("\(sign): "), Self.describe(row, query: query))
                                    })))
                                })))),
                .if(!reconciliation.recordsKept,
                    .p(.class("muted"), .text("Báo cáo quá lớn để lưu danh sách hồ sơ khi ban hành: chỉ đối chiếu số liệu.")))))
            .render()
    }

    /// A record of the reconciliation: the member (a link to the page, as of the report's last day) and the step.
    static func describe(_ row: ReviewRecordRow, query: [(String, String)]) -> Node<HTML.BodyContext> {
        var words: [String] = []
        if let event = row.event { words.append(event.vietnamese.lowercased()) }
        words.append("ngày \(VietnameseFormat.day(row.day))")
        if let place = row.cell ?? row.organization { words.append(place.name) }
        if let reference = row.caseReference { words.append(reference) }
        return .group(
            .unwrap(row.member) { member in
                .a(.href(SiteURL.member(member.id).with(query: [("ngay", query[1].1)])), .text(member.fullName))
            },
            .text((row.member == nil ? "" : ", ") + words.joined(separator: ", ")))
    }
}
