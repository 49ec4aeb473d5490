import Testing
@testable import DangBoCore

/// The cases of issue 7 that the foundation got wrong, each at its edges: probationers who transfer in, party age
/// across readmissions and struck-off probations, and the day admission age is counted on (RULES §3.1–3.3).
@Suite struct ArrivingProbationerTests {
    typealias F = Fixture

    static func member(joined: String? = nil, official: String? = nil) -> Member {
        var member = F.member()
        member.joinedOn = joined.map(F.day)
        member.officialOn = official.map(F.day)
        return member
    }

    /// Admitted elsewhere (decision) on 10/3/2021: probation ends on 10/3/2022 when only ngày vào Đảng is known.
    @Test(arguments: [("2022-03-09", Standing.probationary), ("2022-03-10", .official), ("2022-03-11", .official)])
    func standingOnArrivalFollowsJoinedOn(arrival: String, standing: Standing) throws {
        let journal = try F.journal([F.event(.transferredIn, arrival, F.cellA)], member: Self.member(joined: "2021-03-10"))
        #expect(journal.period(on: F.day(arrival))?.standing == standing)
    }

    /// Ngày chính thức on file wins over 12 months from ngày vào Đảng.
    @Test(arguments: [("2022-04-19", Standing.probationary), ("2022-04-20", .official)])
    func standingOnArrivalFollowsOfficialOn(arrival: String, standing: Standing) throws {
        let member = Self.member(joined: "2021-03-10", official: "2022-04-20")
        let journal = try F.journal([F.event(.transferredIn, arrival, F.cellA)], member: member)
        #expect(journal.period(on: F.day(arrival))?.standing == standing)
    }

    @Test func nothingKnownArrivesOfficial() throws {
        let journal = try F.journal([F.event(.transferredIn, "2021-05-01", F.cellA)])
        #expect(journal.period(on: F.day("2021-05-01"))?.standing == .official)
    }

    /// The recognition of an arriving probationer falls on the end of the probation known on arrival.
    @Test(arguments: [("2022-03-09", false), ("2022-03-10", true), ("2022-03-11", false)])
    func recognitionOfAnArrivingProbationer(day: String, allowed: Bool) {
        let reason = F.violation([F.event(.transferredIn, "2021-09-01", F.cellA), F.event(.recognizedOfficial, day)],
                                 member: Self.member(joined: "2021-03-10"))
        #expect(allowed ? reason == nil : reason == .recognitionDay(expected: F.day("2022-03-10")))
    }

    @Test func anArrivingProbationerIsStruckOffNeverExpelled() throws {
        let arrival = F.event(.transferredIn, "2021-09-01", F.cellA)
        let member = Self.member(joined: "2021-03-10")
        #expect(F.violation([arrival, F.event(.probationRemoved, "2021-12-01")], member: member) == nil)
        #expect(F.violation([arrival, F.event(.expelled, "2021-12-01")], member: member) == .probationerCannotBeExpelled)
        #expect(F.violation([arrival, F.event(.removed, "2021-12-01")], member: member) == .probationerCannotBeRemoved)
        let journal = try F.journal([arrival, F.event(.probationRemoved, "2021-12-01")], member: member)
        #expect(journal.period(on: F.day("2021-11-30"))?.standing == .probationary)
        #expect(journal.period(on: F.day("2021-12-01")) == nil)
        #expect(journal.partyAge(asOf: F.day("2025-01-01")) == nil)
    }

    /// A later event never changes an earlier standing: the figures of a day follow from what is known that day.
    @Test func aLaterEventNeverChangesAnEarlierStanding() throws {
        let member = Self.member(joined: "2021-03-10")
        let arrival = F.event(.transferredIn, "2021-09-01", F.cellA)
        let before = try F.journal([arrival], member: member)
        let after = try F.journal([arrival, F.event(.recognizedOfficial, "2022-03-10")], member: member)
        for day in ["2021-09-01", "2022-01-01", "2022-03-09"] {
            #expect(before.period(on: F.day(day))?.standing == .probationary)
            #expect(after.period(on: F.day(day))?.standing == .probationary)
        }
        #expect(after.period(on: F.day("2022-03-10"))?.standing == .official)
    }

