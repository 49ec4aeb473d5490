import DangBoCore

/// Cases of a member's journal that the reviews must get right (issue 7) and that chance alone brings too rarely to
/// count on in a small registry. `MembershipSimulation` makes each happen at least once in every third of the
/// history, as long as the history leaves room, and now and then after that.
enum GeneratedCase: Int, CaseIterable, Sendable {
    /// `transferred_out` then `transferred_in` on one day, into a cell of another grassroots organization.
    case outAndInOnOneDay
    /// `moved` from a cell of a grassroots committee to a cell outside it, then `died`, on one day.
    case movedOutAndDied
    /// `recognized_official` then `moved` on one day.
    case recognizedAndMoved
    /// `exempted` then `temporary_out` on one day.
    case exemptedAndAway
    /// A probationer transferred in with only `joinedOn` on file, recognized 12 months after it.
    case probationerFromJoined
    /// A probationer transferred in with only `joinedOn` on file, struck off (`probation_removed`) before 12 months
    /// after it.
    case probationerStruckOff
    /// A probationer transferred in with `officialOn` after the arrival, recognized on it.
    case probationerUntilOfficialOn
    /// A probationer admitted here who left by transfer and came back before probation ended, recognized 12 months
    /// after the ceremony.
    case probationerBack
    /// A journal that opens with `readmitted` (a member before the registry), recognized 12 months after it.
    case readmittedFirst
}

/// How many of each `GeneratedCase` happened in each third of the history.
struct CaseQuota: Sendable {
    static let eras = 3
    let from: Day
    let span: Int
    private var counts: [Int]

    init(from: Day, through: Day) {
        self.from = from
        span = max(1, through.ordinal - from.ordinal)
        counts = [Int](repeating: 0, count: GeneratedCase.allCases.count * Self.eras)
    }

    private func slot(_ kind: GeneratedCase, _ day: Day) -> Int {
        let era = min(Self.eras - 1, max(0, (day.ordinal - from.ordinal) * Self.eras / span))
        return kind.rawValue * Self.eras + era
    }

    /// Whether the case has not happened yet in the third of the history that holds `day`.
    func wants(_ kind: GeneratedCase, on day: Day) -> Bool { counts[slot(kind, day)] == 0 }

    mutating func note(_ kind: GeneratedCase, on day: Day) { counts[slot(kind, day)] += 1 }
}
