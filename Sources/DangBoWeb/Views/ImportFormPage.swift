import DangBoCore
import Plot

/// The import page's form (UX.md "Writing many records at once"): what to upload, and that nothing is written before
/// the preview is confirmed.
struct ImportFormPage {
    var context: PageContext
    var maximumBytes: Int
    /// The message on the file field, when the upload was refused before it was read.
    var error: String?

    func render() -> String {
        Layout(title: "Nhập dữ liệu", topBar: context.topBar, current: nil).render(.div(
            .p(.text(Self.explanation)),
            .form(.action(SiteURL.importUpload.path), .method(.post), .enctype(.multipartData), .class("import-form"),
                  .input(.type(.hidden), .name(CSRFMiddleware.field), .value(context.topBar.csrfToken)),
                  field,
                  .button(.type(.submit), .text("Xem trước"))),
            .p(.class("muted"), .text("Định dạng các cột: xem tài liệu docs/import-format.md."))))
    }

    static let explanation = "Tải lên một tệp nén .zip chứa các tệp CSV (organizations.csv, members.csv, events.csv, "
        + "committee_seats.csv, oversight.csv, meetings.csv, attendance.csv, discipline.csv, discipline_appeals.csv, committee_terms.csv, oversight_steps.csv, oversight_team.csv, "
        + "follow_up_tasks.csv) hoặc một tệp Excel .xlsx có các trang cùng tên. DangBo kiểm tra toàn bộ dữ liệu "
        + "và cho xem trước những gì sẽ được ghi cùng mọi lỗi; chưa có gì được ghi cho đến khi bạn xác nhận."

    private var field: Node<HTML.FormContext> {
        let label = "Tệp dữ liệu (.zip hoặc .xlsx, tối đa \(VietnameseFormat.number(maximumBytes >> 20)) MB)"
        let input: Node<HTML.FormContext> = .input(
            .type(.file), .name("tep"), .id("tep"), .attribute(named: "accept", value: ".zip,.xlsx"),
            .attribute(named: "aria-describedby", value: error == nil ? nil : "loi-tep"))
        let message: Node<HTML.FormContext> = .unwrap(error) { .p(.class("error"), .id("loi-tep"), .text($0)) }
        return .div(.class("field"), .label(.for("tep"), .text(label)), input, message)
    }
}
