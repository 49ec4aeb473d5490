import DangBoCore

/// Generates the members and their journals month by month over the history.
///
/// Each person's whole story is written when they first appear (an opening member, an admission, a transfer in or a
/// temporary attendee), event by event and always within the rules, so the work is O(events). The month loop keeps
/// the head count on a path from about two thirds of `members` at the start to `members` at the end: admissions
/// follow the head count (about 1.8% a year), people leave by their own stories (retirement, job changes, death,
/// discipline), and transfers in make up the difference, as in a bloc of provincial agencies.
struct MembershipSimulation {
    let options: SyntheticRegistry.Options
    let tree: TreeBlueprint
    let epochs: CellEpochs
    var random: SeededGenerator
    var ledger: DecisionLedger
    private(set) var members: [Member] = []
    private(set) var events: [MembershipEvent] = []
    /// Stays of every member, member after member, each member's in time order.
    private(set) var stays: [Stay] = []
    /// For each member, where their stays begin in `stays` (one more entry at the end).
    private(set) var stayStarts: [Int] = [0]
    private var factory: PersonFactory
    /// Net change of the head count in each month of the history, as stories are written.
    private var monthDelta: [Int]
    private var counts = [EventKind: Int]()
    /// The cases made to happen in every third of the history.
    private var quota: CaseQuota
    private let firstMonth: Int

    /// Rates a year, per member on the rolls.
    static let admissionRate = 0.018
    static let visitorRate = 0.004
    static let jobChangeRate = 0.055
    static let temporaryRate = 0.015
    static let removalRate = 0.0007
    static let expulsionRate = 0.0004
    static let withdrawalRate = 0.0002
    /// Former members readmitted here whose journal opens with the readmission.
    static let readmissionRate = 0.0005
    static let daysPerYear = 365.2425

    static let blocStanding = NamePool.nfc("Ban Thường vụ Đảng ủy Khối")
    static let blocOrganizationBoard = NamePool.nfc("Ban Tổ chức Đảng ủy Khối")
    static let openingNote = NamePool.nfc("Số liệu đầu kỳ khi bắt đầu quản lý trên phần mềm")

    init(options: SyntheticRegistry.Options, tree: TreeBlueprint, random: SeededGenerator) {
        self.options = options
        self.tree = tree
        self.epochs = CellEpochs(tree: tree, from: options.from, through: options.through)
        self.random = random
        self.ledger = DecisionLedger(rootCode: options.rootCode)
        self.factory = PersonFactory(random: &self.random)
        self.quota = CaseQuota(from: options.from, through: options.through)
        firstMonth = options.from.year * 12 + options.from.month - 1
        monthDelta = [Int](repeating: 0, count: options.through.year * 12 + options.through.month - firstMonth + 1)
    }

    func count(_ kind: EventKind) -> Int { counts[kind] ?? 0 }

    /// From this day on, a rare kind of event that has not happened yet is made to happen at the next chance.
    private var forcingFrom: Day {
        options.from.adding(days: (options.through.ordinal - options.from.ordinal) / 3)
    }

    private func month(of day: Day) -> Int { day.year * 12 + day.month - 1 - firstMonth }

    /// Writes the whole history.
    mutating func simulate() {
        let from = options.from, through = options.through
        let target = max(1, options.members)
        let years = Double(through.ordinal - from.ordinal) / Self.daysPerYear
        let opening = max(1, Int((Double(target) * (1 - 0.36 * min(1, years / 30))).rounded()))
        for _ in 0..<opening { addOpeningMember() }
        var onRolls = opening
        let months = monthDelta.count
        for month in 0..<months {
            let year = (firstMonth + month) / 12, monthOfYear = (firstMonth + month) % 12 + 1
            let first = max(from, Day(year: year, month: monthOfYear, day: 1)!)
            let last = min(through, Day(year: year, month: monthOfYear, day: Day.daysIn(month: monthOfYear, year: year))!)
            guard first <= last else { continue }
            // Ceremonies cluster before the anniversaries (3/2, 19/5, 2/9) and at the end of the year.
            let season = [1, 2, 5, 8, 12].contains(monthOfYear) ? 1.35 : 0.8
            let admissions = random.count(mean: Self.admissionRate * Double(onRolls) / 12 * season)
            for _ in 0..<admissions { addAdmission(ceremony: day(in: first...last)) }
            for _ in 0..<random.count(mean: Self.visitorRate * Double(onRolls) / 12) { addVisitor(on: day(in: first...last)) }
            var readmissions = random.count(mean: Self.readmissionRate * Double(onRolls) / 12)
            if quota.wants(.readmittedFirst, on: first), first.adding(months: 14) < through { readmissions = max(1, readmissions) }
            for _ in 0..<readmissions { addReadmission(ceremony: day(in: first...last)) }
            let path = opening + (target - opening) * (month + 1) / months
            let missing = path - (onRolls + monthDelta[month]) + Int((random.normal() * 1.5).rounded())
            for _ in 0..<max(0, missing) { addTransferIn(on: day(in: first...last)) }
            onRolls += monthDelta[month]
        }
        if count(.temporaryIn) == 0, through.ordinal - from.ordinal > 400 {
            addVisitor(on: from.adding(days: (through.ordinal - from.ordinal) / 2))
        }
    }

