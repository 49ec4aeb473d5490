import DangBoCore
import DangBoSynthetic
import Foundation
import Testing

/// The demo bloc, generated once for the tests that only read it.
private enum Demo {
    static let options = SyntheticRegistry.Options(seed: 1)
    static let synthetic = SyntheticRegistry(options: options)
    static let registry = synthetic.registry()
    static let root = OrganizationID(1)
}

@Suite struct SyntheticRegistryTests {
    // MARK: - Rules

    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func everyRecordObeysTheRules(seed: UInt64) {
        // setup
        let synthetic = seed == 1 ? Demo.synthetic : SyntheticRegistry(options: .init(seed: seed))

        // MUT
        let tree = OrganizationTree(synthetic.organizations)
        let registry = seed == 1 ? Demo.registry : synthetic.registry()

        // validate
        #expect(tree.violations().isEmpty)
        #expect(registry.journals.count == synthetic.members.count)
        #expect(synthetic.organizations.map(\.id.rawValue) == Array(1...synthetic.organizations.count))
        #expect(synthetic.members.map(\.id.rawValue) == Array(1...synthetic.members.count))
        #expect(synthetic.organizations[0].versions.allSatisfy { $0.kind == .upperCommittee && $0.parent == nil })
        for organization in synthetic.organizations {
            for version in organization.versions {
                if let parent = version.parent { #expect(parent < organization.id, "\(organization.code)") }
            }
        }
    }

    @Test(arguments: [
        SyntheticRegistry.Options(seed: 9, grassroots: 1, members: 10),
        SyntheticRegistry.Options(seed: 9, grassroots: 3, members: 60, from: Day(iso: "2020-01-01")!,
                                  through: Day(iso: "2021-06-30")!),
        SyntheticRegistry.Options(seed: 9, grassroots: 8, members: 400),
        SyntheticRegistry.Options(seed: 9, grassroots: 120, members: 2_500, from: Day(iso: "2000-01-01")!,
                                  rootCode: "DNTW", rootName: "Đảng bộ Khối Doanh nghiệp"),
    ])
    func oddSizesObeyTheRulesToo(options: SyntheticRegistry.Options) {
        let synthetic = SyntheticRegistry(options: options)
        #expect(OrganizationTree(synthetic.organizations).violations().isEmpty)
        let registry = synthetic.registry()
        #expect(registry.journals.count == synthetic.members.count)
        #expect(synthetic.organizations[0].code == options.rootCode)
        #expect(synthetic.events.allSatisfy { $0.effective >= options.from && $0.effective <= options.through })
        let total = registry.statistics(of: OrganizationID(1), asOf: options.through).members.total
        #expect(total > options.members / 2 && total < options.members * 2)
    }

    @Test(arguments: [1, 2] as [UInt64])
    func eventsComeInEffectiveOrderAndNothingFollowsDeath(seed: UInt64) {
        let synthetic = seed == 1 ? Demo.synthetic : SyntheticRegistry(options: .init(seed: seed, members: 1_500))
        var previous: MembershipEvent?
        var seenMembers = Set<MemberID>()
        for event in synthetic.events {
            if let previous, previous.member == event.member {
                #expect(previous.effective <= event.effective, "\(event.member)")
                #expect(previous.kind != .died, "\(event.member) after death")
                #expect(!(previous.kind == .moved && event.kind == .moved && previous.effective == event.effective),
                        "\(event.member): two moves on one day")
            } else {
                #expect(seenMembers.insert(event.member).inserted, "events of \(event.member) are not together")
            }
            previous = event
        }
    }

    @Test func nobodyStaysInACellAfterItCloses() {
        let tree = Demo.registry.tree
        var periods = 0
        for journal in Demo.registry.journals.values {
            for period in journal.periods {
                periods += 1
                let cell = tree[period.cell]!
                #expect(cell.version(on: period.validity.start)?.kind.isCell == true)
                if let dissolved = cell.dissolved {
                    #expect(period.validity.end.map { $0 <= dissolved } == true, "\(cell.code) \(period)")
                }
            }
        }
        #expect(periods > Demo.synthetic.members.count)
    }

