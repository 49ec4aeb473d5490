import DangBoCore

/// A stretch of days one member spends in one cell: what committee seats and oversight subjects are drawn from.
struct Stay: Sendable {
    /// The member's index (`id - 1`).
    var member: Int32
    /// The cell's index in the tree blueprint.
    var cell: Int32
    var start: Int32
    /// Exclusive; `Int32.max` while open at the end of the history.
    var end: Int32
    /// The first day the member stands as official in this stay, `Int32.max` if never.
    var officialFrom: Int32

    func contains(_ day: Day) -> Bool { Int(start) <= day.ordinal && day.ordinal < Int(end) }
    func isOfficial(on day: Day) -> Bool { contains(day) && Int(officialFrom) <= day.ordinal }
}
