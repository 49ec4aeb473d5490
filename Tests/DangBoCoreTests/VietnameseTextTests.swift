import Foundation
import Testing
@testable import DangBoCore

/// RULES.md §10: name parts, normal form, search folding and the Vietnamese sort order.
@Suite struct VietnameseTextTests {
    // MARK: normalized

    @Test(arguments: [
        ("  Nguyễn   Văn\tAn \n", "Nguyễn Văn An"),
        ("Lê\u{00A0}\u{00A0}Thị Thu Hà", "Lê Thị Thu Hà"),  // no-break spaces from spreadsheet exports
        ("Nguye\u{0302}\u{0303}n Va\u{0306}n", "Nguyễn Văn"),  // NFD in, NFC out
        ("Hoa\u{0300}", "Hoà"),
        ("Đặng", "Đặng"),
        ("", ""),
        (" \t\n ", ""),
        // Plain ASCII takes a shortcut only when it is already normal.
        ("VD.01", "VD.01"), (" VD.01", "VD.01"), ("VD.01 ", "VD.01"), ("Nguyen  Van", "Nguyen Van"), ("a\tb", "a b"),
        (" ", ""), ("a\u{7F}b", "a\u{7F}b"),
    ])
    func normalized(input: String, expected: String) {
        // NB: Swift `==` on String treats NFD and NFC as equal; the scalars show which form was produced.
        #expect(Array(VietnameseText.normalized(input).unicodeScalars) == Array(expected.unicodeScalars))
    }

    // MARK: folded

    @Test(arguments: [
        ("Nguyễn Trường Giang", "nguyen truong giang"),
        ("ĐẶNG", "dang"),
        ("Đỗ Thị Điểm", "do thi diem"),
        ("ăâêôơư ĂÂÊÔƠƯ", "aaeoou aaeoou"),
        ("à ả ã á ạ", "a a a a a"),
        ("  Lê-Thị   Thu,  Hà. ", "le thi thu ha"),
        ("ngày_sinh", "ngay sinh"),
        ("Chi bộ 12", "chi bo 12"),
        ("ÐẶNG", "dang"),  // Icelandic Eth typed for Đ in legacy data
        ("Çé Ñ", "ce n"),
        ("Müller", "muller"),
        ("王", "王"),
        ("Ελένη Nguyễn", "ελενη nguyen"),
        ("Nguyễn Văn – An", "nguyen van an"),  // en dash: not Latin, so the whole text takes Foundation's path
        ("", ""),
        ("?!", ""),
    ])
    func folded(input: String, expected: String) {
        #expect(VietnameseText.folded(input) == expected)
    }

    @Test(arguments: ["Nguyễn Trường Giang", "ĐẶNG THỊ HẰNG", "Phạm Ngọc Thạch", "Lưu Hữu Phước", "Hoàng Thị Ánh Tuyết"])
    func decomposedInputFoldsAndSortsLikeComposed(name: String) {
        let decomposed = name.decomposedStringWithCanonicalMapping
        let composed = name.precomposedStringWithCanonicalMapping
        #expect(Array(decomposed.unicodeScalars) != Array(composed.unicodeScalars))
        #expect(VietnameseText.folded(decomposed) == VietnameseText.folded(composed))
        #expect(VietnameseText.sortKey(decomposed) == VietnameseText.sortKey(composed))
        #expect(Array(VietnameseText.normalized(decomposed).unicodeScalars) == Array(composed.unicodeScalars))
    }

    // MARK: sortKey

    /// Each chain is in strictly increasing Vietnamese order.
    @Test(arguments: [
        ["ba", "bà", "bả", "bã", "bá", "bạ"],  // tones: level, huyền, hỏi, ngã, sắc, nặng
        ["a", "à", "ả", "ã", "á", "ạ", "ă", "ằ", "ẳ", "ẵ", "ắ", "ặ", "â", "ầ", "ẩ", "ẫ", "ấ", "ậ", "b"],
        ["a", "ă", "â", "b"],
        ["d", "đ", "e", "ê", "f"],
        ["dạ", "đa"],  // letters before tones
        ["o", "ô", "ơ", "p"],
        ["u", "ư", "v"],
        ["ang", "anh"],
        ["áng", "anh"],  // letters of the whole syllable before its tone
        ["ạng", "ành"],
        ["ác", "ách"],
        ["cha", "chan"],
        ["chà", "chan"],
        ["ba tê", "bà an"],  // syllable by syllable: the first syllable's tone decides before the second is read
        ["Văn", "Văn An"],  // a text that is a prefix of another sorts first
        ["an", "An", "AN", "an bình", "anh"],  // case only breaks ties
        ["anh", "Anh", "ANH", "ánh", "Ánh"],  // tone before case
        ["Tổ 9", "Tổ A"],  // digits before letters
        ["2", "a"],
        ["Chi bộ 2", "Chi bộ 10", "Chi bộ 12", "Chi bộ 100"],  // numbers by value
        ["z", "ø", "王"],  // letters outside the alphabet after z
        ["", "a"],
    ])
    func ordered(chain: [String]) {
        for (lower, higher) in zip(chain, chain.dropFirst()) {
            #expect(VietnameseText.sortKey(lower) < VietnameseText.sortKey(higher), "\(lower) < \(higher)")
        }
    }

