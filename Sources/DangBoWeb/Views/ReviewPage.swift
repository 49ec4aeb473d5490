import DangBoCore
import DangBoStore
import Plot

/// Báo cáo sơ kết: the figures of a review, each a link to the records behind it (UX.md: every figure on a review is
/// a link to the list behind it; a zero is plain text), then the document as staff write it.
struct ReviewPage {
    var context: PageContext
    var organization: OrganizationSummary
    var review: Review
    /// The statistics on the period's last day, for the age chart.
    var statistics: Statistics?

    /// The link to the records behind `figure` of this review.
    static func recordsLink(_ figure: ReviewFigure, code: String, from: Day, to: Day) -> String {
        SiteURL.reviewRecords.with(query: [("to-chuc", code), ("tu", VietnameseFormat.day(from)),
                                           ("den", VietnameseFormat.day(to)), ("chi-tieu", figure.slug)])
    }

    /// The figure's value as a link to its records, or plain text for a zero.
    func value(_ figure: ReviewFigure) -> Node<HTML.BodyContext> {
        let value = figure.value(in: review)
        guard value != 0 else { return .text("0") }
        return .a(.href(Self.recordsLink(figure, code: organization.code, from: review.from, to: review.to)),
                  .text(VietnameseFormat.number(value)))
    }

    func row(_ label: String, _ figure: ReviewFigure) -> Node<HTML.TableContext> {
        .tr(.th(.text(label)), .td(.class("number"), value(figure)))
    }

