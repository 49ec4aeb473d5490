import DangBoCore
import Plot

/// The controls of the forms that change the tree: a label, the errors of the field under it (each with the id
/// `loi-<field>`, named by the input's `aria-describedby`), then the input with the value as posted. `form` is the
/// form whose values and errors are shown; `prefix` keeps the ids of the several forms of one page apart.
struct TreeFormControl {
    var form: TreeChangeForm
    var prefix: String = ""

    func id(_ field: String) -> String { prefix.isEmpty ? field : "\(prefix)-\(field)" }

    func errors(_ field: String) -> Node<HTML.FormContext> {
        .forEach(form.errors[field] ?? []) { .p(.class("error"), .id("loi-\(field)"), .text($0)) }
    }

    /// A labelled text input showing the posted value, else `value`.
    func text(_ field: String, _ label: String, value: String = "", placeholder: String = "", hint: String = "") -> Node<HTML.FormContext> {
        .div(.class("field"), .label(.for(id(field)), .text(label)),
             .if(!hint.isEmpty, .p(.class("hint"), .text(hint))),
             errors(field),
             .input(.type(.text), .name(field), .id(id(field)), .value(form.values[field] ?? value),
                    .attribute(named: "placeholder", value: placeholder.isEmpty ? nil : placeholder),
                    .attribute(named: "aria-invalid", value: form.errors[field] == nil ? nil : "true"),
                    .attribute(named: "aria-describedby", value: form.errors[field] == nil ? nil : "loi-\(field)")))
    }

    /// A labelled select of `options` (value, text) with the posted value selected, else `value`.
    func select(_ field: String, _ label: String, options: [(String, String)], value: String = "") -> Node<HTML.FormContext> {
        let chosen = form.values[field] ?? value
        return .div(.class("field"), .label(.for(id(field)), .text(label)), errors(field),
                    .select(.attribute(named: "name", value: field), .id(id(field)),
                            .attribute(named: "aria-invalid", value: form.errors[field] == nil ? nil : "true"),
                            .forEach(options) { FieldControl.option($0.0, $0.1, $0.0 == chosen) }))
    }

    /// The effective day and the decision (số, ngày quyết định) every change carries (UX.md "Forms").
    func dayAndDecision(_ dayField: String = "ngay-hieu-luc", _ dayLabel: String = "Ngày hiệu lực") -> Node<HTML.FormContext> {
        .group(text(dayField, dayLabel, placeholder: "30/3/2021"),
               text("so-quyet-dinh", "Số quyết định", placeholder: "15-QĐ/ĐUK"),
               text("ngay-quyet-dinh", "Ngày ký quyết định", placeholder: "25/3/2021"))
    }

    /// The kinds of organization, in Vietnamese.
    static let kinds: [(String, String)] = OrganizationKind.allCases.map { ($0.rawValue, $0.vietnamese) }
}
