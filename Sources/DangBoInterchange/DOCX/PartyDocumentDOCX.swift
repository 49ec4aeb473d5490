import DangBoCore
import Foundation

/// Writes a `PartyDocument` as a Word document (.docx, WordprocessingML) in the layout of HD 36-HD/VPTW (RULES §9):
/// A4, margins 20 / 20 / 30 / 15 mm (top, bottom, left, right), Times New Roman; the issuer block and the header side
/// by side at the top, the header with a rule under it, the place and date line in italics; the type and summary
/// centred; the body justified at 14 pt; the recipients and the signature side by side at the end.
///
/// The same document gives the same bytes (fixed times in the zip), so a frozen report prints again identically.
public enum PartyDocumentDOCX {
    /// Writes `document` to `url`, replacing it at once.
    public static func write(_ document: PartyDocument, to url: URL) throws {
        let charts = charts(of: document)
        try XLSXWriter.zip([
            ("[Content_Types].xml", contentTypes(charts: charts.count)),
            ("_rels/.rels", packageRelationships),
            ("word/_rels/document.xml.rels", documentRelationships(charts: charts.count)),
            ("word/styles.xml", styles),
            ("word/settings.xml", settings),
            ("word/document.xml", self.document(document)),
        ] + charts.enumerated().map { ("word/charts/chart\($0.offset + 1).xml", chartPart($0.element)) }, to: url)
    }

    /// The text of each run of a written document's body, in reading order (what the tests and a reader check).
    static func texts(of url: URL) throws -> [String] {
        var texts: [String] = [], inText = false
        try XLSXPackage(url: url, limits: .standard).parse("word/document.xml", large: true) { token in
            switch token {
            case .start(let element): inText = element.name == "t"
            case .text(let text, _) where inText: texts.append(text)
            case .end: inText = false
            default: break
            }
        }
        return texts
    }

    // MARK: - Page

    /// Twentieths of a point (twips) in a millimetre.
    static func twips(millimetres: Double) -> Int { Int((millimetres * 1_440 / 25.4).rounded()) }

    /// A4 and the margins of RULES §9, in twips.
    static let page = (width: 11_906, height: 16_838)
    static let margins = (top: twips(millimetres: 20), bottom: twips(millimetres: 20),
                          left: twips(millimetres: 30), right: twips(millimetres: 15))
    /// The width between the margins, which the header and signature tables share.
    static var textWidth: Int { page.width - margins.left - margins.right }

    // MARK: - The document

    static func document(_ document: PartyDocument) -> String {
        var body = ""
        body += header(document)
        body += paragraph(document.kind, size: 16, bold: true, alignment: "center", spacingBefore: 360)
        body += paragraph(document.summary, size: 14, bold: true, alignment: "center")
        body += paragraph("-----", size: 14, alignment: "center", spacingAfter: 240)
        var chart = 0
        body += blocks(document.body, chart: &chart)
        body += signature(document)
        if let appendix = document.appendix, !appendix.isEmpty {
            body += #"<w:p><w:r><w:br w:type="page"/></w:r></w:p>"#
            body += blocks(appendix, chart: &chart)
        }
        body += #"<w:sectPr><w:pgSz w:w="\#(page.width)" w:h="\#(page.height)"/>"#
            + #"<w:pgMar w:top="\#(margins.top)" w:right="\#(margins.right)" w:bottom="\#(margins.bottom)" "#
            + #"w:left="\#(margins.left)" w:header="709" w:footer="709" w:gutter="0"/></w:sectPr>"#
        return declaration + #"<w:document xmlns:w="\#(wordNamespace)" xmlns:wp="\#(wordDrawingNamespace)" "#
            + #"xmlns:r="\#(relationshipNamespace)"><w:body>"# + body + "</w:body></w:document>"
    }

    /// Headings, paragraphs, tables and charts of the body or the appendix; `chart` counts the charts written so far
    /// (chart `n` is the `n`th of `charts(of:)`).
    static func blocks(_ blocks: [PartyDocument.Block], chart: inout Int) -> String {
        var body = ""
        for block in blocks {
            switch block {
            case .heading(let text, let level):
                body += paragraph(text, size: 14, bold: true, alignment: "both", firstLineIndent: level > 1 ? 720 : 0,
                                  spacingBefore: 120, spacingAfter: 60, keepWithNext: true)
            case .paragraph(let text):
                body += paragraph(text, size: 14, alignment: "both", firstLineIndent: 720, spacingAfter: 120)
            case .table(let header, let rows):
                body += table(header: header, rows: rows)
            case .chart(let figure):
                chart += 1
                body += chartParagraph(figure, number: chart)
            }
        }
        return body
    }