    // MARK: - Who appears

    /// A cell open to newcomers on `day`, by size.
    private mutating func openCell(on day: Day) -> Int {
        // NB: there is always one: only a few cells ever close, and most stand for the whole history.
        guard let cell = epochs.pick(on: day, using: &random) else { preconditionFailure("no cell is open on \(day)") }
        return cell
    }

    private mutating func day(in range: ClosedRange<Day>) -> Day {
        Day(ordinal: random.int(in: range.lowerBound.ordinal...range.upperBound.ordinal))
    }

    /// Whole years as days.
    static func days(_ years: Double) -> Int { Int(years * daysPerYear) }

    /// A day `years` (fractional) after `day`.
    private func after(_ day: Day, years: Double) -> Day { day.adding(days: Self.days(years)) }

    /// Someone admitted long ago, on the rolls when the history starts: official, with ngày vào Đảng on file.
    private mutating func addOpeningMember() {
        let from = options.from
        let gender = PersonFactory.drawGender(random: &random)
        let retiringAt = Double(PersonFactory.retirementMonths(birth: from.adding(years: -40), gender: gender)) / 12
        let age = random.triangular(23, 38, max(24, retiringAt - 0.3))
        let birth = from.adding(days: -Self.days(age))
        var person = factory.person(gender: gender, birth: birth, local: random.chance(0.7), random: &random)
        history(&person, before: from)
        var life = Life(person: person, index: members.count)
        let cell = openCell(on: from)
        let entry = MembershipEvent(member: life.id, kind: .transferredIn, effective: from, organization: tree.id(cell),
                                    note: Self.openingNote)
        run(&life, entry: entry, cell: cell, officialFrom: from, ceremony: nil, counted: false)
        finish(life)
    }

    /// Admission (kết nạp) on `ceremony`, decided a few weeks before, at an age of 18 to 60 counted in months
    /// (mostly 22 to 35).
    private mutating func addAdmission(ceremony: Day) {
        let gender = PersonFactory.drawGender(random: &random)
        let decided = ceremony.adding(days: -random.int(in: 10...40))
        let years = random.chance(0.85) ? random.triangular(20, 25.5, 36) : random.triangular(32, 37, 47)
        var birth = decided.adding(months: -Int(years * 12)).adding(days: -random.int(in: 0...27))
        let age = Journal.ageInMonths(birth: birth, on: decided)
        if !Journal.admissionAgeMonths(on: decided).contains(age) {
            birth = decided.adding(months: -(Journal.admissionAgeMonths(on: decided).lowerBound + 30))
        }
        let person = factory.person(gender: gender, birth: birth, local: true, random: &random)
        var life = Life(person: person, index: members.count)
        let cell = openCell(on: ceremony)
        let entry = MembershipEvent(
            member: life.id, kind: .admitted, effective: ceremony, organization: tree.id(cell),
            decision: DecisionLedger.placeholder(.decision, date: decided, issuer: Self.blocStanding))
        let probationEnd = ceremony.adding(months: 12)
        var plan = StretchPlan()
        if probationEnd.adding(months: 2) < options.through,
           quota.wants(.probationerBack, on: ceremony) || random.chance(0.003) {
            // A probationer sent elsewhere for a few months, who comes back before probation ends.
            let leaves = ceremony.adding(days: random.int(in: 60...200))
            plan.exit = (leaves, .transferredOut)
            plan.returnOn = leaves.adding(days: random.int(in: 15...(probationEnd.ordinal - leaves.ordinal - 30)))
        }
        run(&life, entry: entry, cell: cell, officialFrom: probationEnd, ceremony: ceremony, counted: true, plan: plan)
        if plan.returnOn != nil, life.events.contains(where: { $0.kind == .transferredIn && $0.effective < probationEnd }),
           life.events.contains(where: { $0.kind == .recognizedOfficial && $0.effective == probationEnd }) {
            quota.note(.probationerBack, on: ceremony)
        }
        finish(life)
    }

