import DangBoCore
import Foundation
import Testing
@testable import DangBoInterchange

/// The import contract's errors: each bad input gives the exact `file:line: column: reason`, and nothing at all
/// comes out of a failed import.
@Suite struct ImporterTests {
    static let organizations = """
        code,name,kind,parent_code,established_on,dissolved_on
        VD,Đảng bộ Khối,upper_committee,,2000-01-01,
        VD.01,Chi bộ Sở Tài chính,grassroots_cell,VD,2000-01-01,
        VD.02,Đảng bộ Sở Y tế,grassroots_committee,VD,2000-01-01,
        """
    static let members = """
        national_id,full_name,gender,birth_date
        001085012345,Nguyễn Trường Giang,nam,1985-04-12
        026190004321,Lê Thị Thu Hà,nữ,30/9/1990
        """

    static func table(_ name: String, _ text: String) throws -> Table {
        let reader = CSVReader(data: Data(text.utf8), name: name)
        let header = try reader.header()
        var rows: [TableRow] = []
        while let row = try reader.next() { rows.append(row) }
        return Table(name: name, header: header, rows: rows)
    }

    static func run(_ files: [(String, String)], into registry: Registry = Registry()) async throws -> (RegistryChange, Registry) {
        let result = try await Importer.load(try files.map { try table($0.0, $0.1) }, into: registry, nextOrganizationID: 1, nextMemberID: 1)
        return (result.change, result.registry)
    }

    static func issues(_ files: [(String, String)]) async throws -> [String] {
        do {
            _ = try await run(files)
            return []
        } catch let failure as ImportFailure {
            return failure.issues.map(\.description)
        }
    }

    @Test func aValidImport() async throws {
        let (change, registry) = try await Self.run([
            ("organizations.csv", Self.organizations), ("members.csv", Self.members),
            ("events.csv", """
                national_id,kind,effective_on,organization_code,decision_number,decision_date
                001085012345,transferred_in,2010-03-01,VD.01,12-QĐ/ĐUK,2010-02-20
                026190004321,admitted,2020-03-15,VD.01,45-QĐ/ĐUK,2020-03-01
                026190004321,recognized_official,2021-03-15,,88-QĐ/ĐUK,2021-04-02
                """),
        ])
        #expect(change.organizations.count == 3)
        #expect(change.members.map(\.givenName) == ["Giang", "Hà"])
        #expect(change.members[1].middleName == "Thị Thu")
        #expect(change.members[1].birthDate == Day(iso: "1990-09-30"))
        #expect(change.events.count == 3)
        #expect(change.journals.count == 2)
        #expect(registry.statistics(of: OrganizationID(1), asOf: Day(iso: "2021-03-31")!).members.official == 2)
    }

    @Test func aBadDate() async throws {
        let issues = try await Self.issues([("organizations.csv", Self.organizations), ("members.csv", Self.members),
                                      ("events.csv", "national_id,kind,effective_on,organization_code\n001085012345,transferred_in,2021-02-30,VD.01\n")])
        #expect(issues == ["events.csv:2: effective_on: ngày không hợp lệ: \"2021-02-30\" (viết YYYY-MM-DD hoặc dd/MM/yyyy)"])
    }

