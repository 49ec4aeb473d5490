/// A rule seen without its value type: what the table, `dangbo rules` and the tests need.
public protocol RuleDescribing: Sendable {
    var id: String { get }
    var name: String { get }
    /// The versions, oldest first, without their typed values.
    var versionDescriptions: [RuleVersionDescription] { get }
}

extension RuleDescribing {
    /// The version in force on `day`, by the same reading as `Rule.version(on:)`.
    public func versionDescription(on day: Day) -> RuleVersionDescription {
        let versions = versionDescriptions
        return versions[Rule<Int>.index(on: day, starts: versions.map(\.appliesFrom))]
    }
}
