/// The figures of a periodic review (sơ kết, tổng kết) of a subtree over an inclusive period (DESIGN §4).
///
/// Stocks are as of `to` (`members.atStart` as of the day before `from`); flows count events effective from `from` to
/// `to`, both included, seen from the scope: a move between two cells inside it is neither an inflow nor an outflow.
/// The JSON form of this value is the published `report review --format json` contract.
public struct Review: Hashable, Sendable, Codable {
    public var organization: String
    public var from: Day
    public var to: Day
    public var asOf: Day
    public var organizations: Organizations
    public var members: Members
    public var movements: Movements
    public var committees: Committees
    /// Supervision figures by mode (`regular`, `thematic`, …) then conductor (`committees`, `inspectionCommissions`,
    /// `cells`).
    public var supervision: [String: [String: SubjectCounts]]
    /// Inspection figures, keyed the same way.
    public var inspection: [String: [String: SubjectCounts]]
    /// Cell meetings of the period (issue 11 point 4).
    public var meetings: Meetings
    /// Disciplinary decisions of the period (issue 11 point 3).
    public var discipline: Discipline
    public var balance: Balance

    /// The organizations and members disciplined in the period by a body of the scope, by sanction (the keys of
    /// `Sanction.key`, every one present): `DisciplineFigures`.
    public struct Discipline: Hashable, Sendable, Codable {
        public var organizations: [String: Int]
        public var members: [String: Int]

        public init(_ figures: DisciplineFigures = DisciplineFigures()) {
            organizations = Dictionary(uniqueKeysWithValues: Sanction.allCases.filter(\.appliesToOrganizations)
                .map { ($0.key, figures.organizations($0)) })
            members = Dictionary(uniqueKeysWithValues: Sanction.allCases.filter(\.appliesToMembers).map { ($0.key, figures.members($0)) })
        }
    }

    /// The cell meetings of the period, held by cells of the scope.
    public struct Meetings: Hashable, Sendable, Codable {
        /// Regular meetings held in the period by cells of the scope (each in the scope on its day).
        public var regular = 0
        /// Thematic meetings, counted the same way.
        public var thematic = 0
        /// Cells of the scope that held no regular meeting in some calendar month of the period (or the part of it
        /// inside the period) on every day of which they were cells of the scope.
        public var cellsWithoutMonthlyMeeting = 0
        public init() {}
    }

    public struct Organizations: Hashable, Sendable, Codable {
        /// Grassroots organizations as of `to`.
        public var grassroots: Int = 0
        /// Grassroots organizations established in the period.
        public var established: Int = 0
        /// Grassroots organizations dissolved in the period.
        public var dissolved: Int = 0
        /// All organizations of the subtree as of `to`, by kind.
        public var byKind: [String: Int] = [:]
        public init() {}
    }

    public struct Members: Hashable, Sendable, Codable {
        public var total: Int = 0
        public var official: Int = 0
        public var probationary: Int = 0
        public var exempt: Int = 0
        /// Đảng số as of the day before `from`.
        public var atStart: Int = 0
        public init() {}
    }

    /// Member movements in the period, each named after the event kind it counts.
    public struct Movements: Hashable, Sendable, Codable {
        public var admitted = 0
        public var readmitted = 0
        public var restored = 0
        public var recognizedOfficial = 0
        /// Official transfers into the scope: `transferred_in`, and moves from a cell outside it.
        public var transferredIn = 0
        /// Official transfers out of the scope: `transferred_out`, and moves to a cell outside it.
        public var transferredOut = 0
        /// Tiếp nhận và giới thiệu chuyển sinh hoạt: in plus out.
        public var transfers = 0
        /// Moves between two cells both inside the scope.
        public var movedInternally = 0
        public var died = 0
        /// Xóa tên of official members.
        public var removed = 0
        /// Xóa tên dự bị.
        public var probationRemoved = 0
        public var expelled = 0
        public var withdrew = 0
        /// Members whose cell crossed into the scope by a change of the tree (a cell moved under it, or a kind change
        /// that takes it there); a cell moved or changing kind or depth inside the scope crosses nothing.
        public var reorganizedIn = 0
        /// Members whose cell crossed out of the scope by a change of the tree (a cell moved away, or dissolved with
        /// them still on its rolls).
        public var reorganizedOut = 0
        public init() {}

