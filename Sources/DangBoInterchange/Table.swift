/// One data row of a table: its cells and where it came from.
public struct TableRow: Sendable, Equatable {
    /// 1-based line number in the file where the record starts (the header is line 1).
    public var line: Int
    public var cells: [String]
    public init(line: Int, cells: [String]) {
        self.line = line
        self.cells = cells
    }
}

/// A whole table in memory: a CSV file or one XLSX sheet.
public struct Table: Sendable, Equatable {
    public var name: String
    public var header: [String]
    public var rows: [TableRow]
    public init(name: String, header: [String], rows: [TableRow]) {
        self.name = name
        self.header = header
        self.rows = rows
    }
}
