import DangBoCore
import Foundation

/// Turns a cell's raw value into the text a user sees.
struct XLSXCellReader {
    struct Cell {
        var reference: String?
        var type = "n"
        var style = 0
        /// The text of `<v>`, if any.
        var value: String?
        /// The text of `<is>` (inline strings), if any.
        var inline: String?
        var phonetic = false
        /// Whether the cell's text ran past what is kept of a field.
        var overlong = false
    }

    /// The sheet as the user knows it ("book.xlsx[members]"), for messages.
    let file: String
    let sharedStrings: XLSXSharedStrings
    let dateStyles: Set<Int>
    let date1904: Bool
    let limits: ReadingLimits

    func text(of cell: Cell, row: Int) throws -> String {
        let text = try value(of: cell, row: row)
        if cell.overlong || limits.isTooLong(text.value) || text.overlong {
            let characters = text.overlong || cell.overlong ? nil : text.value.count
            throw CodecError(file: file, line: row, message: "ô \(cell.reference ?? "?") "
                + (characters.map(limits.fieldTooLong) ?? "dài quá giới hạn \(VietnameseFormat.number(limits.fieldCharacters)) ký tự của một ô"))
        }
        return text.value
    }

    private func value(of cell: Cell, row: Int) throws -> (value: String, overlong: Bool) {
        switch cell.type {
        case "s":
            guard let value = cell.value, !value.isEmpty else { return ("", false) }
            guard let index = Int(value.trimmed), let string = sharedStrings[index] else {
                throw CodecError(file: file, line: row, message:
                    "ô \(cell.reference ?? "?") trỏ tới chuỗi dùng chung không có trong tệp (\(value))")
            }
            return (string.text, string.overlong)
        case "inlineStr":
            return (OOXMLText.unescaped(cell.inline ?? cell.value ?? ""), false)
        case "str":
            return (OOXMLText.unescaped(cell.value ?? ""), false)
        case "b":
            guard let value = cell.value?.trimmed, !value.isEmpty else { return ("", false) }
            return (value == "1" || value.lowercased() == "true" ? "TRUE" : "FALSE", false)
        case "e":
            return (cell.value ?? "", false)
        case "d":
            // NB: ISO 8601 date cells (strict OOXML); a day is the part before the time.
            return (String((cell.value ?? "").trimmed.prefix { $0 != "T" }), false)
        default:
            guard let value = cell.value?.trimmed, !value.isEmpty else { return ("", false) }
            if dateStyles.contains(cell.style), let day = NumberFormat.day(serial: value, date1904: date1904) {
                return (day, false)
            }
            return (NumberFormat.plain(value), false)
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

extension StringProtocol {
    fileprivate var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
