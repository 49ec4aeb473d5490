import Foundation

/// Vietnamese text as the registry stores, searches and sorts it (RULES.md §10): one normal form, a search folding
/// key, an explicit sort key in Vietnamese dictionary order, and the parts of a person's name.
///
/// NB: The order is computed here, not by locale comparison: `String.compare(_:options:range:locale:)` had no
/// locale-aware implementation outside Darwin, and the same key must order rows identically in Swift, SQLite and
/// PostgreSQL, which only compare bytes.
public enum VietnameseText {
    /// NFC (precomposed) form, leading/trailing whitespace trimmed, runs of whitespace collapsed to one space.
    ///
    /// Every Unicode white space counts, so the no-break spaces and tabs of spreadsheet exports become plain spaces.
    public static func normalized(_ text: String) -> String {
        // NB: most cells of an import are plain ASCII already in normal form (codes, days, numbers); they go through
        // untouched, which halves the cost of reading a national file.
        if isPlainASCII(text) { return text }
        let composed = isComposedLatin(text) ? text : text.precomposedStringWithCanonicalMapping
        var result: [UInt8] = []
        result.reserveCapacity(composed.utf8.count)
        var pendingSpace = false
        for scalar in composed.unicodeScalars {
            if isWhitespace(scalar) {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace {
                result.append(UInt8(ascii: " "))
                pendingSpace = false
            }
            appendUTF8(scalar, to: &result)
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// ASCII printable, no leading, trailing or doubled space: already normalized.
    private static func isPlainASCII(_ text: String) -> Bool {
        var previous = UInt8(ascii: " ")
        for byte in text.utf8 {
            guard byte > 0x20 && byte < 0x7F || byte == 0x20 && previous != 0x20 else { return false }
            previous = byte
        }
        return previous != 0x20 || text.utf8.isEmpty
    }

    /// Search folding key: normalized, tones and vowel marks removed (ă â → a, ê → e, ô ơ → o, ư → u, all five tones),
    /// đ/Đ → d, lowercased; only ASCII letters, digits and single spaces remain for Vietnamese input
    /// (other characters: their base letter after stripping combining marks, lowercased; punctuation → space, collapsed).
    /// "Nguyễn Trường Giang" → "nguyen truong giang"; "ĐẶNG" → "dang". Works for NFD input too.
    public static func folded(_ text: String) -> String {
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        scan(text) { unit in
            if case .boundary = unit {
                pendingSpace = !result.isEmpty
                return
            }
            if pendingSpace {
                result.append(UInt8(ascii: " "))
                pendingSpace = false
            }
            switch unit {
            case .boundary: break
            case .letter(let rank, _, _): result.append(Alphabet.folded[Int(rank)])
            case .digit(let value): result.append(UInt8(ascii: "0") + value)
            case .other(let lowered, _): appendUTF8(lowered, to: &result)
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// Sort key of one text in Vietnamese order (RULES §10): syllable by syllable, left to right; within a syllable the
    /// letters of the whole syllable first in the order a ă â b c d đ e ê f g h i j k l m n o ô ơ p q r s t u ư v w x y z,
    /// then the tone as a tie-break: level < grave(huyền) < hook(hỏi) < tilde(ngã) < acute(sắc) < dot below(nặng).
    /// A shorter syllable that is a prefix sorts first (cha < chan); a text that is a prefix of another sorts first.
    /// Case is ignored in the main key (lower before upper only as a final tie-break appended at the end of the key).
    /// The key is a String made only of printable ASCII so that plain byte comparison (SQLite default, PostgreSQL COLLATE "C",
    /// Swift `<` on the strings) gives the Vietnamese order. Must not use Foundation locale comparison.
    ///
    /// Syllables are the runs of letters and digits; every other character only separates them, so "Lê-Thị" and
    /// "Lê  Thị" have the same key. Digits sort before letters, and a run of digits sorts by its numeric value
    /// ("Chi bộ 2" < "Chi bộ 10"; leading zeros are ignored). Letters outside the Vietnamese alphabet sort after z,
    /// by code point.
    public static func sortKey(_ text: String) -> String {
        var key = KeyWriter(capacity: text.utf8.count + 8)
        key.write(text)
        return key.finish()
    }

    /// Sort key of a person's name: given name, then middle name(s), then family name (RULES §10), each compared in full
    /// (by sortKey order) before the next part is looked at, so that "Lê Văn An" < "Nguyễn Văn An" < "Trần Thị Bình".
    /// Case tie-breaks of all parts come after all three parts.
    public static func nameSortKey(family: String, middle: String, given: String) -> String {
        var key = KeyWriter(capacity: family.utf8.count + middle.utf8.count + given.utf8.count + 16)
        key.write(given)
        key.separatePart()
        key.write(middle)
        key.separatePart()
        key.write(family)
        return key.finish()
    }

    /// Splits a full name as written into family name (first word), middle name (the words between) and given name (last word).
    /// "Nguyễn Trường Giang" → ("Nguyễn", "Trường", "Giang"); "Lê Thị Thu Hà" → ("Lê", "Thị Thu", "Hà"); one word → ("", "", word).
    ///
    /// The parts are `normalized`. Only for input that has no parts yet (an import's single name column): stored names
    /// keep the parts as recorded, since a compound family name ("Tôn Nữ") cannot be told from a middle name here.
    public static func splitFullName(_ fullName: String) -> (family: String, middle: String, given: String) {
        let words = normalized(fullName).split(separator: " ")
        guard let given = words.last else { return ("", "", "") }
        guard words.count > 1 else { return ("", "", String(given)) }
        return (String(words[0]), words.dropFirst().dropLast().joined(separator: " "), String(given))
    }

    /// Full name from its parts, single-spaced, empty parts skipped.
    ///
    /// The result is `normalized`, so stray spaces inside a part never reach a list or a document.
    public static func fullName(family: String, middle: String, given: String) -> String {
        normalized(family + " " + middle + " " + given)
    }
}

// MARK: - Scanning

extension VietnameseText {
    /// One character of a text after decomposition, its combining marks already applied.
    fileprivate enum Unit {
        /// A letter of the Vietnamese alphabet by its rank in `Alphabet`, with the tone it carries.
        case letter(rank: UInt8, tone: Tone, uppercase: Bool)
        /// A decimal digit 0…9.
        case digit(UInt8)
        /// Any other letter or number, lowercased, its marks dropped.
        case other(Unicode.Scalar, uppercase: Bool)
        /// Whitespace, punctuation or a symbol: it only ends a syllable.
        case boundary
    }

    /// The five tone marks in the order of RULES §10; the raw value is the rank.
    fileprivate enum Tone: UInt8 {
        case level, grave, hook, tilde, acute, dotBelow
    }

    /// The combining marks seen after a base letter. In NFD they may come in either order ("ậ" is a, dot below,
    /// circumflex), so the letter is only decided when the next base character arrives.
    fileprivate struct Marks {
        var breve = false
        var circumflex = false
        var horn = false
        var tone = Tone.level

        mutating func add(_ mark: Unicode.Scalar) {
            switch mark.value {
            case 0x0306: breve = true
            case 0x0302: circumflex = true
            case 0x031B: horn = true
            case 0x0300: tone = .grave
            case 0x0309: tone = .hook
            case 0x0303: tone = .tilde
            case 0x0301: tone = .acute
            case 0x0323: tone = .dotBelow
            default: break  // other diacritics (cedilla, diaeresis…) are not part of Vietnamese spelling
            }
        }
    }

    /// Walks `text` in canonical decomposition and reports each character with its marks folded in.
    ///
    /// NB: Works on unicode scalars, never on `Character`s or regexes: this runs for every name of every import.
    /// Text in Latin script (every Vietnamese text, composed or not) is decomposed through `LatinDecomposition`;
    /// Foundation's decomposition of a whole string costs more than the rest of the key and is kept for other scripts.
    /// The order of the marks after a letter does not matter here, so the canonical reordering can be skipped.
    fileprivate static func scan(_ text: String, _ visit: (Unit) -> Void) {
        let source = isLatin(text) ? text : text.decomposedStringWithCanonicalMapping
        var base: Unicode.Scalar?
        var marks = Marks()
        for scalar in source.unicodeScalars {
            if isCombiningMark(scalar) {
                // A mark with no letter before it (after a space, or leading) has nothing to modify.
                if base != nil { marks.add(scalar) }
                continue
            }
            if let pending = base { visit(unit(pending, marks)) }
            let decomposed = LatinDecomposition.of(scalar) ?? (scalar, Marks())
            if isLetterOrNumber(decomposed.base) {
                base = decomposed.base
                marks = decomposed.marks
            } else {
                base = nil
                marks = Marks()
                visit(.boundary)
            }
        }
        if let pending = base { visit(unit(pending, marks)) }
    }

    private static func unit(_ base: Unicode.Scalar, _ marks: Marks) -> Unit {
        switch base.value {
        case 0x30...0x39:
            return .digit(UInt8(base.value - 0x30))
        case 0x61...0x7A:
            return letter(ascii: UInt8(base.value), marks, uppercase: false)
        case 0x41...0x5A:
            return letter(ascii: UInt8(base.value + 0x20), marks, uppercase: true)
        case 0x0111, 0x00F0:
            // NB: đ does not decompose under NFD. The Icelandic eth (ð, Ð) is accepted as đ because Ð looks the
            // same as Đ and is typed in its place in legacy data.
            return .letter(rank: Alphabet.dStroke, tone: .level, uppercase: false)
        case 0x0110, 0x00D0:
            return .letter(rank: Alphabet.dStroke, tone: .level, uppercase: true)
        default:
            let lowered = base.properties.lowercaseMapping.unicodeScalars.first ?? base
            if (0x61...0x7A).contains(lowered.value) {
                return letter(ascii: UInt8(lowered.value), marks, uppercase: lowered != base)  // e.g. "İ"
            }
            return .other(lowered, uppercase: lowered != base)
        }
    }

    private static func letter(ascii: UInt8, _ marks: Marks, uppercase: Bool) -> Unit {
        let rank: UInt8
        switch ascii {
        case UInt8(ascii: "a"): rank = marks.breve ? Alphabet.aBreve : marks.circumflex ? Alphabet.aCircumflex : Alphabet.a
        case UInt8(ascii: "e"): rank = marks.circumflex ? Alphabet.eCircumflex : Alphabet.e
        case UInt8(ascii: "o"): rank = marks.horn ? Alphabet.oHorn : marks.circumflex ? Alphabet.oCircumflex : Alphabet.o
        case UInt8(ascii: "u"): rank = marks.horn ? Alphabet.uHorn : Alphabet.u
        default: rank = Alphabet.plainRank[Int(ascii - UInt8(ascii: "a"))]
        }
        // Tone marks belong on vowels; on a consonant (the ñ of a foreign name) the mark is not a tone.
        let tone = Alphabet.isVowel(rank) ? marks.tone : .level
        return .letter(rank: rank, tone: tone, uppercase: uppercase)
    }

    /// Whether `text` is already NFC because it holds only Latin letters without combining marks: no character below
    /// U+0300 or in Latin Extended Additional changes under NFC, and none of them composes with another.
    private static func isComposedLatin(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { $0.value < 0x0300 || LatinDecomposition.additional.contains($0.value) }
    }

    /// Whether every character of `text` is one that `LatinDecomposition` decomposes or a combining mark that does not
    /// decompose (all of U+0300…U+036F but U+0340, U+0341, U+0343, U+0344).
    private static func isLatin(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { scalar in
            switch scalar.value {
            case 0..<0x0340, 0x0345...0x036F, LatinDecomposition.additional: return true
            default: return false
            }
        }
    }

    // NB: The switches below answer for Latin text without a Unicode property lookup, which costs more than the
    // rest of the work on a character.

    private static func appendUTF8(_ scalar: Unicode.Scalar, to bytes: inout [UInt8]) {
        if scalar.isASCII {
            bytes.append(UInt8(scalar.value))
        } else {
            bytes.append(contentsOf: scalar.utf8)
        }
    }

    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09...0x0D, 0x85, 0xA0: return true
        case 0..<0x1680: return false
        default: return scalar.properties.isWhitespace
        }
    }

    private static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x0300, LatinDecomposition.additional: return false
        case 0x0300...0x036F: return true
        default:
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark: return true
            default: return false
            }
        }
    }

    private static func isLetterOrNumber(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return true
        case 0..<0x80: return false
        default:
            if scalar.properties.isAlphabetic { return true }
            switch scalar.properties.generalCategory {
            case .decimalNumber, .letterNumber, .otherNumber: return true
            default: return false
            }
        }
    }
}

