/// Admissions per quarter (issue 9 "admissions per quarter"): kết nạp and kết nạp lại into a subtree, counted as the
/// review counts `movements.admitted` and `movements.readmitted` over each quarter.
public struct AdmissionSeries: Hashable, Sendable {
    public struct Quarter: Hashable, Sendable {
        public var year: Int
        /// 1…4.
        public var number: Int
        public var from: Day
        /// The quarter's last day, or the as-of day for the quarter in progress.
        public var to: Day
        public var admitted: Int
        public var readmitted: Int

        public init(year: Int, number: Int, from: Day, to: Day, admitted: Int = 0, readmitted: Int = 0) {
            self.year = year
            self.number = number
            self.from = from
            self.to = to
            self.admitted = admitted
            self.readmitted = readmitted
        }

        /// "quý I/2026" (UX.md "Language and formats").
        public var label: String { "quý \(VietnameseFormat.roman(number))/\(year)" }
    }

    public var asOf: Day
    /// Oldest first.
    public var quarters: [Quarter]

    public init(asOf: Day, quarters: [Quarter]) {
        self.asOf = asOf
        self.quarters = quarters
    }

    /// The `count` quarters up to the one `asOf` lies in, oldest first, with zero counts; the last ends on `asOf`.
    public static func quarters(_ count: Int, asOf: Day) -> [Quarter] {
        let current = asOf.quarterStart
        return (0..<max(count, 0)).reversed().map { back in
            let from = current.adding(months: -3 * back)
            return Quarter(year: from.year, number: (from.month - 1) / 3 + 1, from: from,
                           to: min(from.adding(months: 3).previous, asOf))
        }
    }
}
