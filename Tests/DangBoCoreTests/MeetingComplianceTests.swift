@testable import DangBoCore
import Testing

/// Cell meetings (issue 11 point 4; RULES §5): a regular meeting every calendar month, a thematic one every quarter,
/// at least 90 minutes, and members absent without reason three months in a year — each at its edges.
@Suite struct MeetingComplianceTests {
    typealias F = Fixture
    static func meeting(_ reference: String, _ cell: OrganizationID, _ kind: MeetingKind = .regular, _ held: String,
                        minutes: Int = 120, _ attendance: [Attendance] = []) -> Meeting {
        Meeting(reference: reference, cell: cell, kind: kind, held: F.day(held), durationMinutes: minutes, attendance: attendance)
    }

    static func registry(_ meetings: [Meeting]) -> Registry {
        var registry = Registry(tree: F.tree)
        registry.meetings = meetings
        return registry
    }

    /// Every cell (A, B, C; the late cell until its dissolution) met on the 15th of each month of 2022.
    static var monthly: [Meeting] {
        (1...12).flatMap { month in
            [F.cellA, F.cellB, F.cellC, F.lateCell].map { cell in
                meeting("R\(cell.rawValue)-\(month)", cell, .regular, "2022-\(month < 10 ? "0" : "")\(month)-15")
            }
        }
    }

    @Test func aMonthIsMetOnItsFirstAndLastDayAndNotTheDayAfter() {
        let quarter = (F.day("2022-01-01"), F.day("2022-03-31"))
        var meetings = Self.monthly.filter { !($0.cell == F.cellA && $0.held.month == 2) }
        meetings.append(Self.meeting("A-last", F.cellA, .regular, "2022-02-28"))
        #expect(Self.registry(meetings).meetingCompliance(of: F.bloc, from: quarter.0, to: quarter.1).withoutRegular.isEmpty)
        meetings.removeLast()
        meetings.append(Self.meeting("A-first", F.cellA, .regular, "2022-02-01"))
        #expect(Self.registry(meetings).meetingCompliance(of: F.bloc, from: quarter.0, to: quarter.1).withoutRegular.isEmpty)
        meetings.removeLast()
        meetings.append(Self.meeting("A-day-after", F.cellA, .regular, "2022-03-01"))
        let compliance = Self.registry(meetings).meetingCompliance(of: F.bloc, from: quarter.0, to: quarter.1)
        #expect(compliance.withoutRegular == [.init(cell: F.cellA, from: F.day("2022-02-01"), to: F.day("2022-02-28"))])
        // A thematic meeting does not stand for the regular one.
        meetings.removeLast()
        meetings.append(Self.meeting("A-thematic", F.cellA, .thematic, "2022-02-10"))
        #expect(Self.registry(meetings).meetingCompliance(of: F.bloc, from: quarter.0, to: quarter.1).withoutRegular.map(\.cell) == [F.cellA])
        // The committee (not a cell) is never asked; the review counts the cell once.
        let review = Self.registry(meetings).review(of: F.bloc, from: quarter.0, to: quarter.1)
        #expect(review.meetings.cellsWithoutMonthlyMeeting == 1)
        #expect(review.meetings.regular == 3 * 4 - 1 && review.meetings.thematic == 1)
    }

