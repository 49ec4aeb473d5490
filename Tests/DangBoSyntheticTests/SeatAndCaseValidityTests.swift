import DangBoCore
import DangBoSynthetic
import Testing

/// The generator's committee seats and oversight cases obey Core's rules, as an import would check them: every seat
/// starts on a day its organization exists and its holder is an official member of it; every case has its dates in
/// order, a conductor that exists and subjects that do.
@Suite struct SeatAndCaseValidityTests {
    @Test(arguments: [1, 2, 3, 4, 5, 6] as [UInt64])
    func everySeatAndCaseObeysCoreRules(seed: UInt64) {
        let synthetic = SyntheticRegistry(options: .init(seed: seed, grassroots: 12, members: 800))
        let registry = synthetic.registry()
        #expect(!registry.seats.isEmpty && !registry.cases.isEmpty)
        for seat in registry.seats {
            let violations = seat.violations(in: registry)
            let code = registry.tree[seat.organization]?.code ?? ""
            #expect(violations.isEmpty, "\(seat.member) \(code) \(seat.validity): \(violations.map(\.message))")
        }
        for oversight in registry.cases {
            let violations = oversight.violations(in: registry)
            #expect(violations.isEmpty, "\(oversight.reference): \(violations.map(\.message))")
        }
    }
}

extension SeatAndCaseValidityTests {
    @Test(arguments: [
        SyntheticRegistry.Options(seed: 9, grassroots: 3, members: 60, from: Day(iso: "2020-01-01")!,
                                  through: Day(iso: "2021-06-30")!),
        SyntheticRegistry.Options(seed: 7),
    ])
    func theDemoAndAShortHistoryToo(options: SyntheticRegistry.Options) {
        let registry = SyntheticRegistry(options: options).registry()
        #expect(!registry.seats.isEmpty && !registry.cases.isEmpty)
        #expect(registry.seats.allSatisfy { $0.violations(in: registry).isEmpty })
        #expect(registry.cases.allSatisfy { $0.violations(in: registry).isEmpty })
    }
}
