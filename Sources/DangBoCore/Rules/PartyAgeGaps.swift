/// How time out of the Party counts in party age: by the event that brought the member back.
public struct PartyAgeGaps: Hashable, Sendable {
    /// Returns after which the time out is subtracted (kết nạp lại).
    public var subtractedOn: Set<EventKind>
    /// Returns after which the time out counts as party time (phục hồi after a wrongful expulsion; the dues of the
    /// gap are paid).
    public var countedOn: Set<EventKind>

    public init(subtractedOn: Set<EventKind>, countedOn: Set<EventKind>) {
        self.subtractedOn = subtractedOn
        self.countedOn = countedOn
    }
}