        public var inflow: Int { admitted + readmitted + restored + transferredIn + reorganizedIn }
        public var outflow: Int { died + removed + probationRemoved + expelled + withdrew + transferredOut + reorganizedOut }
    }

    public struct Committees: Hashable, Sendable, Codable {
        /// Organizations whose executive committee (cấp ủy) got a seat from a conference or an appointment starting in
        /// the period (bổ sung, kiện toàn cấp ủy); inspection commission seats do not count.
        public var consolidated = 0
        public init() {}
    }

    public struct SubjectCounts: Hashable, Sendable, Codable {
        public var cases = 0
        /// Distinct organizations looked at.
        public var organizations = 0
        /// Distinct members looked at.
        public var members = 0
        public init(cases: Int = 0, organizations: Int = 0, members: Int = 0) {
            self.cases = cases
            self.organizations = organizations
            self.members = members
        }
    }

    /// `atEnd = atStart + inflow − outflow` (DESIGN §1.1), checked and reported.
    public struct Balance: Hashable, Sendable, Codable {
        public var holds: Bool
        public var atStart: Int
        public var inflow: Int
        public var outflow: Int
        public var atEnd: Int
        public init(atStart: Int, inflow: Int, outflow: Int, atEnd: Int) {
            self.atStart = atStart
            self.inflow = inflow
            self.outflow = outflow
            self.atEnd = atEnd
            self.holds = atStart + inflow - outflow == atEnd
        }
    }

    public init(organization: String, from: Day, to: Day) {
        self.organization = organization
        self.from = from
        self.to = to
        self.asOf = to
        self.organizations = Organizations()
        self.members = Members()
        self.movements = Movements()
        self.committees = Committees()
        self.supervision = Self.emptyOversight()
        self.inspection = Self.emptyOversight()
        self.meetings = Meetings()
        self.discipline = Discipline()
        self.balance = Balance(atStart: 0, inflow: 0, outflow: 0, atEnd: 0)
    }

    /// Every mode and conductor present, with zeros, so that scripts can rely on every key.
    public static func emptyOversight() -> [String: [String: SubjectCounts]] {
        Dictionary(uniqueKeysWithValues: OversightMode.allCases.map { mode in
            (mode.key, Dictionary(uniqueKeysWithValues: ConductorKind.allCases.map { ($0.key, SubjectCounts()) }))
        })
    }

    /// Sets the counts of one activity, mode and conductor.
    public mutating func setOversight(_ counts: SubjectCounts, activity: OversightActivity, mode: OversightMode,
                                      conductor: ConductorKind) {
        switch activity {
        case .supervision: supervision[mode.key, default: [:]][conductor.key] = counts
        case .inspection: inspection[mode.key, default: [:]][conductor.key] = counts
        }
    }

    public func oversight(_ activity: OversightActivity, _ mode: OversightMode, _ conductor: ConductorKind) -> SubjectCounts {
        (activity == .supervision ? supervision : inspection)[mode.key]?[conductor.key] ?? SubjectCounts()
    }

    /// Takes the stocks as of `to` from the statistics of that day.
    public mutating func setStocks(from end: Statistics, atStart: Int) {
        organizations.grassroots = end.organizations.grassroots
        organizations.byKind = end.organizations.byKind
        members.total = end.members.total
        members.official = end.members.official
        members.probationary = end.members.probationary
        members.exempt = end.members.exempt
        members.atStart = atStart
    }

    /// Fills `movements.transfers` and `balance` from the other figures.
    public mutating func settle() {
        movements.transfers = movements.transferredIn + movements.transferredOut
        balance = Balance(atStart: members.atStart, inflow: movements.inflow, outflow: movements.outflow,
                          atEnd: members.total)
    }
}

