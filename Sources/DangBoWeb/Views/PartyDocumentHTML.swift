import DangBoCore
import Plot

/// A `PartyDocument` as print-ready HTML (issue 10 point 4): the layout of the DOCX (RULES §9) — the issuer block and
/// the header side by side, the rule under the header, the place and date line in italics, the type and summary
/// centred, the body justified, the recipients and the signature side by side — in Times New Roman on A4 when printed
/// (the stylesheet's `.party-document` and its print rules; the page's frame is not printed).
enum PartyDocumentHTML {
    static func article(_ document: PartyDocument) -> Node<HTML.BodyContext> {
        .element(named: "article", nodes: [
            .class("party-document"),
            .table(.class("pd-head"), .tbody(.tr(
                .td(.class("pd-issuer"),
                    .if(!document.superior.isEmpty, .div(.text(document.superior))),
                    .div(.class("pd-issuing"), .text(document.issuer)),
                    .div(.text("*")),
                    .div(.class("pd-number"), .text(document.numberAndCode))),
                .td(.class("pd-nation"),
                    .div(.class("pd-party"), .text("ĐẢNG CỘNG SẢN VIỆT NAM")),
                    .div(.class("pd-date"), .text(document.dateLine)))))),
            .div(.class("pd-kind"), .text(document.kind)),
            .div(.class("pd-summary"), .text(document.summary)),
            .div(.class("pd-rule"), .text("-----")),
            blocks(document.body),
            .table(.class("pd-foot"), .tbody(.tr(
                .td(.class("pd-recipients"),
                    .div(.class("pd-to"), .text("Nơi nhận:")),
                    .forEach(document.recipients) { .div(.text("- \($0)")) }),
                .td(.class("pd-sign"),
                    .div(.text(document.authority)), .div(.text(document.signerTitle)),
                    .div(.class("pd-space")), .div(.text(document.signerName)))))),
            .unwrap(document.appendix) { .div(.class("pd-appendix"), blocks($0, numberedFrom: document.body.count)) },
        ])
    }

    /// Headings, paragraphs and tables, of the body or the appendix.
    static func blocks(_ blocks: [PartyDocument.Block], numberedFrom first: Int = 0) -> Node<HTML.BodyContext> {
        .forEach(blocks.enumerated()) { index, block in
            switch block {
            case .chart(let chart): DocumentChart(chart: chart, number: first + index).figure.node
            case .heading(let text, let level): .div(.class(level > 1 ? "pd-h2" : "pd-h1"), .text(text))
            case .paragraph(let text): .p(.class("pd-p"), .text(text))
            case .table(let header, let rows):
                .table(.class("pd-table"),
                       .thead(.tr(.forEach(header) { .th(.text($0)) })),
                       .tbody(.forEach(rows) { row in
                           .tr(.forEach(row.enumerated()) { index, cell in
                               index == 0 ? .td(.text(cell)) : .td(.class("number"), .text(cell))
                           })
                       }))
            }
        }
    }
}
