import DangBoCore
import DangBoInterchange
import DangBoStore
import Foundation
import Plot

/// What an upload would write (or wrote), file by file, its warnings, and every issue as `file:line: column: lý do`;
/// the confirm button only when there is no error (UX.md "Writing many records at once").
struct ImportPreviewPage {
    enum Outcome {
        /// Checked against the store, nothing written: confirm with `token` until `until`.
        case ready(ImportPreview, token: String, until: Date)
        /// Refused: nothing written.
        case refused([ImportIssue])
        /// Written, with its audit entry.
        case written(Importer.Summary)
    }

    var context: PageContext
    var fileName: String
    var outcome: Outcome

    func render() -> String {
        let title = switch outcome {
        case .ready: "Xem trước dữ liệu nhập"
        case .refused: "Không nhập được dữ liệu"
        case .written: "Đã nhập dữ liệu"
        }
        return Layout(title: title, topBar: context.topBar, current: nil).render(.div(.p(.text("Tệp: \(fileName)")), body))
    }

    private var body: Node<HTML.BodyContext> {
        switch outcome {
        case .ready(let preview, let token, let until):
            return .group(
                .p(.class("notice"), .text("Chưa có gì được ghi. Dữ liệu đã được kiểm tra với cơ sở dữ liệu hiện tại, không có lỗi; "
                    + "bấm “Xác nhận nhập” để ghi (tệp được giữ đến \(Self.time(until))).")),
                counts(preview.summary),
                warnings(preview.summary.warnings),
                newOrganizations(preview),
                newMembers(preview),
                pages(preview, token: token),
                .form(.action(SiteURL.importConfirm.path), .method(.post), .class("import-confirm"),
                      .input(.type(.hidden), .name(CSRFMiddleware.field), .value(context.topBar.csrfToken)),
                      .input(.type(.hidden), .name("ma"), .value(token)),
                      .button(.type(.submit), .text("Xác nhận nhập")),
                      .a(.href(SiteURL.importUpload.path), .text("Hủy, tải tệp khác"))))
        case .refused(let issues):
            return .group(
                .p(.class("error"), .text("Không có gì được ghi: có \(VietnameseFormat.number(issues.count)) lỗi. "
                    + "Sửa các dòng dưới đây trong tệp rồi tải lên lại.")),
                .h2(.text("Lỗi")),
                .if(issues.count > Self.listed, .p(.text("Hiện \(VietnameseFormat.number(Self.listed)) lỗi đầu trong tổng số \(VietnameseFormat.number(issues.count)) lỗi."))),
                .ol(.class("issues"), .forEach(issues.prefix(Self.listed)) { .li(.code(.text($0.description))) }),
                .p(.a(.href(SiteURL.importUpload.path), .text("Tải tệp lên lại"))))
        case .written(let summary):
            return .group(
                .p(.class("notice"), .text("Đã ghi dữ liệu và ghi nhật ký kiểm toán.")),
                counts(summary),
                warnings(summary.warnings),
                .p(.a(.href(SiteURL.home.path), .text("Về trang tổng quan"))))
        }
    }

    static let listed = ImportController.listedIssues

    /// How many of the new organizations and members a page of the preview shows as they would be stored.
    static let sample = 50

    /// "Tổ chức đảng mới": the page's new organizations as their first version names them.
    private func newOrganizations(_ preview: ImportPreview) -> Node<HTML.BodyContext> {
        let organizations = preview.organizations
        return .if(!organizations.isEmpty, .group(
            .h2(.text(Self.heading("Tổ chức đảng mới", first: (preview.page - 1) * preview.pageSize + 1, shown: organizations.count,
                                   of: preview.summary.organizations))),
            .table(.class("import-sample"),
                .thead(.tr(.th(.text("Mã")), .th(.text("Tên")), .th(.text("Loại")))),
                .tbody(.forEach(organizations) { organization in
                    .tr(.td(.text(organization.code)), .td(.text(organization.name)), .td(.text(organization.kind.vietnamese)))
                }))))
    }

    /// "Đảng viên mới": the page's new members with the values as they would be stored, and where the import puts them.
    private func newMembers(_ preview: ImportPreview) -> Node<HTML.BodyContext> {
        let day = VietnameseFormat.day, members = preview.members
        return .if(!members.isEmpty, .group(
            .h2(.text(Self.heading("Đảng viên mới", first: (preview.page - 1) * preview.pageSize + 1, shown: members.count,
                                   of: preview.summary.members))),
            .table(.class("import-sample"),
                .thead(.tr(.th(.text("Họ và tên")), .th(.text("Ngày sinh")), .th(.text("Giới tính")), .th(.text("Dân tộc")),
                           .th(.text("Tôn giáo")), .th(.text("Chi bộ")), .th(.text("Đảng viên")), .th(.class("number"), .text("Biến động")))),
                .tbody(.forEach(members) { row in
                    .tr(.td(.text(row.member.fullName)), .td(.text(day(row.member.birthDate))), .td(.text(row.member.gender.vietnamese)),
                        .td(.text(row.member.ethnicity)), .td(.text(row.member.religion)), .td(.text(row.cell?.name ?? "")),
                        .td(.text(row.standing?.vietnamese ?? "Không còn trong danh sách")),
                        .td(.class("number"), .text(VietnameseFormat.number(row.events))))
                }))))
    }

