import DangBoCore
import DangBoStore
import Plot

/// One membership event's own form (UX.md "Forms"): the member it is for, then only the fields the kind's paperwork
/// has, in its order, each with the errors Core or the form found on it and the value as posted.
struct EventFormPage {
    var context: PageContext
    var record: MemberRecord
    var kind: EventKind
    var form: EventForm
    /// The cells the caller may choose for the cell field; nil when there are too many for a list (the code is typed).
    var cells: [OrganizationSummary]?

    /// The day recognition falls due: 12 months after the last ceremony (`Journal.probations`).
    var recognitionDue: Day? { kind == .recognizedOfficial ? record.journal.probations.last?.due : nil }

    func render() -> String {
        let member = record.member, id = member.id
        let period = record.journal.period(on: context.asOf)
        let standing = period.map { "\($0.standing.vietnamese), \(record.cells[$0.cell]?.name ?? "")" } ?? "Không còn trong danh sách"
        return Layout(title: kind.formTitle, topBar: context.topBar, current: .members).render(.div(
            .p(.text("Đảng viên: "), .a(.href(SiteURL.member(id).path), .text(member.fullName)),
               .text(", sinh ngày \(VietnameseFormat.day(member.birthDate)) · \(standing)")),
            // A kind the member page does not offer (the address typed or kept): said before the form, since Core
            // will refuse it unless it is an earlier event that fits the journal before what follows.
            .if(!record.journal.kindsThatMayFollow.contains(kind), .p(.class("notice"), .id("khong-ap-dung"),
                .text("Theo quá trình sinh hoạt đã ghi, biến động “\(kind.vietnamese)” không thể ghi tiếp theo cho đảng viên này; "
                    + "chỉ ghi được nếu đó là một biến động trước đây phù hợp với các biến động đã ghi sau nó."))),
            .form(.action(SiteURL.eventForm(id, kind).path), .method(.post), .class("event-form"),
                  .input(.type(.hidden), .name(CSRFMiddleware.field), .value(context.topBar.csrfToken)),
                  FieldControl.errors("loai", form.errors),
                  .forEach(EventField.fields(of: kind)) { control($0) },
                  .div(.class("actions"),
                       .button(.type(.submit), .text("Ghi")),
                       .a(.href(SiteURL.member(id).path), .text("Quay lại hồ sơ đảng viên"))))))
    }

    private func control(_ field: EventField) -> Node<HTML.FormContext> {
        let label = field.label(for: kind)
        switch field {
        case .cell:
            guard let cells else {
                return FieldControl.text(field.rawValue, label + " (mã)", form.value(field), errors: form.errors, placeholder: "DUK.01")
            }
            // NB: a move goes to another cell; the member's own is left out of the choices (Core refuses it too).
            let own = kind == .moved ? record.journal.period(on: context.asOf)?.cell : nil
            let options = [("", "— chọn chi bộ —")] + cells.filter { $0.id != own }.map { ($0.code, "\($0.name) (\($0.code))") }
            return FieldControl.select(field.rawValue, label, form.value(field), options: options, errors: form.errors)
        case .effective:
            let hint = recognitionDue.map { due in
                "Đủ 12 tháng dự bị kể từ ngày kết nạp: ngày \(VietnameseFormat.day(due)) "
                    + "(\(RuleBook.recognitionEffect.version(on: due).citation))."
            } ?? ""
            return FieldControl.text(field.rawValue, label, form.value(field), errors: form.errors, placeholder: field.placeholder, hint: hint)
        default:
            return FieldControl.text(field.rawValue, label, form.value(field), errors: form.errors, placeholder: field.placeholder)
        }
    }
}
