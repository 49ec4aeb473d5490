import DangBoCore
import Testing

/// A band label names its ages in either table (the statistics' and the pyramid's): each band from the day after
/// the previous one's last age to its own, the first taking anyone younger, the last open; a shared label names the
/// same ages in both; every age falls in exactly one band of each table.
@Suite struct AgeBandTests {
    @Test(arguments: [
        ("18-30", nil, 30), ("31-35", 31, 35), ("71-80", 71, 80), ("81+", 81, nil),
        ("18-20", nil, 20), ("21-25", 21, 25), ("76-80", 76, 80), ("81-85", 81, 85), ("86+", 86, nil),
    ] as [(String, Int?, Int?)])
    func aLabelNamesItsAges(label: String, from: Int?, upTo: Int?) throws {
        let ages = try #require(AgeBand.ages(ofLabel: label))
        #expect(ages.from == from && ages.upTo == upTo)
        if let from {
            #expect(!AgeBand.contains(age: from - 1, label: label) && AgeBand.contains(age: from, label: label))
        } else {
            #expect(AgeBand.contains(age: 0, label: label))
        }
        if let upTo {
            #expect(AgeBand.contains(age: upTo, label: label) && !AgeBand.contains(age: upTo + 1, label: label))
        } else {
            #expect(AgeBand.contains(age: 130, label: label))
        }
    }

    @Test func everyAgeFallsInOneBandOfEachTableAndNoneOfAnUnknownLabel() {
        for age in 0...120 {
            #expect(AgeBand.bands.filter { AgeBand.contains(age: age, label: $0.label) }.map(\.label) == [AgeBand.label(age: age)])
            #expect(AgeBand.pyramidBands.filter { AgeBand.contains(age: age, label: $0.label) }.map(\.label)
                    == [AgeBand.pyramidBands[AgeBand.pyramidIndex(age: age)].label])
            #expect(!AgeBand.contains(age: age, label: "khong co") && !AgeBand.contains(age: age, label: ""))
        }
        #expect(AgeBand.ages(ofLabel: "81 +") == nil)
    }
}