// MARK: - Alphabet and key

/// The canonical decomposition, as a base letter and the marks that matter here, of every character in U+0080…U+02FF
/// and Latin Extended Additional (U+1E00…U+1EFF), which hold every Vietnamese letter.
///
/// Taken once from Foundation, so it is Foundation's decomposition and no Unicode data is copied here. ASCII decomposes
/// to itself and is not looked up.
private enum LatinDecomposition {
    static let lower: Range<UInt32> = 0x0080..<0x0300
    static let additional: ClosedRange<UInt32> = 0x1E00...0x1EFF

    private static let table: [(base: Unicode.Scalar, marks: VietnameseText.Marks)] =
        (Array(lower) + Array(additional)).map { value in
            let scalar = Unicode.Scalar(value)!
            let decomposed = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
            var marks = VietnameseText.Marks()
            for mark in decomposed.dropFirst() { marks.add(mark) }
            return (decomposed.first ?? scalar, marks)
        }

    static func of(_ scalar: Unicode.Scalar) -> (base: Unicode.Scalar, marks: VietnameseText.Marks)? {
        let value = scalar.value
        if lower.contains(value) { return table[Int(value - lower.lowerBound)] }
        if additional.contains(value) { return table[lower.count + Int(value - additional.lowerBound)] }
        return nil
    }
}

