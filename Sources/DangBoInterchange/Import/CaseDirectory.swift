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
    /// Hash of a reference → the last case with that hash; `previous` chains the earlier ones.
    private var slots: [UInt64: Int32] = [:]
    private var previous: [Int32] = []

    var count: Int { headers.count }

    private static func hash(_ reference: String) -> UInt64 {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a
        for byte in reference.utf8 { value = (value ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return value
    }

    private func reference(at index: Int) -> ArraySlice<UInt8> { bytes[starts[index]..<starts[index + 1]] }

    /// The case with this reference, if seen.
    func find(_ reference: String) -> Int? {
        var candidate = slots[Self.hash(reference)] ?? -1
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
        let key = Self.hash(reference)
        previous.append(slots[key] ?? -1)
        slots[key] = Int32(index)
        return index
    }
}
