import ArgumentParser
import DangBoCore
import DangBoInterchange
import DangBoStore
import DangBoSynthetic
import DangBoWeb
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

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
    @Flag(help: "Also serve the web application on loopback and load its pages with wrk (issue 9 point 6).")
    var web = false
    @Option(help: "The wrk program for --web.") var wrk: String = "/usr/bin/wrk"
    @Option(help: "Connections wrk keeps open (--web).") var connections: Int = 64
    @Option(help: "Seconds wrk loads each page (--web).") var duration: Int = 15
    @Option(name: .customLong("web-port"), help: "The loopback port the application listens on (--web).") var webPort: Int = 8089
    @Option(name: .customLong("cli-repeats"), help: "How many times each command is run as its own process (0: none).")
    var cliRepeats: Int = 5
    @Option(help: "Also write the figures as JSON to this file.") var json: String?

    /// The figures of the run, as `--json` writes them (one run a process).
    private var record: BenchRecord { BenchRecord.shared }

    func run() async throws {
        let clock = ContinuousClock()
        say("dangbo bench: \(ProcessInfo.processInfo.activeProcessorCount) cores, "
            + "\(ProcessInfo.processInfo.physicalMemory / 1_048_576) MiB")
        // NB: the import as `dangbo import` runs it (the writer alone), then the questions with the readers.
        try await withStore(options, readers: false) { store in
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
                record.add(BenchRecord.Figure(name: "import", seconds: seconds, perSecond: Double(summary.members) / seconds,
                                              peakMiB: peakMiB(), detail: "\(summary.members) persons, \(summary.events) events"))
            } else if folder != nil {
                throw UserError(message: "--import needs an empty database.")
            }
        }
        try await withStore(options) { store in try await measure(store) }
        if let json {
            try record.write(to: URL(fileURLWithPath: json), database: try DatabaseLocation.resolve(
                option: options.database, environment: ProcessInfo.processInfo.environment).description)
            say("figures written to \(json)")
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
        if web {
            // NB: a bloc is an upper committee of about 4,000 members (our first user's size), not a province.
            let bloc = sizes.filter { tree.version(of: $0.key, on: day)?.kind == .upperCommittee }
                .min { (abs($0.value - 4_000), $0.key.rawValue) < (abs($1.value - 4_000), $1.key.rawValue) }?.key ?? root
            guard let grassroots = busiest(\.isGrassroots) else {
                throw UserError(message: "the database holds no grassroots organization on \(asOf).")
            }
            try await measurePages(store, root: root, grassroots: (grassroots, tree[grassroots]!.code),
                                   bloc: (bloc, tree[bloc]!.code, sizes[bloc] ?? 0), day: day)
        }
        say("scopes on \(day.iso): " + scopes.map { "\($0.0) \(tree[$0.1]!.code) (\(sizes[$0.1] ?? 0) members)" }.joined(separator: ", "))
        // NB: the snapshots are a cache (M0026): forgotten, so that the first questions pay what a first question pays.
        try await store.forgetStatisticSnapshots()
        for (name, id) in scopes {
            let first = try await once { _ = try await store.statistics(of: id, asOf: day) }
            say(compare("statistics, \(name), first question", [first], nil))
            let ours = try await time(repeats) { _ = try await store.statistics(of: id, asOf: day) }
            let raw = try await time(repeats) { try await store.statisticsBaseline(of: id, asOf: day) }
            say(compare("statistics, \(name)", ours, raw))
            let later = try await once { _ = try await store.statistics(of: id, asOf: day.adding(days: 10)) }
            say(compare("statistics, \(name), 10 days later, first question", [later], nil))
        }
        for (name, id) in scopes {
            let first = try await once { _ = try await store.review(of: id, from: from, to: to) }
            say(compare("review quý I, \(name), first question", [first], nil))
            let ours = try await time(repeats) { _ = try await store.review(of: id, from: from, to: to) }
            say(compare("review quý I, \(name)", ours, nil))
        }
        // NB: the quarter's two stocks kept ahead for every large subtree at once (what `dangbo serve` does as it
        // starts, and `dangbo import` after a load), then the first question of the largest scope's review.
        try await store.forgetStatisticSnapshots()
        var kept = 0
        let keeping = try await once { kept = try await store.keepSnapshots(on: [to, from.previous]) }
        say(line("snapshots of \(to.iso) and \(from.previous.iso) kept ahead", keeping, "\(kept) snapshots"))
        record.add(BenchRecord.Figure(name: "quarter ends kept ahead", seconds: Self.seconds(keeping),
                                      detail: "\(kept) snapshots"))
        if let (name, id) = scopes.last {
            let first = try await once { _ = try await store.review(of: id, from: from, to: to) }
            say(compare("review quý I, \(name), first question after them", [first], nil))
        }
        say("peak RSS so far \(peakMiB()) MiB")
        for query in ["nguyen van hu", "thi thu h", "giang"] {
            let ours = try await time(repeats) { _ = try await store.members(matching: query, in: root, asOf: day, limit: 50) }
            say(compare("search \"\(query)\"", ours, nil))
        }
        say("peak RSS \(peakMiB()) MiB")
        if cliRepeats > 0 {
            try measureCommands(scopes.map { ($0.0, tree[$0.1]!.code) }, day: day, from: from, to: to)
        }
        record.add(BenchRecord.Figure(name: "peak RSS of the run", peakMiB: peakMiB()))
    }

    /// Each command a user runs, as its own process from start to exit (opening the database, resolving the code,
    /// answering, printing): what a shell or a script waits for.
    private func measureCommands(_ scopes: [(String, String)], day: Day, from: Day, to: Day) throws {
        let executable = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        let database = options.database.map { ["--database", $0] } ?? []
        say("commands as processes (\(cliRepeats) runs each, wall time from start to exit)")
        let peakFile = FileManager.default.temporaryDirectory.appendingPathComponent("dangbo-bench-peak-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: peakFile) }
        var environment = ProcessInfo.processInfo.environment
        environment[Self.peakFileVariable] = peakFile.path
        var peakKiB = 0
        for (name, code) in scopes {
            for (label, arguments) in [
                ("dangbo report review", ["report", "review", "--organization", code, "--from", from.iso, "--to", to.iso, "--format", "json"]),
                ("dangbo stats", ["stats", "--organization", code, "--as-of", day.iso, "--format", "json"]),
            ] {
                var samples: [Duration] = []
                for _ in 0..<cliRepeats {
                    let process = Process()
                    process.executableURL = executable
                    process.arguments = arguments + database
                    process.environment = environment
                    process.standardOutput = FileHandle.nullDevice
                    let start = ContinuousClock.now
                    try process.run()
                    process.waitUntilExit()
                    samples.append(ContinuousClock.now - start)
                    guard process.terminationStatus == 0 else {
                        throw UserError(message: "\(label) \(code) exited with \(process.terminationStatus).")
                    }
                    let kib = (try? String(contentsOf: peakFile, encoding: .utf8)).flatMap { Int($0) } ?? 0
                    peakKiB = max(peakKiB, kib)
                }
                say(compare("\(label), \(name)", samples.sorted(), nil))
            }
        }
        say("peak RSS of a command \(peakKiB / 1024) MiB")
        record.add(BenchRecord.Figure(name: "peak RSS of a command", peakMiB: peakKiB / 1024))
    }

    /// The pages of issue 9 point 6, loaded by wrk over loopback with `connections` connections: a member page and
    /// the member list of the busiest grassroots organization; the dashboard of a bloc (an account whose scope is
    /// the province-level organization below the root), one connection at a time, for its latency.
    private func measurePages(_ store: Store, root: OrganizationID, grassroots: (OrganizationID, String),
                              bloc: (OrganizationID, String, Int), day: Day) async throws {
        let list = try await store.memberList(MemberListQuery(asOf: day, root: grassroots.0, page: 1, pageSize: 50),
                                              in: Scope(roots: [root]))
        guard let member = list.rows.first?.member.id else { throw UserError(message: "no member in \(grassroots.1).") }
        let admin = try await WebBenchmark.start(store: store, root: root, port: webPort, today: { day })
        do {
            let blocBench = try await WebBenchmark.start(store: store, root: bloc.0, login: "bench-\(bloc.1.lowercased())",
                                                         port: webPort + 1, today: { day })
            // NB: the same application with no page kept: what a list costs when it is asked for the first time after
            // a write (the figure the kept page hides).
            let computing = try await WebBenchmark.start(store: store, root: root, port: webPort + 2,
                                                         configuration: WebConfiguration(pageCacheBytes: 0), today: { day })
            do {
                say("web: as of \(day.iso), \(connections) connections, \(duration) s per page, wrk and the server on the same cores")
                for (name, url, bench, connections) in [
                    ("member page", admin.url(memberPage: member), admin, connections),
                    ("member list of \(grassroots.1) (\(list.total) members)", admin.url(memberListOf: grassroots.1), admin, connections),
                    ("  the same, no page kept", computing.url(memberListOf: grassroots.1), computing, connections),
                    ("dashboard of \(bloc.1) (\(bloc.2) members), 1 connection", blocBench.dashboardURL, blocBench, 1),
                ] {
                    try await check(url, cookie: bench.cookieHeader)
                    say(padded(name) + " " + (try runWrk(url, cookie: bench.cookieHeader, connections: connections)))
                }
            } catch { try? await blocBench.stop(); try? await computing.stop(); throw error }
            try await blocBench.stop()
            try await computing.stop()
            try await measureDashboardParts(store, bloc: bloc, day: day)
        } catch { try? await admin.stop(); throw error }
        try await admin.stop()
    }

    /// What the bloc's dashboard asks the store, each part timed alone (in process, no HTTP): where its time goes.
    private func measureDashboardParts(_ store: Store, bloc: (OrganizationID, String, Int), day: Day) async throws {
        let scope = Scope(roots: [bloc.0])
        let parts: [(String, () async throws -> Void)] = [
            ("statistics", { _ = try await store.statistics(of: bloc.0, asOf: day) }),
            ("ethnic minority list", { _ = try await store.members(of: bloc.0, asOf: day, with: .ethnicMinority) }),
            ("exempt list", { _ = try await store.members(of: bloc.0, asOf: day, with: .exempt) }),
            ("alerts", { _ = try await store.alerts(in: scope, asOf: day) }),
            ("recent changes", { _ = try await store.recentEvents(in: scope, asOf: day) }),
            ("standing series", { _ = try await store.standingSeries(of: bloc.0, asOf: day) }),
            ("age pyramid", { _ = try await store.agePyramid(of: bloc.0, asOf: day) }),
            ("admission series", { _ = try await store.admissionSeries(of: bloc.0, asOf: day) }),
        ]
        for (name, body) in parts {
            say(compare("  dashboard: \(name)", try await time(max(3, repeats / 3), body), nil))
        }
    }

    /// One request first: a figure is only honest when the page answers 200 with its content (not a login redirect).
    private func check(_ url: String, cookie: String) async throws {
        var request = URLRequest(url: URL(string: url)!)
        let header = cookie.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        request.setValue(header[1], forHTTPHeaderField: header[0])
        let (data, response) = try await URLSession.shared.data(for: request)
        guard let http = response as? HTTPURLResponse, http.statusCode == 200, data.count > 1_000 else {
            throw UserError(message: "\(url) answered \((response as? HTTPURLResponse)?.statusCode ?? 0) with \(data.count) bytes.")
        }
    }

    /// Runs wrk and keeps its requests per second and latency distribution (a figure with errors is refused).
    private func runWrk(_ url: String, cookie: String, connections: Int) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: wrk)
        process.arguments = ["-t", "\(min(2, connections))", "-c", "\(connections)", "-d", "\(duration)s", "--latency", "-H", cookie, url]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        func value(after label: String) -> String? {
            output.split(separator: "\n").first { $0.trimmingCharacters(in: .whitespaces).hasPrefix(label) }
                .map { $0.trimmingCharacters(in: .whitespaces).dropFirst(label.count).trimmingCharacters(in: .whitespaces) }
        }
        guard process.terminationStatus == 0, let rate = value(after: "Requests/sec:") else {
            throw UserError(message: "wrk failed:\n\(output)")
        }
        if let failures = value(after: "Non-2xx or 3xx responses:") { throw UserError(message: "\(failures) failed responses:\n\(output)") }
        if let errors = value(after: "Socket errors:") { say("  socket errors: \(errors)") }
        return "\(rate) req/s   p50 \(value(after: "50%") ?? "?")  p90 \(value(after: "90%") ?? "?")  p99 \(value(after: "99%") ?? "?")"
    }

    /// The time `body` takes once.
    private func once(_ body: () async throws -> Void) async throws -> Duration {
        let start = ContinuousClock.now
        try await body()
        return ContinuousClock.now - start
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

    /// The line of a timed question (p50, p95, and the raw SQL's p50 and ratio when given), recorded for `--json`.
    private func compare(_ name: String, _ ours: [Duration], _ raw: [Duration]?) -> String {
        func ms(_ d: Duration) -> Double { Self.seconds(d) * 1000 }
        let p50 = ms(ours[ours.count / 2]), p95 = ms(ours[min(ours.count - 1, ours.count * 95 / 100)])
        var text = padded(name) + String(format: " p50 %8.2f ms  p95 %8.2f ms", p50, p95)
        var figure = BenchRecord.Figure(name: name.trimmingCharacters(in: .whitespaces), p50Milliseconds: p50, p95Milliseconds: p95,
                                        samples: ours.count)
        if let raw {
            let rawP50 = ms(raw[raw.count / 2])
            text += String(format: "   raw SQL p50 %8.2f ms  ratio %.2f", rawP50, p50 / max(rawP50, 0.001))
            figure.rawP50Milliseconds = rawP50
            figure.ratio = p50 / max(rawP50, 0.001)
        }
        record.add(figure)
        return text
    }

    private func line(_ name: String, _ duration: Duration, _ detail: String) -> String {
        padded(name) + String(format: " %8.2f s   ", Self.seconds(duration)) + detail
    }

    private func padded(_ name: String) -> String { name.padding(toLength: 52, withPad: " ", startingAt: 0) }

    /// The environment variable naming the file a command writes its peak RSS (KiB) into as it ends: how `bench`
    /// reads the memory of the commands it runs (the rusage of a child counts the parent's pages it was forked with).
    static let peakFileVariable = "DANGBO_BENCH_PEAK_FILE"

    /// Writes this process's peak RSS (`VmHWM`, KiB) into the file `DANGBO_BENCH_PEAK_FILE` names, when it is set.
    static func reportPeakIfAsked() {
        guard let path = ProcessInfo.processInfo.environment[peakFileVariable],
              let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return }
        let kib = line.dropFirst("VmHWM:".count).trimmingCharacters(in: .whitespaces).split(separator: " ").first ?? "0"
        try? Data(kib.utf8).write(to: URL(fileURLWithPath: path))
    }

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