    @Test func recognitionTakesEffectTwelveMonthsAfterTheCeremony() {
        var recognitions = 0, withCeremony = 0
        for journal in Demo.registry.journals.values {
            var ceremony: Day?
            for event in journal.events {
                switch event.kind {
                case .admitted, .readmitted:
                    ceremony = event.effective
                case .recognizedOfficial:
                    recognitions += 1
                    if let ceremony {
                        withCeremony += 1
                        #expect(event.effective == Journal.probationEnd(ceremony: ceremony), "\(journal.member.id)")
                    }
                    ceremony = nil
                default:
                    break
                }
            }
        }
        #expect(recognitions > 1_000)
        #expect(withCeremony * 4 > recognitions * 3)
    }

    @Test func admissionsAreDecidedWeeksBeforeTheCeremonyAtAnAdmissibleAge() {
        var admissions = 0, usualAge = 0
        for event in Demo.synthetic.events where event.kind == .admitted {
            admissions += 1
            let member = Demo.registry.members[event.member]!
            let decided = event.decision!.date!
            #expect(decided < event.effective && decided.adding(days: 60) >= event.effective)
            let months = Journal.ageInMonths(birth: member.birthDate, on: decided)
            #expect(Journal.admissionAgeMonths(on: decided).contains(months))
            if (20 * 12)...(45 * 12 + 11) ~= months { usualAge += 1 }
        }
        #expect(admissions > 1_000)
        #expect(usualAge * 100 >= admissions * 90)
    }

    // MARK: - Determinism

    @Test func theSameSeedGivesTheSameRegistry() {
        let options = SyntheticRegistry.Options(seed: 42, grassroots: 20, members: 1_200)
        let first = SyntheticRegistry(options: options)
        let second = SyntheticRegistry(options: options)
        #expect(first.organizations == second.organizations)
        #expect(first.members == second.members)
        #expect(first.events == second.events)
        #expect(first.seats == second.seats)
        #expect(first.cases == second.cases)
    }

    @Test func anotherSeedGivesAnotherRegistry() {
        let first = SyntheticRegistry(options: .init(seed: 42, grassroots: 20, members: 1_200))
        let second = SyntheticRegistry(options: .init(seed: 43, grassroots: 20, members: 1_200))
        #expect(first.members != second.members)
        #expect(first.events != second.events)
    }

    @Test func theGeneratorRepeatsItselfForASeed() {
        var a = SeededGenerator(seed: 7), b = SeededGenerator(seed: 7), c = SeededGenerator(seed: 8)
        let first = (0..<100).map { _ in a.next() }
        #expect(first == (0..<100).map { _ in b.next() })
        #expect(first != (0..<100).map { _ in c.next() })
        #expect(Set(first).count == 100)
        let dice = (0..<1_000).map { _ in Int.random(in: 1...6, using: &a) }
        #expect(Set(dice) == Set(1...6))
    }

    // MARK: - Size and flows

    @Test func theDemoBlocHasAbout4000MembersAtTheEnd() {
        let statistics = Demo.registry.statistics(of: Demo.root, asOf: Demo.options.through)
        #expect((3_000...5_500).contains(statistics.members.total))
        #expect((45...65).contains(statistics.organizations.grassroots))
        #expect(statistics.members.probationary > 0 && statistics.members.exempt > 0)
        #expect(statistics.members.female * 100 > statistics.members.total * 35)
        #expect(statistics.members.female * 100 < statistics.members.total * 55)
        #expect(statistics.members.ethnicMinority * 100 < statistics.members.total * 20)
    }

    @Test func aRecentQuarterLooksLikeTheRealReview() {
        // Quý I/2021 of the Vĩnh Phúc bloc: 4,046 members, 18 admitted, 118 transfers in and out.
        let review = Demo.registry.review(of: Demo.root, from: Day(iso: "2021-01-01")!, to: Day(iso: "2021-03-31")!)
        #expect(review.balance.holds)
        #expect((8...40).contains(review.movements.admitted))
        #expect((60...200).contains(review.movements.transfers))
        #expect(review.movements.transferredIn > 0 && review.movements.transferredOut > 0)
        #expect(review.committees.consolidated > 0)
        #expect(review.oversight(.supervision, .regular, .committee).members > 0)
        #expect(review.oversight(.supervision, .regular, .inspectionCommission).organizations > 0)
    }

