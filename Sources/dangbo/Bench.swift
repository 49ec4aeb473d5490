import ArgumentParser
import DangBoCore
import DangBoInterchange
import DangBoStore
import DangBoSynthetic
import Foundation

/// `dangbo bench`: generates a registry, imports it through the CSV contract into an empty database, and times the
/// questions of DESIGN §5, each next to the same SQL run by hand (the raw-SQL limit). Figures, not assertions.
struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure import, statistics, review and search on a generated registry (an empty database).")
    @OptionGroup var options: DatabaseOptions
    @Option(help: "Members on the rolls at the end of the generated history.") var members: Int = 100_000
    @Option(help: "Seed of the generator.") var seed: UInt64 = 1
    @Option(help: "How many times each question is asked.") var repeats: Int = 30

    func run() async throws {
        let clock = ContinuousClock()
        let through = Day(year: 2026, month: 11, day: 26)!
        print("dangbo bench: \(members) members, seed \(seed), \(ProcessInfo.processInfo.activeProcessorCount) cores, "
            + "\(ProcessInfo.processInfo.physicalMemory / 1_048_576) MiB")

        var started = clock.now
        let synthetic = SyntheticRegistry(options: .init(seed: seed, grassroots: max(5, members / 75), members: members, through: through))
        let registry = synthetic.registry()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dangbo-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try RegistryExport.writeCSV(registry, to: folder)
        print(line("generate + write CSV", clock.now - started,
                   "\(synthetic.members.count) persons, \(synthetic.events.count) events, peak RSS \(peakMiB()) MiB"))

        try await withStore(options) { store in
            guard try await store.nextIdentifiers() == (1, 1) else {
                throw UserError(message: "bench needs an empty database (it imports the generated registry).")
            }
            started = clock.now
            let loaded = try Importer.load(folder, into: Registry(), nextOrganizationID: 1, nextMemberID: 1)
            let parsed = clock.now - started
            try await store.write(loaded.change, tree: loaded.registry.tree, audit: AuditRecord(
                actor: "bench", action: "import", summary: "bench", recordedAt: Date()))
            let total = clock.now - started
            let seconds = Double(total.components.seconds) + Double(total.components.attoseconds) / 1e18
            print(line("import (read + check)", parsed, ""))
            print(line("import (total)", total, String(format: "%.0f persons/s, %.0f events/s, peak RSS %d MiB",
                                                        Double(synthetic.members.count) / seconds,
                                                        Double(synthetic.events.count) / seconds, peakMiB())))

            let tree = loaded.registry.tree
            let day = Day(year: 2026, month: 6, day: 30)!
            let from = Day(year: 2026, month: 1, day: 1)!, to = Day(year: 2026, month: 3, day: 31)!
            let root = tree.organizations.values.first { $0.versions[0].parent == nil }!.id
            func largest(_ kind: (OrganizationKind) -> Bool) -> OrganizationID {
                var sizes: [OrganizationID: Int] = [:]
                for journal in loaded.registry.journals.values {
                    guard let cell = journal.period(on: day)?.cell else { continue }
                    for id in tree.organizations.keys where tree.isWithin(cell, root: id, on: day)
                        && tree.version(of: id, on: day).map({ kind($0.kind) }) == true {
                        sizes[id, default: 0] += 1
                    }
                }
                return sizes.max { $0.value < $1.value }!.key
            }
            let cell = largest(\.isCell), grassroots = largest(\.isGrassroots)
            for (name, id) in [("one cell", cell), ("one grassroots organization", grassroots), ("the whole registry", root)] {
                let ours = try await time(repeats) { _ = try await store.statistics(of: id, asOf: day) }
                let raw = try await time(repeats) { try await store.statisticsBaseline(of: id, asOf: day) }
                print(compare("statistics, \(name)", ours, raw))
            }
            for (name, id) in [("one grassroots organization", grassroots), ("the whole registry", root)] {
                let ours = try await time(repeats) { _ = try await store.review(of: id, from: from, to: to) }
                print(compare("review quý I, \(name)", ours, nil))
            }
            for query in ["nguyen van hu", "thi thu h", "giang"] {
                let ours = try await time(repeats) { _ = try await store.members(matching: query, in: root, asOf: day, limit: 50) }
                print(compare("search \"\(query)\"", ours, nil))
            }
        }
    }

    private func time(_ count: Int, _ body: () async throws -> Void) async throws -> [Duration] {
        try await body()  // warm the caches once
        var samples: [Duration] = []
        for _ in 0..<count {
            let start = ContinuousClock.now
            try await body()
            samples.append(ContinuousClock.now - start)
        }
        return samples.sorted()
    }

    private func compare(_ name: String, _ ours: [Duration], _ raw: [Duration]?) -> String {
        func ms(_ d: Duration) -> Double { Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15 }
        let p50 = ms(ours[ours.count / 2]), p95 = ms(ours[min(ours.count - 1, ours.count * 95 / 100)])
        var text = padded(name) + String(format: " p50 %8.2f ms  p95 %8.2f ms", p50, p95)
        if let raw {
            let rawP50 = ms(raw[raw.count / 2])
            text += String(format: "   raw SQL p50 %8.2f ms  ratio %.2f", rawP50, p50 / max(rawP50, 0.001))
        }
        return text
    }

    private func line(_ name: String, _ duration: Duration, _ detail: String) -> String {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        return padded(name) + String(format: " %8.2f s   ", seconds) + detail
    }

    private func padded(_ name: String) -> String { name.padding(toLength: 44, withPad: " ", startingAt: 0) }

    private func peakMiB() -> Int {
        var usage = rusage()
        #if canImport(Glibc)
        getrusage(RUSAGE_SELF.rawValue, &usage)  // NB: Glibc imports the constant as an enum; ru_maxrss is in KiB.
        return Int(usage.ru_maxrss) / 1024
        #else
        getrusage(RUSAGE_SELF, &usage)  // ru_maxrss is in bytes on Darwin.
        return Int(usage.ru_maxrss) / 1_048_576
        #endif
    }
}