    /// The issuer block (left) and "ĐẢNG CỘNG SẢN VIỆT NAM" with its rule and the date line (right), side by side in a
    /// table without borders.
    static func header(_ document: PartyDocument) -> String {
        var left = ""
        if !document.superior.isEmpty { left += paragraph(document.superior.uppercased(), size: 14, alignment: "center") }
        left += paragraph(document.issuer.uppercased(), size: 14, bold: true, alignment: "center")
        left += paragraph("*", size: 14, alignment: "center")
        left += paragraph(document.numberAndCode, size: 13, alignment: "center")
        // NB: the rule is as long as the header (HD 36 §II.1.1): the paragraph is narrowed to about its text.
        let right = paragraph("ĐẢNG CỘNG SẢN VIỆT NAM", size: 15, bold: true, alignment: "center", sideIndent: 200, ruleBelow: true)
            + paragraph(document.dateLine, size: 14, italic: true, alignment: "center", spacingBefore: 120)
        return layoutTable(widths: [textWidth * 45 / 100, textWidth - textWidth * 45 / 100], cells: [left, right])
    }

    /// "Nơi nhận:" and its list (left), the authority, title and name (right).
    static func signature(_ document: PartyDocument) -> String {
        var left = paragraph("Nơi nhận:", size: 12, bold: true, italic: true, spacingBefore: 240)
        for recipient in document.recipients { left += paragraph("- " + recipient, size: 11) }
        var right = paragraph(document.authority.uppercased(), size: 14, bold: true, alignment: "center", spacingBefore: 240)
        right += paragraph(document.signerTitle.uppercased(), size: 14, bold: true, alignment: "center")
        // NB: room for the signature and the seal.
        for _ in 0..<4 { right += paragraph("", size: 14, alignment: "center") }
        right += paragraph(document.signerName, size: 14, bold: true, alignment: "center")
        return layoutTable(widths: [textWidth / 2, textWidth - textWidth / 2], cells: [left, right])
    }

    /// A table of figures: a grid, its header row bold and repeated on each page, numbers right-aligned.
    static func table(header: [String], rows: [[String]]) -> String {
        let columns = max(header.count, rows.map(\.count).max() ?? 0)
        guard columns > 0 else { return "" }
        // NB: the first column holds the names: wider when the figures are many (a table per organization).
        let first = columns > 3 ? textWidth * 3 / 10 : textWidth / columns
        let width = columns > 1 ? (textWidth - first) / (columns - 1) : textWidth
        let widths = [first] + Array(repeating: width, count: columns - 1)
        let size = columns > 6 ? 10 : 12
        var xml = #"<w:tbl><w:tblPr><w:tblW w:w="\#(widths.reduce(0, +))" w:type="dxa"/><w:tblBorders>"#
        for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
            xml += #"<w:\#(side) w:val="single" w:sz="4" w:space="0" w:color="000000"/>"#
        }
        xml += "</w:tblBorders></w:tblPr><w:tblGrid>"
        for width in widths { xml += #"<w:gridCol w:w="\#(width)"/>"# }
        xml += "</w:tblGrid>"
        func row(_ cells: [String], header: Bool) -> String {
            var row = header ? "<w:tr><w:trPr><w:tblHeader/></w:trPr>" : "<w:tr>"
            for index in 0..<columns {
                let text = index < cells.count ? cells[index] : ""
                let numeric = !header && index > 0 && !text.isEmpty && text.allSatisfy { $0.isNumber || $0 == "." || $0 == "," }
                row += #"<w:tc><w:tcPr><w:tcW w:w="\#(widths[index])" w:type="dxa"/></w:tcPr>"#
                    + paragraph(text, size: size, bold: header, alignment: header ? "center" : (numeric ? "right" : "left"))
                    + "</w:tc>"
            }
            return row + "</w:tr>"
        }
        if !header.isEmpty { xml += row(header, header: true) }
        for cells in rows { xml += row(cells, header: false) }
        // NB: a table must be followed by a paragraph before the next table or the end of a cell.
        return xml + "</w:tbl>" + paragraph("", size: 6)
    }

