import DangBoCore
import DangBoSynthetic
import Testing
@testable import DangBoInterchange

/// The import's compact directories: the national-ID index (an open-addressing table) and the oversight cases' directory
/// (chained buckets) must answer as a dictionary would, through every growth, for keys that share long prefixes (a
/// province's IDs, a year's case references), replaced entries and absent keys.
@Suite struct ImportDirectoryTests {
    /// A 12-digit ID from a number.
    static func id(_ number: UInt64) -> String {
        let digits = String(number)
        return String(repeating: "0", count: 12 - digits.count) + digits
    }

    @Test func answersAsADictionaryThroughEveryGrowth() {
        var index = NationalIDIndex()
        var expected: [String: MemberID] = [:]
        var generator = SeededGenerator(seed: 12)
        // NB: a province's IDs (one 6-digit prefix, consecutive numbers), scattered ones, and the smallest and largest.
        var ids = (0..<30_000).map { Self.id(001_090_000_000 + UInt64($0)) }
        ids += (0..<30_000).map { _ in Self.id(generator.next() % 1_000_000_000_000) }
        ids += [Self.id(0), Self.id(999_999_999_999)]
        for (position, id) in ids.enumerated() {
            index.insert(id, MemberID(position + 1))
            expected[id] = MemberID(position + 1)
            if position % 7_919 == 0 {
                for (known, member) in expected { #expect(index[known] == member) }
            }
        }
        #expect(index.count == expected.count)
        for (id, member) in expected { #expect(index[id] == member) }
        // Replacing keeps the count and answers the new member.
        index.insert(Self.id(0), MemberID(4_000_000_000))
        #expect(index[Self.id(0)] == MemberID(4_000_000_000))
        #expect(index.count == expected.count)
        // Absent IDs, near present ones and far from them, and what is not a number.
        for number: UInt64 in [001_090_030_000, 001_089_999_999, 500_000_000_001] where expected[Self.id(number)] == nil {
            #expect(index[Self.id(number)] == nil)
        }
        #expect(index["abc"] == nil)
        #expect(index[""] == nil)
    }

    @Test func aReservedIndexAnswersTheSame() {
        var index = NationalIDIndex(minimumCapacity: 1_000)
        for number in 0..<1_000 { index.insert(Self.id(UInt64(number) * 1_000), MemberID(number)) }
        #expect(index.count == 1_000)
        #expect((0..<1_000).allSatisfy { index[Self.id(UInt64($0) * 1_000)] == MemberID($0) })
        #expect(index[Self.id(1)] == nil)
    }

    @Test func theCaseDirectoryFindsEveryCaseThroughEveryGrowth() {
        var directory = CaseDirectory()
        var generator = SeededGenerator(seed: 7)
        var references = (0..<5_000).map { "KT-2025-\($0)" }
        references += (0..<5_000).map { _ in "GS/\(generator.next() % 1_000_000_000)" }
        references = Array(Set(references)).sorted()
        for (position, reference) in references.enumerated() {
            #expect(directory.find(reference) == nil)
            let header = CaseDirectory.Header(activity: .inspection, mode: .regular, conductor: .committee,
                                              conductorOrganization: Int32(position % 97), started: Int32(position), line: Int32(position + 2))
            #expect(directory.add(reference, header) == position)
            if position % 1_023 == 0 {
                for (earlier, known) in references[...position].enumerated() { #expect(directory.find(known) == earlier) }
            }
        }
        #expect(directory.count == references.count)
        for (position, reference) in references.enumerated() {
            #expect(directory.find(reference) == position)
            #expect(directory.headers[position].line == Int32(position + 2))
        }
        for absent in ["", "KT-2025-5000", "KT-2025-", "kt-2025-1"] { #expect(directory.find(absent) == nil) }
    }
}