/// The 33 letters in Vietnamese alphabet order (RULES §10): a ă â b c d đ e ê f g h i j k l m n o ô ơ p q r s t u ư v w x y z.
/// A letter is its rank in this order.
private enum Alphabet {
    static let a: UInt8 = 0, aBreve: UInt8 = 1, aCircumflex: UInt8 = 2, dStroke: UInt8 = 6
    static let e: UInt8 = 7, eCircumflex: UInt8 = 8, o: UInt8 = 18, oCircumflex: UInt8 = 19, oHorn: UInt8 = 20
    static let u: UInt8 = 26, uHorn: UInt8 = 27

    /// The plain ASCII letter each rank folds to.
    static let folded: [UInt8] = Array("aaabcddeefghijklmnooopqrstuuvwxyz".utf8)

    /// The rank of each unmarked ASCII letter a…z: its first occurrence in `folded`.
    static let plainRank: [UInt8] = (UInt8(ascii: "a")...UInt8(ascii: "z")).map { letter in
        UInt8(folded.firstIndex(of: letter)!)
    }

    /// a ă â e ê i o ô ơ u ư y, as a bit set over the ranks.
    private static let vowels: UInt64 = [0, 1, 2, 7, 8, 12, 18, 19, 20, 26, 27, 31].reduce(0) { $0 | 1 << $1 }

