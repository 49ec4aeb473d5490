import DangBoCore
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

/// Reads an .xlsx workbook: every worksheet, in workbook order, as a table named after its sheet.
///
/// The first non-empty row of a sheet is its header; each later non-empty row is a `TableRow` whose line is the
/// sheet's row number. Cells are placed by their reference (`r="C5"`), so skipped cells read as "", and rows are
/// padded with "" to the header's width. Values are read as the user sees them:
/// - shared strings (rich-text runs joined, phonetic runs left out), inline strings, cached values of formulas;
/// - booleans as `TRUE`/`FALSE`, error values as written (`#N/A`);
/// - numbers with a date style (built-in formats 14–22 and 45–47, or a custom format with d, m or y outside quotes
///   and brackets) as ISO days `YYYY-MM-DD`;
/// - other numbers without exponent and with "." as decimal separator; integral ones without ".0", so that ID
///   numbers stay digits (`1.23456789012E+11` reads `123456789012`).
public enum XLSXReader {
    public static func read(url: URL) throws -> [Table] {
        let file = url.lastPathComponent
        let package = try Package(url: url, file: file)
        let workbookPath = try package.workbookPath()
        let relationships = try package.relationships(of: workbookPath)
        let workbook = try package.workbook(at: workbookPath)

        let sharedStringsPath = relationships.values.first { $0.type.hasSuffix("/sharedStrings") }?.path
        let sharedStrings = try sharedStringsPath.map { try package.sharedStrings(at: $0) } ?? []
        let stylesPath = relationships.values.first { $0.type.hasSuffix("/styles") }?.path
        let dateStyles = try stylesPath.map { try package.dateStyles(at: $0) } ?? []

        var tables: [Table] = []
        for sheet in workbook.sheets {
            guard let relationship = relationships[sheet.relationship] else {
                throw package.invalid("thiếu trang tính \"\(sheet.name)\"")
            }
            // NB: chart sheets and dialog sheets hold no cells.
            guard relationship.type.hasSuffix("/worksheet") else { continue }
            let cells = CellReader(
                file: "\(file)[\(sheet.name)]", sharedStrings: sharedStrings, dateStyles: dateStyles,
                date1904: workbook.date1904
            )
            tables.append(try package.table(named: sheet.name, at: relationship.path, reading: cells))
        }
        return tables
    }
}

// MARK: - The zip package

/// The parts of an .xlsx zip, looked up by their path (case-insensitively, as Excel does).
private struct Package {
    let file: String
    let archive: Archive
    let entries: [String: Entry]

