import DangBoCore
import DangBoStore
import Foundation
import Plot

/// The audit log page: the chain's state first, the filters, then the entries in the columns an administrator reads
/// (Thời điểm · Người thực hiện · Hành động · Nội dung) and the pages.
struct AuditLogView {
    var context: PageContext
    var filters: AuditLogPage.Filters
    var query: AuditLogQuery
    var page: AuditLogPage
    /// Logins by the actor names the web writes (`account#ID`).
    var logins: [String: String]
    var verification: AuditVerification

    func render() -> String {
        Layout(title: "Nhật ký kiểm toán", topBar: context.topBar, current: .auditLog).render(.div(
            chain,
            filterForm,
            .p(.text("\(VietnameseFormat.number(page.total)) mục")),
            .table(.class("audit-log"),
                .thead(.tr(.th(.text("Thời điểm")), .th(.text("Người thực hiện")), .th(.text("Hành động")), .th(.text("Nội dung")))),
                .tbody(.forEach(page.entries) { entry in
                    .tr(.td(.text(Self.time(entry.recordedAt))), .td(.text(actor(entry.actor))),
                        .td(.text(Self.action(entry.action))),
                        .td(.text(entry.summary),
                            .if(!entry.details.isEmpty, .div(.class("muted"), .text(Self.details(entry.details))))))
                })),
            pages))
    }

    private var chain: Node<HTML.BodyContext> {
        if let first = verification.findings.first {
            return .p(.class("error chain"), .text("Chuỗi nhật ký KHÔNG toàn vẹn (\(VietnameseFormat.number(verification.findings.count)) chỗ sai). Chỗ sai đầu tiên: \(first.description)"))
        }
        return .p(.class("notice chain"), .text("Chuỗi nhật ký toàn vẹn: \(VietnameseFormat.number(verification.count)) mục, không mục nào bị sửa, chèn hay xóa."))
    }

    private var filterForm: Node<HTML.BodyContext> {
        let options = [("", "Tất cả")] + page.actions.map { ($0, Self.action($0)) }
        let actions = Set(page.actions)
        let kept = filters.action.isEmpty || actions.contains(filters.action) ? [] : [(filters.action, Self.action(filters.action))]
        return .form(.class("filters"), .action(SiteURL.auditLog.path), .method(.get),
            .div(.label(.for("hanh-dong"), .text("Hành động")),
                 .select(.attribute(named: "name", value: "hanh-dong"), .id("hanh-dong"), .forEach(options + kept) { option in
                     FieldControl.option(option.0, option.1, option.0 == filters.action)
                 })),
            dayField("tu", "Từ ngày", filters.from),
            dayField("den", "Đến ngày", filters.to),
            .button(.type(.submit), .text("Lọc")))
    }

    private func dayField(_ name: String, _ label: String, _ value: String) -> Node<HTML.FormContext> {
        .div(.label(.for(name), .text(label)),
             .input(.type(.text), .name(name), .id(name), .value(value), .placeholder("30/3/2021")),
             .unwrap(filters.errors[name]) { .p(.class("error"), .id("loi-\(name)"), .text($0)) })
    }

    private var pages: Node<HTML.BodyContext> {
        let last = max(1, (page.total + query.pageSize - 1) / query.pageSize)
        func link(_ number: Int) -> String {
            SiteURL.auditLog.with(query: [("hanh-dong", filters.action), ("tu", filters.from), ("den", filters.to), ("trang", "\(number)")])
        }
        return .div(.class("pages"),
            .if(query.page > 1, .a(.href(link(query.page - 1)), .text("← Trang trước"))),
            .span(.text("Trang \(VietnameseFormat.number(query.page))/\(VietnameseFormat.number(last))")),
            .if(query.page < last, .a(.href(link(query.page + 1)), .text("Trang sau →"))))
    }

    private func actor(_ actor: String) -> String {
        if let login = logins[actor] { return login }
        return switch actor {
        case "cli": "Dòng lệnh (cli)"
        default: actor
        }
    }

    /// The action in Vietnamese where known, else as recorded.
    static func action(_ action: String) -> String {
        switch action {
        case "import": "Nhập dữ liệu"
        case "demo": "Ghi dữ liệu mẫu"
        case "restore": "Khôi phục từ bản sao lưu"
        case "account.add": "Thêm tài khoản"
        case "account.password": "Đổi mật khẩu"
        case "event.record": "Ghi biến động"
        case "member.add": "Thêm đảng viên"
        case "organization.documentSettings": "Đặt địa danh và chữ viết tắt trên văn bản"
        default: action.hasPrefix("organization.") ? "Thay đổi tổ chức đảng" : action
        }
    }

    /// The details as recorded (ids and counts), in key order.
    static func details(_ details: [String: String]) -> String {
        details.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " · ")
    }

    /// "30/11/2026 14:05" in Asia/Ho_Chi_Minh, from the stored ISO 8601 time (shown as stored if unreadable).
    static func time(_ stored: String) -> String {
        guard let date = ISO8601DateFormatter().date(from: stored) else { return stored }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh") ?? TimeZone(secondsFromGMT: 7 * 3600)!
        formatter.dateFormat = "dd/MM/yyyy HH:mm"
        return formatter.string(from: date)
    }
}
