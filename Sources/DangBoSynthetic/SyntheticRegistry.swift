import DangBoCore

/// A generated registry of a bloc party committee of provincial agencies (Đảng bộ Khối các cơ quan tỉnh) that obeys
/// every rule: each journal passes `Journal` and the tree has no `violations()`. For the demo, the tests and the
/// benchmarks. The same options give the same registry, on every machine; nothing reads the clock.
///
/// What it holds, for the default options (30 years, about 4,000 members on the rolls at the end):
/// - a root, about 55 grassroots organizations (a third of them committees with subordinate cells, at least one with
///   a partial committee) and their history: late establishments, dissolutions, renames, re-parentings between
///   committees, a merger, new cells that draw members from others, and the changes of the 2025 restructuring that
///   keep a cell's id and members (no event): a subordinate cell put under a partial committee of its grassroots
///   committee (depth), a grassroots cell under the root becoming a subordinate cell of a grassroots committee, and a
///   subordinate cell becoming a grassroots cell under the root (kind);
/// - members with Vietnamese names and journals: admissions (about 18 a quarter in recent years) and recognitions,
///   probation removals, transfers in and out (about 100 a quarter), moves between cells, temporary stays, exemptions,
///   deaths, removals, expulsions, withdrawals, readmissions and a restoration. Journals open on the first day, or
///   years later (admissions, transfers in, readmissions of former members with `joinedOn` and `officialOn` on file);
/// - probationers who transfer in (RULES §3.2; `Journal` reads the standing on arrival from what is known that day):
///   with only `joinedOn` on file, recognized 12 months after it or struck off before; with `officialOn` after the
///   arrival, recognized on it; and members admitted here who leave by transfer on probation and come back before it
///   ends, recognized 12 months after the ceremony;
/// - several events of one member on one day, in the order the review takes them (the file order): a transfer out
///   then a transfer in to another grassroots organization; a move out of a grassroots committee then death; a
///   recognition then a move; an exemption then a temporary stay elsewhere;
/// - committee seats term by term, and oversight cases year by year.
///
/// Each of the member cases above happens at least once in every third of the history whenever the history and the
/// registry leave room (30 years and 12 grassroots organizations with 800 members do), and the tree changes whenever
/// there are grassroots committees: the twin tests of the store count on it (`GeneratedCasesTests`).
public struct SyntheticRegistry: Sendable {
    public struct Options: Sendable {
        public var seed: UInt64
        /// Grassroots organizations at the start of the history (a few are added, merged or dissolved later).
        public var grassroots: Int
        /// About how many members are on the rolls (đảng số) at `through`. Persons ever recorded are about 3 times
        /// as many: over 30 years people retire, change jobs, die or are removed, and others arrive.
        public var members: Int
        /// The first day of the history: members then on the rolls enter by a transfer in on this day.
        public var from: Day
        /// The last day of the history ("today"): pass it in, the generator never reads the clock.
        public var through: Day
        public var rootCode: String
        public var rootName: String
        /// Cell meetings with their attendance over this many last calendar years of the history (and the months of
        /// `through`'s year); 0 for none (the national registry's units).
        public var meetingYears: Int
        /// The share of the grassroots organizations at the start that are grassroots committees, the others being
        /// grassroots cells; none below 3 grassroots organizations. A third in a bloc of agencies; 0.44 across
        /// the nation, where every commune has one (`NationalRegistry`).
        public var committeeShare: Double
        /// How many subordinate cells a grassroots committee has directly at the start, drawn evenly; about 3 in 10
        /// also have a partial committee with 3 more. 2 to 7 in a provincial agency; a commune has a cell per
        /// village, about 10.
        public var subordinateCells: ClosedRange<Int>
        /// Moves between cells of the registry a year, per member on the rolls (3% in a bloc), on top of the moves
        /// that cells closing, merging or splitting impose.
        public var moveRate: Double

        public init(seed: UInt64 = 1, grassroots: Int = 55, members: Int = 4_000,
                    from: Day = Day(year: 1996, month: 1, day: 1)!, through: Day = Day(year: 2026, month: 11, day: 26)!,
                    rootCode: String = "DUK", rootName: String = "Đảng bộ Khối các cơ quan tỉnh", meetingYears: Int = 2,
                    committeeShare: Double = 1.0 / 3, subordinateCells: ClosedRange<Int> = 2...7, moveRate: Double = 0.03) {
            self.seed = seed
            self.grassroots = grassroots
            self.members = members
            self.from = from
            self.through = through
            self.rootCode = rootCode
            self.rootName = rootName
            self.meetingYears = meetingYears
            self.committeeShare = committeeShare
            self.subordinateCells = subordinateCells
            self.moveRate = moveRate
        }
    }

