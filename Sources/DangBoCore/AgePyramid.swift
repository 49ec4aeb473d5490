/// Members on the rolls of a subtree on one day by gender and age band (`AgeBand.pyramidBands`): the age pyramid of
/// issue 9's charts. Ages are whole years on the YYYYMMDD digits, as `AgeBand.age(birth:on:)` counts them.
public struct AgePyramid: Hashable, Sendable {
    public struct Band: Hashable, Sendable {
        public var label: String
        public var male: Int
        public var female: Int

        public init(label: String, male: Int = 0, female: Int = 0) {
            self.label = label
            self.male = male
            self.female = female
        }

        public var total: Int { male + female }
    }

    public var asOf: Day
    /// Every band of `AgeBand.pyramidBands`, youngest first, zeros included.
    public var bands: [Band]

    /// An empty pyramid: every band at zero.
    public init(asOf: Day) {
        self.asOf = asOf
        self.bands = AgeBand.pyramidBands.map { Band(label: $0.label) }
    }

    /// Adds `count` members of `gender` aged `age` on `asOf`.
    public mutating func add(_ count: Int, gender: Gender, age: Int) {
        let index = AgeBand.pyramidIndex(age: age)
        switch gender {
        case .male: bands[index].male += count
        case .female: bands[index].female += count
        }
    }

    public var total: Int { bands.reduce(0) { $0 + $1.total } }
}
