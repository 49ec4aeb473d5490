import Foundation
import Testing
@testable import DangBoCore

/// The JSON of `dangbo report review --format json` (and `/api/v1/review`) is published to users and their scripts
/// (DESIGN §4): keys may be added, never renamed or removed. The whole shape is pinned by a snapshot, and the keys the
/// design names are checked one by one, so that regenerating the snapshot cannot drop one unnoticed.
@Suite struct ReviewJSONContractTests {
    static let snapshot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Snapshots/review.json")

    /// Every key DESIGN §4 publishes, as dotted paths.
    static let publishedKeys = [
        "asOf", "organizations.grassroots", "organizations.established", "organizations.dissolved", "members.total",
        "members.official", "members.probationary", "members.atStart", "movements.admitted",
        "movements.recognizedOfficial", "movements.transferredIn", "movements.transferredOut", "movements.transfers",
        "movements.movedInternally", "movements.died", "movements.removed", "movements.expelled", "movements.withdrew",
        "committees.consolidated", "supervision.regular.committees.organizations", "supervision.regular.committees.members",
        "supervision.regular.inspectionCommissions.organizations", "supervision.regular.inspectionCommissions.members",
        "balance.holds",
        // Published since the foundation, beyond the minimum of DESIGN §4.
        "movements.reorganizedIn", "movements.reorganizedOut", "movements.probationRemoved", "movements.readmitted",
        "movements.restored", "members.exempt", "balance.atStart", "balance.inflow", "balance.outflow", "balance.atEnd",
        // Issue 11 point 4.
        "meetings.regular", "meetings.thematic", "meetings.cellsWithoutMonthlyMeeting",
    ]

    static func encoded() throws -> String {
        var review = Review(organization: "DUK", from: Day(iso: "2021-01-01")!, to: Day(iso: "2021-03-31")!)
        review.members.total = 4_046
        review.members.atStart = 4_000
        review.movements.admitted = 46
        review.settle()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(review), as: UTF8.self) + "\n"
    }

    @Test func theShapeIsTheSnapshot() throws {
        let actual = try Self.encoded()
        guard FileManager.default.fileExists(atPath: Self.snapshot.path) else {
            try actual.write(to: Self.snapshot, atomically: true, encoding: .utf8)
            Issue.record("no snapshot: recorded \(Self.snapshot.path); read it and commit it")
            return
        }
        let expected = try String(contentsOf: Self.snapshot, encoding: .utf8)
        #expect(actual == expected, """
            The review's JSON changed. Published keys must never be renamed or removed; if you only added keys, \
            write the new shape to Tests/DangBoCoreTests/Snapshots/review.json.
            """)
    }

    @Test func everyPublishedKeyIsThere() throws {
        let object = try JSONSerialization.jsonObject(with: Data(try Self.encoded().utf8))
        for key in Self.publishedKeys {
            var node: Any? = object
            for part in key.split(separator: ".") { node = (node as? [String: Any])?[String(part)] }
            #expect(node != nil, "missing published key \(key)")
        }
        #expect(((object as? [String: Any])?["asOf"] as? String) == "2021-03-31")
    }

    /// A review written before `meetings` was published (a report issued then, a user's file) still reads, with zeros.
    @Test func aReviewWrittenBeforeMeetingsStillReads() throws {
        var object = try #require(try JSONSerialization.jsonObject(with: Data(try Self.encoded().utf8)) as? [String: Any])
        object["meetings"] = nil
        let review = try JSONDecoder().decode(Review.self, from: try JSONSerialization.data(withJSONObject: object))
        #expect(review.meetings == Review.Meetings() && review.members.total == 4_046)
        object["meetings"] = ["regular": 3, "thematic": 1, "cellsWithoutMonthlyMeeting": 2]
        let later = try JSONDecoder().decode(Review.self, from: try JSONSerialization.data(withJSONObject: object))
        #expect(later.meetings.regular == 3 && later.meetings.cellsWithoutMonthlyMeeting == 2)
    }
}