    func render() -> String {
        let n = VietnameseFormat.number
        let from = VietnameseFormat.day(review.from), to = VietnameseFormat.day(review.to)
        let b = review.balance
        let movements: [ReviewFigure.Movement] = [
            .admitted, .readmitted, .restored, .recognizedOfficial, .transferredIn, .transferredOut, .transfers,
            .movedInternally, .reorganizedIn, .reorganizedOut, .died, .removed, .probationRemoved, .expelled, .withdrew,
            .inflow, .outflow,
        ]
        let text = ReportText.review(review, name: organization.name).split(separator: "\n", omittingEmptySubsequences: true)
        return Layout(title: "Báo cáo sơ kết", topBar: context.topBar, current: .review).render(.div(
            PeriodFilter.form(.review, code: organization.code, from: from, to: to),
            .h2(.text("\(organization.name) — \(VietnameseFormat.period(from: review.from, to: review.to))")),
            .p(.class("muted"), .text("Mỗi số liệu là liên kết tới danh sách các trường hợp được tính.")),
            .p(.class("document-link"),
               .a(.href(SiteURL.reviewNarrative.with(query: [("to-chuc", organization.code), ("tu", from), ("den", to)])),
                  .text("Soạn thảo, ban hành báo cáo")),
               .text(" · "),
               .a(.href(SiteURL.reviewPrint.with(query: [("to-chuc", organization.code), ("tu", from), ("den", to)])),
                  .text("Bản in dự thảo")),
               .text(" · "),
               .a(.href(SiteURL.reviewDocument.with(query: [("to-chuc", organization.code), ("tu", from), ("den", to)])),
                  .text("Tải báo cáo dạng văn bản của Đảng (.docx, bản dự thảo)")),
               .text(" · "),
               .a(.href(SiteURL.reviewWorkbook.with(query: [("to-chuc", organization.code), ("tu", from), ("den", to)])),
                  .text("Bảng số liệu (.xlsx)")),
               .text(" · "),
               .a(.href(SiteURL.issuedReviews.path), .text("Báo cáo đã ban hành"))),
            .table(.class("review-figures"), .tbody(
                row("Đảng viên đến \(to)", .members(.total)),
                row("Chính thức", .members(.official)),
                row("Dự bị", .members(.probationary)),
                row("Miễn sinh hoạt", .members(.exempt)),
                row("Đầu kỳ (\(VietnameseFormat.day(review.from.previous)))", .members(.atStart)))),
            .h2("Biến động đảng viên"),
            .table(
                .thead(.tr(.th("Biến động"), .th("Số lượng"))),
                .tbody(.forEach(movements) { movement in
                    .tr(.td(.text(movement.vietnamese)), .td(.class("number"), value(.movement(movement))))
                })),
            .p(.class("balance"), .text("Cân đối: \(n(b.atStart)) + \(n(b.inflow)) − \(n(b.outflow)) = \(n(b.atStart + b.inflow - b.outflow)); "
                + "cuối kỳ \(n(b.atEnd)) — \(b.holds ? "khớp" : "KHÔNG KHỚP")")),
            // The document's charts (issue 10 point 5), drawn from the same figures.
            .div(.class("charts"), DocumentChart(chart: ReviewDocument.movementChart(review), number: 1).figure.node,
                 .unwrap(statistics) { DocumentChart(chart: ReviewDocument.ageChart($0), number: 2).figure.node }),
            .h2("Tổ chức đảng"),
            .table(.class("review-figures"), .tbody(
                row("Tổ chức cơ sở đảng đến \(to)", .organizations(.grassroots)),
                row("Thành lập mới trong kỳ", .organizations(.established)),
                row("Giải thể trong kỳ", .organizations(.dissolved)),
                .forEach(OrganizationKind.allCases) { kind in row(kind.vietnamese, .organizations(.kind(kind))) })),
            .h2("Cấp ủy"),
            .table(.class("review-figures"), .tbody(
                row("Tổ chức đảng được bổ sung, kiện toàn cấp ủy trong kỳ", .consolidatedCommittees))),
            .forEach(OversightActivity.allCases) { oversight($0) },
            .p(.a(.href(SiteURL.oversight.with(query: [("to-chuc", organization.code), ("tu", from), ("den", to)])),
                  .text("Các cuộc kiểm tra, giám sát của kỳ"))),
            // Issue 11: discipline; the discipline page lists the decisions behind the figures.
            .h2("Kỷ luật"),
            .table(.class("review-figures"),
                   .thead(.tr(.th("Hình thức kỷ luật"), .th(.class("number"), .text("Tổ chức đảng")), .th(.class("number"), .text("Đảng viên")))),
                   .tbody(.forEach(Sanction.allCases) { sanction in
                       .tr(.th(.text(sanction.vietnamese)),
                           .td(.class("number"), .text(review.discipline.organizations[sanction.key].map(n) ?? "—")),
                           .td(.class("number"), .text(review.discipline.members[sanction.key].map(n) ?? "—")))
                   })),
            .p(.a(.href(SiteURL.discipline.with(query: [("to-chuc", organization.code), ("tu", from), ("den", to)])),
                  .text("Các quyết định kỷ luật của kỳ"))),
            // Issue 11: the meetings of the period; the meetings page lists the cells behind the last figure.
            .h2("Sinh hoạt chi bộ"),
            .table(.class("review-figures"), .tbody(
                .tr(.th("Buổi sinh hoạt thường kỳ"), .td(.class("number"), .text(n(review.meetings.regular)))),
                .tr(.th("Buổi sinh hoạt chuyên đề"), .td(.class("number"), .text(n(review.meetings.thematic)))),
                .tr(.th("Chi bộ chưa sinh hoạt thường kỳ đủ các tháng"), .td(.class("number"), review.meetings.cellsWithoutMonthlyMeeting == 0
                    ? .text("0")
                    : .a(.href(SiteURL.meetings.with(query: [("to-chuc", organization.code), ("tu", from), ("den", to)])),
                         .text(n(review.meetings.cellsWithoutMonthlyMeeting))))))),
            .h2("Văn bản"),
            .div(.class("document"), .forEach(text) { .p(.text(String($0))) })))
    }

    /// The cases of `activity` started in the period, by mode and conductor: the rows with a case, or a sentence.
    func oversight(_ activity: OversightActivity) -> Node<HTML.BodyContext> {
        let rows = OversightMode.allCases.flatMap { mode in ConductorKind.allCases.map { (mode, $0) } }
            .filter { review.oversight(activity, $0.0, $0.1).cases > 0 }
        return .group(
            .h2(.text(activity.vietnamese)),
            .if(rows.isEmpty, .p(.text("Không có cuộc \(activity.vietnamese.lowercased()) nào bắt đầu trong kỳ.")), else: .table(
                .thead(.tr(.th("Hình thức"), .th("Chủ thể tiến hành"), .th(.class("number"), .text("Số cuộc")),
                           .th(.class("number"), .text("Tổ chức đảng")), .th(.class("number"), .text("Đảng viên")))),
                .tbody(.forEach(rows) { mode, conductor in
                    .tr(.td(.text(mode.vietnamese.prefix(1).uppercased() + mode.vietnamese.dropFirst())),
                        .td(.text(conductor.vietnamese)),
                        .td(.class("number"), value(.oversight(activity, mode, conductor, .cases))),
                        .td(.class("number"), value(.oversight(activity, mode, conductor, .organizations))),
                        .td(.class("number"), value(.oversight(activity, mode, conductor, .members))))
                }))))
    }
}
