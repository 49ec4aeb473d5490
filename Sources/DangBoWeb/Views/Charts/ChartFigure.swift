import DangBoCore
import Plot

/// One chart on a page: a heading, the SVG inline (or a sentence when there is nothing to draw), and the same figures
/// as a table under `<details>` so that they can be read, printed and followed to their lists without the picture.
struct ChartFigure {
    var heading: String
    /// Nil when every figure is zero: `emptyMessage` instead of a picture of nothing.
    var svg: SVG?
    var emptyMessage: String
    var columns: [String]
    /// Each row: its label, then one cell per figure column.
    var rows: [(label: String, cells: [Node<HTML.BodyContext>])]

    var node: Node<HTML.BodyContext> {
        .div(.class("chart"),
             .h3(.text(heading)),
             .unwrap(svg, { .raw($0.rendered) }, else: .p(.class("chart-empty muted"), .text(emptyMessage))),
             .details(.summary(.text("Bảng số liệu")), .table(
                .thead(.tr(.forEach(columns.enumerated()) { index, column in
                    index == 0 ? .th(.text(column)) : .th(.class("number"), .text(column))
                })),
                .tbody(.forEach(rows) { row in
                    .tr(.th(.text(row.label)), .forEach(row.cells) { .td(.class("number"), $0) })
                }))))
    }

    /// The rendered HTML of `node`.
    var html: String { node.render() }

    /// A figure as a link to the list behind it, or as text when no list can show it.
    static func figure(_ value: Int, link: String?) -> Node<HTML.BodyContext> {
        .unwrap(link, { .a(.href($0), .text(VietnameseFormat.number(value))) }, else: .text(VietnameseFormat.number(value)))
    }
}
