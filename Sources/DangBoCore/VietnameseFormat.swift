/// Numbers and dates the way Vietnamese staff write them (UX.md "Language and formats").
public enum VietnameseFormat {
    /// "30/3/2021": day and month without padding, as in tables and forms.
    public static func day(_ day: Day) -> String { "\(day.day)/\(day.month)/\(day.year)" }

    /// "ngày 30 tháng 3 năm 2021": as in documents.
    public static func longDay(_ day: Day) -> String { "ngày \(day.day) tháng \(day.month) năm \(day.year)" }

    /// "4.046": '.' between thousands.
    public static func number(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var groups: [Substring] = []
        var end = digits.endIndex
        while end > digits.startIndex {
            let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
            groups.insert(digits[start..<end], at: 0)
            end = start
        }
        return (value < 0 ? "-" : "") + groups.joined(separator: ".")
    }

    /// "12,5%": one decimal with ',' (omitted when whole), for `part` of `whole`.
    public static func percent(_ part: Int, of whole: Int) -> String {
        guard whole != 0 else { return "0%" }
        let tenths = (part * 1000 + whole / 2) / whole
        let whole = tenths / 10, fraction = tenths % 10
        return fraction == 0 ? "\(number(whole))%" : "\(number(whole)),\(fraction)%"
    }

    /// "I", "II", "III", "IV" for quarters ("quý I/2021").
    public static func roman(_ value: Int) -> String {
        let table: [(Int, String)] = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var rest = value, text = ""
        for (amount, letters) in table {
            while rest >= amount { text += letters; rest -= amount }
        }
        return text
    }

    /// The name of a period as reviews call it: "quý I/2021", "6 tháng đầu năm 2021", "năm 2021",
    /// or "từ 1/1/2021 đến 15/2/2021" for any other span.
    public static func period(from: Day, to: Day) -> String {
        let sameYear = from.year == to.year
        if sameYear, from.day == 1, to.next.day == 1 {
            let months = (to.month - from.month) + 1
            if months == 3, (from.month - 1) % 3 == 0 { return "quý \(roman((from.month - 1) / 3 + 1))/\(from.year)" }
            if months == 6, from.month == 1 { return "6 tháng đầu năm \(from.year)" }
            if months == 6, from.month == 7 { return "6 tháng cuối năm \(from.year)" }
            if months == 12 { return "năm \(from.year)" }
            if months == 1 { return "tháng \(from.month)/\(from.year)" }
        }
        return "từ \(day(from)) đến \(day(to))"
    }
}
