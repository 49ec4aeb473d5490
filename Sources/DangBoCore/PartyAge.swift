/// Tuổi đảng: counted from the first admission decision, less the time out of the Party (RULES §3.3).
public struct PartyAge: Hashable, Sendable {
    /// The first admission decision (ngày vào Đảng).
    public var joined: Day
    /// Days out of the Party between `joined` and the day asked about (expulsion, removal, withdrawal until
    /// readmission; a restoration after a wrongful expulsion counts as continuous, RULES §3.3.4).
    public var gapDays: Int
    /// Whole months of party age.
    public var months: Int

    public var years: Int { months / 12 }

    /// `joined` moved later by the gaps: party age is the time from it.
    public var countedFrom: Day { joined.adding(days: gapDays) }

    /// Party badge milestones in years of the rule in force on `day` (`RuleBook.badgeMilestones`, HD 01-HD/TW §18).
    public static func badgeYears(on day: Day) -> [Int] { RuleBook.badgeMilestones.version(on: day).value }

    /// The day the member reaches `years` of party age, if no new gap comes.
    public func reaches(years: Int) -> Day { countedFrom.adding(years: years) }

    /// The next badge not yet reached on `day`, with the day it falls due.
    public func nextBadge(after day: Day) -> (years: Int, due: Day)? {
        for years in Self.badgeYears(on: day) where reaches(years: years) > day { return (years, reaches(years: years)) }
        return nil
    }
}

extension Journal {
    /// Ngày vào Đảng as party age counts it: the start of the first stretch of membership that counts (see
    /// `partyAge(asOf:)`), else the decision of the probation under way, else ngày vào Đảng on file.
    public var joined: Day? {
        var first: Day?
        walkPartyAge(until: nil) { start, _ in first = first ?? start }
        let admission = events.last { $0.kind == .admitted || $0.kind == .readmitted }
        return first ?? admission.map { $0.decision?.date.map { [$0, admission!.effective].min()! } ?? $0.effective } ?? openingDay
    }

    /// The end of the current probation, nil when the member is not probationary on `day`.
    public func probationEnd(asOf day: Day) -> Day? {
        guard period(on: day)?.standing == .probationary else { return nil }
        return probations.last { $0.start <= day }?.due
    }

    /// Party age on `day` (RULES §3.3): counted from the admission decision, over the stretches of membership in
    /// which the member became official (a probation struck off with `probation_removed` gives none), less the time
    /// out of the Party between them; a gap ends on the readmission decision; a restoration after a wrongful expulsion
    /// or removal counts continuously. A journal that opens with a readmission does not count the unknown time before
    /// it; one that opens with a transfer in or a restoration counts from ngày vào Đảng on file. Nil when nothing
    /// counts yet (a probationer's age starts once recognized, back-dated to the decision). After death or a departure
    /// with no return it stays as it was on that day.
    public func partyAge(asOf day: Day) -> PartyAge? {
        var first: Day?
        var last: Day?
        var counted = 0
        walkPartyAge(until: day) { start, end in
            first = first ?? start
            last = end
            counted += max(0, end.ordinal - start.ordinal)
        }
        guard let first, let last else { return nil }
        let countedFrom = last.adding(days: -counted)
        return PartyAge(joined: first, gapDays: countedFrom.ordinal - first.ordinal,
                        months: max(0, countedFrom.completedMonths(until: last)))
    }

    /// The day the first stretch starts when the journal does not say it: ngày vào Đảng on file, for a journal that
    /// opens with a transfer in or a restoration.
    private var openingDay: Day? {
        guard let kind = events.first?.kind, kind == .transferredIn || kind == .restored else { return nil }
        return member.joinedOn
    }

    /// Calls `count(start, end)` for every stretch of membership that counts towards party age, in order, up to `day`
    /// (nil: every stretch, an open one ending on the last event). A stretch counts once the member is official in it.
    private func walkPartyAge(until day: Day?, _ count: (Day, Day) -> Void) {
        var start: Day?
        var official = false
        /// The last stretch ended by expulsion or removal: a restoration reopens it.
        var closed: (start: Day, end: Day, official: Bool)?
        func flushClosed() {
            if let stretch = closed, stretch.official { count(stretch.start, stretch.end) }
            closed = nil
        }
        for (index, event) in events.enumerated() {
            if let day, event.effective > day { break }
            let decided = event.decision?.date.map { Swift.min($0, event.effective) } ?? event.effective
            switch event.kind {
            case .admitted:
                flushClosed()
                start = member.joinedOn.map { Swift.min($0, decided) } ?? decided
                official = false
            case .readmitted:
                flushClosed()
                start = decided  // NB: the gap ends on the decision; nothing before a journal's first readmission counts.
                official = false
            case .transferredIn where index == 0, .restored where index == 0:
                start = member.joinedOn
                official = standingsAfter[index] == .official
            case .restored:
                if let stretch = closed { (start, official) = (stretch.start, stretch.official) }
                closed = nil
            case .recognizedOfficial:
                official = true
            case .removed, .expelled:
                if let begun = start { closed = (begun, event.effective, official) }
                start = nil
            case .withdrew, .died, .probationRemoved:
                if let begun = start, official, event.kind != .probationRemoved { count(begun, event.effective) }
                start = nil
            default:
                break
            }
        }
        flushClosed()
        if let begun = start, official { count(begun, day ?? events.last?.effective ?? begun) }
    }
}
