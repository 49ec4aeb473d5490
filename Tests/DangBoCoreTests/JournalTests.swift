import Testing
@testable import DangBoCore

/// The membership rules of RULES §3, each at its edges: the day before, the day of, the day after.
@Suite struct JournalTests {
    typealias F = Fixture

    // Born 15/5/1990: 18 years on 15/5/2008; 60 years on 15/5/2050; 60 years and 1 month on 15/6/2050.
    @Test(arguments: [("2008-05-14", false), ("2008-05-15", true), ("2008-05-16", true),
                      ("2050-06-14", true), ("2050-06-15", false), ("2050-06-16", false)])
    func admissionAgeCountedInMonths(day: String, allowed: Bool) {
        let reason = F.violation([F.event(.admitted, day, F.cellA)])
        switch (allowed, reason) {
        case (true, nil), (false, .admissionAge?), (false, .overSixtyWithoutCentralDecision?): break
        default: Issue.record("\(day): expected \(allowed ? "no violation" : "an age violation"), got \(String(describing: reason))")
        }
    }

    @Test func admissionAgeUsesTheDecisionDay() {
        // 17 years 11 months on the decision day, 18 at the ceremony: the decision day counts.
        let reason = F.violation([F.event(.admitted, "2008-05-20", F.cellA, decided: "2008-05-10")])
        #expect(reason == .admissionAge(months: 215, counted: .decision))
    }

    @Test func ageMessageIsVietnameseAndCitesTheRule() throws {
        do {
            _ = try F.journal([F.event(.admitted, "2008-05-14", F.cellA)])
            Issue.record("an admission at 17 must fail")
        } catch {
            #expect(error.message.contains("đủ 18 tuổi đến đủ 60 tuổi"))
            #expect(error.message.contains("17 tuổi 11 tháng"))
            #expect(error.message.contains("Quy định 29-QĐ/TW"))  // the earliest version of the book: 2008 predates it
        }
    }

    @Test(arguments: [("2022-03-14", false), ("2022-03-15", true), ("2022-03-16", false)])
    func recognitionTwelveMonthsAfterCeremony(day: String, allowed: Bool) throws {
        let reason = F.violation([F.event(.admitted, "2021-03-15", F.cellA, decided: "2021-02-20"),
                                  F.event(.recognizedOfficial, day, decided: "2022-04-10")])
        #expect(allowed ? reason == nil : reason == .recognitionDay(expected: F.day("2022-03-15")))
    }

    @Test func recognitionKeepsTheDecisionDayApart() throws {
        let journal = try F.journal([F.event(.admitted, "2021-03-15", F.cellA),
                                     F.event(.recognizedOfficial, "2022-03-15", decided: "2022-04-20")])
        #expect(journal.events[1].decision?.date == F.day("2022-04-20"))
        #expect(journal.period(on: F.day("2022-03-14"))?.standing == .probationary)
        #expect(journal.period(on: F.day("2022-03-15"))?.standing == .official)
    }

    @Test func probationersCannotBeExpelledOrRemovedAsOfficials() {
        let admitted = F.event(.admitted, "2021-03-15", F.cellA)
        #expect(F.violation([admitted, F.event(.expelled, "2021-09-01")]) == .probationerCannotBeExpelled)
        #expect(F.violation([admitted, F.event(.removed, "2021-09-01")]) == .probationerCannotBeRemoved)
        #expect(F.violation([admitted, F.event(.probationRemoved, "2021-09-01")]) == nil)
        let recognized = F.event(.recognizedOfficial, "2022-03-15")
        #expect(F.violation([admitted, recognized, F.event(.expelled, "2022-09-01")]) == nil)
        #expect(F.violation([admitted, recognized, F.event(.probationRemoved, "2022-09-01")]) == .notProbationary)
    }

    @Test(arguments: [EventKind.moved, .exempted, .died, .transferredOut, .temporaryOut])
    func nothingAfterDeath(kind: EventKind) {
        let reason = F.violation([F.event(.admitted, "2021-03-15", F.cellA), F.event(.died, "2021-06-01"),
                                  F.event(kind, "2021-06-02", kind == .moved ? F.cellB : nil)])
        #expect(reason == .afterDeath(F.day("2021-06-01")))
    }

    @Test(arguments: [EventKind.withdrew, .removed, .expelled])
    func nothingAfterLeavingButReadmission(left: EventKind) {
        let history = [F.event(.transferredIn, "2010-01-01", F.cellA), F.event(left, "2015-01-01")]
        #expect(F.violation(history + [F.event(.moved, "2016-01-01", F.cellB)]) == .afterLeaving(left, F.day("2015-01-01")))
        #expect(F.violation(history + [F.event(.readmitted, "2016-01-01", F.cellB)]) == nil)
    }