    static func isVowel(_ rank: UInt8) -> Bool { vowels & (1 << UInt64(rank)) != 0 }
}

/// The bytes of a sort key, all printable ASCII, chosen so that byte order is Vietnamese order:
///
///     !      between the parts of a name   (below all a part can go on with: a part that ends sorts first)
///     #      end of a syllable             (below every letter and digit: cha < chan)
///     0…5    the tone of the syllable, right after #
///     $ %    the case of each letter, lower then upper, after the whole main key
///            (below every letter and digit: a text that is a prefix of another sorts first)
///     0…@    a run of digits: its length, then its digits 0…9 (below every letter: digits first)
///     A…c    the 33 letters in order
///     ~      a letter outside the alphabet, then its code point in six hex digits (after z)
///
/// A byte value with two roles (tone and digit) is never compared across them: two keys equal up to a position have
/// the same structure up to it, so the byte has the same role in both.
private enum KeyByte {
    static let partSeparator = UInt8(ascii: "!")
    static let syllableEnd = UInt8(ascii: "#")
    static let lowercase = UInt8(ascii: "$")
    static let uppercase = UInt8(ascii: "%")
    static let tone0 = UInt8(ascii: "0")
    static let digitCount0 = UInt8(ascii: "0")
    static let digit0 = UInt8(ascii: "0")
    /// Longer runs share the last length byte and then compare digit by digit; no name holds such a number.
    static let maxDigitCount = 16
    /// Increasing; `\` and `` ` `` are skipped so that keys never need escaping in SQL, JSON or a shell.
    static let letters: [UInt8] = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_abc".utf8)
    static let otherLetter = UInt8(ascii: "~")
    static let hex: [UInt8] = Array("0123456789abcdef".utf8)
}

