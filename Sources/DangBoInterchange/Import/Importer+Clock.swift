import DangBoCore
import Foundation

extension Importer.Context {
    /// Today in Asia/Ho_Chi_Minh (DESIGN §3 "Time"), for a context whose caller does not pass the day: the clock is
    /// read here only, at the edge, and the importer sees a plain `Day`.
    public static func today(at now: Date = Date()) -> Day {
        var calendar = Calendar(identifier: .gregorian)
        // NB: the zone is in every tz database Foundation ships; UTC+7 without daylight saving is the same rule.
        calendar.timeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh") ?? TimeZone(secondsFromGMT: 7 * 3600)!
        let parts = calendar.dateComponents([.year, .month, .day], from: now)
        return Day(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}
