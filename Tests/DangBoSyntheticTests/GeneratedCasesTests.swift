import DangBoCore
import DangBoSynthetic
import Testing

/// The cases the reviews must get right (issue 7, point 10) occur in every generated registry, so that the SQL/Core
/// twin tests run on them. Each is counted from the generated organizations, members and events alone (the file a
/// user would import), never from the generator's own counters.
@Suite struct GeneratedCasesTests {
    static let sizes: [SyntheticRegistry.Options] = [1, 2, 3].flatMap { seed -> [SyntheticRegistry.Options] in
        [.init(seed: seed), .init(seed: seed, grassroots: 12, members: 800)]
    }

    @Test(arguments: sizes)
    func everyCaseOccurs(options: SyntheticRegistry.Options) {
        // setup
        let synthetic = SyntheticRegistry(options: options)

        // MUT
        let registry = synthetic.registry()
        let census = RegistryCensus(synthetic, registry: registry, options: options)

        // validate
        #expect(registry.journals.count == synthetic.members.count)
        for kind in RegistryCensus.Case.allCases {
            #expect(census.counts[kind, default: 0] >= 1, "\(kind.rawValue)")
        }
        for (member, day) in census.probationaryArrivals {
            #expect(registry.journals[member]?.period(on: day)?.standing == .probationary, "\(member) \(day)")
        }
    }

    @Test func theCensusSeesNothingInAPlainRegistry() {
        // A history too short for any change of the tree or probation: the census must not invent cases.
        let options = SyntheticRegistry.Options(seed: 9, grassroots: 3, members: 40, from: Day(iso: "2024-01-01")!,
                                                through: Day(iso: "2024-02-20")!)
        let synthetic = SyntheticRegistry(options: options)
        let census = RegistryCensus(synthetic, registry: synthetic.registry(), options: options)
        for kind in [RegistryCensus.Case.cellPutUnderPartialCommittee, .grassrootsCellFoldedIntoCommittee, .subordinateCellStandingAlone,
                     .probationerFromJoinedOnRecognized, .probationerBackBeforeProbationEnds, .openingLate] {
            #expect(census.counts[kind, default: 0] == 0, "\(kind.rawValue)")
        }
    }
}
