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
                """),
        ])
        #expect(issues.contains { $0.hasPrefix("committee_terms.csv:2: size: Chi ủy có không quá 7 người") }, "\(issues)")
        #expect(issues.contains { $0.hasPrefix("committee_terms.csv:3: committee: ") }, "\(issues)")
        #expect(issues.contains { $0.hasPrefix("committee_terms.csv:5: start_on: Nhiệm kỳ 2020–2025") }, "\(issues)")
        #expect(!issues.contains { $0.hasPrefix("committee_terms.csv:4") }, "\(issues)")
        #expect(issues.count == 3, "\(issues)")
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
}