    /// A former member readmitted (kết nạp lại) here: the journal opens with the readmission, and `joinedOn` and
    /// `officialOn` of the first membership, years before, are on file. Probation again, 12 months from the ceremony
    /// (QĐ 24 §3.5.4).
    private mutating func addReadmission(ceremony: Day) {
        let gender = PersonFactory.drawGender(random: &random)
        let decided = ceremony.adding(days: -random.int(in: 10...40))
        let years = random.triangular(30, 38, 50)
        let birth = decided.adding(months: -Int(years * 12)).adding(days: -random.int(in: 0...27))
        var person = factory.person(gender: gender, birth: birth, local: random.chance(0.5), random: &random)
        // The first membership: admitted at 20 to 27, official 12 months after the ceremony, at least 2 years before.
        let joined = birth.adding(days: Self.days(random.triangular(20, 23, 27)))
        person.joinedOn = joined
        person.officialOn = joined.adding(days: random.int(in: 7...35)).adding(months: 12)
        var life = Life(person: person, index: members.count)
        life.readmissions = 1
        let cell = openCell(on: ceremony)
        let entry = MembershipEvent(
            member: life.id, kind: .readmitted, effective: ceremony, organization: tree.id(cell),
            decision: DecisionLedger.placeholder(.decision, date: decided, issuer: Self.blocStanding),
            note: NamePool.nfc("Kết nạp lại"))
        let probationEnd = ceremony.adding(months: 12)
        run(&life, entry: entry, cell: cell, officialFrom: probationEnd, ceremony: ceremony, counted: true)
        if life.events.contains(where: { $0.kind == .recognizedOfficial && $0.effective == probationEnd }) {
            quota.note(.readmittedFirst, on: ceremony)
        }
        finish(life)
    }

    /// An official transfer in (chuyển sinh hoạt đảng đến) from outside the bloc. A few were admitted elsewhere less
    /// than 12 months before and arrive on probation (RULES §3.2): `joinedOn` (the admission decision) is on file,
    /// sometimes `officialOn` too; they are recognized on the day probation ends as Core reads it (`officialOn`, else
    /// 12 months after `joinedOn`), or struck off before.
    private mutating func addTransferIn(on day: Day) {
        let gender = PersonFactory.drawGender(random: &random)
        var kind: GeneratedCase?
        if day.adding(months: 14) < options.through {
            kind = [GeneratedCase.probationerFromJoined, .probationerStruckOff, .probationerUntilOfficialOn]
                .first { quota.wants($0, on: day) }
            if kind == nil, random.chance(0.05) {
                kind = random.chance(0.35) ? .probationerUntilOfficialOn
                    : random.chance(0.05) ? .probationerStruckOff : .probationerFromJoined
            }
        }
        let retiringAt = Double(PersonFactory.retirementMonths(birth: day.adding(years: -45), gender: gender)) / 12
        let age = kind != nil ? random.triangular(22, 26, 36) : random.triangular(24, 33, max(26, min(55, retiringAt - 2)))
        let birth = day.adding(days: -Self.days(age))
        var person = factory.person(gender: gender, birth: birth, local: false, random: &random)
        var ceremony: Day?
        if let kind {
            let held = day.adding(days: -random.int(in: 60...300))
            ceremony = held
            person.joinedOn = held.adding(days: -random.int(in: 10...35))
            if kind == .probationerUntilOfficialOn { person.officialOn = held.adding(months: 12) }
        } else {
            history(&person, before: day)
        }
        var life = Life(person: person, index: members.count)
        let officialFrom = Self.officialFrom(arriving: day, life)
        var plan = StretchPlan()
        if kind == .probationerStruckOff {
            // NB: `officialFrom` is at least 30 days after the arrival (see above: 12 months after `joinedOn`).
            plan.exit = (Day(ordinal: random.int(in: (day.ordinal + 20)...(officialFrom.ordinal - 10))), .probationRemoved)
        }
        let cell = openCell(on: day)
        let entry = MembershipEvent(
            member: life.id, kind: .transferredIn, effective: day, organization: tree.id(cell),
            decision: DecisionLedger.placeholder(.transferNote, date: day.adding(days: -random.int(in: 3...25)),
                                                 issuer: Self.blocOrganizationBoard),
            counterpart: random.pick(PlacePool.jobCounterparts))
        run(&life, entry: entry, cell: cell, officialFrom: officialFrom, ceremony: ceremony, counted: true, plan: plan)
        if kind != nil {
            let struckOff = life.events.first { $0.kind == .probationRemoved }
            let recognized = life.events.contains { $0.kind == .recognizedOfficial && $0.effective == officialFrom }
            if struckOff != nil { life.person.officialOn = nil }  // NB: never official: no ngày chính thức.
            if recognized {
                quota.note(life.person.officialOn == nil ? .probationerFromJoined : .probationerUntilOfficialOn, on: day)
            } else if let struckOff, let joined = life.person.joinedOn, struckOff.effective < joined.adding(months: 12),
                      life.person.officialOn == nil {
                quota.note(.probationerStruckOff, on: day)
            }
        }
        finish(life)
    }

