/// National ID → member, compact enough for the national registry: the 12-digit CCCD is kept as a number, in an
/// open-addressing table (linear probing) of any size, not a power of two: 9.7 million IDs take 12 bytes a slot at
/// 60–85 % load (130–190 MB) where a `Dictionary` took 201 MB at its power-of-two capacity (docs/benchmarks.md, the
/// import's memory). IDs must be normalized first (12 digits).
public struct NationalIDIndex: Sendable {
    /// The national ID plus one (0: an empty slot; "000000000000" is 1).
    private var keys: [UInt64]
    private var members: [UInt32]
    public private(set) var count = 0

    /// The fill above which the table grows, and the fill it grows to.
    private static let maximumLoad = 0.85, grownLoad = 0.6

    public init(minimumCapacity: Int = 0) {
        let capacity = max(16, Int((Double(minimumCapacity) / Self.maximumLoad).rounded(.up)) + 1)
        keys = Array(repeating: 0, count: capacity)
        members = Array(repeating: 0, count: capacity)
    }

    public subscript(nationalID: String) -> MemberID? {
        guard let number = UInt64(nationalID) else { return nil }
        let key = number &+ 1
        var slot = Self.home(of: key, in: keys.count)
        while true {
            let stored = keys[slot]
            if stored == key { return MemberID(Int(members[slot])) }
            if stored == 0 { return nil }
            slot += 1
            if slot == keys.count { slot = 0 }
        }
    }

    /// Adds or replaces the member of `nationalID` (12 digits).
    public mutating func insert(_ nationalID: String, _ member: MemberID) {
        guard let number = UInt64(nationalID) else { preconditionFailure("a national ID is 12 digits") }
        precondition(member.rawValue >= 0 && member.rawValue <= Int(UInt32.max), "member ids fit in 32 bits")
        if Double(count + 1) > Double(keys.count) * Self.maximumLoad { grow() }
        if place(number &+ 1, UInt32(member.rawValue)) { count += 1 }
    }

    /// Puts `key` in its slot; true when it was not there.
    private mutating func place(_ key: UInt64, _ member: UInt32) -> Bool {
        var slot = Self.home(of: key, in: keys.count)
        while true {
            let stored = keys[slot]
            if stored == key { members[slot] = member; return false }
            if stored == 0 {
                keys[slot] = key
                members[slot] = member
                return true
            }
            slot += 1
            if slot == keys.count { slot = 0 }
        }
    }

    private mutating func grow() {
        let capacity = max(keys.count + 1, Int((Double(count + 1) / Self.grownLoad).rounded(.up)))
        let oldKeys = keys, oldMembers = members
        // NB: the old arrays are released by the assignments below (only the copies above hold them), so that at most
        // the old table and the new one live together.
        keys = Array(repeating: 0, count: capacity)
        members = Array(repeating: 0, count: capacity)
        for slot in oldKeys.indices where oldKeys[slot] != 0 { _ = place(oldKeys[slot], oldMembers[slot]) }
    }

    /// The first slot a key is looked for in: a multiplicative hash (national IDs share long prefixes) mapped onto the
    /// table's size by the high half of a 64×64-bit product.
    private static func home(of key: UInt64, in capacity: Int) -> Int {
        let hash = (key &* 0x9E37_79B9_7F4A_7C15) ^ (key >> 29)
        let mixed = hash &* 0xBF58_476D_1CE4_E5B9
        return Int(mixed.multipliedFullWidth(by: UInt64(capacity)).high)
    }
}
