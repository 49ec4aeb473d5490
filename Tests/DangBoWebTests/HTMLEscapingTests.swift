@testable import DangBoWeb
import Plot
import Testing
import VaporTesting

/// Every text and attribute value a page writes is escaped (`HTMLEscaping`): a value from the request or the registry
/// can neither open a tag nor close its attribute, and text reads exactly as typed.
@Suite struct HTMLEscapingTests {
    @Test func textAndAttributesAreEscapedOnTheNodesThePagesUse() {
        // NB: built by the module's own views, whose `.text`, `.value`, `.href`, `.id`, `.for` and
        // `.attribute(named:value:)` are this module's: if they were Plot's again, `"` would stand raw in the
        // attributes and `&amp;` would pass as it is.
        let field = "q\">"
        let control = FieldControl.text(field, "Họ & tên <b>", "\"><img src=x>", errors: [field: ["Sai <b> &amp;"]],
                                        placeholder: "<p>")
        let html = Node<HTML.BodyContext>.form(control).render()
        #expect(html.contains(#"<label for="q&quot;&gt;">Họ &amp; tên &lt;b&gt;</label>"#))
        #expect(html.contains(#"<p class="error" id="loi-q&quot;&gt;">Sai &lt;b&gt; &amp;amp;</p>"#))
        #expect(html.contains(#"value="&quot;&gt;&lt;img src=x&gt;" placeholder="&lt;p&gt;""#))
        #expect(html.contains(#"aria-describedby="loi-q&quot;&gt;""#))
        #expect(!html.contains("<img") && !html.contains("<b>"))
        let link = ChartFigure.figure(4_046, link: "/x?a=1&b=\"2\"").render()
        #expect(link == #"<a href="/x?a=1&amp;b=&quot;2&quot;">4.046</a>"#)
    }

    @Test func plainTextIsReturnedAsItIs() {
        for text in ["", "Nguyễn Trường Giang", "30/11/2026", "4.046", "T026.H002.18"] {
            #expect(HTMLEscaping.text(text) == text && HTMLEscaping.attribute(text) == text)
        }
        #expect(HTMLEscaping.text("a'b\"c") == "a'b\"c")
        #expect(HTMLEscaping.attribute("a'b\"c") == "a&#39;b&quot;c")
    }

    @Test func aSearchOrAFilterTypedIntoTheAddressIsShownBackEscaped() async throws {
        try await WebFixture.withApp { app, _, _ in
            let client = WebClient(app: app)
            _ = try await client.login("quantri", WebFixture.password)
            let injected = "\"><img src=x>"
            let list = try await client.get(SiteURL.members.with(query: [("q", injected)]))
            #expect(list.status == .ok)
            #expect(list.body.string.contains("value=\"&quot;&gt;&lt;img src=x&gt;\""))
            #expect(!list.body.string.contains("<img src=x>"))
            let log = try await client.get(SiteURL.auditLog.with(query: [("tu", injected)]))
            #expect(log.status == .unprocessableEntity)
            #expect(log.body.string.contains("value=\"&quot;&gt;&lt;img src=x&gt;\""))
            #expect(!log.body.string.contains("<img src=x>"))
        }
    }
}