    @Test func readmissionOnceOnly() {
        let history = [F.event(.transferredIn, "2005-01-01", F.cellA), F.event(.withdrew, "2008-01-01"),
                       F.event(.readmitted, "2010-01-01", F.cellA), F.event(.recognizedOfficial, "2011-01-01"),
                       F.event(.withdrew, "2012-01-01")]
        #expect(F.violation(history) == nil)
        #expect(F.violation(history + [F.event(.readmitted, "2014-01-01", F.cellA)]) == .readmittedTwice)
    }

    @Test func historyBeforeTheRegistryIsNotAssumed() {
        // The first admission and the departure predate the registry: a readmission or restoration may open a journal.
        #expect(F.violation([F.event(.readmitted, "2015-01-01", F.cellA), F.event(.recognizedOfficial, "2016-01-01")]) == nil)
        #expect(F.violation([F.event(.restored, "2015-01-01", F.cellA)]) == nil)
        // But an admission after a departure in the journal must be a readmission.
        #expect(F.violation([F.event(.transferredIn, "2005-01-01", F.cellA), F.event(.withdrew, "2008-01-01"),
                             F.event(.admitted, "2010-01-01", F.cellA)]) == .wasMemberBefore)
        #expect(F.violation([F.event(.transferredIn, "2005-01-01", F.cellA), F.event(.withdrew, "2008-01-01"),
                             F.event(.restored, "2010-01-01", F.cellA)]) == .cannotRestore)
    }

    @Test func temporaryOutOfOneCellIntoAnother() throws {
        let journal = try F.journal([F.event(.transferredIn, "2010-01-01", F.cellA), F.event(.temporaryOut, "2021-01-10"),
                                     F.event(.temporaryIn, "2021-01-10", F.cellB), F.event(.temporaryEnded, "2021-06-10")])
        #expect(journal.periods.count == 1)
        #expect(F.violation([F.event(.transferredIn, "2010-01-01", F.cellA), F.event(.temporaryOut, "2021-01-10"),
                             F.event(.temporaryOut, "2021-02-10")]) == .alreadyTemporary)
    }

    @Test func oneCellAtATime() {
        let admitted = F.event(.admitted, "2021-03-15", F.cellA)
        #expect(F.violation([admitted, F.event(.transferredIn, "2021-05-01", F.cellB)]) == .alreadyMember)
        #expect(F.violation([admitted, F.event(.moved, "2021-05-01", F.cellA)]) == .sameCell)
        let journal = try? F.journal([admitted, F.event(.moved, "2021-05-01", F.cellB)])
        #expect(journal?.period(on: F.day("2021-04-30"))?.cell == F.cellA)
        #expect(journal?.period(on: F.day("2021-05-01"))?.cell == F.cellB)
    }

    // The cell DUK.03 exists from 1/7/2021 until 1/1/2023 (dissolved that day).
    @Test(arguments: [("2021-06-30", false), ("2021-07-01", true), ("2022-12-31", true), ("2023-01-01", false)])
    func eventsOnlyIntoCellsThatExistThatDay(day: String, allowed: Bool) {
        let reason = F.violation([F.event(.transferredIn, "2010-01-01", F.cellA), F.event(.moved, day, F.lateCell)])
        #expect(allowed ? reason == nil : reason == .cellDoesNotExist)
    }

    @Test func onlyCellsHoldMembers() {
        #expect(F.violation([F.event(.admitted, "2021-03-15", F.committee)]) == .notACell(.grassrootsCommittee))
        #expect(F.violation([F.event(.admitted, "2021-03-15")]) == .cellRequired)
    }

    @Test func temporaryAttendanceNeverChangesTheRolls() throws {
        let journal = try F.journal([F.event(.transferredIn, "2010-01-01", F.cellA), F.event(.temporaryOut, "2021-01-10"),
                                     F.event(.temporaryEnded, "2021-06-10")])
        #expect(journal.periods.count == 1)
        #expect(journal.period(on: F.day("2021-03-01"))?.cell == F.cellA)
        // An outside member attending here temporarily is never on the rolls.
        let visitor = try F.journal([F.event(.temporaryIn, "2021-01-10", F.cellB, member: 2),
                                     F.event(.temporaryEnded, "2021-06-10", member: 2)], member: F.member(2))
        #expect(visitor.periods.isEmpty)
        #expect(F.violation([F.event(.transferredIn, "2010-01-01", F.cellA), F.event(.temporaryEnded, "2021-01-10")]) == .notTemporary)
    }

    @Test func exemptMembersStayOnTheRolls() throws {
        let journal = try F.journal([F.event(.transferredIn, "2010-01-01", F.cellA), F.event(.exempted, "2021-01-10"),
                                     F.event(.exemptionEnded, "2022-01-10")])
        #expect(journal.period(on: F.day("2021-01-09"))?.exempt == false)
        #expect(journal.period(on: F.day("2021-01-10"))?.exempt == true)
        #expect(journal.period(on: F.day("2022-01-10"))?.exempt == false)
        #expect(journal.period(on: F.day("2021-06-01"))?.cell == F.cellA)
        #expect(F.violation([F.event(.transferredIn, "2010-01-01", F.cellA), F.event(.exemptionEnded, "2021-01-10")]) == .notExempt)
    }

    @Test func periodsCarryTheirNeighbours() throws {
        let journal = try F.journal([F.event(.admitted, "2021-03-15", F.cellA), F.event(.moved, "2021-06-01", F.cellC),
                                     F.event(.recognizedOfficial, "2022-03-15"), F.event(.transferredOut, "2023-01-01")])
        #expect(journal.periods.map(\.entry) == [.admitted, .moved, .recognizedOfficial])
        #expect(journal.periods.map(\.exit) == [.moved, .recognizedOfficial, .transferredOut])
        #expect(journal.periods[1].previousCell == F.cellA)
        #expect(journal.periods[0].nextCell == F.cellC)
        #expect(journal.periods[2].validity == DayRange(start: F.day("2022-03-15"), end: F.day("2023-01-01")))
        #expect(journal.period(on: F.day("2023-01-01")) == nil)
    }

    @Test func violationPointsAtTheGivenPosition() {
        // Given out of order: the bad event is the first one given.
        let events = [F.event(.expelled, "2021-09-01"), F.event(.admitted, "2021-03-15", F.cellA)]
        do { _ = try F.journal(events); Issue.record("must fail") } catch { #expect(error.index == 0) }
    }
}

