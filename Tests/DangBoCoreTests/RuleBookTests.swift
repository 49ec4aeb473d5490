import Foundation
import Testing
@testable import DangBoCore

/// The rule book (issue 7 point 8): each rule follows its regulation chain, edge by edge, cites regulations that
/// exist, agrees with the checks that enforce it, and `docs/rules.md` is what the code prints.
@Suite struct RuleBookTests {
    typealias F = Fixture

    // MARK: - The version in force, at each start day: the day before, of and after

    /// QĐ 29 (25/7/2016) → QĐ 24 (30/7/2021) → QĐ 232 (20/01/2025) → QĐ 294 (signed 26/5/2025, applies 01/7/2025).
    @Test(arguments: [
        ("1995-03-01", "qd-29-2016"),  // before the first version: the first, as documented
        ("2016-07-24", "qd-29-2016"), ("2016-07-25", "qd-29-2016"), ("2016-07-26", "qd-29-2016"),
        ("2021-07-29", "qd-29-2016"), ("2021-07-30", "qd-24-2021"), ("2021-07-31", "qd-24-2021"),
        ("2025-01-19", "qd-24-2021"), ("2025-01-20", "qd-232-2025"), ("2025-01-21", "qd-232-2025"),
        ("2025-05-26", "qd-232-2025"),  // QĐ 294 is signed, not yet in force
        ("2025-06-30", "qd-232-2025"), ("2025-07-01", "qd-294-2025"), ("2025-07-02", "qd-294-2025"),
    ])
    func admissionAgeFollowsTheCharterRegulations(day: String, regulation: String) {
        let version = RuleBook.admissionAge.version(on: F.day(day))
        #expect(version.regulation.id == regulation)
        #expect(version.value == 216...720)
    }

    /// Charter (2011) → QĐ 69 (06/7/2022) → QĐ 69 as amended by QĐ 264 (14/02/2025).
    @Test(arguments: [
        ("2011-01-18", "dieu-le-2011"), ("2011-01-19", "dieu-le-2011"), ("2011-01-20", "dieu-le-2011"),
        ("2022-07-05", "dieu-le-2011"), ("2022-07-06", "qd-69-2022"), ("2022-07-07", "qd-69-2022"),
        ("2025-02-13", "qd-69-2022"), ("2025-02-14", "qd-264-2025"), ("2025-02-15", "qd-264-2025"),
    ])
    func probationerExclusionsFollowTheDisciplineRegulations(day: String, regulation: String) {
        let version = RuleBook.probationerExclusions.version(on: F.day(day))
        #expect(version.regulation.id == regulation)
        #expect(version.value == [.expelled, .removed])
    }

    /// Discipline: the Charter (sanctions), QĐ 102 (2017, members' limitation) and QĐ 07-QĐi (2018, organizations'),
    /// then QĐ 69 (06/7/2022) and QĐ 69 as amended by QĐ 264 (14/02/2025); what the 2022 and 2025 texts keep is
    /// unconfirmed (RULES §4).
    @Test(arguments: [
        ("2017-11-14", "dieu-le-2011", "qd-102-2017", "qd-07-2018"),  // before the first version: the first
        ("2017-11-15", "dieu-le-2011", "qd-102-2017", "qd-07-2018"),
        ("2018-08-27", "dieu-le-2011", "qd-102-2017", "qd-07-2018"),
        ("2018-08-28", "dieu-le-2011", "qd-102-2017", "qd-07-2018"),
        ("2022-07-05", "dieu-le-2011", "qd-102-2017", "qd-07-2018"),
        ("2022-07-06", "qd-69-2022", "qd-69-2022", "qd-69-2022"),
        ("2025-02-13", "qd-69-2022", "qd-69-2022", "qd-69-2022"),
        ("2025-02-14", "qd-264-2025", "qd-264-2025", "qd-264-2025"),
        ("2025-02-15", "qd-264-2025", "qd-264-2025", "qd-264-2025"),
    ])
    func disciplineFollowsTheDisciplineRegulations(day: String, sanctions: String, members: String, organizations: String) {
        let day = F.day(day)
        #expect(RuleBook.disciplineSanctions.version(on: day).regulation.id == sanctions)
        #expect(RuleBook.disciplineLimitationOfMembers.version(on: day).regulation.id == members)
        #expect(RuleBook.disciplineLimitationOfOrganizations.version(on: day).regulation.id == organizations)
        #expect(RuleBook.disciplineAppealMonths.version(on: day).value == 1)
        // Only the clauses RULES quotes are confirmed.
        let confirmed = RuleBook.disciplineLimitationOfMembers.version(on: day).confirmed
        #expect(confirmed == (members == "qd-102-2017"))
    }

