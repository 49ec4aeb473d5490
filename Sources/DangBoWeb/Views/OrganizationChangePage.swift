import DangBoCore
import DangBoStore
import Plot

/// Thay đổi tổ chức: one form per change, in the order staff meet them (đổi tên, chuyển trực thuộc, đổi loại hình,
/// sáp nhập, chia tách, giải thể), each with its effective day and decision. The form posted again after a refusal
/// shows its values and the message on the field at fault; the others show the organization as it stands.
struct OrganizationChangePage {
    var context: PageContext
    var organization: OrganizationSummary
    /// The parent on the page's day, when there is one.
    var parent: OrganizationSummary?
    /// The organizations under the same parent within the caller's scope: those a merger may absorb.
    var siblings: [OrganizationSummary]
    /// The organizations under this one: a split assigns each to a new organization.
    var children: [OrganizationSummary]
    var form: TreeChangeForm

    func render() -> String {
        let day = VietnameseFormat.day(context.asOf)
        return Layout(title: "Thay đổi tổ chức: \(organization.name)", topBar: context.topBar, current: .organizations).render(.div(
            .table(.tbody(
                .tr(.th("Mã"), .td(.text(organization.code))),
                .tr(.th("Tên tổ chức"), .td(.text(organization.name))),
                .tr(.th("Loại"), .td(.text(organization.kind.vietnamese))),
                .tr(.th("Trực thuộc"), .td(.text(parent.map { "\($0.name) (\($0.code))" } ?? "—"))))),
            .p(.class("muted"), .text("Như ngày \(day). Mỗi thay đổi có hiệu lực từ ngày ghi trong biểu mẫu; lịch sử trước ngày đó "
                                      + "giữ nguyên. "),
               .a(.href(SiteURL.organization(organization.code).with(query: [("ngay", day)])), .text("Về trang tổ chức"))),
            .forEach(TreeChangeForm.Kind.allCases) { section($0) }))
    }

    /// The form of one change: the values and errors as posted when it is the form posted, else the current ones.
    func section(_ kind: TreeChangeForm.Kind) -> Node<HTML.BodyContext> {
        let active = form.posted == kind
        let control = TreeFormControl(form: active ? form : TreeChangeForm(), prefix: kind.rawValue)
        let day = VietnameseFormat.day(context.asOf)
        return .section(.class("tree-change"), .id(kind.rawValue),
            .h2(.text(kind.title)),
            .form(.action(SiteURL.organizationChange(organization.code).with(query: [("ngay", day)])), .method(.post),
                  .input(.type(.hidden), .name(CSRFMiddleware.field), .value(context.topBar.csrfToken)),
                  .input(.type(.hidden), .name("thay-doi"), .value(kind.rawValue)),
                  control.errors("to-chuc"),
                  fields(kind, control),
                  control.dayAndDecision(),
                  .button(.type(.submit), .text(kind.title))))
    }

    func fields(_ kind: TreeChangeForm.Kind, _ control: TreeFormControl) -> Node<HTML.FormContext> {
        switch kind {
        case .rename:
            return control.text("ten", "Tên mới", value: organization.name)
        case .move:
            return control.text("cap-tren", "Mã tổ chức cấp trên mới", placeholder: parent?.code ?? "",
                                hint: parent.map { "Hiện trực thuộc \($0.name) (\($0.code))." } ?? "")
        case .changeKind:
            return control.select("loai", "Loại hình mới", options: TreeFormControl.kinds, value: organization.kind.rawValue)
        case .merge:
            return .group(
                .p(.class("hint"), .text("Các tổ chức được chọn giải thể từ ngày hiệu lực; tổ chức trực thuộc của chúng chuyển về "
                                          + "\(organization.name), đảng viên của các chi bộ được sáp nhập chuyển sinh hoạt sang "
                                          + "\(organization.name) cùng ngày.")),
                .fieldset(.element(named: "legend", text: "Các tổ chức được sáp nhập vào \(organization.name)"),
                          control.errors("sap-nhap"),
                          .if(siblings.isEmpty, .p(.class("muted"), .text("Không có tổ chức cùng cấp trong phạm vi của bạn."))),
                          .forEach(siblings) { sibling in
                              let field = "sap-nhap-\(sibling.code)"
                              return .div(.class("check"),
                                          .input(.type(.checkbox), .name(field), .id(control.id(sibling.code)), .value("1"),
                                                 .attribute(named: "checked", value: control.form.values[field] == nil ? nil : "checked")),
                                          .label(.for(control.id(sibling.code)), .text("\(sibling.name) (\(sibling.code))")))
                          }),
                control.text("ma-khac", "Mã các tổ chức khác (cách nhau bằng dấu phẩy)"))
        case .split:
            return .group(
                .p(.class("hint"), .text("\(organization.name) giải thể từ ngày hiệu lực; các tổ chức mới cùng loại, cùng cấp trên. "
                                          + (organization.kind.isCell
                                             ? "Hãy chuyển sinh hoạt các đảng viên sang các chi bộ mới trước khi chia tách."
                                             : "Mỗi tổ chức trực thuộc được giao cho một tổ chức mới."))),
                .fieldset(.element(named: "legend", text: "Các tổ chức mới"),
                          control.errors("to-chuc-moi"),
                          .forEach(TreeChangeForm.partNumbers) { number in
                              .div(.class("part"),
                                   control.text("ma-moi-\(number)", "Mã tổ chức mới thứ \(number)"),
                                   control.text("ten-moi-\(number)", "Tên tổ chức mới thứ \(number)"))
                          }),
                .if(!children.isEmpty, .fieldset(.element(named: "legend", text: "Giao các tổ chức trực thuộc"),
                    control.errors("giao"),
                    .forEach(children) { child in
                        control.select("giao-\(child.code)", "\(child.name) (\(child.code))",
                                       options: [("", "— chọn —")] + TreeChangeForm.partNumbers.map { ("\($0)", "Tổ chức mới thứ \($0)") })
                    })))
        case .dissolve:
            return .p(.class("hint"), .text("Chỉ giải thể được tổ chức không còn đảng viên và tổ chức trực thuộc từ ngày hiệu lực; "
                                             + "để các đảng viên chuyển theo, hãy dùng sáp nhập."))
        }
    }
}