/// Party age, probation end and badges (RULES §3.3, §3.8).
@Suite struct PartyAgeTests {
    typealias F = Fixture

    @Test func countsFromTheDecisionOnceOfficial() throws {
        let journal = try F.journal([F.event(.admitted, "1991-03-15", F.cellA, decided: "1991-02-20"),
                                     F.event(.recognizedOfficial, "1992-03-15")], member: F.member(born: "1965-01-01"))
        #expect(journal.joined == F.day("1991-02-20"))
        #expect(journal.partyAge(asOf: F.day("1992-03-14")) == nil)  // still probationary
        #expect(journal.partyAge(asOf: F.day("1992-03-15"))?.months == 12)
        #expect(journal.partyAge(asOf: F.day("2021-02-19"))?.years == 29)
        #expect(journal.partyAge(asOf: F.day("2021-02-20"))?.years == 30)
        #expect(journal.partyAge(asOf: F.day("2021-01-01"))?.nextBadge(after: F.day("2021-01-01"))?.years == 30)
        #expect(journal.partyAge(asOf: F.day("2021-01-01"))?.nextBadge(after: F.day("2021-01-01"))?.due == F.day("2021-02-20"))
    }

    @Test func gapsOutOfThePartyAreSubtracted() throws {
        let journal = try F.journal([
            F.event(.admitted, "1991-03-15", F.cellA, decided: "1991-03-15"), F.event(.recognizedOfficial, "1992-03-15"),
            F.event(.withdrew, "2000-03-15"), F.event(.readmitted, "2002-03-15", F.cellA), F.event(.recognizedOfficial, "2003-03-15"),
        ], member: F.member(born: "1965-01-01"))
        let age = try #require(journal.partyAge(asOf: F.day("2021-03-15")))
        #expect(age.gapDays == 730)
        #expect(age.years == 28)
        #expect(age.reaches(years: 30) == F.day("2023-03-14"))
        // Between leaving and returning, the age stays as it was on the day of leaving.
        #expect(journal.partyAge(asOf: F.day("2001-01-01"))?.years == 9)
    }

    @Test func aRestorationCountsContinuously() throws {
        let journal = try F.journal([
            F.event(.transferredIn, "1995-01-01", F.cellA), F.event(.expelled, "2005-01-01"), F.event(.restored, "2006-01-01", F.cellA),
        ], member: Member(id: MemberID(1), nationalID: "001", familyName: "Trần", middleName: "Văn", givenName: "Bình",
                          gender: .male, birthDate: F.day("1960-01-01"), joinedOn: F.day("1985-06-01"), officialOn: F.day("1986-06-01")))
        #expect(journal.partyAge(asOf: F.day("2015-06-01"))?.years == 30)
        #expect(journal.partyAge(asOf: F.day("2015-06-01"))?.gapDays == 0)
    }

    @Test func probationEnd() throws {
        let journal = try F.journal([F.event(.admitted, "2021-01-31", F.cellA)])
        #expect(journal.probationEnd(asOf: F.day("2021-06-01")) == F.day("2022-01-31"))
        let leap = try F.journal([F.event(.admitted, "2020-02-29", F.cellA)])
        #expect(leap.probationEnd(asOf: F.day("2020-06-01")) == F.day("2021-02-28"))
    }
}
