/// A small typed SVG tree (no library): elements with attributes in the order given, text escaped, numbers with one
/// fixed decimal, so that a chart renders the same bytes every time and can be snapshot-tested (issue 9 "charts as
/// server-rendered SVG"). Presentation attributes only (`fill`, `font-size`): the Content-Security-Policy forbids
/// inline style.
indirect enum SVG: Sendable {
    case element(String, [(String, String)], [SVG])
    case text(String)

    /// The root: `role="img"`, labelled by its `<title>` and `<desc>` (ids `id-title`, `id-desc`), sized by its
    /// `viewBox` so that it scales to the width of the page.
    static func root(id: String, width: Double, height: Double, title: String, desc: String, _ children: [SVG]) -> SVG {
        .element("svg", [
            ("xmlns", "http://www.w3.org/2000/svg"), ("viewBox", "0 0 \(number(width)) \(number(height))"),
            ("role", "img"), ("aria-labelledby", "\(id)-title \(id)-desc"), ("class", "chart-svg"), ("id", id),
        ], [
            .element("title", [("id", "\(id)-title")], [.text(title)]),
            .element("desc", [("id", "\(id)-desc")], [.text(desc)]),
        ] + children)
    }

    static func group(_ attributes: [(String, String)] = [], _ children: [SVG]) -> SVG { .element("g", attributes, children) }

    static func rect(x: Double, y: Double, width: Double, height: Double, fill: String, title: String? = nil) -> SVG {
        .element("rect", [("x", number(x)), ("y", number(y)), ("width", number(width)), ("height", number(height)),
                          ("fill", fill)],
                 title.map { [.element("title", [], [.text($0)])] } ?? [])
    }

    static func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String = "#9e9e9e") -> SVG {
        .element("line", [("x1", number(x1)), ("y1", number(y1)), ("x2", number(x2)), ("y2", number(y2)),
                          ("stroke", stroke), ("stroke-width", "1")], [])
    }

    enum Anchor: String { case start, middle, end }

    static func label(_ content: String, x: Double, y: Double, anchor: Anchor = .start, size: Double = 11,
                      bold: Bool = false) -> SVG {
        var attributes = [("x", number(x)), ("y", number(y)), ("text-anchor", anchor.rawValue), ("font-size", number(size)),
                          ("fill", "#1d1d1f")]
        if bold { attributes.append(("font-weight", "bold")) }
        return .element("text", attributes, [.text(content)])
    }

    /// The markup, attributes and text escaped for XML (and so for HTML).
    var rendered: String {
        var output = ""
        render(into: &output)
        return output
    }

    private func render(into output: inout String) {
        switch self {
        case .text(let content): output += Self.escape(content)
        case .element(let name, let attributes, let children):
            output += "<\(name)"
            for (key, value) in attributes { output += " \(key)=\"\(Self.escape(value))\"" }
            if children.isEmpty {
                output += "/>"
            } else {
                output += ">"
                for child in children { child.render(into: &output) }
                output += "</\(name)>"
            }
        }
    }

    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// `value` with exactly one decimal ("12.5", "-3.0"), rounded half away from zero: fixed text for every platform.
    static func number(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded(.toNearestOrAwayFromZero))
        let sign = tenths < 0 ? "-" : ""
        return "\(sign)\(tenths.magnitude / 10).\(tenths.magnitude % 10)"
    }
}
