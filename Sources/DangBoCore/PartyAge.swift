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

    /// Party badge milestones in years (HD 01-HD/TW 2021 §18).
    public static let badgeYears = [30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90]

    /// The day the member reaches `years` of party age, if no new gap comes.
    public func reaches(years: Int) -> Day { countedFrom.adding(years: years) }

    /// The next badge not yet reached on `day`, with the day it falls due.
    public func nextBadge(after day: Day) -> (years: Int, due: Day)? {
        for years in Self.badgeYears where reaches(years: years) > day { return (years, reaches(years: years)) }
        return nil
    }
}

extension Journal {
    /// Ngày vào Đảng: the first admission decision (its ceremony when the decision day is unknown), else the day
    /// recorded on the member when the history predates the journal.
    public var joined: Day? {
        let admission = events.first { $0.kind == .admitted || $0.kind == .readmitted }
        let fromJournal = admission.map { $0.decision?.date ?? $0.effective }
        switch (fromJournal, member.joinedOn) {
        case let (a?, b?): return Swift.min(a, b)
        case let (a?, nil): return a
        case let (nil, b): return b
        }
    }

    /// The end of the current probation, nil when the member is not probationary on `day`.
    public func probationEnd(asOf day: Day) -> Day? {
        guard period(on: day)?.standing == .probationary, let ceremony = lastCeremony(onOrBefore: day) else { return nil }
        return Self.probationEnd(ceremony: ceremony)
    }

    private func lastCeremony(onOrBefore day: Day) -> Day? {
        events.last { ($0.kind == .admitted || $0.kind == .readmitted) && $0.effective <= day }?.effective
    }

    /// Party age on `day`; nil when the joining day is unknown or the member has not been official by then
    /// (a probationer's age starts once recognized, back-dated to the decision). After death or a departure with no
    /// return it stays as it was on that day.
    public func partyAge(asOf day: Day) -> PartyAge? {
        guard let joined, joined <= day else { return nil }
        let everOfficial = member.officialOn.map { $0 <= day } ?? false
            || periods.contains { $0.standing == .official && $0.validity.start <= day }
        guard everOfficial else { return nil }
        var gapDays = 0
        var outSince: Day?
        var end = day
        for event in events where event.effective <= day {
            switch event.kind {
            case .removed, .expelled, .withdrew, .probationRemoved:
                outSince = event.effective
            case .readmitted:
                if let out = outSince { gapDays += event.effective.ordinal - out.ordinal }
                outSince = nil
            case .restored:
                outSince = nil  // NB: a wrongful expulsion counts continuously (the dues owed are paid).
            case .died:
                end = event.effective
            default:
                break
            }
        }
        if let out = outSince { end = Swift.min(end, out) }
        let from = joined.adding(days: gapDays)
        return PartyAge(joined: joined, gapDays: gapDays, months: Swift.max(0, from.completedMonths(until: end)))
    }
}
