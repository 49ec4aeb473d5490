/// The inspection and supervision figures of a period under a root organization, by activity × mode × conductor kind
/// (issue 11 point 2: "the review's figures"): cases started with their subjects, cases concluded with each outcome,
/// and the follow-up tasks still open and overdue at the period's end.
///
/// `Review` keeps its own `supervision` and `inspection` counts and JSON keys; these figures agree with them on cases
/// started and their subjects (`Registry.review(of:from:to:)` counts the same cases the same way) and add the rest.
public struct OversightFigures: Hashable, Sendable {
    /// One cell of the split: an activity, a mode and the kind of conductor.
    public struct Key: Hashable, Sendable {
        public var activity: OversightActivity
        public var mode: OversightMode
        public var conductor: ConductorKind

        public init(_ activity: OversightActivity, _ mode: OversightMode, _ conductor: ConductorKind) {
            self.activity = activity
            self.mode = mode
            self.conductor = conductor
        }

        /// Every key, activity first, then mode, then conductor, each in its declared order.
        public static let all: [Key] = OversightActivity.allCases.flatMap { activity in
            OversightMode.allCases.flatMap { mode in ConductorKind.allCases.map { Key(activity, mode, $0) } }
        }
    }

    /// The figures of one key.
    public struct Counts: Hashable, Sendable {
        /// Cases whose first day is in the period (the review's `cases`).
        public var started = 0
        /// The organizations those cases looked at, each once (the review's `organizations`).
        public var organizations = 0
        /// The members those cases looked at, each once (the review's `members`).
        public var members = 0
        /// Cases concluded in the period.
        public var concluded = 0
        /// Cases concluded in the period, by outcome.
        public var outcomes: [OversightOutcome: Int] = [:]
        /// Follow-up tasks still open on the period's last day.
        public var followUpsOpen = 0
        /// Of those, the ones past their due day.
        public var followUpsOverdue = 0

        public init() {}

        /// Cases concluded in the period with `outcome` (0 when none).
        public func concluded(_ outcome: OversightOutcome) -> Int { outcomes[outcome] ?? 0 }

        /// Whether every figure is 0.
        public var isEmpty: Bool { self == Counts() }
    }

    /// The figures of the keys that have any.
    public var counts: [Key: Counts]

    public init(counts: [Key: Counts] = [:]) { self.counts = counts }

    /// Counts, for `root` over `from` through `to` (both included):
    /// - a case as started when its first day is in the period and its conductor organization lies within `root`'s
    ///   subtree that day, with its subjects each once per key, as the review does;
    /// - a case as concluded when the day of its conclusion (`OversightCase.concluded(progress:)`, from its progress
    ///   joined by reference) is in the period and its conductor lies within `root`'s subtree that day, under its
    ///   outcome;
    /// - a follow-up task, of a case concluded on or before `to` whose conductor lay within the subtree on the day of
    ///   the conclusion, as open when it is not done by `to` and as overdue when it is also past due on `to`.
    public init(
        of root: OrganizationID, from: Day, to: Day, cases: some Sequence<OversightCase>,
        progress: some Sequence<OversightProgress>, tasks: some Sequence<FollowUpTask>, tree: OrganizationTree
    ) {
        let period = DayRange(from: from, through: to)
        let progress = Dictionary(progress.map { ($0.caseReference, $0) }, uniquingKeysWith: { first, _ in first })
        var counts: [Key: Counts] = [:]
        var subjects: [Key: (organizations: Set<OrganizationID>, members: Set<MemberID>)] = [:]
        /// The key of each case concluded by `to` within the scope, by reference: its tasks count under it.
        var concludedByEnd: [String: Key] = [:]
        for oversightCase in cases {
            let key = Key(oversightCase.activity, oversightCase.mode, oversightCase.conductor)
            if period.contains(oversightCase.started),
               tree.isWithin(oversightCase.conductorOrganization, root: root, on: oversightCase.started) {
                counts[key, default: Counts()].started += 1
                for subject in oversightCase.subjects {
                    switch subject {
                    case .organization(let id): subjects[key, default: ([], [])].organizations.insert(id)
                    case .member(let id): subjects[key, default: ([], [])].members.insert(id)
                    }
                }
            }
            guard let concluded = oversightCase.concluded(progress: progress[oversightCase.reference]), concluded <= to,
                  tree.isWithin(oversightCase.conductorOrganization, root: root, on: concluded) else { continue }
            concludedByEnd[oversightCase.reference] = key
            if concluded >= from {
                counts[key, default: Counts()].concluded += 1
                if let outcome = oversightCase.outcome { counts[key, default: Counts()].outcomes[outcome, default: 0] += 1 }
            }
        }
        for (key, seen) in subjects {
            counts[key, default: Counts()].organizations = seen.organizations.count
            counts[key, default: Counts()].members = seen.members.count
        }
        for task in tasks where task.isOpen(on: to) {
            guard let key = concludedByEnd[task.caseReference] else { continue }
            counts[key, default: Counts()].followUpsOpen += 1
            if task.isOverdue(on: to) { counts[key, default: Counts()].followUpsOverdue += 1 }
        }
        self.init(counts: counts)
    }

    /// The figures of one key (all 0 when it has none).
    public subscript(activity: OversightActivity, mode: OversightMode, conductor: ConductorKind) -> Counts {
        counts[Key(activity, mode, conductor)] ?? Counts()
    }

    /// The figures as a Markdown table in Vietnamese, one row per key that has any, in the order of `Key.all`: what the
    /// inspection commission prints for a period.
    public var markdownTable: String {
        let outcomes = OversightOutcome.allCases
        var lines = [
            "| Hoạt động | Hình thức | Chủ thể | Số cuộc | Tổ chức | Đảng viên | Kết luận | "
                + outcomes.map(\.vietnamese).joined(separator: " | ") + " | Khắc phục chưa xong | Quá hạn |",
            "|---|---|---|" + String(repeating: "---:|", count: 6 + outcomes.count),
        ]
        for key in Key.all {
            guard let row = counts[key], !row.isEmpty else { continue }
            let figures = [row.started, row.organizations, row.members, row.concluded] + outcomes.map(row.concluded)
                + [row.followUpsOpen, row.followUpsOverdue]
            lines.append("| \(key.activity.vietnamese) | \(key.mode.vietnamese) | \(key.conductor.vietnamese) | "
                + figures.map { VietnameseFormat.number($0) }.joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n")
    }
}

extension Registry {
    /// The oversight figures of `root` from `from` through `to` over the registry's cases, with the cases' progress
    /// and follow-up tasks (kept apart from the registry).
    public func oversightFigures(
        of root: OrganizationID, from: Day, to: Day, progress: some Sequence<OversightProgress> = [OversightProgress](),
        tasks: some Sequence<FollowUpTask> = [FollowUpTask]()
    ) -> OversightFigures {
        OversightFigures(of: root, from: from, to: to, cases: cases, progress: progress, tasks: tasks, tree: tree)
    }
}
