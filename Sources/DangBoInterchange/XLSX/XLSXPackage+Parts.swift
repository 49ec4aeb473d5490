/// The small parts of a workbook that say where its sheets are and how to read their cells.
extension XLSXPackage {
    /// The workbook part named by the package relationships, `xl/workbook.xml` by default.
    func workbookPath() throws -> String {
        guard contains("_rels/.rels") else { return "xl/workbook.xml" }
        let root = try relationships(at: "_rels/.rels", base: "")
        return root.values.first { $0.type.hasSuffix("/officeDocument") }?.path ?? "xl/workbook.xml"
    }

    /// The relationships of a part, from `folder/_rels/name.rels`, by id.
    func relationships(of part: String) throws -> [String: XLSXRelationship] {
        let folder = part.split(separator: "/").dropLast().joined(separator: "/")
        let name = part.split(separator: "/").last.map(String.init) ?? part
        let path = folder.isEmpty ? "_rels/\(name).rels" : "\(folder)/_rels/\(name).rels"
        return try relationships(at: path, base: folder)
    }

    private func relationships(at path: String, base: String) throws -> [String: XLSXRelationship] {
        var relationships: [String: XLSXRelationship] = [:]
        try parse(path) { token in
            guard case .start(let element) = token, element.name == "Relationship",
                  element["TargetMode"] != "External", let id = element["Id"], let target = element["Target"]
            else { return }
            guard relationships.count < Self.maximumEntries else { throw invalid("\(path) có quá nhiều quan hệ") }
            relationships[id] = XLSXRelationship(type: element["Type"] ?? "",
                                                 path: XLSXRelationship.resolve(target, from: base))
        }
        return relationships
    }

    func workbook(at path: String) throws -> XLSXWorkbook {
        var workbook = XLSXWorkbook()
        try parse(path) { token in
            guard case .start(let element) = token else { return }
            switch element.name {
            case "workbookPr":
                workbook.date1904 = element["date1904"] == "1" || element["date1904"] == "true"
            case "sheet":
                guard let name = element["name"], let id = element["id"] else { return }
                guard workbook.sheets.count < XLSXWorkbook.maximumSheets else {
                    throw invalid("có hơn \(XLSXWorkbook.maximumSheets) trang tính")
                }
                workbook.sheets.append(XLSXWorkbook.Sheet(name: name, relationship: id))
            default:
                break
            }
        }
        return workbook
    }

    /// The indexes of the cell formats (`s` of a cell) that show numbers as dates.
    func dateStyles(at path: String) throws -> Set<Int> {
        var customFormats: [Int: String] = [:]
        var formatOfStyle: [Int] = []
        var inCellFormats = false
        try parse(path) { token in
            switch token {
            case .start(let element):
                switch element.name {
                case "numFmt":
                    if let id = element["numFmtId"].flatMap({ Int($0) }) { customFormats[id] = element["formatCode"] ?? "" }
                case "cellXfs": inCellFormats = true
                case "xf" where inCellFormats: formatOfStyle.append(element["numFmtId"].flatMap { Int($0) } ?? 0)
                default: break
                }
            case .end("cellXfs"): inCellFormats = false
            default: break
            }
        }
        var dates: Set<Int> = []
        for (style, format) in formatOfStyle.enumerated() {
            let isDate = customFormats[format].map(NumberFormat.showsDate) ?? NumberFormat.isBuiltInDate(format)
            if isDate { dates.insert(style) }
        }
        return dates
    }
}
