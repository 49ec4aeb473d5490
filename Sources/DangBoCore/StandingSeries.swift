/// Members by standing on a run of days (issue 9 "members by standing over time"): đảng số of a subtree, as the tree
/// stood on each day, split into official and probationary.
public struct StandingSeries: Hashable, Sendable {
    /// The figures of one day.
    public struct Point: Hashable, Sendable {
        public var day: Day
        public var official: Int
        public var probationary: Int

        public init(day: Day, official: Int = 0, probationary: Int = 0) {
            self.day = day
            self.official = official
            self.probationary = probationary
        }

        /// Đảng số.
        public var total: Int { official + probationary }
    }

    public var asOf: Day
    /// Oldest first, one per day of `days(months:asOf:)`.
    public var points: [Point]

    public init(asOf: Day, points: [Point]) {
        self.asOf = asOf
        self.points = points
    }

    /// The last day of each of the `months` months up to `asOf`, oldest first; the month of `asOf` is read on `asOf`
    /// itself (its end has not come), so the last point is the day every other figure of the page follows.
    public static func days(months: Int, asOf: Day) -> [Day] {
        let first = Day(year: asOf.year, month: asOf.month, day: 1)!
        return (0..<max(months, 0)).reversed().map { back in
            min(first.adding(months: 1 - back).previous, asOf)
        }
    }
}
