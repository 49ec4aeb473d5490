import DangBoCore

/// A generated registry that obeys every rule (each journal passes `Journal`), for the demo and property tests.
public struct SyntheticRegistry: Sendable {
    public struct Options: Sendable {
        public var seed: UInt64
        public var grassroots: Int
        public var members: Int
        public var from: Day
        public var through: Day
        public var rootCode: String
        public var rootName: String

        public init(seed: UInt64 = 1, grassroots: Int = 55, members: Int = 5_200,
                    from: Day = Day(year: 1996, month: 1, day: 1)!, through: Day = Day(year: 2026, month: 11, day: 26)!,
                    rootCode: String = "DUK", rootName: String = "Đảng bộ Khối các cơ quan tỉnh") {
            self.seed = seed
            self.grassroots = grassroots
            self.members = members
            self.from = from
            self.through = through
            self.rootCode = rootCode
            self.rootName = rootName
        }
    }

    public var organizations: [Organization] = []
    public var members: [Member] = []
    public var events: [MembershipEvent] = []
    public var seats: [CommitteeSeat] = []
    public var cases: [OversightCase] = []

    public init(options: Options) {
        var random = SeededGenerator(seed: options.seed)
        var builder = Builder(options: options)
        builder.makeTree(&random)
        builder.makeMembers(&random)
        builder.makeSeatsAndCases(&random)
        organizations = builder.organizations
        members = builder.members
        events = builder.events
        seats = builder.seats
        cases = builder.cases
    }

    /// All of it as a Core registry; every journal is checked (a violation is a bug of the generator).
    public func registry() -> Registry {
        var registry = Registry(tree: OrganizationTree(organizations))
        var byMember: [MemberID: [MembershipEvent]] = [:]
        for event in events { byMember[event.member, default: []].append(event) }
        for member in members {
            do { try registry.record(member, events: byMember[member.id] ?? []) } catch {
                preconditionFailure("generated journal breaks a rule: \(error.message)")
            }
        }
        registry.seats = seats
        registry.cases = cases
        return registry
    }
}

private struct Builder {
    let options: Options
    typealias Options = SyntheticRegistry.Options
    var organizations: [Organization] = []
    var members: [Member] = []
    var events: [MembershipEvent] = []
    var seats: [CommitteeSeat] = []
    var cases: [OversightCase] = []
    /// Cells with the days they hold members.
    var cells: [(id: OrganizationID, validity: DayRange, grassroots: OrganizationID)] = []
    var grassrootsIDs: [OrganizationID] = []

    init(options: Options) { self.options = options }

    static let agencies = ["Sở Tài chính", "Sở Nội vụ", "Sở Y tế", "Sở Giáo dục và Đào tạo", "Sở Xây dựng", "Sở Công Thương",
                           "Sở Tư pháp", "Ban Dân tộc", "Thanh tra tỉnh", "Kho bạc Nhà nước tỉnh", "Cục Thuế tỉnh",
                           "Bảo hiểm xã hội tỉnh", "Sở Nông nghiệp", "Sở Văn hóa", "Đài Phát thanh và Truyền hình"]
    static let families = [("Nguyễn", 38), ("Trần", 11), ("Lê", 9), ("Phạm", 7), ("Hoàng", 5), ("Phan", 4), ("Vũ", 4),
                           ("Đặng", 2), ("Bùi", 2), ("Đỗ", 2), ("Hồ", 1), ("Ngô", 1), ("Dương", 1), ("Lý", 1)]
    static let maleMiddles = ["Văn", "Đức", "Minh", "Hữu", "Quang", "Thanh", "Xuân", "Trường"]
    static let femaleMiddles = ["Thị", "Thu", "Ngọc", "Thanh", "Minh", "Thị Thu", "Thị Thanh"]
    static let maleGivens = ["An", "Bình", "Cường", "Dũng", "Giang", "Hải", "Hùng", "Khánh", "Long", "Minh", "Nam", "Phong",
                             "Quân", "Sơn", "Thành", "Tuấn", "Việt", "Đạt", "Hưng", "Thắng"]
    static let femaleGivens = ["Anh", "Chi", "Dung", "Hà", "Hạnh", "Hoa", "Hương", "Lan", "Linh", "Mai", "Nga", "Ngọc",
                               "Oanh", "Phương", "Quỳnh", "Thảo", "Trang", "Vân", "Yến", "Ánh"]
    static let minorities = ["Tày", "Mường", "Thái", "Dao", "Sán Dìu", "Nùng"]

    // MARK: - Tree

