import Foundation
import ZIPFoundation

/// Writes a minimal .xlsx workbook that Excel, LibreOffice and `XLSXReader` open: one sheet per table, in order,
/// the header in row 1 (bold, frozen) and the rows from row 2 on.
///
/// Every cell is an inline string in a text-formatted column, so that IDs keep their leading zeros, days stay
/// `YYYY-MM-DD`, and values typed later into the sheet stay text too. Empty cells are left out. Sheet names are made
/// valid for Excel: at most 31 characters, none of `: \ / ? * [ ]`, unique regardless of case.
/// With no tables the workbook gets one empty sheet, since a workbook must have one.
public enum XLSXWriter {
    public static func write(_ tables: [Table], to url: URL) throws {
        let tables = tables.isEmpty ? [Table(name: "Sheet1", header: [], rows: [])] : tables
        let names = sheetNames(tables.map(\.name))
        var parts: [(path: String, text: String)] = [
            ("[Content_Types].xml", contentTypes(sheets: tables.count)),
            ("_rels/.rels", packageRelationships),
            ("xl/workbook.xml", workbook(names: names)),
            ("xl/_rels/workbook.xml.rels", workbookRelationships(sheets: tables.count)),
            ("xl/styles.xml", styles),
        ]
        for (index, table) in tables.enumerated() {
            parts.append(("xl/worksheets/sheet\(index + 1).xml", worksheet(table)))
        }
        try zip(parts, to: url)
    }

    /// Writes `parts` (path in the zip, XML text) as a zip file, replacing `url` at once.
    /// The tests build workbooks by hand with it.
    static func zip(_ parts: [(path: String, text: String)], to url: URL) throws {
        // NB: a fixed time in every entry makes the same tables give the same bytes.
        let modified = Date(timeIntervalSince1970: 946_728_000) // 2000-01-01 12:00 UTC
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            for part in parts {
                let data = Data(part.text.utf8)
                try archive.addEntry(
                    with: part.path, type: .file, uncompressedSize: Int64(data.count), modificationDate: modified,
                    compressionMethod: .deflate
                ) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            guard let bytes = archive.data else { throw CocoaError(.fileWriteUnknown) }
            try bytes.write(to: url, options: .atomic)
        } catch {
            throw CodecError(file: url.lastPathComponent, line: nil, message: "không ghi được tệp")
        }
    }

    /// Writes parts given as pieces (path in the zip, a function giving a fresh sequence of its pieces) as a zip file,
    /// streamed: the pieces are counted once for the size, then deflated straight into the file. The tests build
    /// workbooks larger than they would hold with it.
    static func zip(pieces parts: [(path: String, pieces: () -> AnyIterator<Data>)], to url: URL) throws {
        let modified = Date(timeIntervalSince1970: 946_728_000) // 2000-01-01 12:00 UTC
        do {
            try? FileManager.default.removeItem(at: url)
            let archive = try Archive(url: url, accessMode: .create)
            for part in parts {
                var size: Int64 = 0
                for piece in IteratorSequence(part.pieces()) { size += Int64(piece.count) }
                let pieces = part.pieces()
                var pending = Data()
                try archive.addEntry(
                    with: part.path, type: .file, uncompressedSize: size, modificationDate: modified,
                    compressionMethod: .deflate
                ) { _, size in
                    while pending.count < size, let piece = pieces.next() { pending.append(piece) }
                    // NB: copies, so that ZIPFoundation gets data indexed from 0.
                    let chunk = Data(pending.prefix(size))
                    pending = Data(pending.dropFirst(chunk.count))
                    return chunk
                }
            }
        } catch {
            throw CodecError(file: url.lastPathComponent, line: nil, message: "không ghi được tệp")
        }
    }

    // MARK: - Sheet names

    static let maximumSheetName = 31

    /// Names Excel accepts, in order: forbidden characters replaced by "_", cut to 31 UTF-16 units, no leading or
    /// trailing apostrophe, empty names as "SheetN", repeats (ignoring case) numbered "name (2)".
    static func sheetNames(_ names: [String]) -> [String] {
        var taken: Set<String> = []
        var result: [String] = []
        for (index, name) in names.enumerated() {
            var base = String(String.UnicodeScalarView(name.unicodeScalars.map { scalar in
                ":\\/?*[]".unicodeScalars.contains(scalar) || scalar.value < 0x20 ? "_" : scalar
            }))
            while base.hasPrefix("'") { base.removeFirst() }
            while base.hasSuffix("'") { base.removeLast() }
            // NB: Excel reserves "History" for its change tracking.
            if base.isEmpty || base.lowercased() == "history" { base = "Sheet\(index + 1)" }
            var candidate = truncated(base, to: maximumSheetName)
            var copy = 1
            while taken.contains(candidate.lowercased()) {
                copy += 1
                let suffix = " (\(copy))"
                candidate = truncated(base, to: maximumSheetName - suffix.utf16.count) + suffix
            }
            taken.insert(candidate.lowercased())
            result.append(candidate)
        }
        return result
    }

    /// The longest prefix of whole characters that fits in `limit` UTF-16 units (Excel's measure).
    private static func truncated(_ text: String, to limit: Int) -> String {
        var result = ""
        var length = 0
        for character in text {
            length += character.utf16.count
            if length > limit { break }
            result.append(character)
        }
        return result
    }

    // MARK: - Parts

    private static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    private static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    private static let declaration = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"

