/// Statistics of a subtree as of a day (DESIGN §3 "Reports"): organizations by kind, members by standing and by the
/// breakdowns of the party's statistical forms. Breakdown dictionaries hold only the values that occur.
public struct Statistics: Hashable, Sendable, Codable {
    public var organization: String
    public var asOf: Day
    public var organizations: OrganizationCounts
    public var members: MemberCounts

    public init(organization: String, asOf: Day, organizations: OrganizationCounts, members: MemberCounts) {
        self.organization = organization
        self.asOf = asOf
        self.organizations = organizations
        self.members = members
    }
}

public struct OrganizationCounts: Hashable, Sendable, Codable {
    /// All organizations of the subtree, the root included.
    public var total: Int = 0
    /// Tổ chức cơ sở đảng: grassroots committees and grassroots cells.
    public var grassroots: Int = 0
    /// Members belong to cells: grassroots cells and subordinate cells.
    public var cells: Int = 0
    /// By kind (interchange names), every kind present.
    public var byKind: [String: Int] = Dictionary(uniqueKeysWithValues: OrganizationKind.allCases.map { ($0.rawValue, 0) })

    public init() {}

    public mutating func count(_ kind: OrganizationKind) {
        total += 1
        if kind.isGrassroots { grassroots += 1 }
        if kind.isCell { cells += 1 }
        byKind[kind.rawValue, default: 0] += 1
    }
}

public struct MemberCounts: Hashable, Sendable, Codable {
    /// Đảng số: official plus probationary; temporary attendees never count.
    public var total: Int = 0
    public var official: Int = 0
    public var probationary: Int = 0
    /// On the rolls but exempt from work and meetings.
    public var exempt: Int = 0
    public var female: Int = 0
    public var ethnicMinority: Int = 0
    public var religious: Int = 0
    public var byGender: [String: Int] = [:]
    public var byAgeBand: [String: Int] = [:]
    public var byEthnicity: [String: Int] = [:]
    public var byReligion: [String: Int] = [:]
    public var byEducation: [String: Int] = [:]
    public var byPoliticalTheory: [String: Int] = [:]
    public var byOccupation: [String: Int] = [:]

    public init() {}

    /// Adds `count` members that share all these attributes.
    public mutating func add(
        _ count: Int, standing: Standing, exempt: Bool, gender: Gender, ageBand: String, ethnicity: String,
        religion: String, education: String, politicalTheory: String, occupation: String
    ) {
        for marginal in Self.marginals(standing: standing, exempt: exempt, gender: gender, ageBand: ageBand, ethnicity: ethnicity,
                                       religion: religion, education: education, politicalTheory: politicalTheory,
                                       occupation: occupation) {
            add(count, marginal)
        }
    }

    /// Every attribute the counts keep of a member with these attributes.
    public static func marginals(
        standing: Standing, exempt: Bool, gender: Gender, ageBand: String, ethnicity: String, religion: String,
        education: String, politicalTheory: String, occupation: String
    ) -> [Marginal] {
        [.standing(standing), .exempt(exempt), .gender(gender), .ageBand(ageBand), .ethnicity(ethnicity), .religion(religion),
         .education(education), .politicalTheory(politicalTheory), .occupation(occupation)]
    }

    /// One attribute of members, as the counts keep it: every figure of `MemberCounts` is a sum over one of these,
    /// so counts of each attribute alone (the store's snapshots) give the same counts as the members one by one.
    public enum Marginal: Hashable, Sendable {
        case standing(Standing)
        case exempt(Bool)
        case gender(Gender)
        case ageBand(String)
        case ethnicity(String)
        case religion(String)
        case education(String)
        case politicalTheory(String)
        case occupation(String)
    }

    /// Adds `count` members that have `marginal`; the counts are whole once every attribute of them is added (the
    /// total comes with the standing).
    public mutating func add(_ count: Int, _ marginal: Marginal) {
        switch marginal {
        case .standing(let standing):
            total += count
            if standing == .official { official += count } else { probationary += count }
        case .exempt(let exempt):
            if exempt { self.exempt += count }
        case .gender(let gender):
            if gender == .female { female += count }
            byGender[gender.rawValue, default: 0] += count
        case .ageBand(let band):
            byAgeBand[band, default: 0] += count
        case .ethnicity(let ethnicity):
            if Member.isEthnicMinority(ethnicity) { ethnicMinority += count }
            byEthnicity[ethnicity, default: 0] += count
        case .religion(let religion):
            if Member.isReligious(religion) { religious += count }
            byReligion[religion, default: 0] += count
        case .education(let education):
            byEducation[education, default: 0] += count
        case .politicalTheory(let theory):
            byPoliticalTheory[theory, default: 0] += count
        case .occupation(let occupation):
            byOccupation[occupation, default: 0] += count
        }
    }
}

extension Member {
    /// The canonical name of the majority group; the importer writes it this way.
    public static let kinh = "Kinh"
    /// The canonical "no religion"; the importer writes it this way.
    public static let noReligion = "Không"

    public static func isEthnicMinority(_ ethnicity: String) -> Bool { ethnicity != kinh }
    public static func isReligious(_ religion: String) -> Bool { !(religion == noReligion || religion.isEmpty) }
}

extension Registry {
    /// Statistics of `root` and everything below it as of `day` (after every event effective on or before it).
    public func statistics(of root: OrganizationID, asOf day: Day) -> Statistics {
        var organizations = OrganizationCounts()
        for id in tree.subtree(of: root, on: day) {
            organizations.count(tree.version(of: id, on: day)!.kind)
        }
        var members = MemberCounts()
        for journal in journals.values {
            guard let period = journal.period(on: day), tree.isWithin(period.cell, root: root, on: day) else { continue }
            let member = journal.member
            members.add(
                1, standing: period.standing, exempt: period.exempt, gender: member.gender,
                ageBand: AgeBand.label(age: AgeBand.age(birth: member.birthDate, on: day)),
                ethnicity: member.ethnicity, religion: member.religion, education: member.education,
                politicalTheory: member.politicalTheory, occupation: member.occupation)
        }
        return Statistics(organization: tree[root]?.code ?? "", asOf: day, organizations: organizations, members: members)
    }
}