    mutating func makeTree(_ random: inout SeededGenerator) {
        let root = OrganizationID(1)
        add(root, options.rootCode, options.rootName, .upperCommittee, nil, from: options.from)
        var next = 2
        for index in 1...options.grassroots {
            let id = OrganizationID(next); next += 1
            let code = "\(options.rootCode).\(index < 10 ? "0" : "")\(index)"
            let agency = Self.agencies[index % Self.agencies.count] + (index > Self.agencies.count ? " \(index / Self.agencies.count + 1)" : "")
            grassrootsIDs.append(id)
            if index % 3 == 1 {
                add(id, code, "Đảng bộ \(agency)", .grassrootsCommittee, root, from: options.from)
                for cell in 1...Int.random(in: 2...5, using: &random) {
                    let cellID = OrganizationID(next); next += 1
                    add(cellID, "\(code).0\(cell)", "Chi bộ Phòng \(cell) \(agency)", .subordinateCell, id, from: options.from)
                    cells.append((cellID, DayRange(start: options.from, end: nil), id))
                }
            } else {
                add(id, code, "Chi bộ \(agency)", .grassrootsCell, root, from: options.from)
                cells.append((id, DayRange(start: options.from, end: nil), id))
            }
        }
        // A cell established late (as "thành lập mới Chi bộ Ban bảo vệ chăm sóc sức khỏe cán bộ tỉnh" in quý I/2021).
        let late = OrganizationID(next); next += 1
        let lateDay = Day(year: 2021, month: 2, day: 15)!
        if lateDay < options.through {
            add(late, "\(options.rootCode).\(options.grassroots + 1)", "Chi bộ Ban bảo vệ chăm sóc sức khỏe cán bộ tỉnh",
                .grassrootsCell, root, from: lateDay)
            cells.append((late, DayRange(start: lateDay, end: nil), late))
            grassrootsIDs.append(late)
        }
        // A subordinate cell re-parented to another grassroots committee on 1/1/2016.
        let committees = organizations.filter { $0.versions[0].kind == .grassrootsCommittee }
        let moveDay = Day(year: 2016, month: 1, day: 1)!
        if committees.count >= 2, moveDay > options.from, moveDay < options.through,
           let index = organizations.firstIndex(where: { $0.versions[0].parent == committees[0].id && $0.versions[0].kind == .subordinateCell }) {
            var moved = organizations[index]
            let first = moved.versions[0]
            moved.versions = [
                OrganizationVersion(validity: DayRange(start: first.validity.start, end: moveDay), name: first.name,
                                    kind: first.kind, parent: first.parent),
                OrganizationVersion(validity: DayRange(start: moveDay, end: nil), name: first.name, kind: first.kind,
                                    parent: committees[1].id),
            ]
            organizations[index] = moved
        }
    }

    private mutating func add(_ id: OrganizationID, _ code: String, _ name: String, _ kind: OrganizationKind,
                              _ parent: OrganizationID?, from: Day) {
        organizations.append(Organization(id: id, code: code, versions: [
            OrganizationVersion(validity: DayRange(start: from, end: nil), name: name, kind: kind, parent: parent)]))
    }

    private func cell(on day: Day, excluding: OrganizationID? = nil, _ random: inout SeededGenerator) -> OrganizationID {
        let open = cells.filter { $0.validity.contains(day) && $0.id != excluding }
        return open[Int.random(in: 0..<open.count, using: &random)].id
    }

    // MARK: - Members

    private func day(between start: Day, and end: Day, _ random: inout SeededGenerator) -> Day {
        guard end > start else { return start }
        return Day(ordinal: Int.random(in: start.ordinal..<end.ordinal, using: &random))
    }

