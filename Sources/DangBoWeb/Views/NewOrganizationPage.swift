import DangBoCore
import Plot

/// Thành lập tổ chức đảng: the code, name and kind of the new organization, its parent, the day and the decision.
struct NewOrganizationPage {
    var context: PageContext
    var form: TreeChangeForm

    func render() -> String {
        let control = TreeFormControl(form: form)
        return Layout(title: "Thành lập tổ chức đảng", topBar: context.topBar, current: .organizations).render(.div(
            .form(.class("tree-change"), .action(SiteURL.newOrganization.path), .method(.post),
                  .input(.type(.hidden), .name(CSRFMiddleware.field), .value(context.topBar.csrfToken)),
                  control.errors("to-chuc"),
                  control.text("cap-tren", "Mã tổ chức cấp trên", placeholder: "DUK.1"),
                  control.text("ma", "Mã tổ chức mới", placeholder: "DUK.1.4",
                               hint: "Mã không được trùng với mã của tổ chức nào, kể cả tổ chức đã giải thể."),
                  control.text("ten", "Tên tổ chức", placeholder: "Chi bộ Phòng Tổng hợp"),
                  control.select("loai", "Loại tổ chức", options: [("", "— chọn —")] + TreeFormControl.kinds),
                  control.dayAndDecision("ngay-thanh-lap", "Ngày thành lập"),
                  .button(.type(.submit), .text("Thành lập")))))
    }
}
