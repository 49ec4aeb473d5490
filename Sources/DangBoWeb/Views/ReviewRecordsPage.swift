import DangBoCore
import DangBoStore
import Plot

/// The records behind one figure of a review: its name, the organization and the period, the number, and the list
/// (members in the columns staff use, else organizations or cases), each linked to its page; printable on A4.
struct ReviewRecordsPage {
    var context: PageContext
    var organization: OrganizationSummary
    var figure: ReviewFigure
    var from: Day
    var to: Day
    var rows: [ReviewRecordRow]

    func render() -> String {
        let day = VietnameseFormat.day
        let back = SiteURL.review.with(query: [("to-chuc", organization.code), ("tu", day(from)), ("den", day(to))])
        return Layout(title: figure.vietnamese, topBar: context.topBar, current: .review).render(.div(
            .h2(.text("\(organization.name) — \(VietnameseFormat.period(from: from, to: to))")),
            .p(.class("count"), .text("Số lượng: "), .strong(.text(VietnameseFormat.number(rows.count)))),
            .p(.class("pages"), .a(.href(back), .text("Về báo cáo sơ kết"))),
            .if(rows.isEmpty, .p(.text("Không có trường hợp nào."))),
            .if(!rows.isEmpty, table())))
    }

    func table() -> Node<HTML.BodyContext> {
        let day = VietnameseFormat.day
        let numbered = Array(rows.enumerated())
        if figure.listsMembers {
            return .table(.class("records"),
                .thead(.tr(.th("STT"), .th("Họ và tên"), .th("Ngày sinh"), .th("Ngày"), .th("Biến động"), .th("Số quyết định"), .th("Chi bộ"))),
                .tbody(.forEach(numbered) { index, row in
                    .tr(.td(.class("number"), .text(VietnameseFormat.number(index + 1))),
                        .td(.unwrap(row.member) { .a(.href(SiteURL.member($0.id).path), .text($0.fullName)) }),
                        .td(.text(row.member.map { day($0.birthDate) } ?? "")),
                        .td(.text(day(row.day))),
                        .td(.text(step(row))),
                        .td(.text(row.decisionNumber)),
                        .td(.unwrap(row.cell) { place($0) }))
                }))
        }
        if case .oversight(_, _, _, .cases) = figure {
            return .table(.class("records"),
                .thead(.tr(.th("STT"), .th("Số hồ sơ"), .th("Ngày bắt đầu"), .th("Tổ chức tiến hành"))),
                .tbody(.forEach(numbered) { index, row in
                    .tr(.td(.class("number"), .text(VietnameseFormat.number(index + 1))),
                        .td(.text(row.caseReference ?? "")),
                        .td(.text(day(row.day))),
                        .td(.unwrap(row.organization) { place($0) }))
                }))
        }
        return .table(.class("records"),
            .thead(.tr(.th("STT"), .th("Mã"), .th("Tên tổ chức"), .th("Loại hình"), .th("Ngày"), .th("Số quyết định"))),
            .tbody(.forEach(numbered) { index, row in
                .tr(.td(.class("number"), .text(VietnameseFormat.number(index + 1))),
                    .td(.text(row.organization?.code ?? "")),
                    .td(.unwrap(row.organization) { .a(.href(SiteURL.organization($0.code).path), .text($0.name)) }),
                    .td(.text(row.organizationKind?.vietnamese ?? "")),
                    .td(.text(day(row.day))),
                    .td(.text(row.caseReference.map { "Hồ sơ \($0)" } ?? row.decisionNumber)))
            }))
    }

    /// What took the step: the event, a change of the tree, or the case that looked at the member.
    func step(_ row: ReviewRecordRow) -> String {
        if let event = row.event { return event.vietnamese }
        if let reference = row.caseReference { return "Hồ sơ \(reference)" }
        if case .movement = figure { return "Sắp xếp tổ chức" }
        return ""
    }

    func place(_ place: ReviewRecordRow.Place) -> Node<HTML.BodyContext> {
        .a(.href(SiteURL.organization(place.code).path), .text(place.name))
    }
}
