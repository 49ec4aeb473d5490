/// What one write adds to the registry: the store writes it in one transaction with an audit entry.
public struct RegistryChange: Sendable {
    /// Organizations added or given new versions (each with all its versions).
    public var organizations: [Organization] = []
    /// Members added.
    public var members: [Member] = []
    /// Events added, in the order they were given.
    public var events: [MembershipEvent] = []
    /// The checked journals of every member the change touches, whose periods replace the stored ones.
    public var journals: [Journal] = []
    public var seats: [CommitteeSeat] = []
    public var cases: [OversightCase] = []
    public var meetings: [Meeting] = []
    /// Disciplinary decisions (issue 11 point 3); their effects (an expulsion's event, a dissolution) are in `events`
    /// and `organizations` like any other.
    public var disciplines: [DisciplineDecision] = []
    /// Committee terms (issue 11 point 1).
    public var terms: [CommitteeTerm] = []
    /// The progress of cases (their steps, team, conclusion) and their follow-up tasks (issue 11 point 2).
    public var progress: [OversightProgress] = []
    public var tasks: [FollowUpTask] = []
    /// Annual inspection and supervision programmes, each new to the registry (issue 11 point 2).
    public var programmes: [OversightProgramme] = []

    public init() {}

    public var isEmpty: Bool {
        organizations.isEmpty && members.isEmpty && events.isEmpty && seats.isEmpty && cases.isEmpty && meetings.isEmpty
            && disciplines.isEmpty && terms.isEmpty && progress.isEmpty && tasks.isEmpty
            && programmes.isEmpty
    }
}