    init(url: URL, file: String) throws {
        self.file = file
        guard FileManager.default.isReadableFile(atPath: url.path) else {
            throw CodecError(file: file, line: nil, message: "không đọc được tệp")
        }
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            // NB: .xls (Excel 97–2003) and password-protected workbooks are OLE2 files, not zips.
            let head = (try? FileHandle(forReadingFrom: url).read(upToCount: 4)) ?? nil
            if head == Data([0xD0, 0xCF, 0x11, 0xE0]) {
                throw CodecError(file: file, line: nil, message:
                    "không phải tệp Excel (.xlsx) hợp lệ: tệp .xls cũ hoặc có mật khẩu; hãy mở bằng Excel và lưu lại dạng .xlsx")
            }
            throw CodecError(file: file, line: nil, message: "không phải tệp Excel (.xlsx) hợp lệ")
        }
        entries = Dictionary(archive.map { ($0.path.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
    }

    func invalid(_ detail: String) -> CodecError {
        CodecError(file: file, line: nil, message: "không phải tệp Excel (.xlsx) hợp lệ: \(detail)")
    }

    /// The bytes of a part, or nil if the package has no such part.
    func data(at path: String) throws -> Data? {
        guard let entry = entries[path.lowercased()] else { return nil }
        var data = Data()
        do {
            _ = try archive.extract(entry) { data.append($0) }
        } catch {
            throw invalid("không giải nén được \(path)")
        }
        return data
    }

    func parse(_ path: String, with events: XMLEvents) throws {
        guard let data = try data(at: path) else { throw invalid("thiếu \(path)") }
        do {
            try events.parse(data)
        } catch let error as CodecError {
            throw error
        } catch {
            throw invalid("\(path) không phải XML hợp lệ")
        }
    }

    /// The workbook part named by the package relationships, `xl/workbook.xml` by default.
    func workbookPath() throws -> String {
        guard entries["_rels/.rels"] != nil else { return "xl/workbook.xml" }
        let root = try relationships(at: "_rels/.rels", base: "")
        return root.values.first { $0.type.hasSuffix("/officeDocument") }?.path ?? "xl/workbook.xml"
    }

    /// The relationships of a part, from `folder/_rels/name.rels`, by id.
    func relationships(of part: String) throws -> [String: Relationship] {
        let folder = part.split(separator: "/").dropLast().joined(separator: "/")
        let name = part.split(separator: "/").last.map(String.init) ?? part
        let path = folder.isEmpty ? "_rels/\(name).rels" : "\(folder)/_rels/\(name).rels"
        return try relationships(at: path, base: folder)
    }

    private func relationships(at path: String, base: String) throws -> [String: Relationship] {
        var relationships: [String: Relationship] = [:]
        let events = XMLEvents()
        events.start = { element, attributes in
            guard element == "Relationship", attributes["TargetMode"] != "External",
                  let id = attributes["Id"], let target = attributes["Target"] else { return }
            relationships[id] = Relationship(type: attributes["Type"] ?? "", path: Self.resolve(target, from: base))
        }
        try parse(path, with: events)
        return relationships
    }

    /// A relationship target as a path in the zip: relative to the source part's folder, or absolute with "/".
    static func resolve(_ target: String, from base: String) -> String {
        var parts = target.hasPrefix("/") ? [] : base.split(separator: "/")
        for part in target.split(separator: "/") {
            if part == ".." {
                _ = parts.popLast()
            } else if part != "." {
                parts.append(part)
            }
        }
        return parts.joined(separator: "/")
    }

    func workbook(at path: String) throws -> Workbook {
        var workbook = Workbook()
        let events = XMLEvents()
        events.start = { element, attributes in
            switch element {
            case "workbookPr":
                workbook.date1904 = attributes["date1904"] == "1" || attributes["date1904"] == "true"
            case "sheet":
                guard let name = attributes["name"], let id = attributes["id"] else { return }
                workbook.sheets.append(Workbook.Sheet(name: name, relationship: id))
            default:
                break
            }
        }
        try parse(path, with: events)
        return workbook
    }

    /// The shared string table: each `<si>` as plain text, rich-text runs joined, phonetic guides left out.
    func sharedStrings(at path: String) throws -> [String] {
        var strings: [String] = []
        var current = ""
        var phonetic = false
        let events = XMLEvents()
        events.start = { element, _ in
            switch element {
            case "si": current = ""
            case "rPh": phonetic = true
            case "t": events.capturing = !phonetic
            default: break
            }
        }
        events.end = { element in
            switch element {
            case "t" where events.capturing:
                current += events.takeText()
                events.capturing = false
            case "rPh": phonetic = false
            case "si": strings.append(OOXMLText.unescaped(current))
            default: break
            }
        }
        try parse(path, with: events)
        return strings
    }

    /// The indexes of the cell formats (`s` of a cell) that show numbers as dates.
    func dateStyles(at path: String) throws -> Set<Int> {
        var customFormats: [Int: String] = [:]
        var formatOfStyle: [Int] = []
        var inCellFormats = false
        let events = XMLEvents()
        events.start = { element, attributes in
            switch element {
            case "numFmt":
                if let id = attributes["numFmtId"].flatMap({ Int($0) }) { customFormats[id] = attributes["formatCode"] ?? "" }
            case "cellXfs": inCellFormats = true
            case "xf" where inCellFormats: formatOfStyle.append(attributes["numFmtId"].flatMap { Int($0) } ?? 0)
            default: break
            }
        }
        events.end = { element in
            if element == "cellXfs" { inCellFormats = false }
        }
        try parse(path, with: events)
        var dates: Set<Int> = []
        for (style, format) in formatOfStyle.enumerated() {
            let isDate = customFormats[format].map(NumberFormat.showsDate) ?? NumberFormat.isBuiltInDate(format)
            if isDate { dates.insert(style) }
        }
        return dates
    }

    /// One worksheet as a table: the first non-empty row is the header.
    func table(named name: String, at path: String, reading cells: CellReader) throws -> Table {
        var header: [String]?
        var rows: [TableRow] = []
        var rowNumber = 0
        var row: [String] = []
        var column = -1
        var cell = CellReader.Cell()
        let events = XMLEvents()
        events.start = { element, attributes in
            switch element {
            case "row":
                rowNumber = attributes["r"].flatMap { Int($0) } ?? rowNumber + 1
                row.removeAll(keepingCapacity: true)
                column = -1
            case "c":
                column = attributes["r"].flatMap(CellReader.column(of:)) ?? column + 1
                cell = CellReader.Cell(
                    reference: attributes["r"], type: attributes["t"] ?? "n",
                    style: attributes["s"].flatMap { Int($0) } ?? 0
                )
            case "v":
                cell.value = ""
                events.capturing = true
            case "is": cell.inline = ""
            case "rPh": cell.phonetic = true
            case "t" where cell.inline != nil && !cell.phonetic: events.capturing = true
            default: break
            }
        }
        events.end = { element in
            switch element {
            case "v" where events.capturing:
                cell.value = events.takeText()
                events.capturing = false
            case "t" where events.capturing:
                cell.inline? += events.takeText()
                events.capturing = false
            case "rPh": cell.phonetic = false
            case "c":
                let text = try cells.text(of: cell, row: rowNumber)
                guard !text.isEmpty else { return }
                if row.count <= column { row += repeatElement("", count: column + 1 - row.count) }
                row[column] = text
            case "row":
                guard !row.isEmpty else { return }
                if let header {
                    if row.count < header.count { row += repeatElement("", count: header.count - row.count) }
                    rows.append(TableRow(line: rowNumber, cells: row))
                } else {
                    header = row
                }
            default: break
            }
        }
        try parse(path, with: events)
        return Table(name: name, header: header ?? [], rows: rows)
    }
}

private struct Relationship {
    var type: String
    /// The target's path in the zip.
    var path: String
}

private struct Workbook {
    struct Sheet {
        var name: String
        var relationship: String
    }

    var sheets: [Sheet] = []
    /// Whether day serials count from 1904-01-01 (old Mac workbooks) instead of 1899-12-30.
    var date1904 = false
}

// MARK: - Cells

/// Turns a cell's raw value into the text a user sees.
private struct CellReader {
    struct Cell {
        var reference: String?
        var type = "n"
        var style = 0
        /// The text of `<v>`, if any.
        var value: String?
        /// The text of `<is>` (inline strings), if any.
        var inline: String?
        var phonetic = false
    }

    let file: String
    let sharedStrings: [String]
    let dateStyles: Set<Int>
    let date1904: Bool

    func text(of cell: Cell, row: Int) throws -> String {
        switch cell.type {
        case "s":
            guard let value = cell.value, !value.isEmpty else { return "" }
            guard let index = Int(value.trimmed), sharedStrings.indices.contains(index) else {
                throw CodecError(file: file, line: row, message:
                    "ô \(cell.reference ?? "?") trỏ tới chuỗi dùng chung không có trong tệp (\(value))")
            }
            return sharedStrings[index]
        case "inlineStr":
            return OOXMLText.unescaped(cell.inline ?? cell.value ?? "")
        case "str":
            return OOXMLText.unescaped(cell.value ?? "")
        case "b":
            guard let value = cell.value?.trimmed, !value.isEmpty else { return "" }
            return value == "1" || value.lowercased() == "true" ? "TRUE" : "FALSE"
        case "e":
            return cell.value ?? ""
        case "d":
            // NB: ISO 8601 date cells (strict OOXML); a day is the part before the time.
            return String((cell.value ?? "").trimmed.prefix { $0 != "T" })
        default:
            guard let value = cell.value?.trimmed, !value.isEmpty else { return "" }
            if dateStyles.contains(cell.style), let day = NumberFormat.day(serial: value, date1904: date1904) {
                return day
            }
            return NumberFormat.plain(value)
        }
    }

    /// The 0-based column of a reference like "C5" (C → 2), or nil if it has no letters.
    static func column(of reference: String) -> Int? {
        var column = 0
        var letters = 0
        for byte in reference.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): column = column * 26 + Int(byte - UInt8(ascii: "A")) + 1
            case UInt8(ascii: "a")...UInt8(ascii: "z"): column = column * 26 + Int(byte - UInt8(ascii: "a")) + 1
            case UInt8(ascii: "$"): continue
            default:
                return letters > 0 ? column - 1 : nil
            }
            letters += 1
            // NB: Excel has 16 384 columns (XFD); a longer run of letters is not a reference.
            if letters > 3 { return nil }
        }
        return letters > 0 ? column - 1 : nil
    }
}

