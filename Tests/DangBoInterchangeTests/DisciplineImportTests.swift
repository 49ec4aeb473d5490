import DangBoCore
@testable import DangBoInterchange
import Foundation
import Testing

/// `discipline.csv` and `discipline_appeals.csv` (issue 11 point 3): decisions with their appeals come in, checked by
/// Core's rules against the journals of the same import; each bad line is named at its column, and nothing comes in.
@Suite struct DisciplineImportTests {
    typealias T = ImporterTests

    /// Member 1 official since 2010, expelled on 1/10/2025; member 2 admitted on 15/3/2025 (probationary).
    static let base: [(String, String)] = [
        ("organizations.csv", T.organizations), ("members.csv", T.members),
        ("events.csv", """
            national_id,kind,effective_on,organization_code
            001085012345,transferred_in,2010-03-01,VD.01
            001085012345,expelled,2025-10-01,
            026190004321,admitted,2025-03-15,VD.01
            """),
    ]

    static let header = "decision_ref,subject_code,subject_national_id,sanction,deciding_code,deciding_body,offence_on,decided_on,effective_on,decision_number,case_ref"

    @Test func decisionsAndAppealsComeIn() async throws {
        let (change, registry) = try await T.run(Self.base + [
            ("discipline.csv", """
                \(Self.header)
                KL-1,,001085012345,khai trừ,VD,standing_committee,2025-05-01,2025-09-30,2025-10-01,12-QĐ/ĐUK,
                KL-2,,026190004321,reprimand,VD.01,cell,2025-04-01,2025-06-10,,,KT-2025-3
                KL-3,VD.02,,cảnh cáo,VD,Ban Thường vụ,2024-12-01,2025-06-10,,,
                """),
            ("discipline_appeals.csv", """
                decision_ref,lodged_on,outcome,decided_on,reduced_to
                KL-3,2025-06-20,reduced,2025-08-01,reprimand
                """),
        ])
        #expect(change.disciplines.map(\.reference) == ["KL-1", "KL-2", "KL-3"])
        #expect(change.disciplines[0].sanction == .expulsion && change.disciplines[0].effective == Day(iso: "2025-10-01"))
        #expect(change.disciplines[1].oversightCase == "KT-2025-3" && change.disciplines[1].effective == Day(iso: "2025-06-10"))
        #expect(change.disciplines[2].appeals == [DisciplineAppeal(lodged: Day(iso: "2025-06-20")!,
                                                                   outcome: .reduced(to: .reprimand, on: Day(iso: "2025-08-01")!))])
        let review = registry.review(of: OrganizationID(1), from: Day(iso: "2025-04-01")!, to: Day(iso: "2025-12-31")!)
        #expect(review.discipline.members == ["reprimand": 1, "warning": 0, "removalFromPost": 0, "expulsion": 1])
        #expect(review.discipline.organizations == ["reprimand": 0, "warning": 1, "dissolution": 0])
    }

    @Test func eachBadLineIsNamedAndNothingComesIn() async throws {
        let issues = try await T.issues(Self.base + [
            ("discipline.csv", """
                \(Self.header)
                KL-1,,026190004321,expulsion,VD,standing_committee,2025-05-01,2025-09-30,,,
                KL-1,,001085012345,reprimand,VD,standing_committee,2019-05-01,2025-09-30,,,
                KL-3,VD.02,001085012345,reprimand,VD,committee,2025-05-01,2025-09-30,,,
                KL-4,,001085012345,warning,VD,committee,2025-05-01,2025-05-02,,,
                KL-5,VD.02,,expulsion,VD.09,hội đồng,2025-05-01,2025-04-30,,,
                """),
            ("discipline_appeals.csv", """
                decision_ref,lodged_on,outcome,decided_on,reduced_to
                KL-9,2025-06-20,upheld,2025-07-01,
                KL-4,2025-06-20,upheld,,
                """),
        ])
        #expect(issues.contains("discipline.csv:3: decision_ref: quyết định kỷ luật KL-1 đã ghi ở dòng 2"), "\(issues)")
        #expect(issues.contains("discipline.csv:4: subject_code: mỗi quyết định chỉ có một đối tượng: subject_code hoặc subject_national_id"))
        #expect(issues.contains("discipline.csv:6: deciding_code: không có tổ chức đảng mã VD.09"))
        #expect(issues.contains { $0.hasPrefix("discipline.csv:6: deciding_body: giá trị không hợp lệ: \"hội đồng\"") })
        #expect(issues.contains("discipline_appeals.csv:2: decision_ref: không có quyết định kỷ luật KL-9 trong tệp discipline"))
        #expect(issues.contains { $0.hasPrefix("discipline_appeals.csv:3: decided_on: kết quả upheld cần ngày giải quyết") })
        #expect(!issues.isEmpty)
    }

    /// The rules of Core's, after the lines read well: a probationer is not expelled; an expulsion needs its event; a
    /// reprimand past five years is time-barred.
    @Test func theRulesAreCheckedAgainstTheJournals() async throws {
        let issues = try await T.issues(Self.base + [
            ("discipline.csv", """
                \(Self.header)
                KL-1,,026190004321,expulsion,VD,standing_committee,2025-05-01,2025-09-30,,,
                KL-2,,001085012345,reprimand,VD,standing_committee,2020-05-01,2025-05-02,,,
                KL-3,,001085012345,warning,VD,standing_committee,2025-01-01,2025-05-02,,,
                """),
        ])
        #expect(issues.count == 3, "\(issues)")
        #expect(issues.contains { $0.hasPrefix("discipline.csv:2: sanction: ") && $0.contains("dự bị") }, "\(issues)")
        #expect(issues.contains { $0.hasPrefix("discipline.csv:2: effective_on: chưa có biến động khai trừ") }, "\(issues)")
        #expect(issues.contains { $0.hasPrefix("discipline.csv:3: decided_on: ") }, "\(issues)")
        // The last day of the limitation is allowed.
        let (change, _) = try await T.run(Self.base + [
            ("discipline.csv", "\(Self.header)\nKL-2,,001085012345,reprimand,VD,standing_committee,2020-05-02,2025-05-02,,,\n"),
        ])
        #expect(change.disciplines.count == 1)
    }
}