    /// A member of the registry who left on probation and comes back before the 12 months from the ceremony end.
    @Test func aProbationerComingBackIsStillOnProbation() throws {
        let journal = try F.journal([
            F.event(.admitted, "2021-03-15", F.cellA), F.event(.transferredOut, "2021-06-01"),
            F.event(.transferredIn, "2021-10-01", F.cellC), F.event(.recognizedOfficial, "2022-03-15"),
        ])
        #expect(journal.period(on: F.day("2021-10-01"))?.standing == .probationary)
        #expect(journal.probationEnd(asOf: F.day("2021-10-01")) == F.day("2022-03-15"))
        #expect(F.violation([
            F.event(.admitted, "2021-03-15", F.cellA), F.event(.transferredOut, "2021-06-01"),
            F.event(.transferredIn, "2022-03-15", F.cellC), F.event(.recognizedOfficial, "2022-03-15"),
        ]) == .notProbationary)  // back on the day probation ended: official on arrival
    }
}

@Suite struct PartyAgeFidelityTests {
    typealias F = Fixture

    /// A journal that opens with a readmission counts from the readmission decision, not from ngày vào Đảng on file:
    /// the time out of the Party before it is unknown.
    @Test func aJournalOpeningWithAReadmissionCountsFromIt() throws {
        var member = F.member(born: "1960-01-01")
        member.joinedOn = F.day("1985-01-01")
        member.officialOn = F.day("1986-01-01")
        let journal = try F.journal([F.event(.readmitted, "2010-03-15", F.cellA, decided: "2010-02-01"),
                                     F.event(.recognizedOfficial, "2011-03-15")], member: member)
        #expect(journal.partyAge(asOf: F.day("2011-03-14")) == nil)
        let age = try #require(journal.partyAge(asOf: F.day("2020-02-01")))
        #expect(age.joined == F.day("2010-02-01"))
        #expect(age.years == 10)
        #expect(journal.partyAge(asOf: F.day("2020-01-31"))?.years == 9)
    }

    /// A gap ends on the readmission decision, not on its ceremony.
    @Test func theGapEndsOnTheReadmissionDecision() throws {
        let journal = try F.journal([
            F.event(.admitted, "1991-03-15", F.cellA, decided: "1991-03-15"), F.event(.recognizedOfficial, "1992-03-15"),
            F.event(.withdrew, "2000-03-15"), F.event(.readmitted, "2002-03-15", F.cellA, decided: "2002-01-14"),
            F.event(.recognizedOfficial, "2003-03-15"),
        ], member: F.member(born: "1965-01-01"))
        let age = try #require(journal.partyAge(asOf: F.day("2021-03-15")))
        #expect(age.gapDays == 670)  // 15/3/2000 → 14/1/2002
        #expect(age.reaches(years: 30) == F.day("2023-01-13"))
    }

    /// A probation struck off gives no party age; a later readmission counts from its own decision.
    @Test func aStruckOffProbationGivesNoPartyAge() throws {
        let events = [F.event(.admitted, "2001-03-15", F.cellA, decided: "2001-03-01"), F.event(.probationRemoved, "2001-12-01"),
                      F.event(.readmitted, "2005-03-15", F.cellA, decided: "2005-03-01"), F.event(.recognizedOfficial, "2006-03-15")]
        let journal = try F.journal(events, member: F.member(born: "1975-01-01"))
        #expect(journal.partyAge(asOf: F.day("2003-01-01")) == nil)
        let age = try #require(journal.partyAge(asOf: F.day("2015-03-01")))
        #expect(age.joined == F.day("2005-03-01"))
        #expect(age.gapDays == 0)
        #expect(age.years == 10)
    }