/// Number formats: which show dates, and how numbers print.
enum NumberFormat {
    /// Built-in formats that show a date or a time (ECMA-376 §18.8.30).
    static func isBuiltInDate(_ id: Int) -> Bool {
        (14...22).contains(id) || (45...47).contains(id)
    }

    /// Whether a format code shows a date: it has d, m or y outside quoted text, brackets (`[$-42A]`, `[Red]`)
    /// and escaped characters (`\d`, `_d`, `*d`).
    static func showsDate(_ code: String) -> Bool {
        var quoted = false
        var bracketed = false
        var escaped = false
        for character in code.lowercased() {
            if escaped {
                escaped = false
            } else if quoted {
                if character == "\"" { quoted = false }
            } else if bracketed {
                if character == "]" { bracketed = false }
            } else {
                switch character {
                case "\"": quoted = true
                case "[": bracketed = true
                case "\\", "_", "*": escaped = true
                case "d", "m", "y": return true
                default: break
                }
            }
        }
        return false
    }

    /// The ISO day of an Excel day serial (its time of day dropped), or nil if it is no day: negative, past
    /// 9999-12-31, or in the 1900 system below 1, which is a time of day alone.
    ///
    /// In the 1900 system Excel keeps Lotus 1-2-3's bug: it counts 1900-02-29, which did not exist, as serial 60.
    /// Serials above 60 therefore count from 1899-12-30, those below from 1899-12-31, and 60 itself prints as the
    /// day Excel shows, so that the importer rejects it as not a day. The 1904 system counts from 1904-01-01.
    static func day(serial text: String, date1904: Bool) -> String? {
        guard let value = Double(text), value.isFinite, value >= (date1904 ? 0 : 1), value < 2_958_466 else {
            return nil
        }
        let serial = Int(value.rounded(.down))
        if date1904 { return Day(year: 1904, month: 1, day: 1)!.adding(days: serial).iso }
        if serial == 60 { return "1900-02-29" }
        let epoch = serial > 60 ? Day(year: 1899, month: 12, day: 30)! : Day(year: 1899, month: 12, day: 31)!
        return epoch.adding(days: serial).iso
    }