    /// A member of another organization attending a cell here for a while (sinh hoạt tạm thời): never on the rolls.
    private mutating func addVisitor(on day: Day) {
        let gender = PersonFactory.drawGender(random: &random)
        let birth = day.adding(days: -Self.days(random.triangular(24, 32, 50)))
        var person = factory.person(gender: gender, birth: birth, local: false, random: &random)
        history(&person, before: day)
        var life = Life(person: person, index: members.count)
        life.official = true
        let cell = openCell(on: day)
        let counterpart = random.pick(PlacePool.jobCounterparts)
        life.append(MembershipEvent(
            member: life.id, kind: .temporaryIn, effective: day, organization: tree.id(cell),
            decision: DecisionLedger.placeholder(.transferNote, date: day.adding(days: -random.int(in: 3...20)),
                                                 issuer: Self.blocOrganizationBoard),
            counterpart: counterpart))
        counts[.temporaryIn, default: 0] += 1
        var back = day.adding(days: random.int(in: 90...360))
        if let closed = tree.organizations[cell].dissolved { back = min(back, closed.previous) }
        if back <= options.through {
            life.append(MembershipEvent(member: life.id, kind: .temporaryEnded, effective: back, counterpart: counterpart))
        }
        life.lastDay = back
        finish(life)
    }

    /// Ngày vào Đảng and ngày chính thức of someone admitted before `day` elsewhere or before the history.
    private mutating func history(_ person: inout Person, before day: Day) {
        let age = Double(day.ordinal - person.birth.ordinal) / Self.daysPerYear
        let admittedAt = random.triangular(20, 25, max(21, min(42, age - 1.2)))
        let joined = person.birth.adding(days: Self.days(admittedAt))
        let ceremony = joined.adding(days: random.int(in: 7...35))
        let official = Journal.probationEnd(ceremony: ceremony)
        guard official < day else {
            person.joinedOn = day.adding(days: -random.int(in: 420...900))
            person.officialOn = Journal.probationEnd(ceremony: person.joinedOn!.adding(days: 20))
            return
        }
        person.joinedOn = joined
        person.officialOn = official
    }

    /// The first day a member transferred in on `day` stands as official, as `Journal` reads it (RULES §3.2): 12 months
    /// after the last admission or readmission ceremony of the journal before `day`, else `officialOn`, else 12 months
    /// after `joinedOn` (the admission decision elsewhere); `day` itself when that has passed or nothing is known.
    static func officialFrom(arriving day: Day, _ life: Life) -> Day {
        let ceremony = life.events.filter { ($0.kind == .admitted || $0.kind == .readmitted) && $0.effective < day }
            .map(\.effective).max()
        let end = ceremony.map { $0.adding(months: 12) } ?? life.person.officialOn
            ?? life.person.joinedOn.map { $0.adding(months: 12) }
        guard let end, end > day else { return day }
        return end
    }

    /// Adds the finished life to the registry: the member, the events in effective order, the stays.
    private mutating func finish(_ life: Life) {
        var person = life.person
        let lastDay = min(life.lastDay, options.through)
        if person.staysAfterRetirement, person.retirement <= lastDay { person.occupation = NamePool.retired }
        let age = person.birth.completedYears(until: max(lastDay, person.birth))
        let member = Member(
            id: life.id, nationalID: person.nationalID, familyName: person.family, middleName: person.middle,
            givenName: person.given, gender: person.gender, birthDate: person.birth, ethnicity: person.ethnicity,
            religion: person.religion, education: person.education,
            politicalTheory: PersonFactory.politicalTheory(age: age, random: &random), occupation: person.occupation,
            cardNumber: life.official ? factory.cardNumber(random: &random) : "", recordNumber: person.recordNumber,
            joinedOn: person.joinedOn, officialOn: person.officialOn)
        members.append(member)
        for event in life.sortedEvents() {
            if let decision = event.decision { ledger.noteEvent(at: events.count, decision) }
            events.append(event)
        }
        stays.append(contentsOf: life.stays)
        stayStarts.append(stays.count)
    }

    // MARK: - A stretch on the rolls

    /// What a story asks of a stretch beyond chance.
    struct StretchPlan {
        /// Leaves this way on this day, unless the stretch ends earlier by chance.
        var exit: (day: Day, kind: EventKind)?
        /// After leaving by transfer, comes back on this day.
        var returnOn: Day?
    }

