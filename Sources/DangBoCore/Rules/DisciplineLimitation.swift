/// The statute of limitations (thời hiệu) of one regulation for one kind of subject (the value of
/// `RuleBook.disciplineLimitationOfMembers` and `…OfOrganizations`).
public struct DisciplineLimitation: Hashable, Sendable {
    /// Years per sanction warranted; a sanction absent here is never time-barred (khai trừ, giải tán).
    public var years: [Sanction: Int]
    /// Offences never time-barred whatever the sanction.
    public var offencesWithoutLimit: Set<OffenceWithoutLimit>

    public init(years: [Sanction: Int], offencesWithoutLimit: Set<OffenceWithoutLimit>) {
        self.years = years
        self.offencesWithoutLimit = offencesWithoutLimit
    }

    /// The years within which an offence of `kind` (nil: an ordinary one) warranting `sanction` may be sanctioned;
    /// nil when it has no limit.
    public func years(for sanction: Sanction, offence kind: OffenceWithoutLimit?) -> Int? {
        if let kind, offencesWithoutLimit.contains(kind) { return nil }
        return years[sanction]
    }
}