    /// A number as positional decimal text with "." and no exponent; integral values without ".0".
    /// Text that is not a number is returned as it is.
    static func plain(_ text: String) -> String {
        guard let value = Double(text), value.isFinite else { return text }
        if value == value.rounded(), abs(value) < 9e18 { return String(Int64(value)) }
        return positional(value.description)
    }

    /// Expands Swift's shortest description ("1.5e-05", "1.2345e+20") into positional notation.
    static func positional(_ description: String) -> String {
        guard let e = description.firstIndex(where: { $0 == "e" || $0 == "E" }),
              let exponent = Int(description[description.index(after: e)...]) else { return description }
        var mantissa = description[..<e]
        let negative = mantissa.hasPrefix("-")
        if negative { mantissa = mantissa.dropFirst() }
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        let whole = parts.first.map(String.init) ?? ""
        let digits = whole + (parts.count > 1 ? String(parts[1]) : "")
        let point = whole.count + exponent
        var text: String
        if point <= 0 {
            text = "0." + String(repeating: "0", count: -point) + digits
        } else if point >= digits.count {
            text = digits + String(repeating: "0", count: point - digits.count)
        } else {
            text = String(digits.prefix(point)) + "." + String(digits.dropFirst(point))
        }
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        while text.hasPrefix("0"), text.count > 1, !text.hasPrefix("0.") { text.removeFirst() }
        return negative ? "-" + text : text
    }
}