    mutating func makeMembers(_ random: inout SeededGenerator) {
        let span = options.through.ordinal - options.from.ordinal
        var readmissions = 0
        for index in 1...options.members {
            let id = MemberID(index)
            let female = Double.random(in: 0..<1, using: &random) < 0.45
            var pick = Int.random(in: 0..<88, using: &random)
            var family = Self.families[0].0
            for (name, weight) in Self.families { if pick < weight { family = name; break }; pick -= weight }
            let middle = female ? Self.femaleMiddles.randomElement(using: &random)! : Self.maleMiddles.randomElement(using: &random)!
            let given = female ? Self.femaleGivens.randomElement(using: &random)! : Self.maleGivens.randomElement(using: &random)!
            // Most members are on the rolls at the start; the rest arrive over the years.
            let arrival = index <= options.members * 55 / 100 ? options.from
                : Day(ordinal: options.from.ordinal + Int.random(in: 1..<span, using: &random))
            let admittedYoung = arrival > options.from && Double.random(in: 0..<1, using: &random) < 0.45
            let ageAtArrival = admittedYoung ? Int.random(in: 22...40, using: &random) : Int.random(in: 24...62, using: &random)
            let birth = arrival.adding(years: -ageAtArrival).adding(days: -Int.random(in: 0..<365, using: &random))
            let province = Int.random(in: 1...96, using: &random)
            let nationalID = "0\(province < 10 ? "0" : "")\(province)\(female ? 1 : 0)" + String(String(index + 10_000_000).suffix(8))
            members.append(Member(
                id: id, nationalID: nationalID, familyName: family, middleName: middle, givenName: given,
                gender: female ? .female : .male, birthDate: birth,
                ethnicity: Double.random(in: 0..<1, using: &random) < 0.9 ? Member.kinh : Self.minorities.randomElement(using: &random)!,
                religion: Double.random(in: 0..<1, using: &random) < 0.92 ? Member.noReligion : ["Phật giáo", "Công giáo"].randomElement(using: &random)!,
                education: Double.random(in: 0..<1, using: &random) < 0.95 ? "12/12" : "9/12",
                politicalTheory: ["Sơ cấp", "Trung cấp", "Cao cấp", "Cử nhân", ""].randomElement(using: &random)!,
                occupation: ["Công chức", "Viên chức", "Người lao động", "Lực lượng vũ trang"].randomElement(using: &random)!,
                cardNumber: String(String(index + 30_000_000).suffix(8)), recordNumber: String(String(index + 100_000).suffix(6)) + "VP"))
            walk(id, birth: birth, arrival: arrival, admitted: admittedYoung, readmissions: &readmissions, &random)
        }
    }

    /// One member's life on the rolls, event by event, always within the rules.
    private mutating func walk(_ id: MemberID, birth: Day, arrival: Day, admitted: Bool, readmissions: inout Int,
                               _ random: inout SeededGenerator) {
        var day = arrival
        var current = cell(on: day, &random)
        var probationEnd: Day?
        var decision = 1
        func emit(_ kind: EventKind, _ on: Day, _ cell: OrganizationID? = nil, decided: Day? = nil, counterpart: String = "") {
            decision += 1
            events.append(MembershipEvent(member: id, kind: kind, effective: on, organization: cell,
                                          decision: Decision(number: "\(decision)-QĐ/ĐUK", date: decided ?? on),
                                          counterpart: counterpart))
        }
        if admitted {
            emit(.admitted, day, current, decided: day.adding(days: -Int.random(in: 7...40, using: &random)))
            probationEnd = Journal.probationEnd(ceremony: day)
        } else {
            emit(.transferredIn, day, current, counterpart: day == options.from ? "" : "Đảng bộ tỉnh Hòa Bình")
        }
        var exempt = false
        while true {
            if let end = probationEnd {
                guard end < options.through else { return }
                if Double.random(in: 0..<1, using: &random) < 0.03 {
                    emit(.probationRemoved, day.adding(days: Int.random(in: 60..<(end.ordinal - day.ordinal), using: &random)))
                    return
                }
                emit(.recognizedOfficial, end, decided: end.adding(days: Int.random(in: 5...40, using: &random)))
                day = end
                probationEnd = nil
                continue
            }
            day = day.adding(days: Int.random(in: 200...2_600, using: &random))
            guard day < options.through else { return }
            let age = birth.completedYears(until: day)
            let roll = Double.random(in: 0..<1, using: &random)
            if age > 62, roll < 0.25 { emit(.died, day); return }
            if age > 68, !exempt, roll < 0.5 { emit(.exempted, day); exempt = true; continue }
            if exempt, roll < 0.1 { emit(.exemptionEnded, day); exempt = false; continue }
            switch roll {
            case ..<0.30:
                let target = cell(on: day, excluding: current, &random)
                emit(.moved, day, target)
                current = target
            case ..<0.42:
                emit(.transferredOut, day, counterpart: "Đảng bộ tỉnh Phú Thọ")
                return
            case ..<0.50:
                emit(.temporaryOut, day)
                let back = day.adding(days: Int.random(in: 90...330, using: &random))
                guard back < options.through else { return }
                emit(.temporaryEnded, back)
                day = back
            case ..<0.53:
                emit(.died, day)
                return
            case ..<0.545:
                let left: EventKind = [.removed, .expelled, .withdrew].randomElement(using: &random)!
                emit(left, day)
                let back = day.adding(days: Int.random(in: 700...2_000, using: &random))
                guard back < options.through, readmissions < options.members / 200 else { return }
                readmissions += 1
                current = cell(on: back, &random)
                if left == .expelled, Double.random(in: 0..<1, using: &random) < 0.5 {
                    emit(.restored, back, current)
                } else {
                    emit(.readmitted, back, current)
                    probationEnd = Journal.probationEnd(ceremony: back)
                }
                day = back
                exempt = false
                // NB: a second readmission would break the rule; stop this member's story after the next leave.
                while true {
                    if let end = probationEnd {
                        guard end < options.through else { return }
                        emit(.recognizedOfficial, end)
                        day = end
                        probationEnd = nil
                    }
                    day = day.adding(days: Int.random(in: 400...3_000, using: &random))
                    guard day < options.through else { return }
                    emit(Double.random(in: 0..<1, using: &random) < 0.5 ? .died : .transferredOut, day)
                    return
                }
            default:
                continue
            }
        }
    }

