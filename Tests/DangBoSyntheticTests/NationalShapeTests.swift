import DangBoCore
import DangBoSynthetic
import Testing

/// The national registry's units look like the real party's (issue 12 point 5): about 5.2 cells in all for each
/// grassroots organization (270,000 under 52,000) and 3.6 events per member on the rolls, and every record they hold
/// keeps Core's rules as the bloc's do.
@Suite struct NationalShapeTests {
    /// The first `count` units of a nation of 5.6 million: Hà Nội's, of about 4,000 members each. NB: a small nation
    /// would not do: its units hold a few hundred members in two grassroots organizations, too few for a committee.
    static func firstUnits(_ count: Int, of options: NationalRegistry.Options) -> [NationalRegistry.Unit] {
        struct Enough: Error {}
        var units: [NationalRegistry.Unit] = []
        try? NationalRegistry(options: options).generate { unit in
            units.append(unit)
            if units.count == count { throw Enough() }
        }
        return units
    }

    @Test(arguments: [1, 2] as [UInt64])
    func unitsHaveTheNationsShapeAndObeyTheRules(seed: UInt64) {
        // setup
        let options = NationalRegistry.Options(seed: seed, members: 5_600_000)
        let units = Self.firstUnits(5, of: options)
        #expect(units.count == 5)
        var cells = 0, grassroots = 0, events = 0, onTheRolls = 0

        for unit in units {
            // MUT
            let synthetic = unit.registry
            let registry = synthetic.registry()  // NB: stops on any journal that breaks a rule.

            // validate
            #expect(OrganizationTree(synthetic.organizations).violations().isEmpty)
            #expect(registry.journals.count == synthetic.members.count)
            SeatAndCaseValidityTests.expectEveryRecordValid(registry)
            for organization in synthetic.organizations {
                let kind = organization.versions[organization.versions.count - 1].kind
                if kind.isCell { cells += 1 }
                if kind.isGrassroots { grassroots += 1 }
            }
            events += synthetic.events.count
            onTheRolls += registry.statistics(of: synthetic.organizations[0].id, asOf: options.through).members.total
        }
        let cellsPerGrassroots = Double(cells) / Double(grassroots)
        let eventsPerMember = Double(events) / Double(onTheRolls)
        #expect((4.8...5.6).contains(cellsPerGrassroots), "\(cells) cells, \(grassroots) grassroots organizations")
        #expect((3.4...3.8).contains(eventsPerMember), "\(events) events, \(onTheRolls) members on the rolls")
        #expect((18_000...22_000).contains(onTheRolls))
    }
}