/// The `_xHHHH_` escapes of OOXML strings (ECMA-376 §22.9.2.19), which carry characters XML cannot.
enum OOXMLText {
    /// Replaces each `_xHHHH_` by its character.
    static func unescaped(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if scalars[index] == "_", index + 6 < scalars.count, scalars[index + 1] == "x", scalars[index + 6] == "_",
               scalars[index + 2...index + 5].allSatisfy(\.properties.isASCIIHexDigit),
               let code = UInt32(String(String.UnicodeScalarView(scalars[index + 2...index + 5])), radix: 16),
               let scalar = Unicode.Scalar(code) {
                result.append(scalar)
                index += 7
            } else {
                result.append(scalars[index])
                index += 1
            }
        }
        return String(result)
    }

    /// Escapes what XML 1.0 cannot hold (control characters other than tab, LF and CR) and text that would read
    /// as an escape (`_x0041_` becomes `_x005F_x0041_`).
    static func escaped(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            let control = scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r"
            let looksEscaped = scalar == "_" && index + 6 < scalars.count && scalars[index + 1] == "x"
                && scalars[index + 6] == "_" && scalars[index + 2...index + 5].allSatisfy(\.properties.isASCIIHexDigit)
            if control || looksEscaped || scalar == "\u{FFFE}" || scalar == "\u{FFFF}" {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                result.append(contentsOf: "_x\(String(repeating: "0", count: 4 - hex.count))\(hex)_".unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }
}

extension StringProtocol {
    fileprivate var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}

// MARK: - XML events

/// A SAX parser whose events go to closures, with element and attribute names stripped of their prefix
/// (`x:row` → `row`, `r:id` → `id`) so that prefixed and unprefixed workbooks read alike.
private final class XMLEvents: NSObject, XMLParserDelegate {
    var start: (_ element: String, _ attributes: [String: String]) throws -> Void = { _, _ in }
    var end: (_ element: String) throws -> Void = { _ in }
    /// Whether text is being collected for `takeText()`.
    var capturing = false
    private var text = ""
    private var failure: (any Error)?
    /// Open elements, and whether there was any: a part cut short must not read as a whole one.
    private var depth = 0
    private var sawElement = false

    func takeText() -> String {
        defer { text = "" }
        return text
    }

    /// Parses `data` once; the handlers are dropped afterwards, so handlers that use this object leak nothing.
    func parse(_ data: Data) throws {
        defer {
            start = { _, _ in }
            end = { _ in }
        }
        let parser = XMLParser(data: data)
        parser.delegate = self
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        let parsed = parser.parse()
        if let failure { throw failure }
        // NB: swift-corelibs-foundation's XMLParser accepts a document whose elements are not closed.
        guard parsed, depth == 0, sawElement else { throw parser.parserError ?? CocoaError(.fileReadCorruptFile) }
    }

    private static func local(_ name: String) -> String {
        guard let colon = name.lastIndex(of: ":") else { return name }
        return String(name[name.index(after: colon)...])
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        guard failure == nil else { return }
        depth += 1
        sawElement = true
        var local: [String: String] = [:]
        for (name, value) in attributes where !name.hasPrefix("xmlns") { local[Self.local(name)] = value }
        do {
            try start(Self.local(elementName), local)
        } catch {
            failure = error
            parser.abortParsing()
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        guard failure == nil else { return }
        depth -= 1
        do {
            try end(Self.local(elementName))
        } catch {
            failure = error
            parser.abortParsing()
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if capturing { text += string }
    }

    func parser(_ parser: XMLParser, foundCDATA block: Data) {
        if capturing { text += String(decoding: block, as: UTF8.self) }
    }
}
