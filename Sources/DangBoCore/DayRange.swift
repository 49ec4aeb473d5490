/// A half-open range of days `[start, end)`; `end == nil` is open-ended (DESIGN §3 "Time").
public struct DayRange: Hashable, Sendable, Codable, CustomStringConvertible {
    public var start: Day
    public var end: Day?

    public init(start: Day, end: Day?) {
        precondition(end.map { $0 >= start } ?? true, "a range ends on or after its start")
        self.start = start
        self.end = end
    }

    /// The inclusive period `from…to` of the interface, as the half-open range `[from, to + 1)`.
    public init(from: Day, through to: Day) {
        self.init(start: from, end: to.next)
    }

    public func contains(_ day: Day) -> Bool { day >= start && (end.map { day < $0 } ?? true) }

    /// The last day inside the range, nil when open-ended.
    public var lastDay: Day? { end?.previous }

    public var isEmpty: Bool { end == start }

    public func overlaps(_ other: DayRange) -> Bool {
        (end.map { other.start < $0 } ?? true) && (other.end.map { start < $0 } ?? true)
    }

    public var description: String { "[\(start.iso), \(end?.iso ?? "…"))" }
}
