import DangBoCore
@testable import DangBoInterchange
import Foundation
import Testing

/// `committee_terms.csv`, `oversight_steps.csv`, `oversight_team.csv` and `follow_up_tasks.csv` (issue 11 points 1,
/// 2 and 5): terms, a case's progress and its remedies come in with the case, checked by Core's rules; each bad line is
/// named at its column, and nothing comes in.
@Suite struct OversightWorkImportTests {
    typealias T = ImporterTests

    static let base: [(String, String)] = [
        ("organizations.csv", T.organizations), ("members.csv", T.members),
        ("events.csv", """
            national_id,kind,effective_on,organization_code
            001085012345,transferred_in,2010-03-01,VD.01
            026190004321,transferred_in,2012-03-15,VD.01
            """),
        ("oversight.csv", """
            case_ref,activity,mode,conductor,conductor_code,started_on,ended_on,subject_code,subject_national_id,outcome
            KT-1,inspection,thematic,inspection_commission,VD,2025-03-01,2025-04-15,VD.01,,shortcomings
            GS-1,supervision,regular,committee,VD,2025-05-01,2025-05-20,,001085012345,no_violation
            """),
    ]

    @Test func termsProgressAndTasksComeIn() async throws {
        let (change, registry) = try await T.run(Self.base + [
            ("committee_terms.csv", """
                organization_code,committee,name,start_on,end_on,size,decision_number
                VD.01,executive,2020–2025,2020-05-10,2025-05-12,3,
                VD.01,executive,2025–2030,2025-05-12,,3,15-QĐ/ĐUK
                VD.02,inspection,2025–2030,2025-06-01,,5,
                """),
            ("oversight_steps.csv", """
                case_ref,stage,day,document,note,conclusion,discipline_proposed
                KT-1,decided,2025-03-01,12-QĐ/UBKT,,,
                KT-1,self_report,2025-03-10,,,,
                KT-1,verification,2025-03-20,,,,
                KT-1,team_report,2025-04-01,,,,
                KT-1,concluded,2025-04-15,20-TB/UBKT,,Còn hạn chế trong quản lý hồ sơ.,
                KT-1,notified,2025-04-15,,,,
                KT-1,follow_up,2025-04-16,,,,
                GS-1,concluded,2025-05-20,,,Không có vi phạm.,
                """),
            ("oversight_team.csv", """
                case_ref,national_id,leader
                KT-1,001085012345,yes
                KT-1,026190004321,
                """),
            ("follow_up_tasks.csv", """
                case_ref,text,subject_code,subject_national_id,due_on,done_on
                KT-1,Rà soát hồ sơ đảng viên,VD.01,,2025-06-15,2025-06-10
                """),
        ])
        #expect(change.terms.map(\.name) == ["2020–2025", "2025–2030", "2025–2030"])
        #expect(change.progress.map(\.caseReference) == ["KT-1", "GS-1"])
        #expect(change.progress[0].steps.count == 7 && change.progress[0].teamLeader == MemberID(1) && change.progress[0].team.count == 2)
        #expect(change.progress[0].conclusion == "Còn hạn chế trong quản lý hồ sơ.")
        #expect(change.tasks.map(\.done) == [Day(iso: "2025-06-10")])
        let figures = registry.oversightFigures(of: OrganizationID(1), from: Day(iso: "2025-01-01")!, to: Day(iso: "2025-06-30")!,
                                                progress: registry.progress, tasks: registry.tasks)
        #expect(figures[.inspection, .thematic, .inspectionCommission].concluded(.shortcomings) == 1)
        #expect(figures[.supervision, .regular, .committee].concluded == 1)
    }

    @Test func eachBadLineIsNamedAndNothingComesIn() async throws {
        let issues = try await T.issues(Self.base + [
            ("committee_terms.csv", """
                organization_code,committee,name,start_on,end_on,size,decision_number
                VD.01,executive,2020–2025,2020-05-10,2025-05-12,8,
                VD.01,inspection,2020–2025,2020-05-10,,,
                VD.02,executive,2020–2025,2020-05-10,2025-05-12,9,
                VD.02,executive,2022–2027,2022-05-10,,9,
                VD.02,inspection,2025–2020,2025-05-10,2020-05-10,5,
                """),
        ])
        #expect(issues.contains("committee_terms.csv:6: end_on: Ngày kết thúc nhiệm kỳ phải sau ngày bắt đầu 10/5/2025."), "\(issues)")
        #expect(issues.contains { $0.hasPrefix("committee_terms.csv:2: size: Chi ủy có không quá 7 người") }, "\(issues)")
        #expect(issues.contains { $0.hasPrefix("committee_terms.csv:3: committee: ") }, "\(issues)")
        #expect(issues.contains { $0.hasPrefix("committee_terms.csv:5: start_on: Nhiệm kỳ 2020–2025") }, "\(issues)")
        #expect(!issues.contains { $0.hasPrefix("committee_terms.csv:4") }, "\(issues)")
        #expect(issues.count == 4, "\(issues)")
    }