    /// Puts the person on the rolls with `entry` in `cell` and writes the stretch to its end: recognition, moves between
    /// cells (and out of cells that close), temporary stays, exemptions, how it ends, and perhaps a return.
    mutating func run(_ life: inout Life, entry: MembershipEvent, cell: Int, officialFrom: Day, ceremony: Day?,
                      counted: Bool, plan: StretchPlan = StretchPlan()) {
        let start = entry.effective, through = options.through
        life.stretch += 1
        life.append(entry)
        if counted { monthDelta[month(of: start)] += 1 }
        var exit = drawExit(life.person, start: start, officialFrom: officialFrom, ceremony: ceremony)
        var planned = false
        if let (day, kind) = plan.exit, day > start, day < exit.day {
            let counterpart = kind == .transferredOut ? random.pick(PlacePool.jobCounterparts) : ""
            exit = (day, kind, counterpart, false)
            planned = true
        }
        // A move on the day of recognition, now and then (the review takes recognition first, then the move).
        let recognition = officialFrom > start && officialFrom <= through && officialFrom < exit.day
            && exit.kind != .probationRemoved
        let moveOnRecognition = recognition
            && (quota.wants(.recognizedAndMoved, on: officialFrom) || random.chance(0.01))
        let firstStay = life.stays.count
        let last = walk(&life, from: start, in: cell, until: min(exit.day, through.next),
                        plannedMove: moveOnRecognition ? officialFrom : nil)
        var exitDay = exit.day, exitKind = exit.kind, counterpart = exit.counterpart
        if let forced = last.forcedExit, forced < exitDay {
            // NB: only when no other cell is open; the member leaves the bloc instead of staying in a closed cell.
            exitDay = forced
            exitKind = .transferredOut
            counterpart = random.pick(PlacePool.jobCounterparts)
            planned = false
        }

        // Recognition (công nhận chính thức) takes effect exactly 12 months after the ceremony, decided a little later.
        var official = officialFrom <= start
        if !official, exitDay > officialFrom, officialFrom <= through, exitKind != .probationRemoved {
            let decided = min(officialFrom.adding(days: random.int(in: 5...40)), through)
            life.append(MembershipEvent(
                member: life.id, kind: .recognizedOfficial, effective: officialFrom,
                decision: DecisionLedger.placeholder(.decision, date: decided, issuer: Self.blocStanding)))
            official = true
            if moveOnRecognition,
               life.events.contains(where: { $0.kind == .moved && $0.effective == officialFrom }) {
                quota.note(.recognizedAndMoved, on: officialFrom)
            }
        }
        if official { life.official = true }
        let officialOrdinal: Int32 = official ? Int32(max(officialFrom, start).ordinal) : .max
        for index in firstStay..<life.stays.count { life.stays[index].officialFrom = officialOrdinal }

        let runEnd = min(exitDay, through.next)
        let exempted = addExemption(&life, from: start, until: runEnd)
        var awayOn: Day?
        if let exempted, exempted.adding(days: 60) < runEnd,
           quota.wants(.exemptedAndAway, on: exempted) || random.chance(0.03) {
            awayOn = exempted  // NB: the review takes the exemption first, then the temporary stay.
            quota.note(.exemptedAndAway, on: exempted)
        }
        addTemporaryStays(&life, from: start, until: runEnd, firstOn: awayOn)
        life.lastDay = max(life.lastDay, runEnd.previous)
        guard exitDay <= through else { return }

        if exitKind == .died, quota.wants(.movedOutAndDied, on: exitDay) || random.chance(0.05),
           tree.version(last.cell, on: exitDay) != nil,
           let committee = tree.grassrootsAncestor(of: last.cell, on: exitDay),
           tree.version(committee, on: exitDay)?.kind == .grassrootsCommittee,
           let target = openCell(outside: committee, on: exitDay) {
            // Moved out of the committee on the day of death: a transfer out for the committee, a death where the
            // member died.
            life.append(MembershipEvent(
                member: life.id, kind: .moved, effective: exitDay, organization: tree.id(target),
                decision: DecisionLedger.placeholder(.transferNote, date: exitDay.adding(days: -random.int(in: 0...10)),
                                                     issuer: Self.blocOrganizationBoard)))
            quota.note(.movedOutAndDied, on: exitDay)
        }

        monthDelta[month(of: exitDay)] -= 1
        let series: DecisionLedger.Series = exitKind == .transferredOut ? .transferNote : .decision
        let decision: Decision? = exitKind == .died ? nil : DecisionLedger.placeholder(
            series, date: exitDay, issuer: series == .decision ? Self.blocStanding : Self.blocOrganizationBoard)
        life.append(MembershipEvent(member: life.id, kind: exitKind, effective: exitDay, decision: decision,
                                    counterpart: counterpart))
        counts[exitKind, default: 0] += 1
        comeBack(&life, after: exitKind, on: exitDay, from: last.cell, counterpart: counterpart,
                 retiring: exit.retiring, returnOn: planned ? plan.returnOn : nil)
    }