    @Test(arguments: [
        SyntheticRegistry.Options(seed: 1),
        SyntheticRegistry.Options(seed: 5, grassroots: 8, members: 400),
    ])
    func everyKindOfEventHappens(options: SyntheticRegistry.Options) {
        let synthetic = options.seed == 1 ? Demo.synthetic : SyntheticRegistry(options: options)
        let kinds = Set(synthetic.events.map(\.kind))
        for kind in EventKind.allCases { #expect(kinds.contains(kind), "\(kind)") }
        if options.seed != 1 { #expect(synthetic.registry().journals.count == synthetic.members.count) }
    }

    // MARK: - Structure

    @Test func theTreeHasAHistory() {
        let organizations = Demo.synthetic.organizations
        let from = Demo.options.from
        // Re-parented between grassroots committees (changes of depth and kind: GeneratedCasesTests).
        let reparented = organizations.filter { Set($0.versions.map(\.parent)).count > 1 }
        #expect(reparented.contains { organization in
            let parents = organization.versions.compactMap(\.parent).map { Demo.registry.tree[$0]!.versions[0].kind }
            return Set(organization.versions.map(\.kind)) == [.subordinateCell]
                && parents.allSatisfy { $0 == .grassrootsCommittee }
        })
        let renamed = organizations.filter { Set($0.versions.map(\.name)).count > 1 && Set($0.versions.map(\.parent)).count == 1 }
        #expect(renamed.count >= 2)
        #expect(organizations.contains { $0.established > from && $0.versions[0].kind.isGrassroots })
        #expect(organizations.contains { $0.dissolved != nil && $0.versions[0].kind.isGrassroots })
        let grassroots = organizations.filter { $0.versions[0].kind.isGrassroots && $0.established == from }
        #expect(grassroots.count == Demo.options.grassroots)
        let committees = grassroots.filter { $0.versions[0].kind == .grassrootsCommittee }
        #expect(committees.count * 4 > grassroots.count && committees.count * 2 < grassroots.count)
        #expect(organizations.contains { $0.versions[0].kind == .partialCommittee })
    }