/// The figures of a `dangbo bench` run, kept as they are printed and written as JSON beside the table (`--json`), so
/// that runs can be compared by a script.
final class BenchRecord: @unchecked Sendable {
    /// NB: a command is a value ArgumentParser decodes, so it cannot hold the record; `lock` guards `figures`.
    static let shared = BenchRecord()
    private let lock = NSLock()

    struct Figure: Codable {
        var name: String
        var p50Milliseconds: Double?
        var p95Milliseconds: Double?
        var samples: Int?
        var rawP50Milliseconds: Double?
        var ratio: Double?
        var seconds: Double?
        var perSecond: Double?
        var peakMiB: Int?
        var detail: String?

        init(name: String, p50Milliseconds: Double? = nil, p95Milliseconds: Double? = nil, samples: Int? = nil,
             seconds: Double? = nil, perSecond: Double? = nil, peakMiB: Int? = nil, detail: String? = nil) {
            self.name = name
            self.p50Milliseconds = p50Milliseconds
            self.p95Milliseconds = p95Milliseconds
            self.samples = samples
            self.seconds = seconds
            self.perSecond = perSecond
            self.peakMiB = peakMiB
            self.detail = detail
        }
    }

    private struct Run: Codable {
        var date: String
        var cores: Int
        var memoryMiB: UInt64
        var database: String
        var figures: [Figure]
    }

    private var figures: [Figure] = []

    func add(_ figure: Figure) { lock.withLock { figures.append(figure) } }

    /// Writes the run: the day, the machine, the database (its kind and place, never a password) and every figure.
    func write(to url: URL, database: String) throws {
        let run = Run(date: Day.today().iso, cores: ProcessInfo.processInfo.activeProcessorCount,
                      memoryMiB: ProcessInfo.processInfo.physicalMemory / 1_048_576, database: database,
                      figures: lock.withLock { figures })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(run).write(to: url)
    }
}
