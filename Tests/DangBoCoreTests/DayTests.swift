import Foundation
import Testing
@testable import DangBoCore

@Suite struct DayTests {
    /// A quarter's first and last days, with the days either side of each bound (a leap February inside).
    @Test(arguments: [("2024-03-30", "2024-01-01", false), ("2024-03-31", "2024-01-01", true), ("2024-04-01", "2024-04-01", false),
                      ("2024-02-29", "2024-01-01", false), ("2025-06-30", "2025-04-01", true), ("2025-07-01", "2025-07-01", false),
                      ("2025-09-30", "2025-07-01", true), ("2025-12-30", "2025-10-01", false), ("2025-12-31", "2025-10-01", true),
                      ("2026-01-01", "2026-01-01", false), ("2026-11-30", "2026-10-01", false)])
    func quarters(day: String, start: String, last: Bool) {
        #expect(Day(iso: day)!.quarterStart == Day(iso: start)!)
        #expect(Day(iso: day)!.isQuarterEnd == last)
    }

    @Test(arguments: [("1970-01-01", 0), ("2021-03-30", 18_716), ("1969-12-31", -1), ("2000-02-29", 11_016)])
    func ordinals(iso: String, ordinal: Int) {
        #expect(Day(iso: iso)!.ordinal == ordinal)
        #expect(Day(ordinal: ordinal).iso == iso)
    }

    @Test(arguments: ["2021-02-29", "2021-13-01", "2021-00-10", "21-03-30", "2021-3-30", "abc", "", "2021-03-3x", "2021+03-30",
                      "2021-03-300", "202-103-30", "２０２１-03-30", "2021-03-30 ", "-021-03-30"])
    func invalidISO(text: String) { #expect(Day(iso: text) == nil) }

    @Test(arguments: [("30/3/2021", "2021-03-30"), ("01/02/2021", "2021-02-01"), ("2021-03-30", "2021-03-30"),
                      ("2021-3-5", "2021-03-05")])
    func parsing(text: String, iso: String) { #expect(Day(parsing: text)?.iso == iso) }

    @Test(arguments: [("31/2/2021"), ("30-3-2021"), ("3/30/2021"), ("2021-2-30"), ("2021-003-01"), (" 2021-03-30")])
    func invalidVietnamese(text: String) { #expect(Day(parsing: text) == nil) }

    @Test(arguments: [("2020-01-31", 1, "2020-02-29"), ("2021-01-31", 1, "2021-02-28"), ("2020-02-29", 12, "2021-02-28"),
                      ("2021-03-15", 12, "2022-03-15"), ("2021-12-15", 1, "2022-01-15"), ("2021-01-15", -1, "2020-12-15")])
    func addingMonths(start: String, months: Int, expected: String) {
        #expect(Day(iso: start)!.adding(months: months).iso == expected)
    }

    @Test(arguments: [("2000-05-15", "2018-05-14", 215), ("2000-05-15", "2018-05-15", 216), ("2000-05-15", "2018-05-16", 216),
                      ("2000-01-31", "2000-02-29", 1), ("2000-01-31", "2000-02-28", 0)])
    func completedMonths(birth: String, on: String, months: Int) {
        #expect(Day(iso: birth)!.completedMonths(until: Day(iso: on)!) == months)
    }

    /// 31/12/9999 is the store's "no end": no real day may reach it (the day before it, and the years around it).
    @Test(arguments: [(9998, 12, 31, true), (9999, 1, 1, false), (9999, 12, 31, false), (1, 1, 1, true), (0, 12, 31, false)])
    func yearsStopBeforeTheOpenEnd(year: Int, month: Int, day: Int, valid: Bool) {
        #expect((Day(year: year, month: month, day: day) != nil) == valid)
        #expect((Day(yyyymmdd: year * 10_000 + month * 100 + day) != nil) == valid)
        #expect((Day(iso: String(format: "%04d-%02d-%02d", year, month, day)) != nil) == valid)
    }

    @Test func yyyymmddRoundTrip() {
        #expect(Day(iso: "2021-03-30")!.yyyymmdd == 20_210_330)
        #expect(Day(yyyymmdd: 20_210_330)!.iso == "2021-03-30")
        #expect(Day(yyyymmdd: 20_210_230) == nil)
    }

    @Test func weekday() {
        #expect(Day(iso: "2021-03-30")!.isoWeekday == 2)  // a Tuesday
        #expect(Day(iso: "1970-01-01")!.isoWeekday == 4)
    }

    @Test func inclusivePeriodIsHalfOpenRange() {
        let range = DayRange(from: Day(iso: "2021-01-01")!, through: Day(iso: "2021-03-31")!)
        #expect(range.contains(Day(iso: "2021-01-01")!))
        #expect(range.contains(Day(iso: "2021-03-31")!))
        #expect(!range.contains(Day(iso: "2021-04-01")!))
        #expect(!range.contains(Day(iso: "2020-12-31")!))
    }
}

@Suite struct VietnameseFormatTests {
    @Test(arguments: [(4046, "4.046"), (0, "0"), (999, "999"), (1000, "1.000"), (5_600_000, "5.600.000"), (-1234, "-1.234")])
    func numbers(value: Int, text: String) { #expect(VietnameseFormat.number(value) == text) }

    @Test func days() {
        #expect(VietnameseFormat.day(Day(iso: "2021-03-30")!) == "30/3/2021")
        #expect(VietnameseFormat.longDay(Day(iso: "2021-03-30")!) == "ngày 30 tháng 3 năm 2021")
    }

    @Test func percent() {
        #expect(VietnameseFormat.percent(1, of: 8) == "12,5%")
        #expect(VietnameseFormat.percent(1, of: 2) == "50%")
    }

    @Test(arguments: [("2021-01-01", "2021-03-31", "quý I/2021"), ("2021-04-01", "2021-06-30", "quý II/2021"),
                      ("2021-01-01", "2021-06-30", "6 tháng đầu năm 2021"), ("2021-01-01", "2021-12-31", "năm 2021"),
                      ("2021-01-05", "2021-02-15", "từ 5/1/2021 đến 15/2/2021")])
    func periods(from: String, to: String, text: String) {
        #expect(VietnameseFormat.period(from: Day(iso: from)!, to: Day(iso: to)!) == text)
    }
}