    // MARK: - Committees and oversight

    mutating func makeSeatsAndCases(_ random: inout SeededGenerator) {
        let registry = SyntheticRegistry.registry(organizations: organizations, members: members, events: events)
        var caseNumber = 0
        for year in (options.from.year)...(options.through.year) {
            let start = Day(year: year, month: 1, day: 5)!
            guard start < options.through else { break }
            for grassroots in grassrootsIDs where registry.tree[grassroots]?.exists(on: start) == true {
                let onRolls = registry.journals.values.filter { journal in
                    guard let period = journal.period(on: start) else { return false }
                    return registry.tree.isWithin(period.cell, root: grassroots, on: start)
                }.map(\.member.id).sorted()
                guard !onRolls.isEmpty else { continue }
                if (year - 2000) % 5 == 0 {
                    for (offset, member) in onRolls.prefix(5).enumerated() {
                        seats.append(CommitteeSeat(
                            organization: grassroots, committee: .executive, member: member,
                            position: offset == 0 ? .secretary : offset == 1 ? .deputySecretary : .member, source: .congress,
                            validity: DayRange(start: start, end: start.adding(years: 5)),
                            decision: Decision(number: "\(year)-NQ/ĐH")))
                    }
                } else if Double.random(in: 0..<1, using: &random) < 0.3 {
                    let day = start.adding(days: Int.random(in: 0..<360, using: &random))
                    if day < options.through {
                        seats.append(CommitteeSeat(
                            organization: grassroots, committee: .executive, member: onRolls.randomElement(using: &random)!,
                            position: .member, source: Double.random(in: 0..<1, using: &random) < 0.6 ? .conference : .appointed,
                            validity: DayRange(start: day, end: nil), decision: Decision(number: "\(year)-QĐ/ĐUK")))
                    }
                }
                for _ in 0..<Int.random(in: 1...4, using: &random) {
                    let day = start.adding(days: Int.random(in: 0..<360, using: &random))
                    guard day < options.through else { continue }
                    caseNumber += 1
                    let conductor: ConductorKind = [.committee, .committee, .inspectionCommission, .inspectionCommission, .cell]
                        .randomElement(using: &random)!
                    let mode: OversightMode = [.regular, .regular, .regular, .thematic, .violationSigns, .finance, .enforcement]
                        .randomElement(using: &random)!
                    var subjects: [OversightSubject] = onRolls.shuffled(using: &random).prefix(Int.random(in: 0...6, using: &random))
                        .map { .member($0) }
                    if Double.random(in: 0..<1, using: &random) < 0.4 { subjects.append(.organization(grassroots)) }
                    if subjects.isEmpty { subjects = [.member(onRolls[0])] }
                    cases.append(OversightCase(
                        reference: "GS-\(year)-\(caseNumber)", activity: Double.random(in: 0..<1, using: &random) < 0.7 ? .supervision : .inspection,
                        mode: mode, conductor: conductor, conductorOrganization: grassroots, started: day,
                        ended: day.adding(days: 30), outcome: OversightOutcome.allCases.randomElement(using: &random)!,
                        subjects: subjects))
                }
            }
        }
    }
}

extension SyntheticRegistry {
    static func registry(organizations: [Organization], members: [Member], events: [MembershipEvent]) -> Registry {
        var generated = SyntheticRegistry(empty: ())
        generated.organizations = organizations
        generated.members = members
        generated.events = events
        return generated.registry()
    }

    private init(empty: Void) {}
}
