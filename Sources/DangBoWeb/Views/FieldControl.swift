import Plot

/// The controls of the membership forms (UX.md "Forms"): a label, the errors of the field right under it (each with
/// the id `loi-<field>`, which the input names in `aria-describedby`), then the input with the value as posted.
enum FieldControl {
    /// The errors of `field`, each its own paragraph.
    static func errors(_ field: String, _ errors: [String: [String]]) -> Node<HTML.FormContext> {
        .forEach(errors[field] ?? []) { .p(.class("error"), .id("loi-\(field)"), .text($0)) }
    }

    /// A labelled text input; `hint` is a line of help under the label.
    static func text(
        _ field: String, _ label: String, _ value: String?, errors: [String: [String]], placeholder: String = "", hint: String = ""
    ) -> Node<HTML.FormContext> {
        .div(.class("field"), .label(.for(field), .text(label)),
             .if(!hint.isEmpty, .p(.class("hint"), .id("goi-y-\(field)"), .text(hint))),
             Self.errors(field, errors),
             .input(.type(.text), .name(field), .id(field), .value(value ?? ""),
                    .attribute(named: "placeholder", value: placeholder.isEmpty ? nil : placeholder),
                    .attribute(named: "aria-invalid", value: errors[field] == nil ? nil : "true"),
                    .attribute(named: "aria-describedby", value: errors[field] == nil ? nil : "loi-\(field)")))
    }

    /// A labelled select of `options` (value, text), with `value` selected.
    static func select(
        _ field: String, _ label: String, _ value: String?, options: [(String, String)], errors: [String: [String]]
    ) -> Node<HTML.FormContext> {
        .div(.class("field"), .label(.for(field), .text(label)), Self.errors(field, errors),
             .select(.attribute(named: "name", value: field), .id(field),
                     .attribute(named: "aria-invalid", value: errors[field] == nil ? nil : "true"),
                     .forEach(options) { FieldControl.option($0.0, $0.1, $0.0 == (value ?? "")) }))
    }

    /// An `<option>` with its value and text (Plot's own writes a self-closed one with a label attribute).
    ///
    /// NB: the value is written even when empty ("Tất cả", "—"): without it a browser posts the option's text.
    static func option(_ value: String, _ label: String, _ selected: Bool) -> Node<HTML.SelectContext> {
        .element(named: "option", nodes: [
            Node<HTML.BodyContext>.attribute(named: "value", value: value, ignoreIfValueIsEmpty: false),
            .if(selected, .attribute(named: "selected", value: "selected")), .text(label),
        ])
    }
}
