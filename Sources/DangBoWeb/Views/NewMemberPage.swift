import DangBoCore
import DangBoStore
import Plot

/// "Kết nạp đảng viên mới" / "Tiếp nhận đảng viên chuyển đến": the profile, then the first event's fields in the
/// order its paperwork happens, each with its errors and the value as posted.
struct NewMemberPage {
    var context: PageContext
    var form: NewMemberForm
    /// The cells the caller may choose; nil when there are too many for a list (the code is typed).
    var cells: [OrganizationSummary]?

    var kind: EventKind { NewMemberController.kind(form.event.loai) }

    static func title(_ kind: EventKind) -> String {
        kind == .transferredIn ? "Tiếp nhận đảng viên chuyển đến" : "Kết nạp đảng viên mới"
    }

    func render() -> String {
        let kind = self.kind
        let profile: [NewMemberForm.Field] = [.fullName, .birthDate, .gender, .nationalID, .ethnicity, .religion, .education,
                                              .politicalTheory, .occupation, .cardNumber, .recordNumber]
            + (kind == .transferredIn ? [.joinedOn, .officialOn] : [])
        return Layout(title: Self.title(kind), topBar: context.topBar, current: .movements).render(.div(
            .nav(.class("event-kinds"), .ul(.forEach(NewMemberController.kinds) { other in
                .li(.a(.class(other == kind ? "button current" : "button"),
                       .href(SiteURL.newMember.with(query: [("loai", other.rawValue)])), .text(Self.title(other))))
            })),
            .form(.action(SiteURL.newMember.path), .method(.post), .class("event-form"),
                  .input(.type(.hidden), .name(CSRFMiddleware.field), .value(context.topBar.csrfToken)),
                  .input(.type(.hidden), .name("loai"), .value(kind.rawValue)),
                  FieldControl.errors("loai", form.event.errors),
                  .fieldset(.element(named: "legend", text: "Sơ yếu lý lịch"), .forEach(profile) { profileControl($0) }),
                  .fieldset(.element(named: "legend", text: kind == .transferredIn ? "Chuyển sinh hoạt đến" : "Kết nạp"),
                            .forEach(EventField.fields(of: kind)) { eventControl($0, kind) }),
                  .div(.class("actions"), .button(.type(.submit), .text("Ghi vào danh sách"))))))
    }

    private func profileControl(_ field: NewMemberForm.Field) -> Node<HTML.FormContext> {
        let value = form.values[field]
        switch field {
        case .gender:
            return FieldControl.select(field.rawValue, field.label, value,
                                       options: [("", "— chọn —"), ("nam", "Nam"), ("nu", "Nữ")], errors: form.errors)
        case .nationalID:
            return FieldControl.text(field.rawValue, field.label, value, errors: form.errors, placeholder: "001085012345",
                                     hint: "12 chữ số; số 0 ở đầu mà Excel làm mất được tự thêm lại.")
        case .ethnicity:
            return FieldControl.text(field.rawValue, field.label, value, errors: form.errors, placeholder: "Kinh",
                                     hint: "Để trống là Kinh; ghi theo Danh mục các dân tộc Việt Nam.")
        case .religion:
            return FieldControl.text(field.rawValue, field.label, value, errors: form.errors, placeholder: "Không")
        case .birthDate, .joinedOn, .officialOn:
            return FieldControl.text(field.rawValue, field.label, value, errors: form.errors, placeholder: "30/3/1990")
        default:
            return FieldControl.text(field.rawValue, field.label, value, errors: form.errors)
        }
    }

    private func eventControl(_ field: EventField, _ kind: EventKind) -> Node<HTML.FormContext> {
        let label = field.label(for: kind), value = form.event.value(field), errors = form.event.errors
        if field == .cell, let cells {
            let options = [("", "— chọn chi bộ —")] + cells.map { ($0.code, "\($0.name) (\($0.code))") }
            return FieldControl.select(field.rawValue, label, value, options: options, errors: errors)
        }
        let hint = switch field {
        case .votedOn: "Tuổi vào Đảng (đủ 18 đến đủ 60 tuổi) tính đến ngày này."
        case .decidedBy: "Chỉ cần khi người vào Đảng trên 60 tuổi: cấp ủy trực thuộc Trung ương."
        default: ""
        }
        return FieldControl.text(field.rawValue, field == .cell ? label + " (mã)" : label, value, errors: errors,
                                 placeholder: field.placeholder, hint: hint)
    }
}
