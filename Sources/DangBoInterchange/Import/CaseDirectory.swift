import DangBoCore

/// The oversight cases an import has seen, kept compactly so that the national file (millions of cases) streams:
/// each reference once in a byte arena, and what its other rows must repeat (activity, mode, conductor, start day).
///
/// Rows of one case usually follow each other; when a case's rows are split across the file, the later rows are
/// checked against what the first one said and added to it.
struct CaseDirectory {
    struct Header: Equatable {
        var activity: OversightActivity
        var mode: OversightMode
        var conductor: ConductorKind
        var conductorOrganization: Int32
        var started: Int32
        /// The line of the case's first row, for messages.
        var line: Int32
    }

    private var bytes: [UInt8] = []
    private var starts: [Int] = [0]
    private(set) var headers: [Header] = []
    /// A bucket (the hash's low bits) → the last case in it, -1 when none; `previous` chains the earlier ones. NB: a
    /// plain array of a power-of-two size, about one bucket a case: 4 bytes each where a `[UInt64: Int32]` took 12 at
    /// twice the size (the national file's 3.9 million cases: 17 MB instead of 100).
    private var buckets: [Int32] = Array(repeating: -1, count: 1024)
    private var previous: [Int32] = []

    var count: Int { headers.count }

    private static func hash(_ reference: some Sequence<UInt8>) -> UInt64 {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a
        for byte in reference { value = (value ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return value
    }

    private func reference(at index: Int) -> ArraySlice<UInt8> { bytes[starts[index]..<starts[index + 1]] }

    /// The case with this reference, if seen.
    func find(_ reference: String) -> Int? {
        var candidate = buckets[bucket(of: Self.hash(reference.utf8))]
        while candidate >= 0 {
            if self.reference(at: Int(candidate)).elementsEqual(reference.utf8) { return Int(candidate) }
            candidate = previous[Int(candidate)]
        }
        return nil
    }

    /// Adds a case not seen before and returns its index.
    mutating func add(_ reference: String, _ header: Header) -> Int {
        let index = headers.count
        bytes.append(contentsOf: reference.utf8)
        starts.append(bytes.count)
        headers.append(header)
        precondition(index < Int(Int32.max), "case indexes fit in 32 bits")
        if index >= buckets.count { rehash(buckets: buckets.count * 2) }
        let chain = bucket(of: Self.hash(reference.utf8))
        previous.append(buckets[chain])
        buckets[chain] = Int32(index)
        return index
    }

    private func bucket(of hash: UInt64) -> Int { Int(truncatingIfNeeded: hash) & (buckets.count - 1) }

    /// Chains every case again into `count` buckets (a power of two).
    private mutating func rehash(buckets count: Int) {
        buckets = []
        buckets = Array(repeating: -1, count: count)
        // NB: the cases chained so far (`add` grows before chaining the one it adds).
        for index in previous.indices {
            let chain = bucket(of: Self.hash(reference(at: index)))
            previous[index] = buckets[chain]
            buckets[chain] = Int32(index)
        }
    }
}
