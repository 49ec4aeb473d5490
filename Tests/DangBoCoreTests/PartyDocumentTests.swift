import DangBoCore
import Testing

/// The number, code and date line of a party document (RULES §9): the number joined to the type by a hyphen and to
/// the issuer by a slash, a draft leaving room for its number; the day on two digits, January and February on two.
@Suite struct PartyDocumentTests {
    static func document(number: Int?, date: String) -> PartyDocument {
        PartyDocument(
            superior: "ĐẢNG BỘ TỈNH VĨNH PHÚC", issuer: "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH", number: number, typeCode: "BC",
            issuerCode: "ĐUK", place: "Vĩnh Phúc", date: Day(iso: date)!, kind: "BÁO CÁO", summary: "Sơ kết", body: [],
            authority: "T/M BAN THƯỜNG VỤ", signerTitle: "BÍ THƯ", signerName: "Nguyễn Văn A", recipients: [])
    }

    @Test func numberAndCode() {
        #expect(Self.document(number: 15, date: "2021-03-30").numberAndCode == "Số 15-BC/ĐUK")
        #expect(Self.document(number: nil, date: "2021-03-30").numberAndCode == "Số     -BC/ĐUK")
    }

    @Test(arguments: [
        ("2021-03-30", "Vĩnh Phúc, ngày 30 tháng 3 năm 2021"), ("2018-04-03", "Vĩnh Phúc, ngày 03 tháng 4 năm 2018"),
        ("2021-01-09", "Vĩnh Phúc, ngày 09 tháng 01 năm 2021"), ("2021-02-10", "Vĩnh Phúc, ngày 10 tháng 02 năm 2021"),
        ("2021-12-31", "Vĩnh Phúc, ngày 31 tháng 12 năm 2021"), ("2024-02-29", "Vĩnh Phúc, ngày 29 tháng 02 năm 2024"),
    ])
    func dateLine(iso: String, line: String) {
        #expect(Self.document(number: 1, date: iso).dateLine == line)
    }
}