    @Test func eachBadStepOrTaskIsNamedAndNothingComesIn() async throws {
        let issues = try await T.issues(Self.base + [
            ("oversight_steps.csv", """
                case_ref,stage,day,document,note,conclusion,discipline_proposed
                KT-1,decided,2025-02-28,,,,
                GS-1,decided,2025-05-01,,,,
                KT-9,concluded,2025-05-20,,,,
                """),
            ("follow_up_tasks.csv", """
                case_ref,text,subject_code,subject_national_id,due_on,done_on
                GS-1,Khắc phục,,001085012345,2025-06-15,
                """),
        ])
        #expect(issues.contains("oversight_steps.csv:4: case_ref: không có cuộc kiểm tra, giám sát KT-9 trong cơ sở dữ liệu hay tệp oversight"), "\(issues)")
        #expect(issues.contains { $0.hasPrefix("oversight_steps.csv:2: stage: ") }, "\(issues)")
        #expect(issues.contains { $0.hasPrefix("oversight_steps.csv:3: stage: ") }, "\(issues)")
        #expect(issues.contains { $0.hasPrefix("follow_up_tasks.csv:2: ") }, "\(issues)")
    }

    static let programme = "conductor_code,conductor,year,item,content,activity,mode,period,subject_code,subject_national_id,case_ref\n"

    /// `oversight_programme.csv`: one row per subject of an item; the items in their numbers' order, a case named by
    /// its item, periods as the interchange writes them or as users do.
    @Test func programmesComeIn() async throws {
        let (change, registry) = try await T.run(Self.base + [
            ("oversight_programme.csv", Self.programme + """
                VD,inspection_commission,2025,2,Giám sát chuyên đề công tác cán bộ,supervision,thematic,Quý IV,VD.01,,
                VD,inspection_commission,2025,1,Kiểm tra chuyên đề quản lý hồ sơ,inspection,thematic,Q1,VD.01,,KT-1
                VD,inspection_commission,2025,2,Giám sát chuyên đề công tác cán bộ,supervision,thematic,Quý IV,,026190004321,
                VD.01,cell,2025,1,Giám sát đảng viên,supervision,thematic,tháng 6,,001085012345,
                """),
        ])
        #expect(change.programmes.count == 2)
        let commission = try #require(change.programmes.first)
        #expect(commission.key == OversightProgramme.Key(conductorOrganization: OrganizationID(1), conductor: .inspectionCommission, year: 2025))
        #expect(commission.items.map(\.caseReference) == ["KT-1", nil])
        #expect(commission.items.map(\.planned) == [.quarter(year: 2025, quarter: 1), .quarter(year: 2025, quarter: 4)])
        #expect(commission.items[1].subjects == [.organization(OrganizationID(2)), .member(MemberID(2))])
        #expect(change.programmes[1].items.map(\.planned) == [.month(year: 2025, month: 6)])
        #expect(registry.cases.first { $0.reference == "KT-1" }?.isInProgramme(registry.programmes) == true)
    }