extension Review {
    /// Decodes the published JSON; `meetings` and `discipline`, added by issue 11, are zero when a text written before
    /// them lacks them (a report issued earlier, a user's stored file).
    public init(from decoder: any Decoder) throws {
        let values = try decoder.container(keyedBy: CodingKeys.self)
        organization = try values.decode(String.self, forKey: .organization)
        from = try values.decode(Day.self, forKey: .from)
        to = try values.decode(Day.self, forKey: .to)
        asOf = try values.decode(Day.self, forKey: .asOf)
        organizations = try values.decode(Organizations.self, forKey: .organizations)
        members = try values.decode(Members.self, forKey: .members)
        movements = try values.decode(Movements.self, forKey: .movements)
        committees = try values.decode(Committees.self, forKey: .committees)
        supervision = try values.decode([String: [String: SubjectCounts]].self, forKey: .supervision)
        inspection = try values.decode([String: [String: SubjectCounts]].self, forKey: .inspection)
        meetings = try values.decodeIfPresent(Meetings.self, forKey: .meetings) ?? Meetings()
        discipline = try values.decodeIfPresent(Discipline.self, forKey: .discipline) ?? Discipline()
        balance = try values.decode(Balance.self, forKey: .balance)
    }
}

extension Registry {
    /// The review of `root` over the inclusive period `from…to`, computed from the journals and the tree by walking
    /// parents day by day: the oracle the SQL review is held equal to.
    public func review(of root: OrganizationID, from: Day, to: Day) -> Review {
        var review = Review(organization: tree[root]?.code ?? "", from: from, to: to)
        let period = DayRange(from: from, through: to)
        review.setStocks(from: statistics(of: root, asOf: to), atStart: statistics(of: root, asOf: from.previous).members.total)

        for organization in tree.organizations.values {
            let established = organization.established
            if period.contains(established), organization.versions[0].kind.isGrassroots,
               tree.isWithin(organization.id, root: root, on: established) {
                review.organizations.established += 1
            }
            if let dissolved = organization.dissolved, period.contains(dissolved),
               organization.versions[organization.versions.count - 1].kind.isGrassroots,
               tree.isWithin(organization.id, root: root, on: dissolved.previous) {
                review.organizations.dissolved += 1
            }
        }

        let changeDays = tree.changeDays.filter { period.contains($0) }
        for journal in journals.values {
            countMovements(of: journal, root: root, period: period, changeDays: changeDays, into: &review.movements)
        }

        var consolidated = Set<OrganizationID>()
        for seat in seats where seat.committee == .executive && seat.source.consolidates && period.contains(seat.validity.start)
            && tree.isWithin(seat.organization, root: root, on: seat.validity.start) {
            consolidated.insert(seat.organization)
        }
        review.committees.consolidated = consolidated.count

        struct Key: Hashable { var activity: OversightActivity; var mode: OversightMode; var conductor: ConductorKind }
        var subjects: [Key: (cases: Int, organizations: Set<OrganizationID>, members: Set<MemberID>)] = [:]
        for oversightCase in cases where period.contains(oversightCase.started)
            && tree.isWithin(oversightCase.conductorOrganization, root: root, on: oversightCase.started) {
            let key = Key(activity: oversightCase.activity, mode: oversightCase.mode, conductor: oversightCase.conductor)
            var entry = subjects[key] ?? (0, [], [])
            entry.cases += 1
            for subject in oversightCase.subjects {
                switch subject {
                case .organization(let id): entry.organizations.insert(id)
                case .member(let id): entry.members.insert(id)
                }
            }
            subjects[key] = entry
        }
        for (key, entry) in subjects {
            review.setOversight(
                Review.SubjectCounts(cases: entry.cases, organizations: entry.organizations.count, members: entry.members.count),
                activity: key.activity, mode: key.mode, conductor: key.conductor)
        }
        review.meetings = meetingFigures(of: root, from: from, to: to)
        review.discipline = Review.Discipline(DisciplineFigures(of: root, from: from, to: to, decisions: disciplines, tree: tree))
        review.settle()
        return review
    }

