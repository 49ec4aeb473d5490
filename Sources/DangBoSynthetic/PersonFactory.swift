import DangBoCore

/// Who a generated member is: names, birth, background and papers, before the journal says what they did.
struct Person: Sendable {
    var gender: Gender
    var birth: Day
    /// The day they reach the statutory retirement age (Bộ luật Lao động 2019 and Nghị định 135/2020).
    var retirement: Day
    /// A few keep attending their agency's cell after retiring (and are often exempted); the rest transfer out.
    var staysAfterRetirement: Bool
    var family: String
    var middle: String
    var given: String
    var ethnicity: String
    var religion: String
    var education: String
    var occupation: String
    var nationalID: String
    var recordNumber: String
    var joinedOn: Day?
    var officialOn: Day?
}

/// Draws persons with realistic names and attributes, and papers that never repeat: national IDs (CCCD), party card
/// numbers and personal record numbers.
struct PersonFactory: Sendable {
    private var nationalIDs = Set<Int>()
    private var cardNumbers = Set<Int>()
    private var recordNumbers = Set<Int>()
    /// The letters of the bloc's own province in the record numbers of the members it admits.
    let homeLetters: Int

    init(random: inout SeededGenerator) {
        homeLetters = random.below(PlacePool.recordLetters.count)
    }

    /// The statutory retirement age in months: 60 for men and 55 for women until 2020, then raised by 3 and 4 months
    /// a year up to 62 and 60 (Nghị định 135/2020/NĐ-CP, simplified to the year the old age is reached).
    static func retirementMonths(birth: Day, gender: Gender) -> Int {
        switch gender {
        case .male:
            let year = birth.year + 60
            return 720 + (year > 2020 ? min(24, 3 * (year - 2020)) : 0)
        case .female:
            let year = birth.year + 55
            return 660 + (year > 2020 ? min(60, 4 * (year - 2020)) : 0)
        }
    }

    static func drawGender(random: inout SeededGenerator) -> Gender { random.chance(0.45) ? .female : .male }

    /// A person born on `birth`; `local` when admitted by the bloc itself (record number with the bloc's letters).
    mutating func person(gender: Gender, birth: Day, local: Bool, random: inout SeededGenerator) -> Person {
        let ethnicity = NamePool.ethnicities.pick(using: &random)
        var family = NamePool.families.pick(using: &random)
        if let families = NamePool.minorityFamilies[ethnicity], random.chance(0.7) { family = random.pick(families) }
        let older = birth.year < 1975
        let middle: String
        let given: String
        switch gender {
        case .male:
            middle = (older ? NamePool.maleMiddlesOlder : NamePool.maleMiddlesYounger).pick(using: &random)
            given = random.pick(NamePool.maleGivens)
        case .female:
            middle = (older ? NamePool.femaleMiddlesOlder : NamePool.femaleMiddlesYounger).pick(using: &random)
            given = random.pick(NamePool.femaleGivens)
        }
        let months = Self.retirementMonths(birth: birth, gender: gender)
        return Person(
            gender: gender, birth: birth, retirement: birth.adding(months: months), staysAfterRetirement: random.chance(0.07),
            family: family, middle: middle, given: given, ethnicity: ethnicity,
            religion: NamePool.religions.pick(using: &random),
            education: (birth.year < 1968 ? NamePool.educationOlder : NamePool.educationYounger).pick(using: &random),
            occupation: NamePool.occupations.pick(using: &random),
            nationalID: nationalID(birth: birth, gender: gender, random: &random),
            recordNumber: recordNumber(local: local, random: &random))
    }

    /// CCCD: province of birth registration (3 digits), century and gender (1), year of birth (2), then 6 digits.
    private mutating func nationalID(birth: Day, gender: Gender, random: inout SeededGenerator) -> String {
        let province = Int(PlacePool.provinceCodes.pick(using: &random))!
        let centuryAndGender = (birth.year >= 2000 ? 2 : 0) + (gender == .female ? 1 : 0)
        let prefix = ((province * 10 + centuryAndGender) * 100 + birth.year % 100) * 1_000_000
        var number = prefix + random.below(1_000_000)
        while !nationalIDs.insert(number).inserted { number = prefix + random.below(1_000_000) }
        return Self.digits(number, 12)
    }

    /// Số lý lịch: 6 digits and the letters of the provincial committee that admitted the member.
    private mutating func recordNumber(local: Bool, random: inout SeededGenerator) -> String {
        let letters = local || random.chance(0.3) ? homeLetters : random.below(PlacePool.recordLetters.count)
        var digits = random.below(1_000_000)
        while !recordNumbers.insert(digits * 64 + letters).inserted { digits = random.below(1_000_000) }
        return Self.digits(digits, 6) + PlacePool.recordLetters[letters]
    }

    /// An 8-digit party card number, never given twice.
    mutating func cardNumber(random: inout SeededGenerator) -> String {
        var number = random.below(100_000_000)
        while !cardNumbers.insert(number).inserted { number = random.below(100_000_000) }
        return Self.digits(number, 8)
    }

    static func digits(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }

    /// Political theory by age: the young have none yet or the elementary course, their elders higher levels.
    static func politicalTheory(age: Int, random: inout SeededGenerator) -> String {
        switch age {
        case ..<32: NamePool.theoryYoung.pick(using: &random)
        case ..<46: NamePool.theoryMiddle.pick(using: &random)
        default: NamePool.theorySenior.pick(using: &random)
        }
    }
}