    @Test func aMergerMovesEveryMemberOnItsDay() throws {
        let organizations = Demo.synthetic.organizations
        let merger = try #require(organizations.first { merged in
            merged.versions[0].kind.isCell
                && organizations.filter { $0.dissolved == merged.established && $0.versions[0].kind.isCell }.count >= 2
        })
        let day = merger.established
        let closed = Set(organizations.filter { $0.dissolved == day && $0.versions[0].kind.isCell }.map(\.id))
        var moved = 0
        for journal in Demo.registry.journals.values {
            guard let before = journal.period(on: day.previous), closed.contains(before.cell) else { continue }
            let after = try #require(journal.period(on: day))
            #expect(after.cell == merger.id)
            moved += 1
        }
        #expect(moved > 0)
        #expect(Demo.synthetic.events.contains { $0.kind == .readmitted })
        #expect(Demo.synthetic.events.contains { $0.kind == .restored })
    }

    // MARK: - People

    @Test func membersLookVietnameseAndTheirPapersNeverRepeat() {
        let members = Demo.synthetic.members
        func isNFC(_ text: String) -> Bool { Array(text.utf8) == Array(text.precomposedStringWithCanonicalMapping.utf8) }
        var nationalIDs = Set<String>(), records = Set<String>(), cards = Set<String>()
        var nguyen = 0, male = 0, kinh = 0, noReligion = 0
        for member in members {
            #expect(isNFC(member.familyName) && isNFC(member.middleName) && isNFC(member.givenName) && isNFC(member.ethnicity))
            if member.middleName.split(separator: " ").contains("Thị") { #expect(member.gender == .female) }
            #expect(member.nationalID.count == 12 && member.nationalID.hasPrefix("0") && member.nationalID.allSatisfy(\.isNumber))
            #expect(nationalIDs.insert(member.nationalID).inserted)
            #expect(member.recordNumber.prefix(6).allSatisfy(\.isNumber) && member.recordNumber.dropFirst(6).allSatisfy(\.isLetter))
            #expect(records.insert(member.recordNumber).inserted)
            if !member.cardNumber.isEmpty {
                #expect(member.cardNumber.count == 8 && member.cardNumber.allSatisfy(\.isNumber))
                #expect(cards.insert(member.cardNumber).inserted)
            }
            if member.familyName == "Nguyễn" { nguyen += 1 }
            if member.gender == .male { male += 1 }
            if member.ethnicity == Member.kinh { kinh += 1 }
            if member.religion == Member.noReligion { noReligion += 1 }
        }
        let count = members.count
        #expect(nguyen * 100 > count * 30 && nguyen * 100 < count * 45)
        #expect(male * 100 > count * 50 && male * 100 < count * 60)
        #expect(kinh * 100 > count * 85)
        #expect(noReligion * 100 > count * 85)
    }

    // MARK: - Committees and oversight

    @Test func seatsGoToOfficialMembersOfTheOrganization() {
        let registry = Demo.registry
        var sources = Set<SeatSource>(), positions = Set<Position>(), committees = Set<CommitteeKind>()
        for seat in Demo.synthetic.seats {
            sources.insert(seat.source)
            positions.insert(seat.position)
            committees.insert(seat.committee)
            let start = seat.validity.start
            let period = registry.journals[seat.member]?.period(on: start)
            #expect(period?.standing == .official, "\(seat.member) \(start)")
            #expect(period.map { registry.tree.isWithin($0.cell, root: seat.organization, on: start) } == true)
            #expect(registry.tree[seat.organization]!.version(on: start)!.kind.isGrassroots)
            #expect(seat.decision?.number.hasSuffix("-QĐ/ĐUK") == true)
            if seat.source == .congress, start != Demo.options.from { #expect(start.year % 5 == 0) }
        }
        #expect(sources == Set(SeatSource.allCases))
        #expect(positions == Set(Position.allCases))
        #expect(committees == Set(CommitteeKind.allCases))
    }

    @Test func oversightLooksInsideTheConductorsSubtree() {
        let registry = Demo.registry
        var activities = Set<OversightActivity>(), modes = Set<OversightMode>(), conductors = Set<ConductorKind>()
        for oversight in Demo.synthetic.cases {
            activities.insert(oversight.activity)
            modes.insert(oversight.mode)
            conductors.insert(oversight.conductor)
            let day = oversight.started
            #expect(registry.tree[oversight.conductorOrganization]!.exists(on: day))
            #expect(!oversight.subjects.isEmpty)
            for subject in oversight.subjects {
                switch subject {
                case .organization(let id):
                    #expect(registry.tree.isWithin(id, root: oversight.conductorOrganization, on: day))
                case .member(let id):
                    let period = registry.journals[id]?.period(on: day)
                    #expect(period.map { registry.tree.isWithin($0.cell, root: oversight.conductorOrganization, on: day) } == true)
                }
            }
            if let ended = oversight.ended { #expect(ended > day && oversight.outcome != nil) }
        }
        #expect(activities == Set(OversightActivity.allCases))
        #expect(modes == Set(OversightMode.allCases))
        #expect(conductors == Set(ConductorKind.allCases))
        #expect(Demo.synthetic.cases.contains { $0.conductorOrganization == Demo.root })
    }

    @Test func decisionsAreNumberedInOrderOfSigningEachYear() {
        var last: [String: (year: Int, number: Int, day: Day)] = [:]
        let decisions = Demo.synthetic.events.compactMap(\.decision).filter { $0.number.contains("/ĐUK") }
        for decision in decisions.sorted(by: { ($0.date!, Int($0.number.prefix { $0.isNumber })!) < ($1.date!, Int($1.number.prefix { $0.isNumber })!) }) {
            let number = Int(decision.number.prefix { $0.isNumber })!
            let series = String(decision.number.drop { $0.isNumber })
            if let previous = last[series], previous.year == decision.date!.year {
                #expect(number > previous.number, "\(decision.number) \(decision.date!)")
            }
            last[series] = (decision.date!.year, number, decision.date!)
        }
        #expect(Set(last.keys) == ["-QĐ/ĐUK", "-GT/ĐUK"])
    }
}

extension SyntheticRegistry.Options: CustomTestStringConvertible {
    public var testDescription: String { "seed \(seed), \(grassroots) grassroots, \(members) members" }
}