    /// HD 01-HD/TW 20/9/2016 → HD 01-HD/TW 28/9/2021.
    @Test(arguments: [
        ("2016-09-19", "hd-01-2016"), ("2016-09-20", "hd-01-2016"), ("2016-09-21", "hd-01-2016"),
        ("2021-09-27", "hd-01-2016"), ("2021-09-28", "hd-01-2021"), ("2021-09-29", "hd-01-2021"),
    ])
    func badgesFollowTheGuidance(day: String, regulation: String) {
        #expect(RuleBook.badgeMilestones.version(on: F.day(day)).regulation.id == regulation)
        #expect(RuleBook.badgeEarlyAwards.version(on: F.day(day)).regulation.id == regulation)
    }

    /// Every rule at every start day: the day before has the previous version (the first one before the first),
    /// the day itself and the day after have this one.
    @Test(arguments: RuleBook.all.map(\.id))
    func everyStartDayIsAnEdge(id: String) throws {
        let rule = try #require(RuleBook.rule(id: id))
        let versions = rule.versionDescriptions
        for (index, version) in versions.enumerated() {
            let start = version.appliesFrom
            #expect(rule.versionDescription(on: start.previous) == versions[max(0, index - 1)], "\(id) before \(start)")
            #expect(rule.versionDescription(on: start) == version, "\(id) on \(start)")
            let next = index + 1 < versions.count && versions[index + 1].appliesFrom == start.next ? index + 1 : index
            #expect(rule.versionDescription(on: start.next) == versions[next], "\(id) after \(start)")
        }
    }

