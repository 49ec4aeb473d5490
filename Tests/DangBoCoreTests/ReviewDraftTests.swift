import DangBoCore
import Testing

/// The review's words drafted from its figures: the summary names the period and the next one ("sơ kết" for part of a
/// year, "tổng kết" for a year), the sentences carry the review's figures in Vietnamese number format and leave out
/// the parts that are zero.
@Suite struct ReviewDraftTests {
    static func day(_ iso: String) -> Day { Day(iso: iso)! }

    @Test(arguments: [
        ("2021-01-01", "2021-03-31", "Sơ kết công tác xây dựng Đảng quý I/2021, phương hướng, nhiệm vụ quý II/2021"),
        ("2021-10-01", "2021-12-31", "Sơ kết công tác xây dựng Đảng quý IV/2021, phương hướng, nhiệm vụ quý I/2022"),
        ("2021-01-01", "2021-06-30", "Sơ kết công tác xây dựng Đảng 6 tháng đầu năm 2021, phương hướng, nhiệm vụ 6 tháng cuối năm 2021"),
        ("2021-01-01", "2021-12-31", "Tổng kết công tác xây dựng Đảng năm 2021, phương hướng, nhiệm vụ năm 2022"),
        ("2021-02-01", "2021-02-28", "Sơ kết công tác xây dựng Đảng tháng 2/2021, phương hướng, nhiệm vụ tháng 3/2021"),
        // Not a calendar quarter, or a custom span: no next period to name.
        ("2021-02-01", "2021-04-30", "Sơ kết công tác xây dựng Đảng từ 1/2/2021 đến 30/4/2021, phương hướng, nhiệm vụ thời gian tới"),
        ("2021-01-15", "2021-03-31", "Sơ kết công tác xây dựng Đảng từ 15/1/2021 đến 31/3/2021, phương hướng, nhiệm vụ thời gian tới"),
    ])
    func summary(from: String, to: String, summary: String) {
        #expect(ReviewDraft.summary(from: Self.day(from), to: Self.day(to)) == summary)
    }

    @Test func leapYearsAndYearEnds() {
        #expect(ReviewDraft.nextPeriod(from: Self.day("2024-01-01"), to: Self.day("2024-01-31"))! == (Self.day("2024-02-01"), Self.day("2024-02-29")))
        #expect(ReviewDraft.nextPeriod(from: Self.day("2023-12-01"), to: Self.day("2023-12-31"))! == (Self.day("2024-01-01"), Self.day("2024-01-31")))
        #expect(ReviewDraft.isYearEnd(from: Self.day("2021-01-01"), to: Self.day("2021-12-31")))
        #expect(!ReviewDraft.isYearEnd(from: Self.day("2021-01-01"), to: Self.day("2021-12-30")))
    }

    @Test(arguments: [("2026-11-26", "2026-07-01", "2026-09-30"), ("2026-09-30", "2026-07-01", "2026-09-30"),
                      ("2026-09-29", "2026-04-01", "2026-06-30"), ("2026-01-15", "2025-10-01", "2025-12-31"),
                      ("2026-12-31", "2026-10-01", "2026-12-31")])
    func theLastQuarterEndedByADay(day: String, from: String, to: String) {
        let quarter = ReviewDraft.lastQuarter(endingBy: Self.day(day))
        #expect(quarter.from == Self.day(from) && quarter.to == Self.day(to))
    }

    /// The example review's figures (quarter I of 2021, to 30/3 as it was written), its balance holding.
    static func example() -> Review {
        var review = Review(organization: "DUK", from: day("2021-01-01"), to: day("2021-03-30"))
        review.organizations.grassroots = 57
        review.members.total = 4_046
        review.members.official = 3_900
        review.members.probationary = 146
        review.committees.consolidated = 19
        review.organizations.established = 1
        review.movements.admitted = 18
        review.movements.transferredIn = 70
        review.movements.transferredOut = 48
        review.setOversight(.init(cases: 6, organizations: 6, members: 170), activity: .supervision, mode: .regular, conductor: .committee)
        review.setOversight(.init(cases: 40, organizations: 32, members: 164), activity: .supervision, mode: .regular,
                            conductor: .inspectionCommission)
        review.members.atStart = 4_006
        review.settle()
        return review
    }

