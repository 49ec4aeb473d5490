import DangBoCore
@testable import DangBoInterchange
@testable import DangBoStore
import DangBoSynthetic
import Foundation
import SQLKit
import Testing

/// Issue 10 point 3: the narrative staff write, the report issued from it (numbered per organization and year,
/// frozen with its digest), printed identically after later records change its period, and the reconciliation that
/// names exactly those records.
@Suite struct ReviewReportTests {
    static let generated = SyntheticRegistry(options: .init(seed: 11, grassroots: 6, members: 400)).change()
    static let from = Day(iso: "2026-07-01")!, to = Day(iso: "2026-09-30")!
    static let narrative = ReviewDocument.Narrative(
        results: ["  Công tác tuyên truyền được triển khai kịp thời. \n\nCác chi bộ sinh hoạt đều đặn."],
        shortcomings: ["Một số chi bộ sinh hoạt chưa đúng thời gian."], directions: ["Chuẩn bị đại hội chi bộ nhiệm kỳ 2027–2030."])

    /// A grassroots organization with members on the rolls through the period, its settings set.
    static func prepared(_ store: Store) async throws -> (Organization, Registry) {
        let (change, registry) = generated
        try await store.write(change, tree: registry.tree, audit: ReportTwinTests.audit)
        let tree = registry.tree
        let grassroots = try #require(tree.organizations.values.filter {
            tree.version(of: $0.id, on: to)?.kind.isGrassroots == true && tree.version(of: $0.id, on: to)?.parent != nil
                && registry.statistics(of: $0.id, asOf: to).members.total > 20
        }.min { $0.id < $1.id })
        try await store.setDocumentSettings(try DocumentSettings(place: "Vĩnh Phúc", issuerCode: "ĐU"), of: grassroots.id, actor: "test")
        return (grassroots, registry)
    }

    static func auditCount(_ store: Store) async throws -> Int {
        try await store.sql.raw("SELECT COUNT(*) AS n FROM audit_entries").first()!.decode(column: "n", as: Int.self)
    }

    @Test func aNarrativeIsKeptByParagraphAndEveryIssueNeedsEverySection() async throws {
        try await TestDatabases.each { store in
            let (grassroots, _) = try await Self.prepared(store)
            #expect(try await store.reviewNarrative(of: grassroots.id, from: Self.from, to: Self.to) == nil)
            // Without a narrative: refused on its first section, nothing written.
            let before = try await Self.auditCount(store)
            await #expect(throws: ReviewReportError.missingSection("Các mặt công tác khác")) {
                try await store.issueReview(of: grassroots.id, from: Self.from, to: Self.to, actor: "test")
            }
            var partial = Self.narrative
            partial.directions = ["   "]
            try await store.setReviewNarrative(partial, of: grassroots.id, from: Self.from, to: Self.to, actor: "test")
            let kept = try #require(try await store.reviewNarrative(of: grassroots.id, from: Self.from, to: Self.to))
            #expect(kept.results == ["Công tác tuyên truyền được triển khai kịp thời.", "Các chi bộ sinh hoạt đều đặn."])
            #expect(kept.directions.isEmpty)
            #expect(try await store.auditEntries(limit: 1).first?.action == "review.narrative")
            await #expect(throws: ReviewReportError.missingSection("Phương hướng, nhiệm vụ")) {
                try await store.issueReview(of: grassroots.id, from: Self.from, to: Self.to, actor: "test")
            }
            #expect(try await Self.auditCount(store) == before + 1)
            #expect(try await store.issuedReviews(in: Scope(roots: [grassroots.id])).isEmpty)
            // Another period's narrative is its own.
            #expect(try await store.reviewNarrative(of: grassroots.id, from: Self.from, to: Day(iso: "2026-12-31")!) == nil)
        }
    }

    @Test func numbersRunPerOrganizationAndYearAndAreNeverTakenTwice() async throws {
        try await TestDatabases.each { store in
            let (grassroots, _) = try await Self.prepared(store)
            let periods = [("2026-01-01", "2026-03-31"), ("2026-04-01", "2026-06-30"), ("2026-07-01", "2026-09-30"),
                           ("2025-10-01", "2025-12-31")].map { (Day(iso: $0.0)!, Day(iso: $0.1)!) }
            for (from, to) in periods {
                try await store.setReviewNarrative(Self.narrative, of: grassroots.id, from: from, to: to, actor: "test")
            }
            let first = try await store.issueReview(of: grassroots.id, from: periods[0].0, to: periods[0].1, actor: "test")
            #expect(first.document.numberAndCode == "Số 1-BC/ĐU")
            let chosen = try await store.issueReview(of: grassroots.id, from: periods[1].0, to: periods[1].1, number: 15, actor: "test")
            #expect(chosen.document.numberAndCode == "Số 15-BC/ĐU")
            // A number used that year is refused, nothing written; the next without a number follows the greatest.
            await #expect(throws: ReviewReportError.numberTaken(code: "Số 15-BC/ĐU", year: 2026)) {
                try await store.issueReview(of: grassroots.id, from: periods[2].0, to: periods[2].1, number: 15, actor: "test")
            }
            let next = try await store.issueReview(of: grassroots.id, from: periods[2].0, to: periods[2].1, actor: "test")
            #expect(next.document.numberAndCode == "Số 16-BC/ĐU")
            // The year is the document's (here the period's last day): 2025 numbers from 1.
            let lastYear = try await store.issueReview(of: grassroots.id, from: periods[3].0, to: periods[3].1, actor: "test")
            #expect(lastYear.document.numberAndCode == "Số 1-BC/ĐU" && lastYear.document.date == periods[3].1)
            // One report a period: issuing again is refused, and so is a new narrative.
            await #expect(throws: ReviewReportError.alreadyIssued(code: "Số 1-BC/ĐU")) {
                try await store.issueReview(of: grassroots.id, from: periods[0].0, to: periods[0].1, actor: "test")
            }
            await #expect(throws: ReviewReportError.alreadyIssued(code: "Số 16-BC/ĐU")) {
                try await store.setReviewNarrative(Self.narrative, of: grassroots.id, from: periods[2].0, to: periods[2].1, actor: "test")
            }
            let listed = try await store.issuedReviews(in: Scope(roots: [grassroots.id]))
            #expect(listed.map(\.id) == [lastYear.id, next.id, chosen.id, first.id])
            #expect(try await store.auditEntries(limit: 1).first?.action == "review.issue")
        }
    }

    @Test func anIssuedReportPrintsIdenticallyAndTheReconciliationNamesExactlyTheLaterRecords() async throws {
        try await TestDatabases.each { store in
            let (grassroots, registry) = try await Self.prepared(store)
            try await store.setReviewNarrative(Self.narrative, of: grassroots.id, from: Self.from, to: Self.to, actor: "test")
            let issued = try await store.issueReview(of: grassroots.id, from: Self.from, to: Self.to, date: Day(iso: "2026-10-05")!,
                                                     actor: "account#1")
            #expect(issued.review == registry.review(of: grassroots.id, from: Self.from, to: Self.to))
            #expect(issued.document.dateLine == "Vĩnh Phúc, ngày 05 tháng 10 năm 2026")
            let texts = try ReviewDocumentStoreTests.texts(of: issued.document)
            #expect(texts.contains("Một số chi bộ sinh hoạt chưa đúng thời gian."))
            #expect(try await store.reconciliation(of: issued).changes.isEmpty)

            // A transfer out inside the period, recorded after the report was issued.
            let member = try #require(registry.journals.values.filter {
                $0.period(on: Self.to).map { Scope(roots: [grassroots.id]).covers($0.cell, in: registry.tree, on: Self.to) } == true
                    && $0.period(on: Self.to)?.standing == .official && $0.period(on: Self.to)?.exempt == false && ($0.events.last?.effective ?? Self.to) < Self.from
            }.min { $0.member.id < $1.member.id })
            let left = Day(iso: "2026-09-20")!
            _ = try await store.recordEvent(MembershipEvent(member: member.member.id, kind: .transferredOut, effective: left,
                                                            decision: .init(number: "7-QĐ/ĐUK", date: left)),
                                            in: Scope(roots: [grassroots.id]), actor: "test")

            // The issued report is read back as it was: the same document, figures and digest, and the same DOCX text.
            let again = try #require(try await store.issuedReview(issued.id, in: Scope(roots: [grassroots.id])))
            #expect(again == issued && again.intact)
            #expect(try ReviewDocumentStoreTests.texts(of: again.document) == texts)
            let recomputed = try await store.review(of: grassroots.id, from: Self.from, to: Self.to)
            #expect(recomputed.movements.transferredOut == issued.review.movements.transferredOut + 1)

            // The reconciliation names that member's step, and nothing else.
            let changes = try await store.reconciliation(of: issued).changes
            let byFigure = Dictionary(uniqueKeysWithValues: changes.map { ($0.figure.slug, $0) })
            #expect(Set(byFigure.keys) == ["dang-vien", "chinh-thuc", "chuyen-di", "chuyen-sinh-hoat", "giam"], "\(byFigure.keys.sorted())")
            for change in changes {
                let rows = change.added + change.removed
                #expect(rows.count == 1 && rows.allSatisfy { $0.member?.id == member.member.id }, "\(change.figure.slug)")
                #expect(change.now - change.issued == change.added.count - change.removed.count)
            }
            #expect(byFigure["chuyen-di"]?.added.first?.day == left && byFigure["dang-vien"]?.removed.first?.member?.fullName == member.member.fullName)

            // Outside the scope: nothing.
            let other = try #require(registry.tree.organizations.values.first {
                registry.tree.version(of: $0.id, on: Self.to)?.kind.isGrassroots == true && $0.id != grassroots.id
                    && !Scope(roots: [$0.id]).covers(grassroots.id, in: registry.tree, on: Self.to) })
            #expect(try await store.issuedReview(issued.id, in: Scope(roots: [other.id])) == nil)
            #expect(try await store.issuedReviews(in: Scope(roots: [other.id])).isEmpty)

            // A row edited outside DangBo no longer matches its digest.
            try await store.sql.raw("UPDATE issued_reviews SET review = REPLACE(review, '\"transferredOut\"', '\"transferredOut\" ') WHERE id = \(literal: issued.id)").run()
            #expect(try await store.issuedReview(issued.id, in: Scope(roots: [grassroots.id]))?.intact == false)
        }
    }

    /// Point 2: the tables of a review are Core's figures: each grassroots organization's statistics, the subtree's,
    /// the organizations by kind; the document carries them as its appendix, the workbook as its sheets.
    @Test func theStatisticalTablesAreCoresFiguresInTheDocumentAndTheWorkbook() async throws {
        try await TestDatabases.each { store in
            let (change, registry) = Self.generated
            try await store.write(change, tree: registry.tree, audit: ReportTwinTests.audit)
            let tree = registry.tree
            let root = OrganizationID(1)
            let from = Day(iso: "2016-01-01")!, to = Self.to
            let tables = try await store.reviewTables(of: root, from: from, to: to)
            let grassroots = tree.organizations.values.filter { tree.version(of: $0.id, on: to)?.kind.isGrassroots == true
                && tree.isWithin($0.id, root: root, on: to) }.sorted { $0.code < $1.code }
            #expect(tables.rows.map(\.code) == grassroots.map(\.code) && tables.omittedRows == 0)
            for (row, organization) in zip(tables.rows, grassroots) {
                #expect(row.statistics == registry.statistics(of: organization.id, asOf: to), "\(organization.code)")
                #expect(row.name == tree.version(of: organization.id, on: to)!.name)
            }
            #expect(tables.total == registry.statistics(of: root, asOf: to))
            #expect(tables.kinds == tree.kindCounts(under: root, from: from, to: to))
            #expect(tables.kinds.map(\.established).reduce(0, +) > 0 && tables.rows.count >= 2)

            let n = VietnameseFormat.number
            try await store.setDocumentSettings(try DocumentSettings(place: "Vĩnh Phúc", issuerCode: "ĐUK"), of: root, actor: "test")
            let document = try await store.reviewDocument(of: root, from: from, to: to, number: nil)
            let texts = try ReviewDocumentStoreTests.texts(of: document)
            let appendix = try #require(texts.firstIndex(of: "PHỤ LỤC: SỐ LIỆU THỐNG KÊ ĐẾN NGÀY 30/9/2026"))
            #expect(appendix > (texts.firstIndex(of: "Nơi nhận:") ?? .max))
            for row in tables.rows {
                let at = try #require(texts[appendix...].firstIndex(of: row.name), "\(row.name)")
                #expect(Array(texts[(at + 1)...(at + 3)]) == [n(row.statistics.members.total), n(row.statistics.members.official),
                                                              n(row.statistics.members.probationary)])
            }
            let total = try #require(texts[appendix...].firstIndex(of: "Cộng"))
            #expect(texts[total + 1] == n(tables.total.members.total))

            let sheets = ReviewDocument.sheets(tables)
            #expect(sheets.map(\.name) == ["Theo tổ chức cơ sở", "Giới tính", "Độ tuổi", "Dân tộc", "Tôn giáo", "Trình độ học vấn",
                                           "Lý luận chính trị", "Nghề nghiệp", "Tổ chức theo loại"])
            let ages = try #require(sheets.first { $0.name == "Độ tuổi" })
            // Each organization's age bands add up to its members; the last row is the total.
            for row in ages.rows { #expect(row.dropFirst(2).compactMap { Int($0) }.reduce(0, +) == Int(sheets[0].rows[ages.rows.firstIndex(of: row)!][2])) }
        }
    }

    /// A grassroots organization established in the period is named in the draft, as the example review names it.
    @Test func anEstablishmentIsNamedInTheDraft() async throws {
        let (change, registry) = Self.generated
        let tree = registry.tree
        let root = OrganizationID(1)
        // A day on which exactly one grassroots organization under the root was established.
        let byDay = Dictionary(grouping: tree.organizations.values.filter {
            $0.versions[0].kind.isGrassroots && $0.established > Day(iso: "2001-01-01")! && tree.isWithin($0.id, root: root, on: $0.established)
        }, by: \.established)
        let (day, organizations) = try #require(byDay.filter { $0.value.count == 1 }.min { $0.key < $1.key })
        try await TestDatabases.each { store in
            try await store.write(change, tree: tree, audit: ReportTwinTests.audit)
            try await store.setDocumentSettings(try DocumentSettings(place: "Vĩnh Phúc", issuerCode: "ĐUK"), of: root, actor: "test")
            let document = try await store.reviewDocument(of: root, from: day, to: day, number: nil)
            let name = organizations[0].versions[0].name
            #expect(document.body.contains { if case .paragraph(let text) = $0 { text.contains("thành lập mới \(name)") } else { false } },
                    "\(name) \(day)")
        }
    }

    /// Part I.1 may be reworded from the draft's sentences: kept only when it differs from them, printed instead of
    /// them, and refused at issue once the figures it was reworded from have changed (nothing written), until it is
    /// saved again against the new figures.
    @Test func rewordedFiguresAreIssuedOnlyWhileTheirFiguresHold() async throws {
        try await TestDatabases.each { store in
            let (grassroots, registry) = try await Self.prepared(store)
            let drafted = try await store.draftSentences(of: grassroots.id, from: Self.from, to: Self.to)
            #expect(drafted == ReviewDraft.sentences(registry.review(of: grassroots.id, from: Self.from, to: Self.to),
                                                     name: grassroots.name(on: Self.to)))
            var narrative = Self.narrative
            narrative.figures = drafted
            try await store.setReviewNarrative(narrative, of: grassroots.id, from: Self.from, to: Self.to, actor: "test")
            #expect(try await store.reviewNarrative(of: grassroots.id, from: Self.from, to: Self.to)?.figures == [])
            let reworded = drafted[0] + " Các chi bộ đều có cấp ủy đủ số lượng."
            narrative.figures = [reworded] + drafted.dropFirst()
            try await store.setReviewNarrative(narrative, of: grassroots.id, from: Self.from, to: Self.to, actor: "test")
            let kept = try #require(try await store.reviewNarrative(of: grassroots.id, from: Self.from, to: Self.to))
            #expect(kept.figures.first == reworded && kept.figuresBasis == ReviewDraft.basis(drafted))

            // A death in the period, recorded after the rewording: the figures it was reworded from no longer hold.
            let member = try #require(registry.journals.values.filter {
                $0.period(on: Self.to).map { Scope(roots: [grassroots.id]).covers($0.cell, in: registry.tree, on: Self.to) } == true
                    && ($0.events.last?.effective ?? Self.to) < Self.from
            }.min { $0.member.id < $1.member.id })
            _ = try await store.recordEvent(MembershipEvent(member: member.member.id, kind: .died, effective: Day(iso: "2026-09-10")!),
                                            in: Scope(roots: [grassroots.id]), actor: "test")
            let audit = try await Self.auditCount(store)
            await #expect(throws: ReviewReportError.figuresChanged) {
                try await store.issueReview(of: grassroots.id, from: Self.from, to: Self.to, actor: "test")
            }
            #expect(try await Self.auditCount(store) == audit)
            // Saved again against today's figures (no basis given: today's), it issues with the reworded text.
            narrative.figuresBasis = ""
            try await store.setReviewNarrative(narrative, of: grassroots.id, from: Self.from, to: Self.to, actor: "test")
            let issued = try await store.issueReview(of: grassroots.id, from: Self.from, to: Self.to, actor: "test")
            #expect(issued.document.body.contains(.paragraph(reworded)))
            #expect(!issued.document.body.contains(.paragraph(drafted[0])))
            #expect(issued.review.movements.died == registry.review(of: grassroots.id, from: Self.from, to: Self.to).movements.died + 1)
        }
    }

    /// A meeting recorded after the report was issued: its figures are named in the reconciliation (they have no list
    /// of records), and nothing else is.
    @Test func aLaterMeetingIsInTheReconciliation() async throws {
        try await TestDatabases.each { store in
            let (grassroots, registry) = try await Self.prepared(store)
            try await store.setReviewNarrative(Self.narrative, of: grassroots.id, from: Self.from, to: Self.to, actor: "test")
            let issued = try await store.issueReview(of: grassroots.id, from: Self.from, to: Self.to, actor: "test")
            #expect(issued.review.meetings.regular > 0)
            let day = Day(iso: "2026-09-15")!
            let cell = try #require(registry.tree.organizations.values.filter {
                registry.tree.version(of: $0.id, on: day)?.kind.isCell == true && registry.tree.isWithin($0.id, root: grassroots.id, on: day)
            }.min { $0.id < $1.id })
            var change = RegistryChange()
            change.meetings = [Meeting(reference: "SH-LATE", cell: cell.id, kind: .regular, held: day, durationMinutes: 120)]
            try await store.write(change, tree: registry.tree, audit: ReportTwinTests.audit)
            let reconciliation = try await store.reconciliation(of: issued)
            #expect(reconciliation.changes.isEmpty)
            #expect(reconciliation.figureChanges.contains(.init(name: "Buổi sinh hoạt thường kỳ", issued: issued.review.meetings.regular,
                                                                now: issued.review.meetings.regular + 1)))
        }
    }
}
