/// The annual inspection and supervision programme of a conductor (chương trình kiểm tra, giám sát năm): a committee,
/// an inspection commission or a cell of one organization, for one year (issue 11 point 2).
///
/// Its rules are in `violations(in:isKnownMember:)`; what became of a quarter's items in `report(quarter:cases:progress:)`;
/// whether a case belongs to a programme in `OversightCase.isInProgramme(_:)`.
public struct OversightProgramme: Hashable, Sendable {
    public var conductorOrganization: OrganizationID
    public var conductor: ConductorKind
    public var year: Int
    /// The items, in the programme's order.
    public var items: [ProgrammeItem]

    public init(conductorOrganization: OrganizationID, conductor: ConductorKind, year: Int, items: [ProgrammeItem] = []) {
        self.conductorOrganization = conductorOrganization
        self.conductor = conductor
        self.year = year
        self.items = items
    }

    /// What tells one programme from another: a registry holds one programme per conductor and year.
    public struct Key: Hashable, Sendable {
        public var conductorOrganization: OrganizationID
        public var conductor: ConductorKind
        public var year: Int

        public init(conductorOrganization: OrganizationID, conductor: ConductorKind, year: Int) {
            self.conductorOrganization = conductorOrganization
            self.conductor = conductor
            self.year = year
        }
    }

    public var key: Key { Key(conductorOrganization: conductorOrganization, conductor: conductor, year: year) }

    /// The days of the year, nil for a year `Day` cannot hold.
    public var days: DayRange? {
        Day(year: year, month: 1, day: 1).map { DayRange(start: $0, end: $0.adding(years: 1)) }
    }

    /// The items planned in `quarter` (1 to 4) of the programme's year, a month's item in its month's quarter, in the
    /// programme's order.
    public func items(inQuarter quarter: Int) -> [ProgrammeItem] {
        items.filter { $0.planned.year == year && $0.planned.quarter == quarter }
    }

    /// Whether this programme's conductor conducts `oversightCase`: the same organization and kind.
    public func conducts(_ oversightCase: OversightCase) -> Bool {
        conductorOrganization == oversightCase.conductorOrganization && conductor == oversightCase.conductor
    }
}