    @Test func anUnknownKind() async throws {
        let issues = try await Self.issues([("organizations.csv", Self.organizations), ("members.csv", Self.members),
                                      ("events.csv", "national_id,kind,effective_on,organization_code\n001085012345,joined,2021-02-01,VD.01\n")])
        #expect(issues == ["events.csv:2: kind: giá trị không hợp lệ: \"joined\"; dùng một trong: "
            + EventKind.allCases.map(\.rawValue).joined(separator: ", ")])
    }

    @Test func aMissingReference() async throws {
        let issues = try await Self.issues([("organizations.csv", Self.organizations), ("members.csv", Self.members),
                                      ("events.csv", """
                                        national_id,kind,effective_on,organization_code
                                        001085012345,transferred_in,2021-02-01,VD.09
                                        099999999999,transferred_in,2021-02-01,VD.01
                                        """)])
        #expect(issues == ["events.csv:2: organization_code: không có tổ chức đảng mã VD.09",
                           "events.csv:3: national_id: không có đảng viên số CCCD 099999999999"])
    }

    @Test func aRuleViolation() async throws {
        let issues = try await Self.issues([("organizations.csv", Self.organizations), ("members.csv", Self.members),
                                      ("events.csv", """
                                        national_id,kind,effective_on,organization_code
                                        026190004321,admitted,2020-03-15,VD.01
                                        026190004321,recognized_official,2021-03-16,
                                        """)])
        #expect(issues == ["events.csv:3: effective_on: Ngày công nhận chính thức phải là ngày đủ 12 tháng dự bị kể từ "
            + "ngày kết nạp, tức 15/3/2021, không phải 16/3/2021 (Quy định 29-QĐ/TW, mục 4.2)."])
    }

    @Test func aMemberIntoACommitteeIsRefused() async throws {
        let issues = try await Self.issues([("organizations.csv", Self.organizations), ("members.csv", Self.members),
                                      ("events.csv", "national_id,kind,effective_on,organization_code\n001085012345,transferred_in,2021-02-01,VD.02\n")])
        #expect(issues == ["events.csv:2: organization_code: Đảng bộ cơ sở VD.02 không phải là chi bộ; đảng viên sinh hoạt ở "
            + "chi bộ cơ sở hoặc chi bộ trực thuộc."])
    }

    @Test func aDuplicateNationalID() async throws {
        let issues = try await Self.issues([("members.csv", Self.members + "\n001085012345,Trần Văn Bình,nam,1980-01-01\n")])
        #expect(issues == ["members.csv:4: national_id: trùng số CCCD 001085012345 với dòng 2"])
    }

    @Test func aNationalIDAlreadyInTheDatabase() async throws {
        let (_, registry) = try await Self.run([("members.csv", Self.members)])
        let tables = [try Self.table("members.csv", Self.members)]
        let failure = await #expect(throws: ImportFailure.self) {
            try await Importer.load(tables, into: registry, nextOrganizationID: 1, nextMemberID: 3)
        }
        #expect(failure?.issues.first?.description == "members.csv:2: national_id: số CCCD 001085012345 đã có trong cơ sở dữ liệu")
    }

    @Test(arguments: [("1085012345", "001085012345"), ("26190004321", "026190004321"), ("026190004321", "026190004321")])
    func aNationalIDThatLostItsLeadingZeros(written: String, stored: String) async throws {
        let (change, _) = try await Self.run([("members.csv", "national_id,full_name,gender,birth_date\n\(written),Nguyễn Văn An,nam,1985-04-12\n")])
        #expect(change.members.first?.nationalID == stored)
    }

    @Test(arguments: [
        ("12345", "Số CCCD \"12345\" có 5 chữ số; số CCCD gồm 12 chữ số (10 hoặc 11 chữ số khi Excel bỏ mất số 0 ở đầu)."),
        ("0010850123456", "Số CCCD \"0010850123456\" có 13 chữ số; số CCCD gồm 12 chữ số (10 hoặc 11 chữ số khi Excel bỏ "
            + "mất số 0 ở đầu)."),
        ("00108501234A", "Số CCCD \"00108501234A\" có ký tự \"A\" không phải chữ số; số CCCD gồm 12 chữ số."),
        ("1085012345.0", "Số CCCD \"1085012345.0\" có dấu chấm hoặc dấu phẩy không đúng chỗ (phần thập phân?); số CCCD "
            + "gồm 12 chữ số."),
    ])
    func aNationalIDThatIsNotOne(written: String, reason: String) async throws {
        let issues = try await Self.issues([("members.csv", "national_id,full_name,gender,birth_date\n\(written),Nguyễn Văn An,nam,1985-04-12\n")])
        #expect(issues == ["members.csv:2: national_id: \(reason)"])
    }

    @Test func aFileInNFD() async throws {
        let nfd = "Họ và tên,Số CCCD,Giới tính,Ngày sinh\nLê Thị Thu Hà,026190004321,Nữ,30/09/1990\n".decomposedStringWithCanonicalMapping
        #expect(nfd.unicodeScalars.count != nfd.precomposedStringWithCanonicalMapping.unicodeScalars.count)
        let (change, _) = try await Self.run([("members.csv", nfd)])
        let member = try #require(change.members.first)
        #expect(member.fullName == "Lê Thị Thu Hà")
        #expect(member.fullName.unicodeScalars.elementsEqual("Lê Thị Thu Hà".precomposedStringWithCanonicalMapping.unicodeScalars))
        #expect(member.gender == .female)
    }

    @Test func vietnameseHeaders() async throws {
        let (change, _) = try await Self.run([
            ("to_chuc.csv", "Mã tổ chức,Tên tổ chức,Loại,Mã tổ chức cấp trên,Ngày thành lập\nVD,Đảng bộ Khối,Đảng bộ cấp trên cơ sở,,2000-01-01\nVD.01,Chi bộ A,Chi bộ cơ sở,VD,2000-01-01\n"),
        ])
        #expect(change.organizations.map(\.versions[0].kind) == [.upperCommittee, .grassrootsCell])
    }

    @Test func missingAndUnknownColumns() async throws {
        let issues = try await Self.issues([("members.csv", "national_id,full_name,sex\n001085012345,Nguyễn Văn An,nam\n")])
        #expect(issues.contains("members.csv:1: gender: thiếu cột bắt buộc"))
        #expect(issues.contains("members.csv:1: birth_date: thiếu cột bắt buộc"))
    }

    @Test func unknownColumnsAreLeftOutWithAWarning() async throws {
        let result = try await Importer.load([try Self.table("members.csv",
            "STT,national_id,full_name,gender,birth_date,phone\n1,001085012345,Nguyễn Văn An,nam,1985-04-12,0912345678\n")], into: Registry(), nextOrganizationID: 1, nextMemberID: 1)
        #expect(result.change.members.count == 1)
        #expect(result.warnings.map(\.description) == ["members.csv:1: phone: cột không có trong định dạng nhập nên được bỏ qua; "
            + "các cột: national_id, family_name, middle_name, given_name, full_name, gender, birth_date, ethnicity, religion, "
            + "card_number, record_number, education, political_theory, occupation, joined_on, official_on"])
    }

    @Test func everyBadRowIsReported() async throws {
        let issues = try await Self.issues([("members.csv", """
            national_id,full_name,gender,birth_date
            001085012345,Nguyễn Văn An,nam,1985-13-01
            001085012346,Nguyễn Văn Bình,x,1985-01-01
            """)])
        #expect(issues.count == 2)
        #expect(issues[0].hasPrefix("members.csv:2: birth_date:"))
        #expect(issues[1].hasPrefix("members.csv:3: gender:"))
    }

    @Test func organizationVersionsAndStructure() async throws {
        let (change, registry) = try await Self.run([("organizations.csv", """
            code,name,kind,parent_code,established_on,dissolved_on,valid_from
            VD,Đảng bộ Khối,upper_committee,,2000-01-01,,
            VD.01,Chi bộ A,grassroots_cell,VD,2000-01-01,,
            VD.01,Chi bộ A mới,grassroots_cell,VD,2000-01-01,2024-01-01,2018-07-01
            """)])
        let cell = try #require(change.organizations.first { $0.code == "VD.01" })
        #expect(cell.versions.map(\.name) == ["Chi bộ A", "Chi bộ A mới"])
        #expect(cell.dissolved == Day(iso: "2024-01-01"))
        #expect(registry.tree.organization(code: "VD.01")?.name(on: Day(iso: "2019-01-01")!) == "Chi bộ A mới")
        let issues = try await Self.issues([("organizations.csv", """
            code,name,kind,parent_code,established_on
            VD,Đảng bộ Khối,upper_committee,,2000-01-01
            VD.01,Chi bộ A,subordinate_cell,VD,2000-01-01
            """)])
        #expect(issues == ["organizations.csv:3: kind: Chi bộ trực thuộc VD.01 không thể trực thuộc đảng bộ cấp trên cơ sở VD (ngày 1/1/2000)."])
    }

    @Test func eventsOfOneMemberMayBeAnywhereInTheFile() async throws {
        // Events streamed by day across members, not grouped by member: each journal is still checked whole.
        let (change, registry) = try await Self.run([
            ("organizations.csv", Self.organizations), ("members.csv", Self.members),
            ("events.csv", """
                national_id,kind,effective_on,organization_code
                026190004321,recognized_official,2021-03-15,
                001085012345,transferred_in,2010-03-01,VD.01
                026190004321,admitted,2020-03-15,VD.01
                """),
        ])
        #expect(change.journals.count == 2)
        #expect(registry.statistics(of: OrganizationID(1), asOf: Day(iso: "2021-03-15")!).members.official == 2)
        #expect(registry.statistics(of: OrganizationID(1), asOf: Day(iso: "2021-03-14")!).members.probationary == 1)
    }

    @Test func aBrokenRuleIsReportedAtItsLineWhereverTheMemberStands() async throws {
        let issues = try await Self.issues([
            ("organizations.csv", Self.organizations), ("members.csv", Self.members),
            ("events.csv", """
                national_id,kind,effective_on,organization_code
                026190004321,admitted,2020-03-15,VD.01
                001085012345,transferred_in,2010-03-01,VD.01
                001085012345,died,2015-01-01,
                001085012345,moved,2016-01-01,VD.01
                026190004321,recognized_official,2021-03-15,
                """),
        ])
        #expect(issues.count == 1)
        #expect(issues.first?.hasPrefix("events.csv:5: ") == true)
    }

    @Test func reportingStopsAfterTheLimit() async throws {
        let rows = (0..<(Importer.issueLimit + 500)).map { "x\($0),Nguyễn Văn An,nam,1985-04-12" }
        let issues = try await Self.issues([("members.csv", "national_id,full_name,gender,birth_date\n" + rows.joined(separator: "\n"))])
        #expect(issues.count == Importer.issueLimit + 1)
        #expect(issues.last?.hasPrefix("members.csv: dừng kiểm tra sau 1.000 lỗi") == true)
        #expect(issues[Importer.issueLimit - 1].hasPrefix("members.csv:\(Importer.issueLimit + 1): national_id:"))
    }

    static let oversightHeader = "case_ref,activity,mode,conductor,conductor_code,started_on,ended_on,subject_code,subject_national_id,outcome\n"

    @Test func rowsOfOneCaseMayComeApart() async throws {
        let (change, registry) = try await Self.run([
            ("organizations.csv", Self.organizations), ("members.csv", Self.members),
            ("oversight.csv", Self.oversightHeader + """
                KT-1,inspection,thematic,committee,VD,2021-02-01,2021-03-01,VD.01,,no_violation
                KT-2,supervision,regular,committee,VD,2021-02-10,,VD.02,,
                KT-1,inspection,thematic,committee,VD,2021-02-01,2021-03-01,,001085012345,no_violation
                KT-2,supervision,regular,committee,VD,2021-02-10,,,026190004321,
                KT-1,inspection,thematic,committee,VD,2021-02-01,2021-03-01,VD.02,,no_violation
                """),
        ])
        #expect(change.cases.map(\.reference) == ["KT-1", "KT-2"])
        #expect(change.cases.map(\.subjects.count) == [3, 2])
        #expect(registry.cases.map(\.subjects.count) == [3, 2])
        let review = registry.review(of: OrganizationID(1), from: Day(iso: "2021-01-01")!, to: Day(iso: "2021-03-31")!)
        #expect(review.inspection["thematic"]?["committees"] == Review.SubjectCounts(cases: 1, organizations: 2, members: 1))
    }

    @Test func aLaterRowOfACaseMustRepeatItsFirst() async throws {
        let issues = try await Self.issues([
            ("organizations.csv", Self.organizations), ("members.csv", Self.members),
            ("oversight.csv", Self.oversightHeader + """
                KT-1,inspection,thematic,committee,VD,2021-02-01,2021-03-01,VD.01,,no_violation
                KT-2,supervision,regular,committee,VD,2021-02-10,,VD.02,,
                KT-1,inspection,thematic,committee,VD,2021-02-02,2021-03-01,VD.02,,no_violation
                """),
        ])
        #expect(issues == ["oversight.csv:4: case_ref: các dòng của cuộc KT-1 phải giống nhau về hoạt động, hình thức, chủ thể "
            + "và ngày bắt đầu (xem dòng 2)"])
    }

    // MARK: - Core's rules mapped to columns

    /// The fixture's tree with a cell established on 1/6/2015 and one dissolved on 1/1/2018.
    static let laterOrganizations = organizations + """

        VD.03,Chi bộ Sở Xây dựng,grassroots_cell,VD,2015-06-01,
        VD.04,Chi bộ Sở Thương mại,grassroots_cell,VD,2000-01-01,2018-01-01
        """
    /// 001085012345 official in VD.01 from 2010; 026190004321 admitted there on 15/3/2020, official from 15/3/2021.
    static let events = """
        national_id,kind,effective_on,organization_code
        001085012345,transferred_in,2010-03-01,VD.01
        026190004321,admitted,2020-03-15,VD.01
        026190004321,recognized_official,2021-03-15,
        """
    static let seatHeader = "organization_code,committee,national_id,position,source,start_on,end_on,decision_number\n"

    @Test func seatsBreakingCoreRulesAreReportedAtTheirColumns() async throws {
        let issues = try await Self.issues([
            ("organizations.csv", Self.laterOrganizations), ("members.csv", Self.members), ("events.csv", Self.events),
            ("committee_seats.csv", Self.seatHeader + """
                VD.01,executive,026190004321,member,conference,2021-03-14,,
                VD.03,executive,001085012345,secretary,appointed,2015-05-31,,
                VD.01,executive,26190004321,member,conference,2021-03-15,,
                VD.01,executive,001085012345,member,conference,2021-05-01,2021-04-30,
                VD.01,inspection,00108501234A,chair,conference,2021-05-01,,
                VD.02,executive,001085012345,member,appointed,2021-05-01,,
                """),
        ])
        #expect(issues == [
            "committee_seats.csv:2: national_id: Ngày 14/3/2021 người này còn là đảng viên dự bị (chính thức từ ngày "
                + "15/3/2021); đảng viên dự bị không có quyền ứng cử, bầu cử cơ quan lãnh đạo của Đảng nên không được bầu, "
                + "chỉ định vào cấp ủy (Điều lệ Đảng, Điều 2, khoản 3).",
            "committee_seats.csv:3: start_on: Tổ chức đảng VD.03 được thành lập ngày 1/6/2015, nên chưa có cấp ủy vào ngày 31/5/2015.",
            "committee_seats.csv:5: end_on: Ngày kết thúc 30/4/2021 phải từ ngày bắt đầu 1/5/2021 trở đi.",
            "committee_seats.csv:6: national_id: Số CCCD \"00108501234A\" có ký tự \"A\" không phải chữ số; số CCCD gồm 12 chữ số.",
            "committee_seats.csv:7: national_id: Ngày 1/5/2021 đảng viên sinh hoạt ở chi bộ VD.01, không thuộc VD.02; người "
                + "giữ chức trong cấp ủy phải là đảng viên của tổ chức đó.",
        ])
    }

    @Test func aSeatIsImportedWhenItsHolderIsOfficialThatDay() async throws {
        let (change, registry) = try await Self.run([
            ("organizations.csv", Self.laterOrganizations), ("members.csv", Self.members), ("events.csv", Self.events),
            ("committee_seats.csv", Self.seatHeader + """
                VD.01,executive,26190004321,secretary,conference,2021-03-15,,12-QĐ/ĐUK
                VD.01,inspection,1085012345,chair,conference,2015-06-01,2020-06-01,
                """),
        ])
        // 11 and 10 digits: the leading zeros Excel dropped are restored, and the holders found.
        #expect(change.seats.map(\.member) == [MemberID(2), MemberID(1)])
        #expect(registry.seats.allSatisfy { $0.violations(in: registry).isEmpty })
    }

    @Test func theHolderRulesWaitForTheJournals() async throws {
        // A refused journal writes no periods: its member's seats are not reported as held by a non-member.
        let issues = try await Self.issues([
            ("organizations.csv", Self.laterOrganizations), ("members.csv", Self.members),
            ("events.csv", Self.events + "\n001085012345,recognized_official,2021-03-15,"),
            ("committee_seats.csv", Self.seatHeader + """
                VD.01,executive,001085012345,member,conference,2021-05-01,,
                VD.03,executive,001085012345,secretary,appointed,2015-05-31,,
                """),
        ])
        #expect(issues.count == 2, "\(issues)")
        #expect(issues.first?.hasPrefix("committee_seats.csv:3: start_on: ") == true)
        #expect(issues.last?.hasPrefix("events.csv:5: kind: ") == true)
    }

    @Test func oversightCasesBreakingCoreRulesAreReportedAtTheirColumns() async throws {
        let issues = try await Self.issues([
            ("organizations.csv", Self.laterOrganizations), ("members.csv", Self.members),
            ("oversight.csv", Self.oversightHeader + """
                KT-1,inspection,thematic,committee,VD,2015-05-01,,VD.03,,
                KT-2,supervision,regular,committee,VD,2021-02-10,,VD.09,,
                KT-3,supervision,regular,committee,VD,2021-02-10,2021-02-09,VD.01,,
                KT-4,supervision,regular,committee,VD.03,2015-05-31,,,001085012345,
                KT-5,supervision,regular,committee,VD,2021-02-10,,,099999999999,
                KT-1,inspection,thematic,committee,VD,2015-05-01,,,0010850123,
                """),
        ])
        #expect(issues == [
            "oversight.csv:2: subject_code: Tổ chức đảng VD.03 được thành lập ngày 1/6/2015, sau ngày bắt đầu cuộc kiểm tra "
                + "1/5/2015; chỉ kiểm tra, giám sát tổ chức đã có, kể cả đã giải thể, sáp nhập (Quy định 22-QĐ/TW, phạm vi điều chỉnh).",
            "oversight.csv:3: subject_code: không có tổ chức đảng mã VD.09",
            "oversight.csv:4: ended_on: Ngày kết thúc 9/2/2021 phải từ ngày bắt đầu 10/2/2021 trở đi.",
            "oversight.csv:5: started_on: Tổ chức đảng VD.03 được thành lập ngày 1/6/2015, nên chưa thể tiến hành cuộc "
                + "giám sát từ ngày 31/5/2015.",
            "oversight.csv:6: subject_national_id: không có đảng viên số CCCD 099999999999",
            "oversight.csv:7: subject_national_id: Số CCCD \"0010850123\" có 10 chữ số; thêm số 0 ở đầu cũng không thành số "
                + "CCCD (3 chữ số đầu là mã tỉnh, từ 001 đến 096); số CCCD gồm 12 chữ số.",
        ])
    }

    @Test func aDissolvedOrganizationMayStillBeInspected() async throws {
        let (change, _) = try await Self.run([
            ("organizations.csv", Self.laterOrganizations), ("members.csv", Self.members),
            ("oversight.csv", Self.oversightHeader + """
                KT-1,inspection,violation_signs,inspection_commission,VD,2021-02-01,,VD.04,,
                KT-1,inspection,violation_signs,inspection_commission,VD,2021-02-01,,,1085012345,
                """),
        ])
        #expect(change.cases.map(\.subjects) == [[.organization(OrganizationID(5)), .member(MemberID(1))]])
    }

    @Test func ethnicityAndReligionAreCanonical() async throws {
        let (change, _) = try await Self.run([("members.csv", """
            national_id,full_name,gender,birth_date,ethnicity,religion
            001085012345,Nguyễn Văn An,nam,1985-04-12,,
            001085012346,Giàng A Páo,nam,1985-04-12,H'Mông,khong
            001085012347,H Nhung Êban,nữ,1990-01-01,ê-đê,Tin lành
            001085012348,Thạch Thị Sa Rươne,nữ,1990-01-01,Khơ-me,Hoà Hảo
            001085012349,Lò Văn Khoa,nam,1988-01-01,Thái Đen,Thiên Chúa giáo
            """)])
        #expect(change.members.map(\.ethnicity) == ["Kinh", "Mông", "Ê Đê", "Khmer", "Thái Đen"])
        #expect(change.members.map(\.religion) == ["Không", "Không", "Tin Lành", "Phật giáo Hòa Hảo", "Thiên Chúa giáo"])
    }

    /// `meetings.csv` and `attendance.csv` (issue 11 point 4): a month's meeting with its attendance comes in; each bad
    /// line is named at its column, and nothing comes in.
    static let meetingBase: [(String, String)] = [
        ("organizations.csv", organizations), ("members.csv", members),
        ("events.csv", """
            national_id,kind,effective_on,organization_code
            001085012345,transferred_in,2010-03-01,VD.01
            026190004321,transferred_in,2020-03-15,VD.01
            """),
    ]

    @Test func aMeetingWithItsAttendance() async throws {
        let (change, registry) = try await Self.run(Self.meetingBase + [
            ("meetings.csv", """
                meeting_ref,organization_code,kind,held_on,duration_minutes,chair_national_id,agenda,resolution
                SH-2025-11,VD.01,regular,2025-11-05,120,001085012345,"Kiểm điểm tháng 10;
                triển khai tháng 11",Thống nhất
                SH-2025-Q4,VD.01,chuyên đề,12/11/2025,95,,,
                """),
            ("attendance.csv", """
                meeting_ref,national_id,status
                SH-2025-11,001085012345,present
                SH-2025-11,026190004321,vắng không lý do
                SH-2025-Q4,026190004321,absent_excused
                """),
        ])
        #expect(change.meetings.map(\.reference) == ["SH-2025-11", "SH-2025-Q4"])
        #expect(change.meetings[0].attendance.map(\.status) == [.present, .absentUnexcused])
        #expect(change.meetings[1].kind == .thematic && change.meetings[1].held == Day(iso: "2025-11-12"))
        #expect(change.meetings[0].chair == MemberID(1) && change.meetings[0].agenda == "Kiểm điểm tháng 10; triển khai tháng 11"
            && change.meetings[0].resolution == "Thống nhất" && change.meetings[1].chair == nil)
        let review = registry.review(of: OrganizationID(1), from: Day(iso: "2025-11-01")!, to: Day(iso: "2025-11-30")!)
        #expect(review.meetings.regular == 1 && review.meetings.thematic == 1 && review.meetings.cellsWithoutMonthlyMeeting == 0)
    }

    @Test func aBadMeetingOrAttendanceLineIsNamedAtItsColumn() async throws {
        let issues = try await Self.issues(Self.meetingBase + [
            ("meetings.csv", """
                meeting_ref,organization_code,kind,held_on,duration_minutes
                SH-1,VD.01,regular,2025-11-05,120
                SH-1,VD.01,regular,2025-12-05,120
                SH-2,VD.02,regular,2025-11-05,120
                SH-3,VD.09,monthly,2025-11-05,0
                SH-4,VD.01,thematic,2025-11-06,một giờ
                """),
            ("attendance.csv", """
                meeting_ref,national_id,status
                SH-1,001085012345,present
                SH-1,001085012345,present
                SH-9,001085012345,present
                SH-1,001099000001,present
                SH-1,026190004321,ngủ
                """),
        ])
        #expect(issues == [
            "attendance.csv:3: national_id: đảng viên này đã được điểm danh ở buổi sinh hoạt này (dòng 2)",
            "attendance.csv:4: meeting_ref: không có buổi sinh hoạt SH-9 trong tệp meetings",
            "attendance.csv:5: national_id: không có đảng viên số CCCD 001099000001",
            "attendance.csv:6: status: giá trị không hợp lệ: \"ngủ\"; dùng một trong: present, absent_excused, absent_unexcused, exempt, guest",
            "meetings.csv:3: meeting_ref: buổi sinh hoạt SH-1 đã ghi ở dòng 2",
            "meetings.csv:4: organization_code: VD.02 không phải là chi bộ vào ngày 5/11/2025",
            "meetings.csv:5: organization_code: không có tổ chức đảng mã VD.09",
            "meetings.csv:5: kind: giá trị không hợp lệ: \"monthly\"; dùng một trong: regular, thematic",
            "meetings.csv:5: duration_minutes: số phút không hợp lệ: \"0\" (một số từ 1 đến 1.440)",
            "meetings.csv:6: duration_minutes: số phút không hợp lệ: \"một giờ\" (một số từ 1 đến 1.440)",
        ], "\(issues)")
        // A meeting of another year, and a national ID that is no CCCD.
        let attendance = try await Self.issues(Self.meetingBase + [
            ("meetings.csv", "meeting_ref,organization_code,kind,held_on,duration_minutes\nSH-1,VD.01,regular,2025-11-05,120\n"
                + "SH-OLD,VD.01,regular,2015-11-05,120\n"),
            ("attendance.csv", """
                meeting_ref,national_id,status
                SH-1,001085012345,present
                SH-1,001085012345,present
                SH-9,001085012345,present
                SH-1,001099000001,present
                SH-1,026190004321,ngủ
                SH-OLD,026190004321,present
                SH-OLD,026190004321x,present
                """),
        ])
        #expect(attendance.prefix(4) == [
            "attendance.csv:3: national_id: đảng viên này đã được điểm danh ở buổi sinh hoạt này (dòng 2)",
            "attendance.csv:4: meeting_ref: không có buổi sinh hoạt SH-9 trong tệp meetings",
            "attendance.csv:5: national_id: không có đảng viên số CCCD 001099000001",
        ] + [attendance.count > 3 ? attendance[3] : ""], "\(attendance)")
        #expect(attendance.contains { $0.hasPrefix("attendance.csv:6: status: giá trị không hợp lệ: \"ngủ\"") })
        #expect(attendance.contains { $0.hasPrefix("attendance.csv:8: national_id: ") })
        // On the rolls of the cell that day, but for a guest: Lê Thị Thu Hà came to VD.01 only in 2020.
        let rolls = try await Self.issues(Self.meetingBase + [
            ("meetings.csv", "meeting_ref,organization_code,kind,held_on,duration_minutes\nSH-OLD,VD.01,regular,2015-11-05,120\n"),
            ("attendance.csv", "meeting_ref,national_id,status\nSH-OLD,026190004321,absent_unexcused\nSH-OLD,001085012345,present\n"),
        ])
        #expect(rolls == ["attendance.csv:2: national_id: đảng viên không sinh hoạt ở chi bộ này vào ngày 5/11/2015; ghi guest (sinh hoạt tạm thời) nếu đến dự"])
        let guest = try await Self.run(Self.meetingBase + [
            ("meetings.csv", "meeting_ref,organization_code,kind,held_on,duration_minutes\nSH-OLD,VD.01,regular,2015-11-05,120\n"),
            ("attendance.csv", "meeting_ref,national_id,status\nSH-OLD,026190004321,guest\n"),
        ])
        #expect(guest.0.meetings.first?.attendance == [Attendance(member: MemberID(2), status: .guest)])
    }
}