    @Test func eachBadProgrammeLineIsNamedAndNothingComesIn() async throws {
        let issues = try await T.issues(Self.base + [
            ("oversight_programme.csv", Self.programme + """
                VD,inspection_commission,2025,1,Kiểm tra,inspection,thematic,Q5,VD.01,,
                VD,inspection_commission,2025,2,Giám sát,supervision,thematic,Q2,VD.01,,
                VD,inspection_commission,2025,2,Giám sát khác,supervision,thematic,Q2,VD.02,,
                VD,inspection_commission,2025,3,Kiểm tra,inspection,thematic,Q1,VD.01,,KT-9
                VD,inspection_commission,2025,4,Giám sát,supervision,regular,Q2,VD.01,,GS-1
                VD,inspection_commission,2025,5,Kiểm tra,inspection,thematic,Q1,VD.01,,KT-1
                VD,inspection_commission,2025,5,Kiểm tra,inspection,thematic,Q1,VD.01,,KT-1
                VD,inspection_commission,20x5,1,Kiểm tra,inspection,thematic,Q1,VD.01,,
                VD,inspection_commission,2025,0,Kiểm tra,inspection,thematic,Q1,VD.01,,
                """),
        ])
        #expect(issues.contains { $0.hasPrefix("oversight_programme.csv:2: period: thời gian không hợp lệ") }, "\(issues)")
        #expect(issues.contains { $0.hasPrefix("oversight_programme.csv:4: item: các dòng của mục 2 phải giống nhau") }, "\(issues)")
        #expect(issues.contains("oversight_programme.csv:8: subject_code: đối tượng này đã ghi cho mục 5 ở một dòng trước"), "\(issues)")
        #expect(issues.contains { $0.hasPrefix("oversight_programme.csv:9: year: năm không hợp lệ") }, "\(issues)")
        #expect(issues.contains { $0.hasPrefix("oversight_programme.csv:10: item: số thứ tự mục không hợp lệ") }, "\(issues)")
        #expect(issues.count == 5, "\(issues)")

        // The rows read, the items are checked against the cases and Core's rules.
        let cases = try await T.issues(Self.base + [
            ("oversight_programme.csv", Self.programme + """
                VD,inspection_commission,2025,1,Kiểm tra,inspection,thematic,Q1,VD.01,,KT-9
                VD,inspection_commission,2025,2,Giám sát,supervision,regular,Q2,VD.01,,GS-1
                VD,inspection_commission,2025,3,Kiểm tra,inspection,thematic,Q1,VD.01,,KT-1
                VD,inspection_commission,2025,4,Kiểm tra lại,inspection,thematic,Q2,VD.01,,KT-1
                VD.01,cell,2025,1,Giám sát,supervision,thematic,Q1,VD.01,,KT-1
                """),
        ])
        #expect(cases.contains("oversight_programme.csv:2: case_ref: không có cuộc kiểm tra, giám sát KT-9 trong cơ sở dữ liệu hay tệp oversight"), "\(cases)")
        #expect(cases.contains { $0.hasPrefix("oversight_programme.csv:3: case_ref: cuộc GS-1 không phải") }, "\(cases)")
        #expect(cases.contains { $0.hasPrefix("oversight_programme.csv:5: case_ref: ") }, "\(cases)")
        #expect(cases.contains { $0.hasPrefix("oversight_programme.csv:6: case_ref: cuộc KT-1 không phải") }, "\(cases)")
        #expect(cases.count == 4, "\(cases)")
    }

    /// A programme already in the registry is refused, not written twice; the same file into an empty registry is not.
    @Test func aProgrammeIsImportedOnce() async throws {
        let file = ("oversight_programme.csv", Self.programme + "VD,committee,2025,1,Giám sát,supervision,thematic,Q3,VD.01,,\n")
        let (_, first) = try await T.run(Self.base + [file])
        #expect(first.programmes.count == 1)
        do {
            _ = try await T.run([file], into: first)
            Issue.record("a programme imported twice")
        } catch let failure as ImportFailure {
            #expect(failure.issues.map(\.description) == [
                "oversight_programme.csv:2: conductor_code: chương trình kiểm tra, giám sát năm 2025 của cấp ủy VD đã có trong cơ sở dữ liệu",
            ])
        }
    }

    @Test(arguments: [
        ("Q2", ProgrammePeriod?.some(.quarter(year: 2025, quarter: 2))), ("q4", .quarter(year: 2025, quarter: 4)),
        ("Quý II", .quarter(year: 2025, quarter: 2)), ("quý 3", .quarter(year: 2025, quarter: 3)),
        ("Quý IV/2025", .quarter(year: 2025, quarter: 4)), ("M1", .month(year: 2025, month: 1)),
        ("Tháng 12", .month(year: 2025, month: 12)), ("tháng 4/2025", .month(year: 2025, month: 4)),
        ("Quý II/2024", nil), ("Q0", nil), ("Q5", nil), ("M13", nil), ("Quý V", nil), ("Q", nil), ("2", nil), ("", nil),
    ])
    func periodsAsWrittenAndAsUsersWriteThem(text: String, expected: ProgrammePeriod?) {
        #expect(ImportVocabulary.programmePeriod(text, year: 2025) == expected)
        if let expected { #expect(ImportVocabulary.programmePeriod(ImportVocabulary.code(of: expected), year: 2025) == expected) }
    }
}
