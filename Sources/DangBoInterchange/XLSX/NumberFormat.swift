import DangBoCore

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
