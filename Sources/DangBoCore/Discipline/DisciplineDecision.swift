/// A disciplinary decision (quyết định kỷ luật): who was sanctioned, how, by whom, for an offence of which days, and
/// the appeals against it.
///
/// Its rules are in `violations(in:isKnownMember:subjectPeriods:seats:)`, its statute of limitations in
/// `limitationLastDay(…)`, what it does to the registry in `effect`, the sanction in force on a day in
/// `sanctionInForce(on:)`.
public struct DisciplineDecision: Hashable, Sendable {
    /// The unique key of the decision in the registry and in files, as a case's reference is ("KL-2025-03").
    public var reference: String
    public var subject: DisciplineSubject
    /// The sanction decided.
    public var sanction: Sanction
    /// The organization whose body decided.
    public var decidingOrganization: OrganizationID
    public var decidingBody: DecidingBody
    /// The day the offence was committed (for one that lasted, the day it began).
    public var offenceCommitted: Day
    /// For an offence that lasted, the day it ended: the statute of limitations counts from it.
    public var offenceEnded: Day?
    /// New offences committed while the limitation ran: each one inside the period restarts it (QĐ 102-QĐ/TW Điều 3,
    /// khoản 1b).
    public var laterOffences: [Day]
    /// Set when the offence is of a kind never time-barred (chính trị nội bộ…); nil for an ordinary offence.
    public var offenceWithoutLimit: OffenceWithoutLimit?
    /// Stretches during which discipline was postponed (pregnancy, maternity leave, serious illness or hospital): they
    /// do not count toward the limitation. An open range is a postponement still running.
    public var postponements: [DayRange]
    /// The day the decision was signed.
    public var decided: Day
    /// The day it takes effect (usually the day it is signed).
    public var effective: Day
    /// The day the subject received it, when known: the appeal period counts from it (else from `effective`).
    public var received: Day?
    /// The decision's number, day and issuer, when recorded.
    public var decision: Decision?
    /// The reference of the inspection case (`OversightCase.reference`) that proposed the discipline, if any.
    public var oversightCase: String?
    /// The appeals, in the order they were lodged: each one after the previous was decided.
    public var appeals: [DisciplineAppeal]

    public init(
        reference: String, subject: DisciplineSubject, sanction: Sanction, decidingOrganization: OrganizationID,
        decidingBody: DecidingBody, offenceCommitted: Day, offenceEnded: Day? = nil, laterOffences: [Day] = [],
        offenceWithoutLimit: OffenceWithoutLimit? = nil, postponements: [DayRange] = [], decided: Day,
        effective: Day? = nil, received: Day? = nil, decision: Decision? = nil, oversightCase: String? = nil,
        appeals: [DisciplineAppeal] = []
    ) {
        self.reference = reference
        self.subject = subject
        self.sanction = sanction
        self.decidingOrganization = decidingOrganization
        self.decidingBody = decidingBody
        self.offenceCommitted = offenceCommitted
        self.offenceEnded = offenceEnded
        self.laterOffences = laterOffences
        self.offenceWithoutLimit = offenceWithoutLimit
        self.postponements = postponements
        self.decided = decided
        self.effective = effective ?? decided
        self.received = received
        self.decision = decision
        self.oversightCase = oversightCase
        self.appeals = appeals
    }

    /// The last day of the offence: the day it ended when it lasted, else the day it was committed.
    public var offenceLastDay: Day { max(offenceCommitted, offenceEnded ?? offenceCommitted) }

    /// The sanction in force on `day`: none before the decision takes effect; from then the one decided, unless an
    /// appeal decided on or before `day` reduced it (the reduced one) or annulled it (none). Appeals apply in the order
    /// of their decision days.
    public func sanctionInForce(on day: Day) -> Sanction? {
        guard day >= effective else { return nil }
        var current: Sanction? = sanction
        let decided = appeals.compactMap { appeal in appeal.decided.map { (day: $0, outcome: appeal.outcome) } }
        for appeal in decided.sorted(by: { $0.day < $1.day }) where appeal.day <= day {
            switch appeal.outcome {
            case .pending, .upheld: break
            case .reduced(let sanction, _): current = sanction
            case .annulled: current = nil
            }
        }
        return current
    }
}
