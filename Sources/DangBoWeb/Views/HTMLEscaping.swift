import Plot

/// HTML escaping of every text and attribute value DangBo's pages write.
///
/// Plot escapes text by building a String per Character (a tenth of a member page's CPU under load) and lets entities
/// through ("&amp;" typed in a name showed as "&"); it writes attribute values as they are, so a value posted back
/// into a form field (`"><…`) or read from a link's query could close its attribute. The declarations below shadow
/// Plot's of the same signature (a module's own declaration wins over an imported one), so every `.text`, `.value`,
/// `.href` (of a String: every link here is one), `.id`, `.class`, `.for` and `.attribute(named:value:)` of this module
/// escapes, with no other spelling to remember. `HTMLEscapingTests` holds both on a rendered page: if the shadowing ever stopped, they fail.
enum HTMLEscaping {
    /// `text` with `&`, `<` and `>` written as entities (text content).
    static func text(_ text: String) -> String { escaped(text, quotes: false) }

    /// `value` with `&`, `<`, `>`, `"` and `'` written as entities (a quoted attribute value).
    static func attribute(_ value: String) -> String { escaped(value, quotes: true) }

    /// One pass over the UTF-8 bytes; the string itself when nothing needs escaping (most names and dates).
    private static func escaped(_ text: String, quotes: Bool) -> String {
        func special(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
                || (quotes && (byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")))
        }
        guard text.utf8.contains(where: special) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): bytes += "&amp;".utf8
            case UInt8(ascii: "<"): bytes += "&lt;".utf8
            case UInt8(ascii: ">"): bytes += "&gt;".utf8
            case UInt8(ascii: "\"") where quotes: bytes += "&quot;".utf8
            case UInt8(ascii: "'") where quotes: bytes += "&#39;".utf8
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension Node {
    /// Text, escaped (shadows Plot's `.text`).
    static func text(_ text: String) -> Node { .raw(HTMLEscaping.text(text)) }

    /// An attribute whose value is escaped (shadows Plot's).
    static func attribute(named name: String, value: String?, ignoreIfValueIsEmpty: Bool = true) -> Node {
        .attribute(Attribute(name: name, value: value.map(HTMLEscaping.attribute), ignoreIfValueIsEmpty: ignoreIfValueIsEmpty))
    }
}

extension Attribute {
    /// An attribute whose value is escaped (shadows Plot's).
    static func attribute(named name: String, value: String?) -> Self {
        Attribute(name: name, value: value.map(HTMLEscaping.attribute))
    }
}

extension Node where Context: HTMLContext {
    static func id(_ id: String) -> Node { .attribute(named: "id", value: id) }
    static func `class`(_ className: String) -> Node { .attribute(named: "class", value: className) }
}

extension Attribute where Context: HTMLContext {
    static func id(_ id: String) -> Attribute { .attribute(named: "id", value: id) }
    static func `class`(_ className: String) -> Attribute { .attribute(named: "class", value: className) }
}

extension Node where Context: HTMLValueContext {
    static func value(_ value: String) -> Node { .attribute(named: "value", value: value) }
}

extension Attribute where Context: HTMLValueContext {
    static func value(_ value: String) -> Attribute { .attribute(named: "value", value: value) }
}

extension Node where Context: HTMLLinkableContext {
    static func href(_ url: String) -> Node { .attribute(named: "href", value: url) }
}

extension Attribute where Context: HTMLLinkableContext {
    static func href(_ url: String) -> Attribute { .attribute(named: "href", value: url) }
}

extension Node where Context == HTML.LabelContext {
    static func `for`(_ target: String) -> Node { .attribute(named: "for", value: target) }
}