    @Test func typedAndDescribedVersionsAgree() {
        for day in ["2010-01-01", "2021-07-30", "2025-02-14", "2025-07-01", "2030-01-01"].map(F.day) {
            #expect(RuleBook.admissionAge.version(on: day).described == RuleBook.admissionAge.versionDescription(on: day))
            #expect(RuleBook.probationerExclusions.version(on: day).described
                == RuleBook.probationerExclusions.versionDescription(on: day))
            #expect(RuleBook.partyAgeGaps.version(on: day).described == RuleBook.partyAgeGaps.versionDescription(on: day))
        }
    }

    // MARK: - The book is well formed

    @Test func everyRuleHasVersionsInOrder() {
        #expect(!RuleBook.all.isEmpty)
        #expect(Set(RuleBook.all.map(\.id)).count == RuleBook.all.count, "rule ids are unique")
        for rule in RuleBook.all {
            #expect(!rule.id.isEmpty && !rule.name.isEmpty)
            let versions = rule.versionDescriptions
            #expect(!versions.isEmpty, "\(rule.id) has no version")
            for (earlier, later) in zip(versions, versions.dropFirst()) {
                #expect(earlier.appliesFrom < later.appliesFrom, "\(rule.id): versions out of order")
            }
            for version in versions {
                #expect(!version.valueText.isEmpty, "\(rule.id): a version without the text of its value")
            }
        }
    }

    @Test func everyCitedRegulationExists() {
        #expect(Set(Regulation.all.map(\.id)).count == Regulation.all.count, "regulation ids are unique")
        for rule in RuleBook.all {
            for version in rule.versionDescriptions {
                #expect(Regulation.withID(version.regulation.id) == version.regulation,
                        "\(rule.id) cites \(version.regulation.code), which is not in Regulation.all")
                #expect(version.appliesFrom >= version.regulation.appliesFrom,
                        "\(rule.id) applies before \(version.regulation.code) does")
            }
        }
        for regulation in Regulation.all {
            #expect(regulation.signed <= regulation.appliesFrom, "\(regulation.code)")
            #expect((2011...2026).contains(regulation.signed.year), "\(regulation.code): a day that is no day")
            if let amended = regulation.amends {
                let original = Regulation.withID(amended)
                #expect(original != nil, "\(regulation.code) amends an unknown regulation")
                #expect(original.map { $0.appliesFrom < regulation.appliesFrom } ?? false)
            }
        }
        #expect(zip(Regulation.all, Regulation.all.dropFirst()).allSatisfy { $0.appliesFrom <= $1.appliesFrom })
    }

    /// The days of RULES §0; the two it does not give are marked.
    @Test(arguments: [
        (Regulation.qd24, "2021-07-30", "2021-07-30", true), (Regulation.qd232, "2025-01-20", "2025-01-20", true),
        (Regulation.qd294, "2025-05-26", "2025-07-01", true), (Regulation.hd01of2016, "2016-09-20", "2016-09-20", true),
        (Regulation.hd01of2021, "2021-09-28", "2021-09-28", true), (Regulation.qd69, "2022-07-06", "2022-07-06", true),
        (Regulation.qd264, "2025-02-14", "2025-02-14", true), (Regulation.qd29, "2016-07-25", "2016-07-25", false),
        (Regulation.charter2011, "2011-01-19", "2011-01-19", false),
        (Regulation.qd102, "2017-11-15", "2017-11-15", false), (Regulation.qd07of2018, "2018-08-28", "2018-08-28", false),
    ])
    func regulationDays(regulation: Regulation, signed: String, appliesFrom: String, fromRules: Bool) {
        #expect(regulation.signed == F.day(signed))
        #expect(regulation.appliesFrom == F.day(appliesFrom))
        #expect(regulation.daysConfirmed == fromRules)
    }

    /// The full text of QĐ 294 is unconfirmed (RULES §13.1): only the clause RULES §3.5 quotes (§6.3.1) is confirmed.
    @Test func qd294IsUnconfirmedButWhereQuoted() {
        let confirmed = RuleBook.all.filter { rule in
            rule.versionDescriptions.contains { $0.regulation == .qd294 && $0.confirmed }
        }
        #expect(confirmed.map(\.id) == ["membership.oneCell"])
        #expect(RuleBook.all.contains { rule in rule.versionDescriptions.contains { $0.regulation == .qd294 } })
    }

    // MARK: - The book agrees with the checks that enforce its rules today

    @Test func valuesAgreeWithTheChecks() {
        for version in RuleBook.admissionAge.versions { #expect(version.value == 216...720) }
        for version in RuleBook.badgeMilestones.versions {
            #expect(version.value == [30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90])
            #expect(PartyAge.badgeYears(on: version.appliesFrom) == version.value)
        }
        for ceremony in ["2021-01-31", "2024-02-29", "2025-07-01"].map(F.day) {
            let months = RuleBook.probationMonths.version(on: ceremony).value
            #expect(Journal.probationEnd(ceremony: ceremony) == ceremony.adding(months: months))
        }
        #expect(RuleBook.readmissionLimit.version(on: F.day("2025-07-01")).value == 1)
        #expect(RuleBook.restorationAfter.version(on: F.day("2025-07-01")).value == [.expelled, .removed])
        #expect(RuleBook.temporaryInHeadCount.version(on: F.day("2025-07-01")).value == false)
        for version in RuleBook.disciplineSanctions.versions {
            #expect(version.value.allowed(for: .organization) == [.reprimand, .warning, .dissolution])
            #expect(version.value.allowed(for: .officialMember) == [.reprimand, .warning, .removalFromPost, .expulsion])
            #expect(version.value.allowed(for: .probationaryMember) == [.reprimand, .warning])
            // A probationer is never expelled: the journal's rule and the sanctions agree.
            #expect(!version.value.allowed(for: .probationaryMember).contains(.expulsion))
        }
        for version in RuleBook.disciplineByCell.versions {
            #expect(version.value == [.reprimand, .warning])
            // What a cell may decide, any member may be given.
            #expect(version.value.allSatisfy { RuleBook.disciplineSanctions.version(on: version.appliesFrom).value
                .allowed(for: .probationaryMember).contains($0) })
        }
        for version in RuleBook.disciplineLimitationOfMembers.versions {
            #expect(version.value.years == [.reprimand: 5, .warning: 10, .removalFromPost: 10])
            #expect(version.value.offencesWithoutLimit == Set(OffenceWithoutLimit.allCases))
        }
        for version in RuleBook.disciplineLimitationOfOrganizations.versions {
            #expect(version.value.years == [.reprimand: 5, .warning: 10])
            #expect(version.value.offencesWithoutLimit == [.internalPolitics, .securityDefence, .foreignAffairs])
        }
    }

    /// A check cites the version in force on the day it counts: an admission at 17 years 11 months, decided in each
    /// era of the Charter's implementing regulation, names that era's regulation.
    @Test(arguments: [("2019-06-01", "29-QĐ/TW"), ("2021-07-29", "29-QĐ/TW"), ("2021-07-30", "24-QĐ/TW"),
                      ("2025-01-19", "24-QĐ/TW"), ("2025-01-20", "232-QĐ/TW"), ("2025-06-30", "232-QĐ/TW"),
                      ("2025-07-01", "294-QĐ/TW")])
    func aViolationCitesTheRegulationInForceThatDay(decided: String, regulation: String) throws {
        let day = F.day(decided)
        // Born so as to be 17 years and 11 months old on the decision day.
        let born = day.adding(months: -(17 * 12 + 11)).adding(days: -1)
        let member = Member(id: MemberID(1), nationalID: "001090000001", familyName: "Phạm", middleName: "Văn",
                            givenName: "Cường", gender: .male, birthDate: born)
        do {
            _ = try Journal(member: member, events: [MembershipEvent(
                member: MemberID(1), kind: .admitted, effective: day.adding(days: 20), organization: F.cellA,
                decision: Decision(number: "1-QĐ/ĐUK", date: day))], tree: F.tree)
            Issue.record("an admission at 17 must fail")
        } catch {
            #expect(error.message.contains("Quy định \(regulation)"), "\(error.message)")
        }
    }

    // MARK: - Citations and tables

    @Test func citations() {
        #expect(RuleBook.admissionAge.version(on: F.day("2025-07-01")).citation == "Quy định 294-QĐ/TW, mục 1.1.1")
        #expect(RuleBook.admissionAge.version(on: F.day("2021-08-01")).citation == "Quy định 24-QĐ/TW, mục 1.1.1")
        #expect(RuleBook.probationMonths.version(on: F.day("2021-08-01")).citation == "Điều lệ Đảng, Điều 5, khoản 1")
        #expect(RuleBook.probationerExclusions.version(on: F.day("2025-03-01")).citation
            == "Quy định 69-QĐ/TW (sửa đổi theo Quy định 264-QĐ/TW), Điều 7")
        // No clause known: the regulation alone.
        #expect(RuleBook.partyAgeGaps.version(on: F.day("2020-01-01")).citation == "Hướng dẫn 01-HD/TW ngày 20/9/2016")
    }

    @Test func markdownTableHasARowPerVersion() {
        let versions = RuleBook.all.map(\.versionDescriptions.count).reduce(0, +)
        #expect(RuleBook.markdownTable().split(separator: "\n").count == 2 + versions)
        let onDay = RuleBook.markdownTable(on: F.day("2025-07-01"))
        #expect(onDay.split(separator: "\n").count == 2 + RuleBook.all.count)
        #expect(onDay.contains("| Tuổi đời khi xét kết nạp (`admission.age`) | từ đủ 18 đến đủ 60 tuổi, tính theo tháng, "
            + "tại ngày chi bộ xét kết nạp | Quy định 294-QĐ/TW, mục 1.1.1 | 1/7/2025 | chưa xác nhận |"))
        #expect(!onDay.contains("Quy định 24-QĐ/TW"))
        #expect(RuleBook.markdownDocument(on: F.day("2025-07-01")).contains("Các phiên bản có hiệu lực ngày 1/7/2025."))
        #expect(!RuleBook.markdownRegulations(on: F.day("2025-07-01")).contains("QĐ 29-QĐ/TW"))
    }

    @Test func textColumnsAreAligned() {
        for day in [nil, F.day("2021-08-01")] {
            let text = RuleBook.text(on: day)
            let rows = text.split(separator: "\n").filter { $0.hasPrefix("  ") && $0.dropFirst(2).first?.isNumber == true }
            #expect(rows.count == RuleBook.all.map { day == nil ? $0.versionDescriptions.count : 1 }.reduce(0, +))
            let offsets = Set(rows.map { row in
                row.distance(from: row.startIndex, to: (row.firstRange(of: "đã xác nhận") ?? row.firstRange(of: "chưa xác nhận"))!.lowerBound)
            })
            #expect(offsets.count == 1, "the confirmation column starts at one offset")
            #expect(text.contains("Tuổi đời khi xét kết nạp (admission.age)"))
        }
    }

    /// `docs/rules.md` is generated from the code; it must not drift.
    @Test func docsRulesIsGenerated() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let file = root.appendingPathComponent("docs/rules.md")
        let written = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
        let generated = RuleBook.markdownDocument()
        guard written != generated else { return }
        let a = written.split(separator: "\n", omittingEmptySubsequences: false)
        let b = generated.split(separator: "\n", omittingEmptySubsequences: false)
        let line = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
        Issue.record("""
            docs/rules.md differs from the rule book in the code (first at line \(line + 1)). Regenerate it with
            `swift run dangbo rules --format markdown > docs/rules.md` and commit it.
            """)
    }
}
