/// How early a party badge may be awarded, for which milestones and why.
public struct BadgeEarlyAward: Hashable, Sendable {
    public enum Reason: String, Hashable, Sendable, CaseIterable {
        /// Serious illness (ốm nặng).
        case seriousIllness = "serious_illness"
        /// After death (truy tặng).
        case posthumous

        public var vietnamese: String {
            switch self {
            case .seriousIllness: "ốm nặng"
            case .posthumous: "truy tặng"
            }
        }
    }

    public var reason: Reason
    /// The milestones in years of party age this allowance covers (30...65).
    public var milestones: ClosedRange<Int>
    /// At most this many months before the milestone is reached.
    public var monthsEarly: Int

    public init(_ reason: Reason, milestones: ClosedRange<Int>, monthsEarly: Int) {
        self.reason = reason
        self.milestones = milestones
        self.monthsEarly = monthsEarly
    }
}