    @Test func onlyThePartOfAMonthInsideThePeriodAndOnlyWholeMonthsOfACell() {
        // The period starts on 10/3: a meeting on 5/3 is outside it, so March (10–31) is missed by cell C.
        var meetings = Self.monthly.filter { !($0.cell == F.cellC && $0.held.month == 3) }
        meetings.append(Self.meeting("C-early", F.cellC, .regular, "2022-03-05"))
        let compliance = Self.registry(meetings).meetingCompliance(of: F.bloc, from: F.day("2022-03-10"), to: F.day("2022-04-30"))
        #expect(compliance.withoutRegular == [.init(cell: F.cellC, from: F.day("2022-03-10"), to: F.day("2022-03-31"))])
        // The late cell was dissolved on 1/1/2023: December 2022 is a whole month of it; January 2023 is not.
        let december = Self.monthly.filter { !($0.cell == F.lateCell && $0.held.month == 12) }
        let end = Self.registry(december).meetingCompliance(of: F.bloc, from: F.day("2022-12-01"), to: F.day("2023-01-31"))
        #expect(end.withoutRegular.contains(.init(cell: F.lateCell, from: F.day("2022-12-01"), to: F.day("2022-12-31"))))
        #expect(!end.withoutRegular.contains { $0.cell == F.lateCell && $0.from == F.day("2023-01-01") })
        // Established on 1/7/2021: July 2021 is whole; a cell established on the 2nd of a month would not owe that month.
        let july = Self.registry([]).meetingCompliance(of: F.bloc, from: F.day("2021-06-01"), to: F.day("2021-07-31"))
        #expect(july.withoutRegular.contains { $0.cell == F.lateCell && $0.from == F.day("2021-07-01") })
        #expect(!july.withoutRegular.contains { $0.cell == F.lateCell && $0.from == F.day("2021-06-01") })
        // Outside the scope asked: cell A is not under the grassroots cell C.
        #expect(Self.registry([]).meetingCompliance(of: F.cellC, from: F.day("2022-01-01"), to: F.day("2022-01-31"))
            .withoutRegular.map(\.cell) == [F.cellC])
    }

    @Test func aThematicMeetingEveryQuarter() {
        let meetings = Self.monthly + [Self.meeting("A-T", F.cellA, .thematic, "2022-06-30"), Self.meeting("B-T", F.cellB, .thematic, "2022-07-01")]
        let compliance = Self.registry(meetings).meetingCompliance(of: F.committee, from: F.day("2022-04-01"), to: F.day("2022-09-30"))
        #expect(compliance.withoutThematic == [
            .init(cell: F.cellB, from: F.day("2022-04-01"), to: F.day("2022-06-30")),
            .init(cell: F.cellA, from: F.day("2022-07-01"), to: F.day("2022-09-30")),
        ])
        #expect(compliance.withoutRegular.isEmpty)
    }

    @Test func ninetyMinutesAtLeast() {
        let meetings = [Self.meeting("89", F.cellA, .regular, "2022-05-15", minutes: 89),
                        Self.meeting("90", F.cellB, .regular, "2022-05-15", minutes: 90),
                        Self.meeting("old", F.cellC, .regular, "2017-05-15", minutes: 60)]
        let compliance = Self.registry(meetings).meetingCompliance(of: F.bloc, from: F.day("2017-01-01"), to: F.day("2022-12-31"))
        // NB: before HD 12-2018 the rule's first version stands (RuleBook: a day before the first version reads it).
        #expect(compliance.short.map(\.reference) == ["old", "89"])
    }

    @Test func absentWithoutReasonInThreeMonthsOfAYear() {
        let one = MemberID(1), two = MemberID(2)
        func absent(_ member: MemberID, _ reference: String, _ day: String, _ status: AttendanceStatus = .absentUnexcused) -> Meeting {
            Self.meeting(reference, F.cellA, .regular, day, [Attendance(member: member, status: status)])
        }
        let meetings = [
            absent(one, "1", "2022-01-15"), absent(one, "2", "2022-03-15"), absent(one, "3", "2022-11-15"),
            absent(two, "4", "2022-01-15"), absent(two, "5", "2022-01-20"), absent(two, "6", "2022-02-15"),
            absent(two, "7", "2022-04-15", .absentExcused), absent(two, "8", "2023-01-15"),
        ]
        let compliance = Self.registry(meetings).meetingCompliance(of: F.bloc, from: F.day("2022-01-01"), to: F.day("2023-12-31"))
        #expect(compliance.absentees == [.init(member: one, year: 2022, months: 3)])
        // Inside a shorter period, only its months count.
        #expect(Self.registry(meetings).meetingCompliance(of: F.bloc, from: F.day("2022-02-01"), to: F.day("2022-12-31")).absentees.isEmpty)
    }

    @Test func theStretchesOfAPeriod() {
        let months = MeetingCompliance.stretches(from: F.day("2022-01-20"), to: F.day("2022-03-05")) { _ in 1 }
        #expect(months.map { "\($0.from.iso)…\($0.to.iso)" } == ["2022-01-20…2022-01-31", "2022-02-01…2022-02-28", "2022-03-01…2022-03-05"])
        let quarters = MeetingCompliance.stretches(from: F.day("2022-02-10"), to: F.day("2022-07-01")) { _ in 3 }
        #expect(quarters.map { "\($0.from.iso)…\($0.to.iso)" } == ["2022-02-10…2022-03-31", "2022-04-01…2022-06-30", "2022-07-01…2022-07-01"])
    }
}