/// Builds a sort key from one or more texts: their main keys in order, then the case tie-breaks of all of them.
private struct KeyWriter {
    private var main: [UInt8] = []
    private var cases: [UInt8] = []
    private var inSyllable = false
    private var tone = VietnameseText.Tone.level
    private var digits: [UInt8] = []

    init(capacity: Int) {
        main.reserveCapacity(capacity)
        cases.reserveCapacity(capacity)
    }

    /// The main key followed by the case tie-breaks.
    mutating func finish() -> String {
        main.append(contentsOf: cases)
        return String(decoding: main, as: UTF8.self)
    }

    mutating func write(_ text: String) {
        VietnameseText.scan(text) { add($0) }
        endSyllable()
    }

    mutating func separatePart() { main.append(KeyByte.partSeparator) }

    private mutating func add(_ unit: VietnameseText.Unit) {
        switch unit {
        case .boundary:
            endSyllable()
        case .digit(let value):
            inSyllable = true
            digits.append(value)
        case .letter(let rank, let tone, let uppercase):
            endDigits()
            inSyllable = true
            main.append(KeyByte.letters[Int(rank)])
            cases.append(uppercase ? KeyByte.uppercase : KeyByte.lowercase)
            // A well-formed syllable has one tone mark; a malformed one with two takes the last.
            if tone != .level { self.tone = tone }
        case .other(let scalar, let uppercase):
            endDigits()
            inSyllable = true
            main.append(KeyByte.otherLetter)
            for shift in stride(from: 20, through: 0, by: -4) {
                main.append(KeyByte.hex[Int(scalar.value >> UInt32(shift) & 0xF)])
            }
            cases.append(uppercase ? KeyByte.uppercase : KeyByte.lowercase)
        }
    }

    private mutating func endSyllable() {
        guard inSyllable else { return }
        endDigits()
        main.append(KeyByte.syllableEnd)
        main.append(KeyByte.tone0 + tone.rawValue)
        inSyllable = false
        tone = .level
    }

    /// Writes a run of digits as its length, then its digits, so that numbers sort by value: 2 < 10.
    private mutating func endDigits() {
        guard !digits.isEmpty else { return }
        let significant = digits.drop { $0 == 0 }
        main.append(KeyByte.digitCount0 + UInt8(min(significant.count, KeyByte.maxDigitCount)))
        main.append(contentsOf: significant.map { KeyByte.digit0 + $0 })
        digits.removeAll(keepingCapacity: true)
    }
}
