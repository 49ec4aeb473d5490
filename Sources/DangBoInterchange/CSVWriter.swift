/// RFC 4180 text as `CSVReader` reads it: fields that hold a comma, quote, CR or LF are quoted with quotes doubled;
/// lines end with "\n"; no byte order mark.
public enum CSVWriter {
    public static func text(header: [String], rows: [[String]]) -> String {
        var text = ""
        for row in CollectionOfOne(header) + rows {
            var first = true
            for cell in row {
                if !first { text.append(",") }
                first = false
                append(cell, to: &text)
            }
            text.append("\n")
        }
        return text
    }

    private static func append(_ cell: String, to text: inout String) {
        // NB: look at bytes, not Characters: "\r\n" is one Character and would hide from a Character test.
        let needsQuotes = cell.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"")
            || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }
        guard needsQuotes else {
            text.append(cell)
            return
        }
        text.append("\"")
        for scalar in cell.unicodeScalars {
            if scalar == "\"" { text.unicodeScalars.append(scalar) }
            text.unicodeScalars.append(scalar)
        }
        text.append("\"")
    }
}