    /// Ids 1…n, the root first, every parent before its children.
    public var organizations: [Organization]
    /// Ids 1…n.
    public var members: [Member]
    /// Member after member, each member's events in effective order.
    public var events: [MembershipEvent]
    public var seats: [CommitteeSeat]
    public var cases: [OversightCase]
    public var meetings: [Meeting]
    /// Disciplinary decisions: every expulsion's, and those that follow cases concluded with a violation.
    public var disciplines: [DisciplineDecision]
    /// Committee terms, each case's progress and follow-up tasks (issue 11 points 1 and 2).
    public var terms: [CommitteeTerm]
    public var progress: [OversightProgress]
    public var tasks: [FollowUpTask]
    /// Each conductor's annual programmes, naming every thematic case (`ProgrammeBlueprint`).
    public var programmes: [OversightProgramme]

    public init(options: Options) {
        precondition(options.from < options.through, "the history must end after it starts")
        var random = SeededGenerator(seed: options.seed)
        let tree = TreeBlueprint(options: options, random: &random)
        var simulation = MembershipSimulation(options: options, tree: tree, random: random)
        simulation.simulate()
        random = simulation.random
        let index = StayIndex(tree: tree, stays: simulation.stays, stayStarts: simulation.stayStarts)
        var committees = CommitteeBlueprint(options: options, index: index)
        committees.build(random: &random)
        var oversight = OversightBlueprint(options: options, index: index)
        oversight.build(random: &random)
        var meetings = MeetingBlueprint(options: options, index: index)
        meetings.build(random: &random)

        var ledger = simulation.ledger
        var seats = committees.seats
        for (position, seat) in seats.enumerated() {
            if let decision = seat.decision { ledger.noteSeat(at: position, decision) }
        }
        var events = simulation.events
        ledger.assign(events: &events, seats: &seats)

        self.organizations = tree.organizations
        self.members = simulation.members
        self.events = events
        self.seats = seats
        self.cases = oversight.cases
        self.meetings = meetings.meetings
        var discipline = DisciplineBlueprint(options: options, tree: OrganizationTree(tree.organizations))
        discipline.build(members: simulation.members, events: events, cases: oversight.cases, seats: seats)
        self.disciplines = discipline.decisions
        self.terms = committees.terms
        var work = OversightProgressBlueprint(options: options)
        work.build(cases: oversight.cases, seats: seats)
        self.progress = work.progress
        self.tasks = work.tasks
        var plans = ProgrammeBlueprint(options: options)
        plans.build(cases: oversight.cases, tree: OrganizationTree(tree.organizations))
        self.programmes = plans.programmes
    }

    /// All of it as a Core registry. Every journal is checked; a violation is a bug of the generator and stops the
    /// program with the rule's message.
    public func registry() -> Registry {
        let tree = OrganizationTree(organizations)
        let violations = tree.violations()
        if let first = violations.first {
            preconditionFailure("generated tree breaks a rule: \(first.message)")
        }
        var byMember: [MemberID: [MembershipEvent]] = [:]
        byMember.reserveCapacity(members.count)
        for event in events { byMember[event.member, default: []].append(event) }
        var registry = Registry(tree: tree)
        for member in members {
            do {
                try registry.record(member, events: byMember[member.id] ?? [])
            } catch {
                preconditionFailure("generated journal of \(member.id) breaks a rule: \(error.message)")
            }
        }
        registry.seats = seats
        registry.cases = cases
        registry.meetings = meetings
        registry.disciplines = disciplines
        registry.terms = terms
        registry.progress = progress
        registry.tasks = tasks
        registry.programmes = programmes
        return registry
    }
}

extension SyntheticRegistry {
    /// Everything as one write for the store, with the checked registry it leads to.
    public func change() -> (change: RegistryChange, registry: Registry) {
        let registry = registry()
        var change = RegistryChange()
        change.organizations = organizations
        change.members = members
        change.events = events
        change.journals = registry.journals.values.sorted { $0.member.id < $1.member.id }
        change.seats = seats
        change.cases = cases
        change.meetings = meetings
        change.disciplines = disciplines
        change.terms = terms
        change.progress = progress
        change.tasks = tasks
        change.programmes = programmes
        return (change, registry)
    }
}
