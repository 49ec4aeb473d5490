import Foundation

/// RFC 4180 text: fields with a comma, quote, CR or LF are quoted, quotes doubled; lines end with "\n".
public enum CSVWriter {
    public static func text(header: [String], rows: [[String]]) -> String {
        var text = ""
        for row in [header] + rows {
            text += row.map(field).joined(separator: ",")
            text += "\n"
        }
        return text
    }

    private static func field(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