    /// `Review.meetings`: the meetings held in the period by cells of the scope, and the cells that missed a month.
    public func meetingFigures(of root: OrganizationID, from: Day, to: Day) -> Review.Meetings {
        var figures = Review.Meetings()
        for meeting in meetings where from <= meeting.held && meeting.held <= to && tree.isWithin(meeting.cell, root: root, on: meeting.held) {
            switch meeting.kind {
            case .regular: figures.regular += 1
            case .thematic: figures.thematic += 1
            }
        }
        figures.cellsWithoutMonthlyMeeting = Set(meetingCompliance(of: root, from: from, to: to).withoutRegular.map(\.cell)).count
        return figures
    }

    /// Counts one member's movements seen from `root`, step by step. On each day the tree changes first (a cell that
    /// crosses the scope's boundary carries its members in or out: `reorganizedIn/Out`), then the member's events of
    /// that day follow in their order, each step counted by the event that took it across the boundary; a cell
    /// dissolved that day still stands for the day's steps, and a member left in it goes out with it at the end of
    /// the day.
    private func countMovements(
        of journal: Journal, root: OrganizationID, period: DayRange, changeDays: Set<Day>,
        into movements: inout Review.Movements
    ) {
        /// Whether `cell` is in the scope during the steps of `day`.
        func inScope(_ cell: OrganizationID?, during day: Day) -> Bool {
            guard let cell else { return false }
            if tree.version(of: cell, on: day) == nil, tree[cell]?.dissolved == day {
                return tree.isWithin(cell, root: root, on: day.previous)
            }
            return tree.isWithin(cell, root: root, on: day)
        }
        let events = journal.events
        var days = changeDays
        for event in events where period.contains(event.effective) { days.insert(event.effective) }
        var next = 0  // the first event not before the day at hand
        for day in days.sorted() {
            while next < events.count, events[next].effective < day { next += 1 }
            var cell = next > 0 ? journal.cellsAfter[next - 1] : nil
            let atStart = cell.map { tree.isWithin($0, root: root, on: day.previous) } ?? false
            var inside = inScope(cell, during: day)
            switch (atStart, inside) {
            case (false, true): movements.reorganizedIn += 1
            case (true, false): movements.reorganizedOut += 1
            default: break
            }
            var index = next
            while index < events.count, events[index].effective == day {
                let kind = events[index].kind
                let after = journal.cellsAfter[index]
                let insideAfter = inScope(after, during: day)
                switch (inside, insideAfter) {
                case (false, true): movements.countIn(kind)
                case (true, false): movements.countOut(kind)
                case (true, true) where kind == .moved && after != cell: movements.movedInternally += 1
                default: break
                }
                if kind == .recognizedOfficial, insideAfter { movements.recognizedOfficial += 1 }
                (cell, inside) = (after, insideAfter)
                index += 1
            }
            if inside, !(cell.map { tree.isWithin($0, root: root, on: day) } ?? false) { movements.reorganizedOut += 1 }
        }
    }
}

extension Review.Movements {
    /// `count` inflows of the scope, each a step taken by an event of `kind` (a move from a cell outside it is a
    /// transfer in; nil is a change of the tree).
    public mutating func countIn(_ kind: EventKind?, _ count: Int = 1) {
        switch kind {
        case .admitted?: admitted += count
        case .readmitted?: readmitted += count
        case .restored?: restored += count
        case .transferredIn?, .moved?: transferredIn += count
        default: reorganizedIn += count
        }
    }

    /// `count` outflows of the scope, each a step taken by an event of `kind` (a move to a cell outside it is a
    /// transfer out; nil is a change of the tree).
    public mutating func countOut(_ kind: EventKind?, _ count: Int = 1) {
        switch kind {
        case .died?: died += count
        case .removed?: removed += count
        case .probationRemoved?: probationRemoved += count
        case .expelled?: expelled += count
        case .withdrew?: withdrew += count
        case .transferredOut?, .moved?: transferredOut += count
        default: reorganizedOut += count
        }
    }
}
