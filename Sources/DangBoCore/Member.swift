/// Gender as the party's forms record it.
public enum Gender: String, CaseIterable, Sendable, Codable {
    case male = "nam"
    case female = "nữ"

    public var vietnamese: String { self == .male ? "Nam" : "Nữ" }
}

/// A person on the registry: identity and the attributes the statistics break down by (DESIGN §3).
/// Names are kept in parts and as written; text is NFC.
public struct Member: Hashable, Sendable {
    public var id: MemberID
    /// CCCD: 12 digits, kept as text (leading zeros matter).
    public var nationalID: String
    public var familyName: String
    public var middleName: String
    public var givenName: String
    public var gender: Gender
    public var birthDate: Day
    public var ethnicity: String
    public var religion: String
    public var education: String
    public var politicalTheory: String
    public var occupation: String
    public var cardNumber: String
    public var recordNumber: String
    /// Ngày vào Đảng (the first admission decision) when it predates the journal, for party age.
    public var joinedOn: Day?
    /// Ngày chính thức when it predates the journal.
    public var officialOn: Day?

    public init(
        id: MemberID, nationalID: String, familyName: String, middleName: String, givenName: String,
        gender: Gender, birthDate: Day, ethnicity: String = "Kinh", religion: String = "Không",
        education: String = "", politicalTheory: String = "", occupation: String = "",
        cardNumber: String = "", recordNumber: String = "", joinedOn: Day? = nil, officialOn: Day? = nil
    ) {
        self.id = id
        self.nationalID = nationalID
        self.familyName = familyName
        self.middleName = middleName
        self.givenName = givenName
        self.gender = gender
        self.birthDate = birthDate
        self.ethnicity = ethnicity
        self.religion = religion
        self.education = education
        self.politicalTheory = politicalTheory
        self.occupation = occupation
        self.cardNumber = cardNumber
        self.recordNumber = recordNumber
        self.joinedOn = joinedOn
        self.officialOn = officialOn
    }

    public var fullName: String { VietnameseText.fullName(family: familyName, middle: middleName, given: givenName) }

    /// Kinh or an ethnic minority, as the reviews count them.
    public var isEthnicMinority: Bool { Member.isEthnicMinority(ethnicity) }

    /// Has a religion (anything but "Không" / empty).
    public var isReligious: Bool { Member.isReligious(religion) }
}
