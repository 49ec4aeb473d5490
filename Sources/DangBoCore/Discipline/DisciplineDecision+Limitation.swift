/// The statute of limitations (thời hiệu kỷ luật) of a decision, counted as RULES §4 says: from the day the offence
/// was committed, or ended when it lasted; again from a new offence committed while the period ran; without the days
/// discipline was postponed.
///
/// Day arithmetic, as Bộ luật Dân sự 2015 Điều 147–148 count a period of years (the party texts quoted say no more
/// than "tính từ thời điểm có hành vi vi phạm"): the day of the offence is not counted, the period runs from the day
/// after and ends at the end of the same day of the month in the last year (the month's last day when it has no such
/// day). An offence on 10/3/2020 warranting khiển trách (5 years) may be sanctioned through 10/3/2025 and is time-barred
/// from 11/3/2025; one on 29/2/2020, through 28/2/2025. Each postponed day after the offence's day moves the last day
/// one day later; a postponement still running when the last day comes leaves no last day yet.
extension DisciplineDecision {
    /// The statute of limitations in force on the decision day for this decision's kind of subject.
    public var limitationRule: RuleVersion<DisciplineLimitation> {
        switch subject {
        case .organization: RuleBook.disciplineLimitationOfOrganizations.version(on: decided)
        case .member: RuleBook.disciplineLimitationOfMembers.version(on: decided)
        }
    }

    /// The years of the limitation of `sanction` (the one decided by default) for this offence, nil when it has none.
    public func limitationYears(for sanction: Sanction? = nil) -> Int? {
        limitationRule.value.years(for: sanction ?? self.sanction, offence: offenceWithoutLimit)
    }

    /// The day the limitation counts from: the offence's last day, or the last new offence that restarted it.
    public var limitationStart: Day {
        guard let years = limitationYears() else { return offenceLastDay }
        return limitationPeriod(years: years).start
    }

    /// The last day on which the sanction decided may still be decided; nil when it is never time-barred (its
    /// sanction or its offence has no limit) or a postponement is still running when the period would end.
    public var limitationLastDay: Day? {
        guard let years = limitationYears() else { return nil }
        return limitationPeriod(years: years).last
    }

    /// The last day of `years` counted from `start` (not counted itself), moved one day later for each day of
    /// `postponements` after `start` and up to the last day so moved; nil when a postponement still running begins by
    /// then. Overlapping postponements count each day once.
    public static func limitationLastDay(from start: Day, years: Int, postponements: [DayRange]) -> Day? {
        var last = start.adding(years: years)
        var counted = start
        for range in postponements.sorted(by: { $0.start < $1.start }) {
            let from = max(range.start, counted.next)
            if from > last { break }
            guard let end = range.end else { return nil }
            guard end > from else { continue }
            last = last.adding(days: end.ordinal - from.ordinal)
            counted = end.previous
        }
        return last
    }

    /// The start and last day after the restarts by later offences: each new offence after the current start and on
    /// or before its last day starts the period again.
    private func limitationPeriod(years: Int) -> (start: Day, last: Day?) {
        var start = offenceLastDay
        var last = Self.limitationLastDay(from: start, years: years, postponements: postponements)
        for offence in laterOffences.sorted() where offence > start {
            guard let current = last, offence <= current else { break }
            start = offence
            last = Self.limitationLastDay(from: start, years: years, postponements: postponements)
        }
        return (start, last)
    }
}
