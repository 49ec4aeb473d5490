/// One data row of a table: its cells and where it came from.
public struct TableRow: Sendable, Equatable {
    /// 1-based line number in the file where the record starts (CSV: physical line, counting the header as line 1 and
    /// counting newlines inside quoted fields; XLSX: the sheet's row number).
    public var line: Int
    public var cells: [String]

    public init(line: Int, cells: [String]) {
        self.line = line
        self.cells = cells
    }
}

/// A whole table in memory: a CSV file or one XLSX sheet.
public struct Table: Sendable, Equatable {
    /// The file name for CSV ("members.csv"), the sheet name for XLSX ("members").
    public var name: String
    public var header: [String]
    public var rows: [TableRow]

    public init(name: String, header: [String], rows: [TableRow]) {
        self.name = name
        self.header = header
        self.rows = rows
    }
}
