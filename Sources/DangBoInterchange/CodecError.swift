/// An error of the codecs, with the place, for users: `members.csv:12: trường trong ngoặc kép không được đóng`.
public struct CodecError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file as the user knows it ("members.csv", "book.xlsx", "book.xlsx[members]").
    public var file: String
    /// The line (CSV) or row number (XLSX), when the error has one.
    public var line: Int?
    /// What is wrong, in Vietnamese.
    public var message: String

    public init(file: String, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// "file:line: message", or "file: message" when there is no line.
    public var description: String {
        if let line { "\(file):\(line): \(message)" } else { "\(file): \(message)" }
    }
}