    /// Spellings that are one text as far as order goes.
    @Test(arguments: [
        ("Hoà", "Hòa"),  // old and new tone placement
        ("Thuỷ", "Thủy"),
        ("Khoẻ", "Khỏe"),
        ("Nguyễn  Văn", " Nguyễn Văn "),
        ("Lê-Thị", "Lê Thị"),
        ("Nguye\u{0302}\u{0303}n", "Nguyễn"),
        ("a\u{0323}\u{0302}", "a\u{0302}\u{0323}"),  // ậ with its marks in either order
        ("Tổ 01", "Tổ 1"),  // leading zeros do not count
        ("Peña", "Pena"),  // a tilde on a consonant is not a tone
        ("Nguyễn – Văn", "Nguyễn Văn"),
        ("a\u{0341}", "á"),  // the deprecated Vietnamese tone marks decompose to the common ones
    ])
    func sameKey(first: String, second: String) {
        #expect(VietnameseText.sortKey(first) == VietnameseText.sortKey(second))
    }

    /// Latin text skips Foundation's whole-string normalization (it is the slow part); the result must not change.
    @Test(arguments: [UInt32(0x0080)..<0x0300, 0x1E00..<0x1F00])
    func latinFastPathAgreesWithFoundation(values: Range<UInt32>) {
        for value in values {
            guard let scalar = Unicode.Scalar(value), !scalar.properties.isWhitespace else { continue }
            let text = "Nguy" + String(scalar) + "n"
            let decomposed = text.decomposedStringWithCanonicalMapping
            #expect(Array(VietnameseText.normalized(text).unicodeScalars)
                == Array(text.precomposedStringWithCanonicalMapping.unicodeScalars))
            #expect(VietnameseText.sortKey(text) == VietnameseText.sortKey(decomposed), "U+\(String(value, radix: 16))")
            #expect(VietnameseText.folded(text) == VietnameseText.folded(decomposed), "U+\(String(value, radix: 16))")
        }
    }

    @Test(arguments: ["", " ", "Nguyễn Văn An", "NGUYỄN VĂN AN", "ĐẶNG", "ÐẶNG", "đ ă â ê ô ơ ư", "Chi bộ 007",
                      "123456789012345678901234567890", "Müller-Çelik", "王小明", "Ελένη", "😀", "a\u{0301}\u{0301}",
                      "\u{0301}a", "Tab\tNew\nLine", "\"quoted\" \\ `tick`"])
    func keysArePrintableASCII(text: String) {
        let keys = [VietnameseText.sortKey(text), VietnameseText.nameSortKey(family: text, middle: text, given: text)]
        for key in keys {
            #expect(key.utf8.allSatisfy { (0x20...0x7E).contains($0) }, "\(key)")
        }
    }

    // MARK: nameSortKey

    /// Real-looking names in list order: given name, then middle name(s), then family name.
    static let namesInOrder = [
        "Lê Văn An",
        "Nguyễn Văn An",
        "Hoàng Văn Anh",
        "Bùi Thị Ánh",
        "Trần Thị Bình",
        "Lý Thị Dung",
        "Vũ Đức Dũng",
        "Phan Văn Dũng",
        "Trần Đình Đức",
        "Nguyễn Trường Giang",
        "Đỗ Hà",  // no middle name sorts before any middle name
        "Đặng Thị Hà",
        "Vũ Thị Hà",  // "Thị" is compared in full before "Thị Thu": concatenated text would put "thu" before "vu"
        "Lê Thị Thu Hà",
        "Phạm Thị Hạnh",
        "Ngô Thị Hằng",
    ]

    static func nameKey(_ fullName: String) -> String {
        let parts = VietnameseText.splitFullName(fullName)
        return VietnameseText.nameSortKey(family: parts.family, middle: parts.middle, given: parts.given)
    }

    @Test func namesSortByGivenThenMiddleThenFamily() {
        let expected = Self.namesInOrder
        let scrambled = expected.enumerated().sorted { ($0.offset * 7) % 16 < ($1.offset * 7) % 16 }.map(\.element)
        for input in [expected.reversed(), scrambled] {
            #expect(input.sorted { Self.nameKey($0) < Self.nameKey($1) } == expected)
        }
        // SQLite and PostgreSQL COLLATE "C" compare bytes.
        let byBytes = expected.reversed().sorted { Self.nameKey($0).utf8.lexicographicallyPrecedes(Self.nameKey($1).utf8) }
        #expect(byBytes == expected)
        #expect(Set(expected.map(Self.nameKey)).count == expected.count)
    }

    @Test func partsAreComparedInFull() {
        let key = VietnameseText.nameSortKey
        #expect(key("Lê", "Văn", "An") < key("Nguyễn", "Văn", "An"))
        #expect(key("Nguyễn", "Văn", "An") < key("Trần", "Thị", "Bình"))
        #expect(key("Vũ", "Thị", "Hà") < key("Lê", "Thị Thu", "Hà"))
        #expect(key("Trần", "", "Anh") > key("Nguyễn", "Văn Hoàng", "An"))
        #expect(key("", "", "An") < key("Lê", "", "An"))
        #expect(key("Lê", "Văn", "Anh") < key("Nguyễn", "", "Anh Thư"))  // a given name of two words, too
        // Case comes after every part: an upper-case given name does not outweigh an earlier family name.
        #expect(key("Lê", "Văn", "AN") < key("nguyễn", "văn", "an"))
        #expect(key("Nguyễn", "Văn", "An") < key("NGUYỄN", "VĂN", "AN"))
    }

    /// Exports write names in capitals (RULES §10); they fold and sort with their mixed-case equals.
    @Test(arguments: [
        ("Nguyễn Văn An", "NGUYỄN VĂN AN"),
        ("Đặng Thị Hà", "ĐẶNG THỊ HÀ"),
        ("Lê Thị Thu Hà", "LÊ THỊ THU HÀ"),
        ("Vũ Đức Dũng", "VŨ ĐỨC DŨNG"),
        ("Ngô Thị Hằng", "NGÔ THỊ HẰNG"),
    ])
    func upperCaseNames(mixed: String, upper: String) {
        #expect(VietnameseText.folded(upper) == VietnameseText.folded(mixed))
        let sorted = (Self.namesInOrder + [upper]).sorted { Self.nameKey($0) < Self.nameKey($1) }
        let index = sorted.firstIndex(of: upper)!
        #expect(index > 0 && sorted[index - 1] == mixed, "capitals sort right after the mixed-case name")
        #expect(VietnameseText.sortKey(mixed) < VietnameseText.sortKey(upper))
    }

    // MARK: name parts

    @Test(arguments: [
        ("Nguyễn Trường Giang", "Nguyễn", "Trường", "Giang"),
        ("Lê Thị Thu Hà", "Lê", "Thị Thu", "Hà"),
        ("Tôn Nữ Thị Ninh", "Tôn", "Nữ Thị", "Ninh"),
        ("Đỗ Hà", "Đỗ", "", "Hà"),
        ("Hà", "", "", "Hà"),
        ("  Nguyễn   Văn \t An ", "Nguyễn", "Văn", "An"),
        ("", "", "", ""),
        ("   ", "", "", ""),
    ])
    func splitFullName(fullName: String, family: String, middle: String, given: String) {
        let parts = VietnameseText.splitFullName(fullName)
        #expect(parts.family == family)
        #expect(parts.middle == middle)
        #expect(parts.given == given)
        #expect(VietnameseText.fullName(family: parts.family, middle: parts.middle, given: parts.given)
            == VietnameseText.normalized(fullName))
    }

    @Test func splitFullNameGivesComposedParts() {
        let parts = VietnameseText.splitFullName("Nguye\u{0302}\u{0303}n Va\u{0306}n An")
        #expect(Array(parts.family.unicodeScalars) == Array("Nguyễn".precomposedStringWithCanonicalMapping.unicodeScalars))
        #expect(parts.family.unicodeScalars.count == 6)
    }

    @Test(arguments: [
        ("Nguyễn", "Trường", "Giang", "Nguyễn Trường Giang"),
        ("Lê", "Thị Thu", "Hà", "Lê Thị Thu Hà"),
        ("Đỗ", "", "Hà", "Đỗ Hà"),
        ("", "", "Hà", "Hà"),
        (" Lê ", "Thị  Thu", "Hà ", "Lê Thị Thu Hà"),
        ("", " ", "", ""),
    ])
    func fullName(family: String, middle: String, given: String, expected: String) {
        #expect(VietnameseText.fullName(family: family, middle: middle, given: given) == expected)
    }
}