    /// An expulsion, then readmission: the first stretch counts, the time out does not.
    @Test func anExpulsionThenAReadmissionCountsBothStretches() throws {
        let journal = try F.journal([
            F.event(.admitted, "1990-01-10", F.cellA, decided: "1990-01-10"), F.event(.recognizedOfficial, "1991-01-10"),
            F.event(.expelled, "2000-01-10"), F.event(.readmitted, "2003-01-10", F.cellA, decided: "2003-01-10"),
            F.event(.recognizedOfficial, "2004-01-10"),
        ], member: F.member(born: "1965-01-01"))
        #expect(journal.partyAge(asOf: F.day("2001-06-01"))?.years == 10)
        // During the new probation the earlier stretch still counts, and grows again once recognized.
        #expect(journal.partyAge(asOf: F.day("2003-06-01"))?.years == 10)
        #expect(journal.partyAge(asOf: F.day("2014-01-10"))?.years == 21)
    }
}

@Suite struct AdmissionAgeDayTests {
    typealias F = Fixture

    static func admission(ceremony: String, decided: String? = nil, voted: String? = nil, by decider: String = "")
    -> MembershipEvent {
        var event = F.event(.admitted, ceremony, F.cellA, decided: decided)
        event.votedOn = voted.map(F.day)
        if !decider.isEmpty { event.decision = Decision(number: "1-QĐ/TU", date: decided.map(F.day), issuer: decider) }
        return event
    }

    /// Born 15/5/1990: 18 on 15/5/2008. The cell's vote counts, then the decision, then the ceremony.
    @Test(arguments: [
        ("2008-05-14", AdmissionAgeDay.cellVote, false), ("2008-05-15", .cellVote, true),
        ("2008-05-14", .decision, false), ("2008-05-15", .decision, true),
        ("2008-05-14", .ceremony, false), ("2008-05-15", .ceremony, true),
    ])
    func theAgeIsCountedOnTheFirstKnownDay(day: String, counted: AdmissionAgeDay, allowed: Bool) {
        let event: MembershipEvent = switch counted {
        case .cellVote: Self.admission(ceremony: "2008-07-01", decided: "2008-06-01", voted: day)
        case .decision: Self.admission(ceremony: "2008-07-01", decided: day)
        case .ceremony: Self.admission(ceremony: day)
        }
        let reason = F.violation([event])
        #expect(allowed ? reason == nil : reason == .admissionAge(months: 215, counted: counted))
    }

    @Test func theMessageSaysWhichDay() throws {
        do {
            _ = try F.journal([Self.admission(ceremony: "2008-07-01", decided: "2008-06-01", voted: "2008-05-14")])
            Issue.record("must fail")
        } catch {
            #expect(error.message.contains("ngày chi bộ xét kết nạp"))
            #expect(error.message.contains("17 tuổi 11 tháng"))
        }
    }

    /// Over 60 (60 years 1 month from 15/6/2050): only by decision of a committee directly under the Central
    /// Committee, named in `decided_by`; a code of the registry must be a committee at the top of the tree.
    @Test func overSixtyNeedsACommitteeDirectlyUnderTheCentralCommittee() {
        #expect(F.violation([Self.admission(ceremony: "2050-07-01", decided: "2050-06-14")]) == nil)
        #expect(F.violation([Self.admission(ceremony: "2050-07-01", decided: "2050-06-15")])
            == .overSixtyWithoutCentralDecision(months: 721, counted: .decision, decidedBy: ""))
        #expect(F.violation([Self.admission(ceremony: "2050-07-01", decided: "2050-06-15", by: "DUK")]) == nil)
        #expect(F.violation([Self.admission(ceremony: "2050-07-01", decided: "2050-06-15", by: "DUK.01")])
            == .overSixtyWithoutCentralDecision(months: 721, counted: .decision, decidedBy: "DUK.01"))
        #expect(F.violation([Self.admission(ceremony: "2050-07-01", decided: "2050-06-15", by: "Tỉnh ủy Vĩnh Phúc")]) == nil)
    }
}
