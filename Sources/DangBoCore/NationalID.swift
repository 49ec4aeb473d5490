/// A national ID number (số căn cước công dân, CCCD): exactly 12 digits, kept as text because its leading zeros
/// matter. `Member.nationalID` stores its `text`.
///
/// Parse what a person or a spreadsheet wrote with `init(parsing:)`: it restores the leading zeros a spreadsheet lost.
/// Every CCCD starts with the code of the province where the birth was registered, 001 to 096 (Nghị định
/// 137/2015/NĐ-CP, Điều 13), and Excel reads the column as a number: Hà Nội's "001085012345" comes back as
/// 1085012345 (10 digits), Hải Phòng's "031…" as 11 digits. Two zeros at most can be lost, since no province code is
/// 000, so 10 and 11 digits are padded when that gives a province code; 9 digits are the old identity card (CMND),
/// another number, and are refused.
public struct NationalID: Hashable, Sendable, CustomStringConvertible {
    /// The 12 digits.
    public let text: String

    /// Reads a written national ID: trims it, accepts digits only (spaces between digits are dropped, and so are dots
    /// or commas between groups of three, as a spreadsheet formats a number), and gives back the leading zeros a
    /// spreadsheet dropped (10 or 11 digits). Throws a violation that says what is wrong otherwise.
    public init(parsing written: String) throws(NationalIDViolation) {
        // NB: an import parses 25 million IDs (members and events); 12 plain digits, the usual case, take no copy.
        let utf8 = written.utf8
        if utf8.count == 12, utf8.allSatisfy(Self.isDigit) {
            text = written
            return
        }
        let trimmed = VietnameseText.normalized(written)
        func fail(_ reason: NationalIDViolation.Reason) -> NationalIDViolation {
            NationalIDViolation(written: trimmed, reason: reason)
        }
        guard !trimmed.isEmpty else { throw fail(.empty) }
        if Self.isScientificNotation(trimmed) { throw fail(.scientificNotation) }
        var digits: [UInt8] = []
        digits.reserveCapacity(12)
        // Digits between thousands separators.
        var groups: [Int] = [0]
        for scalar in trimmed.unicodeScalars {
            if scalar == " " {
                continue
            } else if scalar == "." || scalar == "," {
                groups.append(0)
            } else if scalar.isASCII, Self.isDigit(UInt8(scalar.value)) {
                digits.append(UInt8(scalar.value))
                groups[groups.count - 1] += 1
            } else {
                throw fail(.notADigit(Character(scalar)))
            }
        }
        // NB: "1.085.012.345" is a number with thousands separators; "1085012345.0" has a decimal part, and dropping
        // its dot would make a wrong ID of 11 digits.
        if groups.count > 1, !(1...3).contains(groups[0]) || groups.dropFirst().contains(where: { $0 != 3 }) {
            throw fail(.misplacedSeparator)
        }
        switch digits.count {
        case 12: break
        case 10, 11:
            let count = digits.count
            digits.insert(contentsOf: repeatElement(UInt8(ascii: "0"), count: 12 - count), at: 0)
            let province = Int(digits[1] - UInt8(ascii: "0")) * 10 + Int(digits[2] - UInt8(ascii: "0"))
            guard digits[0] == UInt8(ascii: "0"), (1...96).contains(province) else { throw fail(.notRestorable(count)) }
        case 9: throw fail(.identityCardNumber)
        default: throw fail(.length(digits.count))
        }
        text = String(decoding: digits, as: UTF8.self)
    }

    public var description: String { text }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// "1.08501E+11", "1,08501E+11": what Excel shows for a long number in a General cell.
    private static func isScientificNotation(_ text: String) -> Bool {
        let parts = text.uppercased().split(separator: "E", omittingEmptySubsequences: false)
        guard parts.count == 2, let mantissa = parts.first, let exponent = parts.last else { return false }
        let mantissaDigits = mantissa.filter { $0 != "." && $0 != "," }
        let exponentDigits = exponent.hasPrefix("+") ? exponent.dropFirst() : exponent[...]
        return !mantissaDigits.isEmpty && mantissaDigits.allSatisfy(\.isASCIIDigit)
            && !exponentDigits.isEmpty && exponentDigits.allSatisfy(\.isASCIIDigit)
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
