import DangBoCore
import DangBoStore
import DangBoSynthetic
@testable import DangBoWeb
import Foundation
import Testing
import VaporTesting

/// The key pages as HTML snapshots (issue 9 point 5): a change to what a user reads shows in review as a diff of
/// `Tests/DangBoWebTests/Snapshots/*.html`. The fixture is deterministic (seed, day), tokens are masked, and the HTML
/// is broken before block elements so that a diff reads line by line. A missing snapshot is recorded and the test
/// fails once; `DANGBO_RECORD_SNAPSHOTS=1` records them all again (read the diff before committing it).
@Suite struct PageSnapshotTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

    @Test func keyPagesAreTheirSnapshots() async throws {
        try await WebFixture.withApp { app, store, registry in
            let client = WebClient(app: app)
            let report = try await AuthorizationTests.issueTheRootsReport(store)
            try Self.assertSnapshot(try await client.get("/dang-nhap").body.string, named: "login")
            _ = try await client.login("quantri", WebFixture.password)
            let day = Day(iso: "2026-11-26")!
            let root = WebFixture.synthetic.organizations[0]
            let cell = WebFixture.cell(in: registry)
            // NB: the member with the smallest id among those on the cell's rolls, so the choice is stable.
            let member = try #require(registry.journals.values.filter { $0.period(on: day)?.cell == cell.id }
                .min { $0.member.id < $1.member.id }?.member)
            let pages: [(String, String)] = [
                ("dashboard", "/"),
                ("organizations", SiteURL.organizations.with(query: [("ma", root.code)])),
                ("organization", SiteURL.organization(cell.code).path),
                ("member-list", SiteURL.members.with(query: [("q", "nguyen"), ("to-chuc", root.code)])),
                ("member", SiteURL.member(member.id).path),
                ("review", SiteURL.review.with(query: [("to-chuc", root.code), ("tu", "1/7/2026"), ("den", "30/9/2026")])),
                ("issued-review", SiteURL.issuedReview(report.id).path),
                ("not-found", "/dang-vien/999999999"),
            ]
            for (name, path) in pages {
                let response = try await client.get(path)
                #expect([.ok, .notFound].contains(response.status), "\(name): \(response.status)")
                try Self.assertSnapshot(response.body.string, named: name)
            }
        }
    }

    /// Compares `html` (normalized) with the snapshot `name`, recording it when it is missing or asked to.
    static func assertSnapshot(_ html: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let text = normalized(html)
        let file = directory.appendingPathComponent("\(name).html")
        let record = ProcessInfo.processInfo.environment["DANGBO_RECORD_SNAPSHOTS"] == "1"
        guard !record, let expected = try? String(contentsOf: file, encoding: .utf8) else {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try text.write(to: file, atomically: true, encoding: .utf8)
            Issue.record("recorded the snapshot \(file.path): read it and commit it", sourceLocation: sourceLocation)
            return
        }
        guard text != expected else { return }
        let ours = text.split(separator: "\n", omittingEmptySubsequences: false)
        let theirs = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let line = zip(ours, theirs).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(ours.count, theirs.count)
        Issue.record("""
            \(name).html differs from line \(line + 1):
              snapshot: \(line < theirs.count ? String(theirs[line]) : "(end)")
              page:     \(line < ours.count ? String(ours[line]) : "(end)")
            If the change is meant, run with DANGBO_RECORD_SNAPSHOTS=1 and commit the new snapshot.
            """, sourceLocation: sourceLocation)
    }

    /// Masks what changes from run to run (the CSRF token) and breaks lines before block elements.
    static func normalized(_ html: String) -> String {
        var text = html.replacingOccurrences(of: #"name="_csrf" value="[0-9a-f]+""#, with: #"name="_csrf" value="…""#,
                                             options: .regularExpression)
        text = text.replacingOccurrences(of: #"value="[0-9a-f]{32,}" name="_csrf""#, with: #"value="…" name="_csrf""#,
                                         options: .regularExpression)
        let blocks = "html|head|body|header|nav|main|section|div|form|table|thead|tbody|tr|ul|ol|li|h1|h2|h3|p|dl|dt|dd|"
            + "details|summary|svg|g|rect|line|path|polyline|polygon|text|title|desc|meta|link|fieldset|label|select|option|"
            + "input|textarea|button|footer|article|figure|figcaption"
        text = text.replacingOccurrences(of: "<(/?)(\(blocks))([ >/])", with: "\n<$1$2$3", options: .regularExpression)
        return text.trimmingCharacters(in: .whitespacesAndNewlines) + "\n"
    }
}