    /// The example review's figures in its sentences.
    @Test func theExampleReviewsFiguresInItsSentences() {
        let review = Self.example()
        let sentences = ReviewDraft.sentences(review, name: "Đảng bộ Khối các cơ quan tỉnh")
        #expect(sentences[0] == "Đến 30/3/2021, Đảng bộ Khối các cơ quan tỉnh có 57 chi, đảng bộ cơ sở, với 4.046 đảng viên "
            + "(3.900 đảng viên chính thức, 146 đảng viên dự bị).")
        #expect(sentences[1] == "Từ 1/1/2021 đến 30/3/2021, đã bổ sung, kiện toàn cấp ủy thuộc 19 tổ chức đảng; "
            + "thành lập mới 1 tổ chức cơ sở đảng; kết nạp 18 quần chúng ưu tú vào Đảng; tiếp nhận và giới thiệu chuyển "
            + "sinh hoạt đảng cho 118 đảng viên (tiếp nhận 70, chuyển đi 48).")
        #expect(sentences[2] == "Cấp ủy các cấp đã giám sát thường xuyên 6 tổ chức, 170 đảng viên; Ủy ban kiểm tra các cấp "
            + "giám sát thường xuyên 164 đảng viên, 32 tổ chức đảng.")
        #expect(sentences[3] == "Đầu kỳ có 4.006 đảng viên, tăng 88, giảm 48; cuối kỳ có 4.046 đảng viên.")
        #expect(sentences.count == 4)  // nobody left: no sentence of departures
        // Named as the example names it, when the names given are every one counted; a count otherwise.
        let named = ReviewDraft.sentences(review, name: "Đảng bộ Khối các cơ quan tỉnh",
                                          established: ["Chi bộ Ban bảo vệ chăm sóc sức khỏe cán bộ tỉnh"])
        #expect(named[1].contains("; thành lập mới Chi bộ Ban bảo vệ chăm sóc sức khỏe cán bộ tỉnh; kết nạp 18"))
        let partial = ReviewDraft.sentences(review, name: "Đảng bộ Khối các cơ quan tỉnh", established: ["Chi bộ A", "Chi bộ B"])
        #expect(partial[1].contains("; thành lập mới 1 tổ chức cơ sở đảng; "))
    }

    /// The meetings of the period, when there were some, before the balance.
    @Test func theMeetingsOfThePeriod() {
        var review = Self.example()
        review.meetings.regular = 171
        review.meetings.thematic = 19
        var sentences = ReviewDraft.sentences(review, name: "Đảng bộ Khối các cơ quan tỉnh")
        #expect(sentences[3] == "Các chi bộ đã tổ chức 171 buổi sinh hoạt thường kỳ, 19 buổi sinh hoạt chuyên đề.")
        #expect(sentences.last?.hasPrefix("Đầu kỳ có") == true)
        review.meetings.cellsWithoutMonthlyMeeting = 2
        sentences = ReviewDraft.sentences(review, name: "Đảng bộ Khối các cơ quan tỉnh")
        #expect(sentences[3] == "Các chi bộ đã tổ chức 171 buổi sinh hoạt thường kỳ, 19 buổi sinh hoạt chuyên đề; "
            + "2 chi bộ chưa sinh hoạt thường kỳ đủ các tháng.")
    }

    @Test func departuresAndInspectionsWhenThereAreSome() {
        var review = Review(organization: "DUK", from: Self.day("2021-01-01"), to: Self.day("2021-03-31"))
        review.movements.died = 2
        review.movements.expelled = 1
        review.setOversight(.init(cases: 3, organizations: 2, members: 5), activity: .inspection, mode: .violationSigns, conductor: .inspectionCommission)
        review.setOversight(.init(cases: 1, organizations: 0, members: 1), activity: .inspection, mode: .enforcement, conductor: .committee)
        review.settle()
        let sentences = ReviewDraft.sentences(review, name: "Chi bộ A")
        #expect(sentences.contains("Cũng trong kỳ, 2 đồng chí từ trần; khai trừ 1 đảng viên."))
        #expect(sentences.contains("Các cấp đã tiến hành 4 cuộc kiểm tra đối với 2 tổ chức, 6 đảng viên."))
        #expect(!sentences.contains { $0.contains(", đã ") })  // nothing done: no sentence of the work done
        review.movements.admitted = 3
        #expect(ReviewDraft.sentences(review, name: "Chi bộ A").contains("Trong quý I/2021, đã kết nạp 3 quần chúng ưu tú vào Đảng."))
    }

    /// Thematic supervision joins the sentence of the oversight; discipline has its own, by sanction, only when there is
    /// some.
    @Test func thematicSupervisionAndDiscipline() {
        var review = Review(organization: "DUK", from: Self.day("2021-01-01"), to: Self.day("2021-03-31"))
        review.setOversight(.init(cases: 2, organizations: 2, members: 0), activity: .supervision, mode: .thematic, conductor: .committee)
        review.settle()
        #expect(!ReviewDraft.sentences(review, name: "Chi bộ A").contains { $0.hasPrefix("Thi hành kỷ luật") })
        #expect(ReviewDraft.sentences(review, name: "Chi bộ A").contains("Giám sát chuyên đề 2 tổ chức, 0 đảng viên."))
        review.discipline = Review.Discipline(DisciplineFigures(organizations: [.warning: 1], members: [.reprimand: 2, .expulsion: 1]))
        #expect(ReviewDraft.sentences(review, name: "Chi bộ A")
            .contains("Thi hành kỷ luật 1 tổ chức đảng, 3 đảng viên (khiển trách 2, cảnh cáo 1, khai trừ 1)."))
        review.discipline = Review.Discipline(DisciplineFigures(members: [.warning: 1]))
        #expect(ReviewDraft.sentences(review, name: "Chi bộ A").contains("Thi hành kỷ luật 1 đảng viên (cảnh cáo 1)."))
    }
}
