/// The sanctions a regulation allows each kind of subject, lightest first (the value of `RuleBook.disciplineSanctions`).
public struct DisciplineSanctions: Hashable, Sendable {
    public var organization: [Sanction]
    public var officialMember: [Sanction]
    public var probationaryMember: [Sanction]

    public init(organization: [Sanction], officialMember: [Sanction], probationaryMember: [Sanction]) {
        self.organization = organization
        self.officialMember = officialMember
        self.probationaryMember = probationaryMember
    }

    /// The sanctions allowed for `kind`, lightest first.
    public func allowed(for kind: DisciplineSubjectKind) -> [Sanction] {
        switch kind {
        case .organization: organization
        case .officialMember: officialMember
        case .probationaryMember: probationaryMember
        }
    }
}
