import DangBoCore
import Testing

/// The review document: its header parts from the issuer block and the settings, the summary and sentences of its
/// figures, the movement table equal to the review, the narrative as written or a line asking for it, the signing
/// authority by the organization's kind.
@Suite struct ReviewDocumentTests {
    /// The example review (ReviewDraftTests) over the whole quarter.
    static func review() -> Review {
        var review = ReviewDraftTests.example()
        review.to = Day(iso: "2021-03-31")!
        return review
    }

    static let settings = try! DocumentSettings(place: "Vĩnh Phúc", issuerCode: "ĐUK")

    @Test func theDocumentOfAQuartersReview() throws {
        let review = Self.review()
        let document = ReviewDocument.document(
            review, name: "Đảng bộ Khối các cơ quan tỉnh", issuer: ("ĐẢNG BỘ TỈNH VĨNH PHÚC", "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH"),
            settings: Self.settings, number: 15, date: Day(iso: "2021-03-30")!,
            signer: .init(authority: ReviewDocument.authority(of: .upperCommittee), title: "BÍ THƯ", name: "Nguyễn Văn Bình"),
            recipients: ["Thường trực Tỉnh ủy Vĩnh Phúc (b/c),", "Lưu VP."],
            narrative: .init(results: ["Công tác tuyên giáo được chú trọng.", "  "], directions: ["Tăng cường kiểm tra, giám sát."]))
        #expect(document.numberAndCode == "Số 15-BC/ĐUK" && document.dateLine == "Vĩnh Phúc, ngày 30 tháng 3 năm 2021")
        #expect(document.superior == "ĐẢNG BỘ TỈNH VĨNH PHÚC" && document.issuer == "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH")
        #expect(document.kind == "BÁO CÁO" && document.summary == "Sơ kết công tác xây dựng Đảng quý I/2021, phương hướng, nhiệm vụ quý II/2021")
        #expect(document.authority == "T/M BAN THƯỜNG VỤ" && document.signerName == "Nguyễn Văn Bình")
        let paragraphs = document.body.compactMap { if case .paragraph(let text) = $0 { text } else { nil } }
        #expect(Array(paragraphs.prefix(4)) == ReviewDraft.sentences(review, name: "Đảng bộ Khối các cơ quan tỉnh"))
        #expect(paragraphs.suffix(3) == ["Công tác tuyên giáo được chú trọng.", ReviewDocument.toWrite, "Tăng cường kiểm tra, giám sát."])
        let headings = document.body.compactMap { if case .heading(let text, _) = $0 { text } else { nil } }
        #expect(headings == ["I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ QUÝ I/2021", "1. Tình hình tổ chức đảng, đảng viên; công tác kiểm tra, giám sát",
                             "2. Các mặt công tác khác", "II. HẠN CHẾ, NGUYÊN NHÂN", "III. PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ II/2021"])
    }

    @Test func theMovementTableIsTheReviews() throws {
        let review = Self.review()
        guard case .table(let header, let rows) = ReviewDocument.movementTable(review) else { Issue.record("no table"); return }
        #expect(header == ["Biến động đảng viên", "Số lượng"])
        let values = Dictionary(uniqueKeysWithValues: rows.map { ($0[0], $0[1]) })
        #expect(values["Đảng viên đầu kỳ"] == "4.006" && values["Kết nạp"] == "18" && values["Chuyển đến"] == "70")
        #expect(values["Chuyển đi"] == "48" && values["Từ trần"] == "0" && values["Đảng viên cuối kỳ"] == "4.046")
        #expect(values["Cân đối (đầu kỳ + tăng − giảm = cuối kỳ)"] == (review.balance.holds ? "khớp" : "không khớp"))
        #expect(review.balance.holds)  // 4.006 + 88 − 48 = 4.046
    }

    @Test func theSpreadsheetTablesAreTheReviewsFigures() throws {
        let review = Self.review()
        let tables = ReviewDocument.tables(review)
        #expect(tables.map(\.name) == ["Tổng hợp", "Biến động đảng viên"])
        let summary = Dictionary(uniqueKeysWithValues: tables[0].rows.map { ($0[0], $0[1]) })
        #expect(summary["Chi, đảng bộ cơ sở"] == "57" && summary["Đảng viên"] == "4046" && summary["Dự bị"] == "146")
        let movements = Dictionary(uniqueKeysWithValues: tables[1].rows.map { ($0[0], $0[1]) })
        #expect(movements["Đảng viên đầu kỳ"] == "4006" && movements["Kết nạp"] == "18" && movements["Tăng"] == "88"
                && movements["Giảm"] == "48" && movements["Đảng viên cuối kỳ"] == "4046")
        #expect(tables.allSatisfy { table in table.rows.allSatisfy { $0.count == table.header.count && Int($0[1]) != nil } })
    }

    @Test(arguments: [(OrganizationKind.upperCommittee, "T/M BAN THƯỜNG VỤ"), (.grassrootsCommittee, "T/M ĐẢNG ỦY"),
                      (.partialCommittee, "T/M ĐẢNG ỦY"), (.grassrootsCell, "T/M CHI BỘ"), (.subordinateCell, "T/M CHI BỘ")])
    func theAuthorityByKind(kind: OrganizationKind, authority: String) {
        #expect(ReviewDocument.authority(of: kind) == authority)
    }
}
