/// What `xl/workbook.xml` says: the sheets in workbook order and the day system.
struct XLSXWorkbook {
    struct Sheet {
        var name: String
        /// The id of its relationship in the workbook's `.rels`.
        var relationship: String
    }

    var sheets: [Sheet] = []
    /// Whether day serials count from 1904-01-01 (old Mac workbooks) instead of 1899-12-30.
    var date1904 = false

    /// The most sheets a workbook may have for an import (which knows five tables).
    static let maximumSheets = 256
}
