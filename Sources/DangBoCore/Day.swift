/// A calendar day without time zone: the unit of every effective date in DangBo (DESIGN §3 "Time").
///
/// Stored as the number of days since 1970-01-01 so that arithmetic is exact and cheap; `yyyymmdd` gives the
/// compact, order-preserving integer the store writes (20210330).
public struct Day: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// Days since 1970-01-01 (negative before).
    public let ordinal: Int

    public init(ordinal: Int) { self.ordinal = ordinal }

    /// The years a day may have: the store keeps 31/12/9999 as the end of a range that has none, so no real day may
    /// reach it (a year 0 or below is no date anyone writes either).
    public static let years = 1...9998

    /// A valid calendar day, or nil when the year, month or day is out of range.
    public init?(year: Int, month: Int, day: Int) {
        guard Day.years.contains(year), (1...12).contains(month), day >= 1, day <= Day.daysIn(month: month, year: year)
        else { return nil }
        self.ordinal = Day.ordinal(year: year, month: month, day: day)
    }

    /// The day written as the integer YYYYMMDD (20210330), or nil when that is no valid day.
    public init?(yyyymmdd: Int) {
        self.init(year: yyyymmdd / 10_000, month: yyyymmdd / 100 % 100, day: yyyymmdd % 100)
    }

    public var year: Int { civil.year }
    public var month: Int { civil.month }
    public var day: Int { civil.day }

    /// YYYYMMDD as one integer: the form the store keeps, since it sorts like the day and reads like a date.
    public var yyyymmdd: Int {
        let c = civil
        return c.year * 10_000 + c.month * 100 + c.day
    }

    /// ISO 8601 "2021-03-30": JSON and interchange files.
    public var iso: String {
        let c = civil
        return "\(Day.pad(c.year, 4))-\(Day.pad(c.month, 2))-\(Day.pad(c.day, 2))"
    }

    public var description: String { iso }

    public static func < (lhs: Day, rhs: Day) -> Bool { lhs.ordinal < rhs.ordinal }

    public func adding(days: Int) -> Day { Day(ordinal: ordinal + days) }

    /// The next day; with half-open ranges, an inclusive period `from…to` is `[from, to.next)`.
    public var next: Day { adding(days: 1) }
    public var previous: Day { adding(days: -1) }

    /// The first day of the quarter the day lies in (1/1, 1/4, 1/7, 1/10).
    public var quarterStart: Day { adding(days: 1 - day).adding(months: -((month - 1) % 3)) }

    /// Whether the day is a quarter's last (31/3, 30/6, 30/9, 31/12): the days a review counts its stocks on.
    public var isQuarterEnd: Bool { next.quarterStart == next }

    /// The same day `months` months later; a day past the end of the target month is clamped to its last day
    /// (31/1 + 1 month = 28/2 or 29/2), as a probation of "12 months" is counted in practice.
    public func adding(months: Int) -> Day {
        let c = civil
        let total = c.year * 12 + (c.month - 1) + months
        let year = Int((Double(total) / 12).rounded(.down))
        let month = total - year * 12 + 1
        let day = min(c.day, Day.daysIn(month: month, year: year))
        return Day(ordinal: Day.ordinal(year: year, month: month, day: day))
    }

    public func adding(years: Int) -> Day { adding(months: years * 12) }

    /// Whole months completed from `self` to `other` ("tính theo tháng"): a month is complete once the same day of the
    /// month is reached, or the month's last day when it is shorter.
    public func completedMonths(until other: Day) -> Int {
        guard other >= self else { return -self.completedMonthsBackward(from: other) }
        let a = civil, b = other.civil
        var months = (b.year - a.year) * 12 + (b.month - a.month)
        if adding(months: months) > other { months -= 1 }
        return months
    }

    private func completedMonthsBackward(from other: Day) -> Int { other.completedMonths(until: self) }

    /// Whole years completed from `self` to `other` (age on a day).
    public func completedYears(until other: Day) -> Int { completedMonths(until: other) / 12 }

    /// Weekday with Monday = 1 … Sunday = 7 (ISO), for working-day clocks.
    public var isoWeekday: Int {
        // 1970-01-01 was a Thursday (4).
        let w = (ordinal % 7 + 7) % 7
        return (w + 3) % 7 + 1
    }

    // MARK: - Civil calendar (proleptic Gregorian), after Howard Hinnant's days_from_civil / civil_from_days.

    public static func isLeap(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func ordinal(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    private var civil: (year: Int, month: Int, day: Int) {
        let z = ordinal + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    // MARK: - Codable as ISO text, the JSON form of DESIGN §4.

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let day = Day(iso: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a day: \(text)"))
        }
        self = day
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}

extension Day {
    /// Parses "2021-03-30" (ISO, also unpadded "2021-3-30") or "30/3/2021", "30/03/2021" (Vietnamese), nil otherwise.
    public init?(parsing text: String) {
        if let day = Day(iso: text) { self = day; return }
        if let day = Day(vietnamese: text) { self = day; return }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count == 3, parts[0].count == 4, (1...2).contains(parts[1].count), (1...2).contains(parts[2].count),
           parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
           let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) {
            self.init(year: y, month: m, day: d)
            return
        }
        return nil
    }

    /// Parses strictly "YYYY-MM-DD".
    public init?(iso text: String) {
        // NB: byte by byte: imports parse tens of millions of days, and splitting strings cost a tenth of the import.
        let parsed: Day?? = text.utf8.withContiguousStorageIfAvailable { Self.iso($0) }
        guard let day = parsed ?? Self.iso(Array(text.utf8)) else { return nil }
        self = day
    }

    private static func iso(_ bytes: UnsafeBufferPointer<UInt8>) -> Day? {
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let byte = bytes[index]
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
        return Day(year: y, month: m, day: d)
    }

    private static func iso(_ bytes: [UInt8]) -> Day? { bytes.withUnsafeBufferPointer { iso($0) } }

    /// Parses "d/M/yyyy" with or without padding ("30/3/2021", "01/02/2021").
    public init?(vietnamese text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count), parts[2].count == 4,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2])
        else { return nil }
        self.init(year: y, month: m, day: d)
    }
}