    /// "Đảng viên mới (51–100 trong 3.994)", or the count alone when all are shown.
    static func heading(_ words: String, first: Int, shown: Int, of total: Int) -> String {
        let n = VietnameseFormat.number
        return shown < total ? "\(words) (\(n(first))–\(n(first + shown - 1)) trong \(n(total)))" : "\(words) (\(n(total)))"
    }

    /// The preview's other pages, each a form that posts the upload's token (never put into an address).
    private func pages(_ preview: ImportPreview, token: String) -> Node<HTML.BodyContext> {
        func go(_ page: Int, _ label: String) -> Node<HTML.BodyContext> {
            .form(.action(SiteURL.importPreview.path), .method(.post), .class("inline"),
                  .input(.type(.hidden), .name(CSRFMiddleware.field), .value(context.topBar.csrfToken)),
                  .input(.type(.hidden), .name("ma"), .value(token)),
                  .input(.type(.hidden), .name("trang"), .value("\(page)")),
                  .button(.type(.submit), .class("link"), .text(label)))
        }
        return .if(preview.pageCount > 1, .div(.class("pages"),
            .span(.text("Trang \(preview.page)/\(preview.pageCount) ")),
            .if(preview.page > 1, go(preview.page - 1, "← Trang trước")),
            .if(preview.page < preview.pageCount, go(preview.page + 1, "Trang sau →"))))
    }

    /// One row per file or sheet read, with the records its table adds.
    private func counts(_ summary: Importer.Summary) -> Node<HTML.BodyContext> {
        let n = VietnameseFormat.number
        return .table(.class("import-counts"),
            .thead(.tr(.th(.text("Tệp")), .th(.text("Nội dung")), .th(.class("number"), .text("Số bản ghi")))),
            .tbody(.forEach(summary.sources) { source in
                let (label, count) = Self.table(source.table, in: summary)
                return .tr(.td(.text(source.file)), .td(.text(label)), .td(.class("number"), .text(n(count))))
            }))
    }

    private func warnings(_ warnings: [ImportIssue]) -> Node<HTML.BodyContext> {
        .if(!warnings.isEmpty, .group(
            .h2(.text("Cảnh báo (\(VietnameseFormat.number(warnings.count)))")),
            .p(.class("muted"), .text("Cảnh báo không ngăn việc nhập; hãy đọc kỹ trước khi xác nhận.")),
            .ul(.class("warnings"), .forEach(warnings.prefix(Self.listed)) { .li(.code(.text($0.description))) })))
    }

    /// The Vietnamese name of an import table and how many records of it the import writes.
    static func table(_ name: String, in summary: Importer.Summary) -> (String, Int) {
        switch name {
        case "organizations": ("Tổ chức đảng", summary.organizations)
        case "members": ("Đảng viên", summary.members)
        case "events": ("Biến động đảng viên", summary.events)
        case "committee_seats": ("Chức danh cấp ủy", summary.seats)
        case "oversight": ("Cuộc kiểm tra, giám sát", summary.cases)
        case "meetings": ("Buổi sinh hoạt chi bộ", summary.meetings)
        case "attendance": ("Điểm danh", summary.attendance)
        case "discipline": ("Quyết định kỷ luật", summary.disciplines)
        case "discipline_appeals": ("Khiếu nại kỷ luật", summary.appeals)
        case "committee_terms": ("Nhiệm kỳ cấp ủy", summary.terms)
        case "oversight_steps": ("Các bước kiểm tra, giám sát", summary.steps)
        case "oversight_team": ("Thành viên đoàn kiểm tra, giám sát", 0)
        case "follow_up_tasks": ("Nhiệm vụ khắc phục", summary.tasks)
        case "oversight_programme": ("Nội dung chương trình kiểm tra, giám sát", summary.programmeItems)
        default: (name, 0)
        }
    }

    /// "14:05 ngày 30/11/2026" in Asia/Ho_Chi_Minh.
    static func time(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "vi_VN")
        formatter.timeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh") ?? TimeZone(secondsFromGMT: 7 * 3600)!
        formatter.dateFormat = "HH:mm 'ngày' d/M/yyyy"
        return formatter.string(from: date)
    }
}
