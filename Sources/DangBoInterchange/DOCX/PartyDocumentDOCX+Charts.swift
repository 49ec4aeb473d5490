import DangBoCore

/// The document's charts as native Word charts (DrawingML, one `word/charts/chartN.xml` part each): a clustered column
/// chart with its figures cached in the part (no embedded workbook), so that Word and LibreOffice draw it and print it
/// as it was written; the values over the bars, Times New Roman, the party's red.
extension PartyDocumentDOCX {
    static let chartNamespace = "http://schemas.openxmlformats.org/drawingml/2006/chart"
    static let drawingNamespace = "http://schemas.openxmlformats.org/drawingml/2006/main"
    static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let wordDrawingNamespace = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
    /// Excel's number format with a thousands separator (Word shows it in the document's language: 4.046).
    static let thousands = "#,##0"

    /// The charts of `document`, in reading order (the body, then the appendix): chart `n` is `word/charts/chart<n>.xml`.
    static func charts(of document: PartyDocument) -> [PartyDocument.Chart] {
        (document.body + (document.appendix ?? [])).compactMap { if case .chart(let chart) = $0 { chart } else { nil } }
    }

    /// The relationship id of chart `n` in `word/_rels/document.xml.rels`.
    static func chartRelationship(_ number: Int) -> String { "rIdChart\(number)" }

    /// The paragraph that holds chart `number` (16 × 8 cm), with its title above it as text for readers that draw no
    /// chart.
    static func chartParagraph(_ chart: PartyDocument.Chart, number: Int) -> String {
        let width = 16 * 360_000, height = 8 * 360_000  // EMU in a centimetre
        return paragraph(chart.title, size: 13, italic: true, alignment: "center", spacingBefore: 120, keepWithNext: true)
            + #"<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:drawing>"#
            + #"<wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="\#(width)" cy="\#(height)"/>"#
            + #"<wp:docPr id="\#(number)" name="Biểu đồ \#(number)" descr="\#(XLSXWriter.escaped(chart.title, attribute: true))"/>"#
            + #"<a:graphic xmlns:a="\#(drawingNamespace)"><a:graphicData uri="\#(chartNamespace)">"#
            + #"<c:chart xmlns:c="\#(chartNamespace)" xmlns:r="\#(relationshipNamespace)" r:id="\#(chartRelationship(number))"/>"#
            + "</a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"
    }

    /// `word/charts/chart<n>.xml`.
    static func chartPart(_ chart: PartyDocument.Chart) -> String {
        let font = #"<a:latin typeface="Times New Roman"/><a:cs typeface="Times New Roman"/>"#
        var xml = declaration + #"<c:chartSpace xmlns:c="\#(chartNamespace)" xmlns:a="\#(drawingNamespace)" xmlns:r="\#(relationshipNamespace)">"#
            + #"<c:roundedCorners val="0"/><c:chart><c:autoTitleDeleted val="1"/><c:plotArea><c:layout/>"#
            + #"<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>"#
        let colours = ["B3141C", "EAA9AD", "2D5073", "9E9E9E"]
        let last = chart.categories.count + 1
        for (index, series) in chart.series.enumerated() {
            let column = String(UnicodeScalar(UInt8(66 + index)))  // B, C, …: where a workbook would hold it
            xml += #"<c:ser><c:idx val="\#(index)"/><c:order val="\#(index)"/>"#
                + #"<c:tx><c:strRef><c:f>Sheet1!$\#(column)$1</c:f><c:strCache><c:ptCount val="1"/>"#
                + #"<c:pt idx="0"><c:v>\#(XLSXWriter.escaped(series.name, attribute: false))</c:v></c:pt></c:strCache></c:strRef></c:tx>"#
                + #"<c:spPr><a:solidFill><a:srgbClr val="\#(colours[index % colours.count])"/></a:solidFill></c:spPr>"#
                + #"<c:invertIfNegative val="0"/>"#
                + #"<c:dLbls><c:numFmt formatCode="\#(thousands)" sourceLinked="0"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>"#
                + #"<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1000">\#(font)</a:defRPr></a:pPr><a:endParaRPr lang="vi-VN"/></a:p></c:txPr>"#
                + #"<c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/>"#
                + #"<c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>"#
                + #"<c:cat><c:strRef><c:f>Sheet1!$A$2:$A$\#(last)</c:f><c:strCache><c:ptCount val="\#(chart.categories.count)"/>"#
            for (point, category) in chart.categories.enumerated() {
                xml += #"<c:pt idx="\#(point)"><c:v>\#(XLSXWriter.escaped(category, attribute: false))</c:v></c:pt>"#
            }
            xml += "</c:strCache></c:strRef></c:cat>"
                + #"<c:val><c:numRef><c:f>Sheet1!$\#(column)$2:$\#(column)$\#(last)</c:f><c:numCache><c:formatCode>General</c:formatCode>"#
                + #"<c:ptCount val="\#(series.values.count)"/>"#
            for (point, value) in series.values.enumerated() { xml += #"<c:pt idx="\#(point)"><c:v>\#(value)</c:v></c:pt>"# }
            xml += "</c:numCache></c:numRef></c:val></c:ser>"
        }
        xml += #"<c:gapWidth val="60"/><c:axId val="500001"/><c:axId val="500002"/></c:barChart>"#
            + #"<c:catAx><c:axId val="500001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>"#
            + #"<c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/>"#
            + #"<c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="500002"/><c:crosses val="autoZero"/>"#
            + #"<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>"#
            + #"<c:valAx><c:axId val="500002"/><c:scaling><c:orientation val="minMax"/><c:min val="0"/></c:scaling><c:delete val="0"/>"#
            + #"<c:axPos val="l"/><c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9DE"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>"#
            + #"<c:numFmt formatCode="\#(thousands)" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/>"#
            + #"<c:tickLblPos val="nextTo"/><c:crossAx val="500001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>"#
            + "</c:plotArea>"
        if chart.series.count > 1 { xml += #"<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>"# }
        xml += #"<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>"#
            + #"<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1000">\#(font)</a:defRPr></a:pPr><a:endParaRPr lang="vi-VN"/></a:p></c:txPr>"#
            + "</c:chartSpace>"
        return xml
    }
}
