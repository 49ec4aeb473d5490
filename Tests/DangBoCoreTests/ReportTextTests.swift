import Testing
@testable import DangBoCore

/// The CLI's text reads as staff write it: Vietnamese words, "4.046", "30/3/2021", "quý I/2021".
@Suite struct ReportTextTests {
    @Test func reviewText() throws {
        let registry = try ReviewTests.registry()
        let review = registry.review(of: Fixture.bloc, from: Fixture.day("2021-01-01"), to: Fixture.day("2021-03-31"))
        let text = ReportText.review(review, name: "Đảng bộ Khối")
        #expect(text.hasPrefix("Số liệu sơ kết quý I/2021 — Đảng bộ Khối (DUK)"))
        #expect(text.contains("Đến 31/3/2021, có 2 chi, đảng bộ cơ sở, với 4 đảng viên (chính thức 3, dự bị 1)."))
        #expect(text.contains("Kết nạp: 1; kết nạp lại: 0; phục hồi: 0"))
        #expect(text.contains("Tiếp nhận và giới thiệu chuyển sinh hoạt: 2 (đến 1, đi 1)"))
        #expect(text.contains("Cấp ủy các cấp giám sát thường xuyên 1 tổ chức, 2 đảng viên"))
        #expect(text.contains("cuối kỳ 4 — khớp"))
    }

    @Test func statisticsTextUsesVietnameseNumbers() {
        var statistics = Statistics(organization: "DUK", asOf: Fixture.day("2021-03-30"), organizations: OrganizationCounts(),
                                    members: MemberCounts())
        statistics.members.add(4046, standing: .official, exempt: false, gender: .female, ageBand: "31-35", ethnicity: "Kinh",
                               religion: "Không", education: "12/12", politicalTheory: "Cao cấp", occupation: "Công chức")
        let text = ReportText.statistics(statistics, name: "Đảng bộ Khối")
        #expect(text.hasPrefix("Đảng bộ Khối (DUK) — số liệu đến ngày 30/3/2021"))
        #expect(text.contains("Đảng viên: 4.046 (chính thức 4.046, dự bị 0)"))
        #expect(text.contains("Nữ: 4.046 (100%)"))
    }
}