    /// Two or more cells side by side with no borders (the header and the signature).
    static func layoutTable(widths: [Int], cells: [String]) -> String {
        var xml = #"<w:tbl><w:tblPr><w:tblW w:w="\#(widths.reduce(0, +))" w:type="dxa"/><w:tblLayout w:type="fixed"/>"#
            + "<w:tblBorders>"
        for side in ["top", "left", "bottom", "right", "insideH", "insideV"] { xml += #"<w:\#(side) w:val="nil"/>"# }
        xml += "</w:tblBorders></w:tblPr><w:tblGrid>"
        for width in widths { xml += #"<w:gridCol w:w="\#(width)"/>"# }
        xml += "</w:tblGrid><w:tr>"
        for (width, content) in zip(widths, cells) {
            xml += #"<w:tc><w:tcPr><w:tcW w:w="\#(width)" w:type="dxa"/></w:tcPr>\#(content)</w:tc>"#
        }
        return xml + "</w:tr></w:tbl>" + paragraph("", size: 6)
    }

    /// One paragraph of one run. Sizes in points. `ruleBelow`: a solid line under the paragraph's text width (the
    /// header's rule).
    static func paragraph(
        _ text: String, size: Int, bold: Bool = false, italic: Bool = false, alignment: String = "left",
        firstLineIndent: Int = 0, sideIndent: Int = 0, spacingBefore: Int = 0, spacingAfter: Int = 0, keepWithNext: Bool = false,
        ruleBelow: Bool = false
    ) -> String {
        var properties = keepWithNext ? "<w:keepNext/>" : ""
        if ruleBelow {
            properties += #"<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr>"#
        }
        properties += #"<w:spacing w:before="\#(spacingBefore)" w:after="\#(spacingAfter)"/>"#
        if firstLineIndent > 0 { properties += #"<w:ind w:firstLine="\#(firstLineIndent)"/>"# }
        if sideIndent > 0 { properties += #"<w:ind w:left="\#(sideIndent)" w:right="\#(sideIndent)"/>"# }
        properties += #"<w:jc w:val="\#(alignment)"/>"#
        var run = bold ? "<w:b/>" : ""
        if italic { run += "<w:i/>" }
        run += #"<w:sz w:val="\#(size * 2)"/><w:szCs w:val="\#(size * 2)"/>"#
        let content = text.isEmpty ? "" : #"<w:r><w:rPr>\#(run)</w:rPr><w:t xml:space="preserve">\#(XLSXWriter.escaped(text, attribute: false))</w:t></w:r>"#
        return "<w:p><w:pPr>\(properties)<w:rPr>\(run)</w:rPr></w:pPr>\(content)</w:p>"
    }

    // MARK: - Package parts

    static let declaration = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
    static let wordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    static func contentTypes(charts: Int) -> String {
        let overrides = (0..<charts).map {
            #"<Override PartName="/word/charts/chart\#($0 + 1).xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>"#
        }.joined()
        return contentTypes.replacingOccurrences(of: "</Types>", with: overrides + "</Types>")
    }

    static func documentRelationships(charts: Int) -> String {
        let relationships = (0..<charts).map {
            #"<Relationship Id="\#(chartRelationship($0 + 1))" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="charts/chart\#($0 + 1).xml"/>"#
        }.joined()
        return documentRelationships.replacingOccurrences(of: "</Relationships>", with: relationships + "</Relationships>")
    }

    static let contentTypes = declaration
        + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
        + #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
        + #"<Default Extension="xml" ContentType="application/xml"/>"#
        + #"<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>"#
        + #"<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>"#
        + #"<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>"#
        + "</Types>"

    static let packageRelationships = declaration
        + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        + #"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>"#
        + "</Relationships>"

    static let documentRelationships = declaration
        + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        + #"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#
        + #"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>"#
        + "</Relationships>"

    /// Times New Roman for every script (Vietnamese is Latin with diacritics), 14 pt, single spacing.
    static let styles = declaration
        + #"<w:styles xmlns:w="\#(wordNamespace)"><w:docDefaults><w:rPrDefault><w:rPr>"#
        + #"<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/>"#
        + #"<w:sz w:val="28"/><w:szCs w:val="28"/><w:lang w:val="vi-VN"/></w:rPr></w:rPrDefault>"#
        + #"<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>"#
        + #"<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>"#
        + "</w:styles>"

    static let settings = declaration
        + #"<w:settings xmlns:w="\#(wordNamespace)"><w:defaultTabStop w:val="720"/><w:compat/></w:settings>"#
}
