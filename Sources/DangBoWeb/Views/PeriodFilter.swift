import DangBoCore
import DangBoStore
import Plot

/// The question of the period pages (review, meetings, oversight, discipline): an organization's code and the first and
/// last day, asked again with "Xem".
enum PeriodFilter {
    static func form(_ url: SiteURL, code: String, from: String, to: String) -> Node<HTML.BodyContext> {
        .form(.class("filters"), .action(url.path), .method(.get),
              .div(.label(.for("to-chuc"), .text("Mã tổ chức")), .input(.type(.text), .name("to-chuc"), .id("to-chuc"), .value(code))),
              .div(.label(.for("tu"), .text("Từ ngày")), .input(.type(.text), .name("tu"), .id("tu"), .value(from))),
              .div(.label(.for("den"), .text("Đến ngày")), .input(.type(.text), .name("den"), .id("den"), .value(to))),
              .button(.type(.submit), .text("Xem")))
    }
}