    /// A cell open to newcomers on `day` outside grassroots organization `grassroots`, nil when none was found.
    private mutating func openCell(outside grassroots: Int, on day: Day) -> Int? {
        for _ in 0..<10 {
            guard let cell = epochs.pick(on: day, using: &random) else { return nil }
            if tree.grassrootsAncestor(of: cell, on: day) != grassroots { return cell }
        }
        return nil
    }

    /// How a stretch ends: the earliest of retirement, a job elsewhere, death, discipline, or probation removal.
    private mutating func drawExit(_ person: Person, start: Day, officialFrom: Day, ceremony: Day?)
        -> (day: Day, kind: EventKind, counterpart: String, retiring: Bool) {
        var best = (day: start.adding(years: 200), kind: EventKind.transferredOut, counterpart: "", retiring: false)
        func consider(_ day: Day, _ kind: EventKind, _ counterpart: String = "", retiring: Bool = false) {
            let day = max(day, start.next)
            if day < best.day { best = (day, kind, counterpart, retiring) }
        }
        let through = options.through
        if person.retirement > start {
            // Retirees transfer to the party organization where they live within a few weeks (60 working days).
            let leaves = person.staysAfterRetirement
                ? after(person.retirement, years: 1 + 8 * random.unit())
                : person.retirement.adding(days: random.int(in: 0...75))
            consider(leaves, .transferredOut, random.pick(PlacePool.residences), retiring: true)
            let job = after(start, years: random.exponential(mean: 1 / Self.jobChangeRate))
            if job < person.retirement { consider(job, .transferredOut, random.pick(PlacePool.jobCounterparts)) }
        } else {
            consider(start.adding(days: random.int(in: 60...900)), .transferredOut, random.pick(PlacePool.residences),
                     retiring: true)
        }
        consider(deathDay(birth: person.birth, after: start), .died)

        // Discipline applies to official members only. Once a third of the history has passed, the first of each
        // kind is made to happen if chance has not brought one yet, so that small registries hold every kind.
        let disciplined = max(start, officialFrom.next)  // NB: never on the recognition day itself
        let roomy = disciplined < through.adding(years: -3) && start >= forcingFrom
        for (kind, rate) in [(EventKind.removed, Self.removalRate), (.expelled, Self.expulsionRate),
                             (.withdrew, Self.withdrawalRate)] {
            if count(kind) == 0, roomy {
                consider(after(disciplined, years: 0.5 + 2 * random.unit()), kind)
            } else {
                consider(after(disciplined, years: random.exponential(mean: 1 / rate)), kind)
            }
        }
        // Probation removal (xóa tên dự bị): at the end of probation when found unfit, or earlier for a violation.
        if let ceremony, officialFrom > start,
           random.chance(0.02) || (count(.probationRemoved) == 0 && start >= forcingFrom
                                   && officialFrom < through.adding(days: -60)) {
            let day = random.chance(0.6) ? officialFrom.adding(days: random.int(in: 10...45))
                : ceremony.adding(days: random.int(in: 120...330))
            consider(day, .probationRemoved)
        }
        return best
    }

    /// The day of death, from age-banded yearly hazards (low at working age, as among public employees).
    private mutating func deathDay(birth: Day, after day: Day) -> Day {
        let bands: [(upTo: Double, rate: Double)] = [(40, 0.0007), (50, 0.0016), (60, 0.004), (70, 0.011), (80, 0.032),
                                                     (120, 0.09)]
        var budget = random.exponential(mean: 1)
        var age = Double(day.ordinal - birth.ordinal) / Self.daysPerYear
        for band in bands where age < band.upTo {
            let span = band.upTo - age
            if budget < band.rate * span { return after(birth, years: age + budget / band.rate) }
            budget -= band.rate * span
            age = band.upTo
        }
        return after(birth, years: 120)
    }

