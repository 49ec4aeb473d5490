/// National ID → member, compact enough for the national registry (5.6 million members in about 100 MB): the
/// 12-digit CCCD is kept as a number. IDs must be normalized first (12 digits).
public struct NationalIDIndex: Sendable {
    private var ids: [UInt64: UInt32]

    public init(minimumCapacity: Int = 0) { ids = Dictionary(minimumCapacity: minimumCapacity) }

    public var count: Int { ids.count }

    public subscript(nationalID: String) -> MemberID? {
        guard let key = UInt64(nationalID), let id = ids[key] else { return nil }
        return MemberID(Int(id))
    }

    /// Adds or replaces the member of `nationalID` (12 digits).
    public mutating func insert(_ nationalID: String, _ member: MemberID) {
        guard let key = UInt64(nationalID) else { preconditionFailure("a national ID is 12 digits") }
        precondition(member.rawValue >= 0 && member.rawValue <= Int(UInt32.max), "member ids fit in 32 bits")
        ids[key] = UInt32(member.rawValue)
    }
}
