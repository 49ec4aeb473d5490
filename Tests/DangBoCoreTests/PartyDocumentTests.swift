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

/// The issuer block comes from the tree as it stood on the document's day (issue 10 point 6): the superior's name on
/// the first line, the issuing committee named from the organization's name on the second, both in capitals.
@Suite struct IssuerBlockTests {
    @Test(arguments: [
        ("Đảng bộ Khối các cơ quan tỉnh", "Đảng ủy Khối các cơ quan tỉnh"), ("Đảng bộ tỉnh Vĩnh Phúc", "Tỉnh ủy Vĩnh Phúc"),
        ("Đảng bộ thành phố Hà Nội", "Thành ủy Hà Nội"), ("Đảng bộ huyện Tam Đảo", "Huyện ủy Tam Đảo"),
        ("Đảng bộ quận Ba Đình", "Quận ủy Ba Đình"), ("Đảng bộ thị xã Phúc Yên", "Thị ủy Phúc Yên"),
        ("Đảng bộ xã Đại Đình", "Đảng ủy xã Đại Đình"), ("Đảng bộ bộ phận Phòng Kỹ thuật", "Đảng ủy bộ phận Phòng Kỹ thuật"),
        ("Đảng bộ Sở Tài chính", "Đảng ủy Sở Tài chính"), ("Chi bộ Sở Tư pháp", "Chi bộ Sở Tư pháp"),
        // A unit word alone is no name; a name in another pattern is kept.
        ("Đảng bộ tỉnh", "Đảng ủy tỉnh"), ("Ban Tổ chức", "Ban Tổ chức"), ("Đảng", "Đảng"),
    ])
    func issuingBody(name: String, body: String) {
        #expect(PartyDocument.issuingBody(of: name) == body)
    }

    @Test func theBlockFollowsTheTreeOfTheDay() throws {
        let province = OrganizationID(1), bloc = OrganizationID(2), other = OrganizationID(3)
        func version(_ from: String, _ to: String?, _ name: String, _ kind: OrganizationKind, _ parent: OrganizationID?) -> OrganizationVersion {
            OrganizationVersion(validity: DayRange(start: Day(iso: from)!, end: to.map { Day(iso: $0)! }), name: name, kind: kind, parent: parent)
        }
        let tree = OrganizationTree([
            Organization(id: province, code: "TVP", versions: [version("2000-01-01", nil, "Đảng bộ tỉnh Vĩnh Phúc", .upperCommittee, nil)]),
            Organization(id: other, code: "TPT", versions: [version("2000-01-01", nil, "Đảng bộ tỉnh Phú Thọ", .upperCommittee, nil)]),
            // Renamed and moved under another province on 1/7/2025 (the provinces' merger).
            Organization(id: bloc, code: "DUK", versions: [
                version("2000-01-01", "2025-07-01", "Đảng bộ Khối các cơ quan tỉnh", .upperCommittee, province),
                version("2025-07-01", nil, "Đảng bộ các cơ quan Đảng tỉnh", .upperCommittee, other),
            ]),
        ])
        let before = try #require(PartyDocument.issuerBlock(of: bloc, in: tree, on: Day(iso: "2025-06-30")!))
        #expect(before.superior == "ĐẢNG BỘ TỈNH VĨNH PHÚC" && before.issuer == "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH")
        let after = try #require(PartyDocument.issuerBlock(of: bloc, in: tree, on: Day(iso: "2025-07-01")!))
        #expect(after.superior == "ĐẢNG BỘ TỈNH PHÚ THỌ" && after.issuer == "ĐẢNG ỦY CÁC CƠ QUAN ĐẢNG TỈNH")
        let root = try #require(PartyDocument.issuerBlock(of: province, in: tree, on: Day(iso: "2021-03-30")!))
        #expect(root.superior == "" && root.issuer == "TỈNH ỦY VĨNH PHÚC")
        #expect(PartyDocument.issuerBlock(of: bloc, in: tree, on: Day(iso: "1999-12-31")!) == nil)
    }
}

/// Document settings: a place on one line of 1 to 100 characters, an abbreviation of 1 to 20 letters and digits, both
/// trimmed; anything else refused with its reason.
@Suite struct DocumentSettingsTests {
    @Test func validSettingsAreTrimmed() throws {
        let settings = try DocumentSettings(place: "  Vĩnh Phúc ", issuerCode: " ĐUK ")
        #expect(settings.place == "Vĩnh Phúc" && settings.issuerCode == "ĐUK")
        #expect(try DocumentSettings(place: String(repeating: "a", count: 100), issuerCode: String(repeating: "Đ", count: 20)).place.count == 100)
        #expect(try DocumentSettings(place: "Hà Nội", issuerCode: "TU1").issuerCode == "TU1")
    }

    @Test(arguments: ["", "   ", String(repeating: "a", count: 101), "Vĩnh\nPhúc"])
    func aPlaceOutOfShapeIsRefused(place: String) {
        #expect(throws: DocumentSettingsViolation.place) { try DocumentSettings(place: place, issuerCode: "ĐUK") }
    }

    @Test(arguments: ["", "Đ UK", "ĐU-K", "ĐU/K", String(repeating: "Đ", count: 21), "ĐUK."])
    func anAbbreviationOutOfShapeIsRefused(code: String) {
        #expect(throws: DocumentSettingsViolation.issuerCode(code)) {
            try DocumentSettings(place: "Vĩnh Phúc", issuerCode: code)
        }
    }
}