    /// Moves between cells from `start` until `end`: internal transfers now and then (mostly inside the same
    /// grassroots organization) and the moves a cell's closing, merger or split imposes. Records the stays.
    /// A move on `plannedMove` (if the member is still there) comes on top of those chance brings.
    private mutating func walk(_ life: inout Life, from start: Day, in firstCell: Int, until end: Day,
                               plannedMove: Day? = nil) -> (cell: Int, forcedExit: Day?) {
        var cell = firstCell, since = start
        var nextMove = after(start, years: random.exponential(mean: 1 / options.moveRate)).adding(days: 30)
        var planned = plannedMove
        func record(until day: Day?) {
            life.stays.append(Stay(member: Int32(life.index), cell: Int32(cell), start: Int32(since.ordinal),
                                   end: Int32(day?.ordinal ?? Int(Int32.max)), officialFrom: .max))
        }
        while true {
            if let day = planned {
                if day <= since { planned = nil } else { nextMove = min(nextMove, day) }
            }
            var forced: (day: Day, target: CellTransition.Target)?
            for transition in tree.transitions[cell] where transition.day > since {
                guard transition.probability >= 1 || random.chance(transition.probability) else { continue }
                let day = transition.exact ? transition.day
                    : Day(ordinal: random.int(in: max(since.ordinal + 1, transition.day.ordinal - 30)...transition.day.ordinal))
                forced = (day, transition.target)
                break
            }
            let day = min(nextMove, forced?.day ?? nextMove)
            guard day < end else { break }
            if day == planned { planned = nil }  // NB: once, even when no other cell is found that day.
            var target: Int?
            if let forced, forced.day <= nextMove {
                switch forced.target {
                case .cell(let index): target = index
                case .within(let grassroots):
                    target = epochs.pick(on: day, excluding: cell, within: grassroots, using: &random)
                case .anywhere: break
                }
                if target == nil { target = epochs.pick(on: day, excluding: cell, using: &random) }
                guard let target, target != cell else {
                    record(until: day)
                    return (cell, day)
                }
            } else {
                let home = random.chance(0.6) ? tree.grassrootsAncestor(of: cell, on: day) : nil
                target = home.flatMap { epochs.pick(on: day, excluding: cell, within: $0, using: &random) }
                if target == nil { target = epochs.pick(on: day, excluding: cell, using: &random) }
            }
            nextMove = after(day, years: random.exponential(mean: 1 / options.moveRate)).adding(days: 90)
            guard let target, target != cell else { continue }
            life.append(MembershipEvent(
                member: life.id, kind: .moved, effective: day, organization: tree.id(target),
                decision: DecisionLedger.placeholder(.transferNote, date: day.adding(days: -random.int(in: 0...10)),
                                                     issuer: Self.blocOrganizationBoard)))
            record(until: day)
            cell = target
            since = day
        }
        record(until: end <= options.through ? end : nil)
        return (cell, nil)
    }

    /// Temporary stays elsewhere (study, secondment): 3 to 12 months, or up to 2 years of study; the first on
    /// `firstOn` when given (and none before it).
    private mutating func addTemporaryStays(_ life: inout Life, from start: Day, until end: Day, firstOn: Day? = nil) {
        var cursor = start.adding(days: 60)
        var first = firstOn
        while true {
            if let day = first {
                cursor = day
                first = nil
            } else {
                cursor = after(cursor, years: random.exponential(mean: 1 / Self.temporaryRate))
            }
            guard cursor.adding(days: 30) < end else { return }
            let host = random.pick(PlacePool.temporaryHosts)
            life.append(MembershipEvent(
                member: life.id, kind: .temporaryOut, effective: cursor,
                decision: DecisionLedger.placeholder(.transferNote, date: cursor.adding(days: -random.int(in: 0...7)),
                                                     issuer: Self.blocOrganizationBoard),
                counterpart: host))
            let back = cursor.adding(days: random.chance(0.2) ? random.int(in: 180...700) : random.int(in: 90...330))
            guard back < end else { return }
            life.append(MembershipEvent(member: life.id, kind: .temporaryEnded, effective: back, counterpart: host))
            cursor = back.adding(days: 30)
        }
    }

    /// Exemption from work and meetings (miễn công tác và sinh hoạt đảng) for old age or poor health, decided by the
    /// cell; some return to normal duties later.
    /// Returns the day of the exemption, if any.
    @discardableResult
    private mutating func addExemption(_ life: inout Life, from start: Day, until end: Day) -> Day? {
        let person = life.person
        var exempted: Day?
        if person.staysAfterRetirement, person.retirement > start {
            exempted = person.retirement.adding(days: random.int(in: 30...400))
        } else {
            let fifty = person.birth.adding(years: 50)
            let rate = 0.006
            exempted = after(max(start, fifty), years: random.exponential(mean: 1 / rate))
        }
        guard let day = exempted, day > start, day.adding(days: 30) < end else { return nil }
        let note = person.staysAfterRetirement ? NamePool.nfc("Tuổi cao") : NamePool.nfc("Sức khỏe yếu, điều trị dài ngày")
        life.append(MembershipEvent(
            member: life.id, kind: .exempted, effective: day,
            decision: Decision(number: "\(random.int(in: 1...12))-NQ/CB", date: day, issuer: NamePool.nfc("Chi bộ")),
            note: note))
        let recovers = person.staysAfterRetirement ? random.chance(0.1) : random.chance(0.45)
        guard recovers || count(.exemptionEnded) == 0 else { return day }
        let back = day.adding(days: random.int(in: 90...400))
        guard back < end else { return day }
        life.append(MembershipEvent(
            member: life.id, kind: .exemptionEnded, effective: back,
            decision: Decision(number: "\(random.int(in: 1...12))-NQ/CB", date: back, issuer: NamePool.nfc("Chi bộ"))))
        counts[.exemptionEnded, default: 0] += 1
        return day
    }

