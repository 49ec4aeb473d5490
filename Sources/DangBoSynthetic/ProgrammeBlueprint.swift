import DangBoCore

/// Each conductor's annual inspection and supervision programmes: every thematic case (supervision or inspection) is an
/// item of its conductor's programme naming it — planned in its quarter, or in its month for three in ten — and one in
/// five of those started in a first quarter was planned in the fourth quarter of the year before (an item started
/// late, still the programme of its year) when its conductor and subjects existed then. Each programme also plans one
/// more item, in its fourth quarter, that no case carried out. Each keeps the rules a form checks
/// (`OversightProgramme.violations`), and every case that needs a programme is in one (`OversightCase.needsProgramme`),
/// as `SeatAndCaseValidityTests` holds.
///
/// NB: drawn from a generator of its own, so that the rest of the registry stays as it was without them.
struct ProgrammeBlueprint {
    let options: SyntheticRegistry.Options
    private(set) var programmes: [OversightProgramme] = []

    init(options: SyntheticRegistry.Options) { self.options = options }

    mutating func build(cases: [OversightCase], tree: OrganizationTree) {
        var random = SeededGenerator(seed: options.seed &+ 0x7072_676D)
        var byKey: [OversightProgramme.Key: OversightProgramme] = [:]
        var order: [OversightProgramme.Key] = []
        for oversightCase in cases where oversightCase.mode == .thematic {
            let started = oversightCase.started
            var planned: ProgrammePeriod = random.chance(0.3)
                ? .month(year: started.year, month: started.month)
                : .quarter(year: started.year, quarter: ProgrammePeriod.quarter(of: started))
            if planned.quarter == 1, random.chance(0.2), let lastDay = Day(year: started.year - 1, month: 12, day: 31),
               Self.existed(oversightCase, by: lastDay, in: tree) {
                planned = .quarter(year: started.year - 1, quarter: 4)
            }
            let key = OversightProgramme.Key(conductorOrganization: oversightCase.conductorOrganization,
                                             conductor: oversightCase.conductor, year: planned.year)
            if byKey[key] == nil {
                order.append(key)
                byKey[key] = OversightProgramme(conductorOrganization: key.conductorOrganization, conductor: key.conductor,
                                                year: key.year)
            }
            byKey[key]?.items.append(ProgrammeItem(
                content: "\(oversightCase.activity.vietnamese) chuyên đề \(planned.vietnamese.lowercased())",
                activity: oversightCase.activity, mode: .thematic, subjects: oversightCase.subjects, planned: planned,
                caseReference: oversightCase.reference))
        }
        for key in order {
            guard var programme = byKey[key], let first = programme.items.first else { continue }
            programme.items.append(ProgrammeItem(
                content: "Giám sát chuyên đề việc thực hiện nghị quyết (chưa tiến hành)", activity: .supervision,
                mode: .thematic, subjects: first.subjects, planned: .quarter(year: key.year, quarter: 4)))
            programmes.append(programme)
        }
    }

    /// Whether the case's conductor and subject organizations were established by `day`.
    private static func existed(_ oversightCase: OversightCase, by day: Day, in tree: OrganizationTree) -> Bool {
        let organizations = [oversightCase.conductorOrganization] + oversightCase.subjects.compactMap {
            if case .organization(let id) = $0 { id } else { nil }
        }
        return organizations.allSatisfy { tree[$0].map { $0.established <= day } ?? false }
    }
}
