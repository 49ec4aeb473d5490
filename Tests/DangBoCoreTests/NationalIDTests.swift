import Testing
@testable import DangBoCore

/// The CCCD as a type: 12 digits, the leading zeros a spreadsheet dropped restored, anything else refused with a
/// message that says what was wrong.
@Suite struct NationalIDTests {
    @Test(arguments: [
        ("001085012345", "001085012345"),
        (" 001085012345 ", "001085012345"),
        ("1085012345", "001085012345"),        // Hà Nội (001): Excel dropped two zeros
        ("31190004321", "031190004321"),       // Hải Phòng (031): one zero
        ("096190004321", "096190004321"),
        ("001 085 012 345", "001085012345"),
        ("0010 8501 2345", "001085012345"),
        ("1.085.012.345", "001085012345"),     // a number formatted with thousands separators
        ("1,085,012,345", "001085012345"),
        ("\u{00A0}001085012345\t", "001085012345"),
    ])
    func aWrittenIDIsRead(written: String, text: String) throws {
        #expect(try NationalID(parsing: written).text == text)
    }

    @Test(arguments: [
        ("", NationalIDViolation.Reason.empty),
        ("   ", .empty),
        ("00108501234A", .notADigit("A")),
        ("001-085-012-345", .notADigit("-")),
        ("１２３", .notADigit("１")),
        ("1085012345.0", .misplacedSeparator),  // a decimal part: dropping the dot would give a wrong 11-digit ID
        ("1085.012.345", .misplacedSeparator),
        ("1,08501E+11", .scientificNotation),
        ("1.08501E+11", .scientificNotation),
        ("123456789", .identityCardNumber),     // 9 digits: an old CMND, not a CCCD with three zeros lost
        ("12345678", .length(8)),
        ("0010850123", .notRestorable(10)),     // "000…": no province has code 000
        ("97190004321", .notRestorable(11)),    // "097…": province codes end at 096
        ("0010850123456", .length(13)),
    ])
    func aWrittenIDThatIsNotOneIsRefused(written: String, reason: NationalIDViolation.Reason) {
        #expect(throws: NationalIDViolation(written: VietnameseText.normalized(written), reason: reason)) {
            try NationalID(parsing: written)
        }
    }

    @Test func theMessageSaysWhatIsWrong() {
        #expect(NationalIDViolation(written: "00108501234A", reason: .notADigit("A")).message
            == "Số CCCD \"00108501234A\" có ký tự \"A\" không phải chữ số; số CCCD gồm 12 chữ số.")
        #expect(NationalIDViolation(written: "0010850123456", reason: .length(13)).message
            == "Số CCCD \"0010850123456\" có 13 chữ số; số CCCD gồm 12 chữ số (10 hoặc 11 chữ số khi Excel bỏ mất số 0 ở đầu).")
        #expect(NationalIDViolation(written: "123456789", reason: .identityCardNumber).message
            == "\"123456789\" có 9 chữ số: đó là số chứng minh nhân dân cũ, không phải số CCCD 12 chữ số.")
    }
}