    /// After leaving: a few come back from a job elsewhere (on `returnOn` when the story says so; now and then on the
    /// same day, into another grassroots organization), an expulsion may be annulled (phục hồi), and someone who was
    /// removed or left may be admitted again once (kết nạp lại).
    private mutating func comeBack(_ life: inout Life, after kind: EventKind, on day: Day, from lastCell: Int,
                                   counterpart: String, retiring: Bool, returnOn: Day? = nil) {
        let through = options.through
        switch kind {
        case .transferredOut where returnOn != nil:
            guard let back = returnOn, back <= through, let cell = epochs.pick(on: back, using: &random) else { return }
            transferBack(&life, on: back, into: cell, counterpart: counterpart)

        case .transferredOut where !retiring && day < life.person.retirement.adding(years: -1)
            && (quota.wants(.outAndInOnOneDay, on: day) || random.chance(0.01)):
            // Sent out and received back on one day, into another grassroots organization: a transfer out of the
            // first, a transfer in to the second, never a move.
            let home = tree.grassrootsAncestor(of: lastCell, on: day.previous) ?? -1
            guard let cell = openCell(outside: home, on: day) else { return }
            transferBack(&life, on: day, into: cell, counterpart: counterpart)
            quota.note(.outAndInOnOneDay, on: day)

        case .transferredOut where !retiring && random.chance(0.03):
            let back = after(day, years: 1 + 4 * random.unit())
            guard back <= through, back < life.person.retirement.adding(years: -1),
                  let cell = epochs.pick(on: back, using: &random) else { return }
            transferBack(&life, on: back, into: cell, counterpart: counterpart)

        case .expelled where count(.restored) == 0 || random.chance(0.05):
            let back = day.adding(days: random.int(in: 120...540))
            guard back <= through else { return }
            let cell = epochs.isOpen(lastCell, on: back) ? lastCell : openCell(on: back)
            counts[.restored, default: 0] += 1
            let entry = MembershipEvent(
                member: life.id, kind: .restored, effective: back, organization: tree.id(cell),
                decision: DecisionLedger.placeholder(.decision, date: back, issuer: Self.blocStanding),
                note: NamePool.nfc("Phục hồi đảng tịch sau khi xem xét khiếu nại kỷ luật"))
            run(&life, entry: entry, cell: cell, officialFrom: back, ceremony: nil, counted: true)

        case .removed, .withdrew, .probationRemoved, .expelled:
            guard life.readmissions == 0, count(.readmitted) == 0 || random.chance(0.02) else { return }
            let ceremony = after(day, years: 3 + 4 * random.unit())
            let decided = ceremony.adding(days: -random.int(in: 10...40))
            guard ceremony <= through, Journal.ageInMonths(birth: life.person.birth, on: decided) <= 55 * 12,
                  ceremony < life.person.retirement.adding(years: -2),
                  let cell = epochs.pick(on: ceremony, using: &random) else { return }
            life.readmissions += 1
            counts[.readmitted, default: 0] += 1
            let entry = MembershipEvent(
                member: life.id, kind: .readmitted, effective: ceremony, organization: tree.id(cell),
                decision: DecisionLedger.placeholder(.decision, date: decided, issuer: Self.blocStanding))
            run(&life, entry: entry, cell: cell, officialFrom: Journal.probationEnd(ceremony: ceremony),
                ceremony: ceremony, counted: true)

        default:
            return
        }
    }

    /// A transfer in of someone who was on the rolls here before, standing as `Journal` reads it on arrival.
    private mutating func transferBack(_ life: inout Life, on day: Day, into cell: Int, counterpart: String) {
        let entry = MembershipEvent(
            member: life.id, kind: .transferredIn, effective: day, organization: tree.id(cell),
            decision: DecisionLedger.placeholder(.transferNote, date: day.adding(days: -random.int(in: 3...25)),
                                                 issuer: Self.blocOrganizationBoard),
            counterpart: counterpart)
        let ceremony = life.events.last { $0.kind == .admitted || $0.kind == .readmitted }?.effective
        run(&life, entry: entry, cell: cell, officialFrom: Self.officialFrom(arriving: day, life), ceremony: ceremony,
            counted: true)
    }
}
