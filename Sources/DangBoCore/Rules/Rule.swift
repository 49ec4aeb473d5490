/// A party rule as versioned data (DESIGN §1.3): a stable identifier, a Vietnamese name, and the versions the
/// regulations gave it over time, oldest first.
///
/// A check asks for the version in force on the event's day and cites it:
/// `let age = RuleBook.admissionAge.version(on: day)`, then `age.value.contains(months)` and `age.citation`.
public struct Rule<Value: Sendable>: RuleDescribing {
    /// Stable across releases ("admission.age"): tests, documents and logs may name it.
    public let id: String
    /// Vietnamese, as the table shows it: "Tuổi đời khi xét kết nạp".
    public let name: String
    /// Oldest first, each starting strictly later than the one before.
    public let versions: [RuleVersion<Value>]

    public init(id: String, name: String, versions: [RuleVersion<Value>]) {
        self.id = id
        self.name = name
        self.versions = versions
    }

    /// The version in force on `day`: the latest whose `appliesFrom` is on or before it. Before the first version the
    /// first one is returned: the registry holds history from before 2016, and the rule book starts with the oldest
    /// regulation it knows, whose rule is taken to have held before it too.
    public func version(on day: Day) -> RuleVersion<Value> {
        versions[Self.index(on: day, starts: versions.map(\.appliesFrom))]
    }

    public var versionDescriptions: [RuleVersionDescription] { versions.map(\.described) }

    /// The index of the last start on or before `day` (0 before the first). `starts` is ascending and not empty.
    static func index(on day: Day, starts: [Day]) -> Int {
        precondition(!starts.isEmpty, "a rule has at least one version")
        return starts.lastIndex { $0 <= day } ?? 0
    }
}