    private static func contentTypes(sheets: Int) -> String {
        let type = "application/vnd.openxmlformats-officedocument.spreadsheetml"
        var xml = declaration + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
        xml += #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
        xml += #"<Default Extension="xml" ContentType="application/xml"/>"#
        xml += #"<Override PartName="/xl/workbook.xml" ContentType="\#(type).sheet.main+xml"/>"#
        for sheet in 1...max(sheets, 1) {
            xml += #"<Override PartName="/xl/worksheets/sheet\#(sheet).xml" ContentType="\#(type).worksheet+xml"/>"#
        }
        xml += #"<Override PartName="/xl/styles.xml" ContentType="\#(type).styles+xml"/>"#
        return xml + "</Types>"
    }

    private static let packageRelationships = declaration
        + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        + #"<Relationship Id="rId1" Type="\#(relationshipNamespace)/officeDocument" Target="xl/workbook.xml"/>"#
        + "</Relationships>"

    private static func workbook(names: [String]) -> String {
        var xml = declaration + #"<workbook xmlns="\#(mainNamespace)" xmlns:r="\#(relationshipNamespace)">"#
        xml += #"<bookViews><workbookView/></bookViews><sheets>"#
        for (index, name) in names.enumerated() {
            xml += #"<sheet name="\#(escaped(name, attribute: true))" sheetId="\#(index + 1)" r:id="rId\#(index + 1)"/>"#
        }
        return xml + "</sheets></workbook>"
    }

    private static func workbookRelationships(sheets: Int) -> String {
        var xml = declaration + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        for sheet in 1...max(sheets, 1) {
            xml += #"<Relationship Id="rId\#(sheet)" Type="\#(relationshipNamespace)/worksheet" "#
                + #"Target="worksheets/sheet\#(sheet).xml"/>"#
        }
        xml += #"<Relationship Id="rId\#(sheets + 1)" Type="\#(relationshipNamespace)/styles" Target="styles.xml"/>"#
        return xml + "</Relationships>"
    }

    /// Cell formats: 0 the default, 1 text (`@`, numFmtId 49), 2 bold text for the header.
    private static let styles = declaration + #"<styleSheet xmlns="\#(mainNamespace)">"#
        + #"<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>"#
        + #"<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>"#
        + #"<fills count="2"><fill><patternFill patternType="none"/></fill>"#
        + #"<fill><patternFill patternType="gray125"/></fill></fills>"#
        + #"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#
        + #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
        + #"<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#
        + #"<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#
        + #"<xf numFmtId="49" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/>"#
        + #"</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#
        + "</styleSheet>"

    private static let textStyle = 1
    private static let headerStyle = 2

    private static func worksheet(_ table: Table) -> String {
        var characters: [Int] = []
        for cells in CollectionOfOne(table.header) + table.rows.map(\.cells) {
            if characters.count < cells.count { characters += repeatElement(0, count: cells.count - characters.count) }
            for (column, cell) in cells.enumerated() { characters[column] = max(characters[column], cell.count) }
        }
        var xml = declaration + #"<worksheet xmlns="\#(mainNamespace)">"#
        if !table.rows.isEmpty {
            xml += #"<sheetViews><sheetView workbookViewId="0">"#
                + #"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#
                + #"<selection pane="bottomLeft"/></sheetView></sheetViews>"#
        }
        if !characters.isEmpty {
            xml += "<cols>"
            for (column, characters) in characters.enumerated() {
                let columnWidth = min(max(characters + 2, 8), 60)
                xml += #"<col min="\#(column + 1)" max="\#(column + 1)" width="\#(columnWidth)" "#
                    + #"style="\#(textStyle)" customWidth="1"/>"#
            }
            xml += "</cols>"
        }
        xml += "<sheetData>"
        append(row: table.header, number: 1, style: headerStyle, to: &xml)
        for (index, row) in table.rows.enumerated() {
            append(row: row.cells, number: index + 2, style: textStyle, to: &xml)
        }
        return xml + "</sheetData></worksheet>"
    }

    private static func append(row cells: [String], number: Int, style: Int, to xml: inout String) {
        guard cells.contains(where: { !$0.isEmpty }) else { return }
        xml += #"<row r="\#(number)">"#
        for (column, cell) in cells.enumerated() where !cell.isEmpty {
            let space = needsPreservedSpace(cell) ? #" xml:space="preserve""# : ""
            xml += #"<c r="\#(columnName(column))\#(number)" s="\#(style)" t="inlineStr"><is><t\#(space)>"#
            xml += escaped(OOXMLText.escaped(cell), attribute: false)
            xml += "</t></is></c>"
        }
        xml += "</row>"
    }

    private static func needsPreservedSpace(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
        return first.properties.isWhitespace || last.properties.isWhitespace
            || text.unicodeScalars.contains { $0 == "\n" || $0 == "\r" || $0 == "\t" }
    }

    /// The letters of a 0-based column: 0 → A, 25 → Z, 26 → AA.
    static func columnName(_ column: Int) -> String {
        var column = column + 1
        var letters: [Character] = []
        while column > 0 {
            let remainder = (column - 1) % 26
            letters.append(Character(Unicode.Scalar(UInt8(ascii: "A") + UInt8(remainder))))
            column = (column - 1) / 26
        }
        return String(letters.reversed())
    }

    /// Text as XML character data or an attribute value. CR is written as a reference, since XML parsers turn a
    /// literal CR into LF.
    static func escaped(_ text: String, attribute: Bool) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"" where attribute: result += "&quot;"
            case "\r": result += "&#13;"
            case "\n" where attribute: result += "&#10;"
            case "\t" where attribute: result += "&#9;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
