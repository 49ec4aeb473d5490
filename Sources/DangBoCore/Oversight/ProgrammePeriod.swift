/// When a programme item is planned: a quarter or a month of a year.
public enum ProgrammePeriod: Hashable, Sendable {
    case quarter(year: Int, quarter: Int)
    case month(year: Int, month: Int)

    public var year: Int {
        switch self {
        case .quarter(let year, _), .month(let year, _): year
        }
    }

    /// The quarter (1 to 4) the period falls in; a month's quarter.
    public var quarter: Int {
        switch self {
        case .quarter(_, let quarter): quarter
        case .month(_, let month): (month - 1) / 3 + 1
        }
    }

    /// Whether it names a real quarter (1 to 4) or month (1 to 12) of a year `Day` can hold.
    public var isValid: Bool { days != nil }

    /// The days of the period, nil when it is not valid.
    public var days: DayRange? {
        switch self {
        case .quarter(let year, let quarter):
            guard (1...4).contains(quarter), let first = Day(year: year, month: 3 * quarter - 2, day: 1) else { return nil }
            return DayRange(start: first, end: first.adding(months: 3))
        case .month(let year, let month):
            guard let first = Day(year: year, month: month, day: 1) else { return nil }
            return DayRange(start: first, end: first.adding(months: 1))
        }
    }

    /// The quarter (1 to 4) `day` falls in: 31/3 in the first, 1/4 in the second.
    public static func quarter(of day: Day) -> Int { (day.month - 1) / 3 + 1 }

    /// "Quý II/2025", "Tháng 4/2025".
    public var vietnamese: String {
        switch self {
        case .quarter(let year, let quarter): "Quý \(VietnameseFormat.roman(quarter))/\(year)"
        case .month(let year, let month): "Tháng \(month)/\(year)"
        }
    }
}
