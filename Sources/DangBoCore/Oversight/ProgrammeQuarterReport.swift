/// What became of the items a programme planned in one quarter, at the quarter's end: how many were planned, how
/// many started and how many were concluded by its last day.
public struct ProgrammeQuarterReport: Hashable, Sendable {
    public var year: Int
    /// 1 to 4.
    public var quarter: Int
    /// The items planned in the quarter (a month's item in its month's quarter).
    public var planned: [ProgrammeItem]
    /// Those of `planned` whose case started on or before the quarter's last day.
    public var started: [ProgrammeItem]
    /// Those of `started` whose case was concluded on or before the quarter's last day.
    public var concluded: [ProgrammeItem]

    public init(year: Int, quarter: Int, planned: [ProgrammeItem], started: [ProgrammeItem], concluded: [ProgrammeItem]) {
        self.year = year
        self.quarter = quarter
        self.planned = planned
        self.started = started
        self.concluded = concluded
    }
}

extension OversightProgramme {
    /// The report of `quarter` (1 to 4) of the programme's year: each item planned in it joined to its case by
    /// reference (a case of another conductor is not this programme's), and the case to its progress for the day of
    /// its conclusion (`OversightCase.concluded(progress:)`).
    public func report(
        quarter: Int, cases: some Sequence<OversightCase>, progress: some Sequence<OversightProgress>
    ) -> ProgrammeQuarterReport {
        let planned = items(inQuarter: quarter)
        let lastDay = ProgrammePeriod.quarter(year: year, quarter: quarter).days?.lastDay
        let references = Set(planned.compactMap(\.caseReference))
        let cases = Dictionary(cases.filter { references.contains($0.reference) && conducts($0) }.map { ($0.reference, $0) },
                               uniquingKeysWith: { first, _ in first })
        let progress = Dictionary(progress.filter { references.contains($0.caseReference) }.map { ($0.caseReference, $0) },
                                  uniquingKeysWith: { first, _ in first })
        var started: [ProgrammeItem] = []
        var concluded: [ProgrammeItem] = []
        if let lastDay {
            for item in planned {
                guard let reference = item.caseReference, let oversightCase = cases[reference],
                      oversightCase.started <= lastDay else { continue }
                started.append(item)
                if let day = oversightCase.concluded(progress: progress[reference]), day <= lastDay {
                    concluded.append(item)
                }
            }
        }
        return ProgrammeQuarterReport(year: year, quarter: quarter, planned: planned, started: started,
                                      concluded: concluded)
    }
}
