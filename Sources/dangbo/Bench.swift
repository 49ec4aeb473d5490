import ArgumentParser
import DangBoCore
import DangBoInterchange
import DangBoStore
import DangBoSynthetic
import Foundation

/// `dangbo bench`: imports a registry through the CSV contract into an empty database (a folder given with
/// `--import`, or one generated here), or takes the database as it is, then times the questions of DESIGN §5, each
/// next to the same SQL run by hand (the raw-SQL limit). Figures, not assertions.
struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure import, statistics, review and search (DESIGN §5) on a generated, given or stored registry.")
    @OptionGroup var options: DatabaseOptions
    @Option(help: "Members on the rolls at the end of the generated history (an empty database without --import).")
    var members: Int = 100_000
    @Option(help: "Seed of the generator.") var seed: UInt64 = 1
    @Option(name: .customLong("import"), help: "A folder in the import format to import (timed) into the empty database.")
    var folder: String?
    @Option(help: "How many times each question is asked.") var repeats: Int = 30
    @Option(name: .customLong("as-of"), help: "The day statistics are asked for.") var asOf: String = "2026-06-30"
    @Option(help: "The scopes to ask about, of: cell, grassroots, province, root (comma-separated).")
    var scopes: String = "cell,grassroots,province,root"

    func run() async throws {
        let clock = ContinuousClock()
        say("dangbo bench: \(ProcessInfo.processInfo.activeProcessorCount) cores, "
            + "\(ProcessInfo.processInfo.physicalMemory / 1_048_576) MiB")
        try await withStore(options) { store in
            let empty = try await store.nextIdentifiers() == (1, 1)
            if empty {
                var source = folder.map { URL(fileURLWithPath: $0) }
                var generated: URL?
                if source == nil {
                    let started = clock.now
                    let synthetic = SyntheticRegistry(options: .init(
                        seed: seed, grassroots: max(5, members / 75), members: members, through: Day(year: 2026, month: 11, day: 26)!))
                    let registry = synthetic.registry()
                    let url = FileManager.default.temporaryDirectory.appendingPathComponent("dangbo-bench-\(UUID().uuidString)")
                    try RegistryExport.writeCSV(registry, to: url)
                    say(line("generate + write CSV", clock.now - started,
                               "\(synthetic.members.count) persons, \(synthetic.events.count) events, peak RSS \(peakMiB()) MiB"))
                    (source, generated) = (url, url)
                }
                defer { if let generated { try? FileManager.default.removeItem(at: generated) } }
                let started = clock.now
                let summary = try await store.importData(at: source!, actor: "bench", progress: reportProgress)
                let seconds = Self.seconds(clock.now - started)
                say(line("import (read, check, write, index)", clock.now - started, String(
                    format: "%.0f persons/s, %.0f events/s, peak RSS %d MiB (%d persons, %d events)",
                    Double(summary.members) / seconds, Double(summary.events) / seconds, peakMiB(), summary.members, summary.events)))
            } else if folder != nil {
                throw UserError(message: "--import needs an empty database.")
            }
            try await measure(store)
        }
    }

    private func measure(_ store: Store) async throws {
        let day = try parseDay(asOf)
        let from = Day(year: 2026, month: 1, day: 1)!, to = Day(year: 2026, month: 3, day: 31)!
        let tree = try await store.loadTree()
        let cells = try await store.headCountsByCell(asOf: day)
        var sizes: [OrganizationID: Int] = [:]
        for (cell, count) in cells {
            for ancestor in tree.ancestors(of: cell, on: day) { sizes[ancestor, default: 0] += count }
        }
        func busiest(_ kind: (OrganizationKind) -> Bool, depth: Int? = nil) -> OrganizationID? {
            sizes.filter { entry in
                guard let version = tree.version(of: entry.key, on: day), kind(version.kind) else { return false }
                return depth.map { tree.ancestors(of: entry.key, on: day).count - 1 == $0 } ?? true
            }.max { ($0.value, $1.key.rawValue) < ($1.value, $0.key.rawValue) }?.key
        }
        guard let root = busiest({ _ in true }, depth: 0) else { throw UserError(message: "the database holds no member on \(asOf).") }
        let wanted = Set(self.scopes.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
        var scopes: [(String, OrganizationID)] = []
        if wanted.contains("cell"), let cell = busiest(\.isCell) { scopes.append(("one cell", cell)) }
        if wanted.contains("grassroots"), let grassroots = busiest(\.isGrassroots) {
            scopes.append(("one grassroots organization", grassroots))
        }
        if wanted.contains("province"), let province = busiest({ $0 == .upperCommittee }, depth: 1) {
            scopes.append(("one province", province))
        }
        if wanted.contains("root") { scopes.append(("the whole registry", root)) }
        say("scopes on \(day.iso): " + scopes.map { "\($0.0) \(tree[$0.1]!.code) (\(sizes[$0.1] ?? 0) members)" }.joined(separator: ", "))
        for (name, id) in scopes {
            let ours = try await time(repeats) { _ = try await store.statistics(of: id, asOf: day) }
            let raw = try await time(repeats) { try await store.statisticsBaseline(of: id, asOf: day) }
            say(compare("statistics, \(name)", ours, raw))
        }
        for (name, id) in scopes {
            let ours = try await time(repeats) { _ = try await store.review(of: id, from: from, to: to) }
            say(compare("review quý I, \(name)", ours, nil))
        }
        say("peak RSS so far \(peakMiB()) MiB")
        for query in ["nguyen van hu", "thi thu h", "giang"] {
            let ours = try await time(repeats) { _ = try await store.members(matching: query, in: root, asOf: day, limit: 50) }
            say(compare("search \"\(query)\"", ours, nil))
        }
        say("peak RSS \(peakMiB()) MiB")
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

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    private func compare(_ name: String, _ ours: [Duration], _ raw: [Duration]?) -> String {
        func ms(_ d: Duration) -> Double { Self.seconds(d) * 1000 }
        let p50 = ms(ours[ours.count / 2]), p95 = ms(ours[min(ours.count - 1, ours.count * 95 / 100)])
        var text = padded(name) + String(format: " p50 %8.2f ms  p95 %8.2f ms", p50, p95)
        if let raw {
            let rawP50 = ms(raw[raw.count / 2])
            text += String(format: "   raw SQL p50 %8.2f ms  ratio %.2f", rawP50, p50 / max(rawP50, 0.001))
        }
        return text
    }

    private func line(_ name: String, _ duration: Duration, _ detail: String) -> String {
        padded(name) + String(format: " %8.2f s   ", Self.seconds(duration)) + detail
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

    /// Writes a line at once (print buffers whole pages when standard output is a file, and a national run is long).
    private func say(_ text: String) { FileHandle.standardOutput.write(Data((text + "\n").utf8)) }
}
