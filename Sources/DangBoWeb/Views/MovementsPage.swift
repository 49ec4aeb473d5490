import DangBoCore
import DangBoStore
import Plot

/// "Biến động đảng viên": a period's movements, newest first, a page at a time, each linking to its member; for
/// writers, the ways onto the rolls.
struct MovementsPage {
    var context: PageContext
    var from: Day
    var to: Day
    var code: String
    var page: Store.MovementsPage
    var errors: [String]
    /// Whether the caller may record (the buttons are shown to writers only).
    var writer: Bool

    func render() -> String {
        let n = VietnameseFormat.number, day = VietnameseFormat.day
        let lastPage = max(1, (page.total + page.pageSize - 1) / page.pageSize)
        func link(page number: Int) -> String {
            SiteURL.movements.with(query: [("tu", day(from)), ("den", day(to)), ("to-chuc", code), ("trang", "\(number)"),
                                           ("ngay", day(context.asOf))])
        }
        return Layout(title: "Biến động đảng viên", topBar: context.topBar, current: .movements).render(.div(
            .if(writer, .nav(.class("event-kinds"), .ul(
                .li(.a(.class("button"), .href(SiteURL.newMember.with(query: [("loai", EventKind.admitted.rawValue), ("to-chuc", code)])),
                       .text("Kết nạp đảng viên mới"))),
                .li(.a(.class("button"), .href(SiteURL.newMember.with(query: [("loai", EventKind.transferredIn.rawValue), ("to-chuc", code)])),
                       .text("Tiếp nhận đảng viên chuyển đến"))),
                // NB: many records at once (UX.md "Writing many records at once"), for those allowed to import.
                .if(ImportController.mayImport(context.caller),
                    .li(.a(.class("button"), .href(SiteURL.importUpload.path), .text("Nhập nhiều hồ sơ từ tệp Excel hoặc CSV"))))))),
            .form(.class("filters"), .action(SiteURL.movements.path), .method(.get),
                  .div(.label(.for("tu"), .text("Từ ngày")), .input(.type(.text), .name("tu"), .id("tu"), .value(day(from)))),
                  .div(.label(.for("den"), .text("Đến ngày")), .input(.type(.text), .name("den"), .id("den"), .value(day(to)))),
                  .div(.label(.for("to-chuc"), .text("Mã tổ chức")), .input(.type(.text), .name("to-chuc"), .id("to-chuc"), .value(code))),
                  .button(.type(.submit), .text("Xem"))),
            .forEach(errors) { .p(.class("error"), .text($0)) },
            .p(.class("muted"), .text("\(n(page.total)) biến động \(VietnameseFormat.period(from: from, to: to)); trang \(page.page)/\(lastPage).")),
            .table(
                .thead(.tr(.th("Ngày"), .th("Biến động"), .th("Họ và tên"), .th("Chi bộ"), .th("Quyết định"), .th("Ghi chú"))),
                .tbody(.forEach(page.rows) { row in
                    .tr(.td(.text(day(row.event.effective))), .td(.text(row.event.kind.vietnamese)),
                        .td(.a(.href(SiteURL.member(row.member.id).with(query: [("ngay", day(row.event.effective))])),
                               .text(row.member.fullName))),
                        .td(.text(row.cell.name)),
                        .td(.text([row.event.decision?.number ?? "", row.event.decision?.date.map { "ngày " + day($0) } ?? ""]
                            .filter { !$0.isEmpty }.joined(separator: ", "))),
                        .td(.text(row.event.note)))
                })),
            .div(.class("pages"),
                 .if(page.page > 1, .a(.href(link(page: page.page - 1)), .text("← Trang trước"))),
                 .if(page.page < lastPage, .a(.href(link(page: page.page + 1)), .text("Trang sau →"))))))
    }
}
