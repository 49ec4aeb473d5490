@testable import DangBoWeb
import Foundation
import Testing

/// Links with a query: every value comes back as it was written, whatever it holds (a search for "a&b" keeps its
/// second half on the next page), an empty value is left out, and a day stays readable in the address.
@Suite struct SiteURLTests {
    @Test func aQueryValueComesBackAsWritten() throws {
        let values = ["Nguyễn Trường Giang", "a&b=c+d", "50% #1?", "30/3/2021", "T026.H002.18", "x'y\"z<>"]
        for value in values {
            let link = SiteURL.members.with(query: [("q", value), ("trang", "2"), ("rong", "")])
            let items = try #require(URLComponents(string: link)?.queryItems)
            #expect(items.map(\.name) == ["q", "trang"], "\(link)")
            #expect(items.first?.value == value, "\(link)")
            #expect(link.allSatisfy { $0.isASCII && !"\"'<> #+".contains($0) }, "\(link)")
        }
        #expect(SiteURL.members.with(query: [("to-chuc", "DUK"), ("ngay", "30/3/2021")]) == "/dang-vien?to-chuc=DUK&ngay=30/3/2021")
        #expect(SiteURL.members.with(query: [("q", "a&b")]) == "/dang-vien?q=a%26b")
        #expect(SiteURL.members.with(query: [("q", "")]) == "/dang-vien")
    }
}
