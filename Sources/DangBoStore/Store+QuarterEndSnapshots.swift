import DangBoCore
import Logging
import SQLKit

extension Store {
    /// The quarter ends whose snapshots a server keeps ahead of the first question, as of `today`: the last one on or
    /// before it and the one before (a review of the quarter just ended counts its stocks on both days; the quarter
    /// under way starts from the last).
    public static func quarterEnds(asOf today: Day) -> [Day] {
        let end = today.isQuarterEnd ? today : today.quarterStart.previous
        return [end, end.quarterStart.previous]
    }

    /// Keeps, ahead of the first question, the snapshot of every subtree of at least `snapshotMinimum` members as of
    /// each of `days` that has none: what a province's or the nation's first review of a quarter would otherwise wait
    /// for (the nation's two stocks, 47.5 s on SQLite). Returns how many snapshots were kept.
    ///
    /// A day costs about one count of the registry's members on the rolls, however many subtrees are large: each large
    /// subtree is counted as the sum of its children's counts (a large child's, summed the same way first; a small
    /// child's from its periods, one statement) and of the periods of its own cell if it is one. Member counts by
    /// attribute add up over the children of a day's tree, since each period on the rolls lies in one cell and each
    /// cell under one parent. Asking each large subtree for itself would count the nation's members once per level.
    ///
    /// NB: every statement is read after the number of write transactions (`statistic_generation`), and the day's
    /// snapshots are kept in one write transaction only if that number has not moved since: a write in between (which
    /// could have moved a member or a cell after its count was read) keeps nothing, and a later call tries again.
    @discardableResult
    public func keepSnapshots(on days: [Day]) async throws -> Int {
        var kept = 0
        for day in days { kept += try await keepSnapshots(on: day) }
        return kept
    }

    private func keepSnapshots(on day: Day) async throws -> Int {
        let d = day.yyyymmdd
        guard let generation = try await reader.rows("SELECT n FROM statistic_generation WHERE id = 1", as: Int.self).first
        else { throw StoreError.unreadable("statistic_generation") }
        async let edges = reader.rows("""
            SELECT ancestor_id, descendant_id FROM organization_ancestry
            WHERE depth = 1 AND valid_from <= \(literal: d) AND valid_to > \(literal: d)
            """, as: (Int, Int).self)
        async let nodes = reader.rows("""
            SELECT descendant_id FROM organization_ancestry
            WHERE depth = 0 AND valid_from <= \(literal: d) AND valid_to > \(literal: d)
            """, as: Int.self)
        async let heads = reader.rows("""
            SELECT cell_id, COUNT(*) FROM membership_periods
            WHERE valid_from <= \(literal: d) AND valid_to > \(literal: d) GROUP BY cell_id
            """, as: (Int, Int).self)
        let kept: [Int] = try await reader.rows(
            "SELECT organization_id FROM statistic_snapshot_keys WHERE day = \(literal: d)", as: Int.self)
        let present = Set(kept)

        var children: [Int: [Int]] = [:]
        var hasParent = Set<Int>()
        for (parent, child) in try await edges {
            children[parent, default: []].append(child)
            hasParent.insert(child)
        }
        let own = Dictionary(try await heads, uniquingKeysWith: +)
        // The head count of every subtree of the day's tree, children before their parent.
        var total: [Int: Int] = [:]
        var order: [Int] = []
        for root in try await nodes where !hasParent.contains(root) {
            var stack: [(Int, Bool)] = [(root, false)]
            while let (node, expanded) = stack.popLast() {
                if expanded {
                    total[node] = (own[node] ?? 0) + (children[node] ?? []).reduce(0) { $0 + (total[$1] ?? 0) }
                    order.append(node)
                } else {
                    stack.append((node, true))
                    for child in children[node] ?? [] { stack.append((child, false)) }
                }
            }
        }
        let large = order.filter { total[$0, default: 0] >= snapshotMinimum }
        guard large.contains(where: { !present.contains($0) }) else { return 0 }

        var counts: [Int: [MemberCounts.Marginal: Int]] = [:]
        for node in large {
            try Task.checkCancellation()
            if present.contains(node), let kept = try await snapshotCounts(of: OrganizationID(node), at: day, on: day) {
                counts[node] = kept.filter { $0.value != 0 }
                continue
            }
            let small = (children[node] ?? []).filter { counts[$0] == nil && total[$0, default: 0] > 0 }
            var sum = try await marginals(of: small, on: day)
            for child in children[node] ?? [] {
                for (marginal, n) in counts[child] ?? [:] { sum[marginal, default: 0] += n }
            }
            if own[node, default: 0] > 0 {
                let mine = try await countedFromPeriods(
                    of: OrganizationID(node), on: day, unlessNearSnapshot: false, organizations: false, direct: true)
                for (marginal, n) in mine.marginals { sum[marginal, default: 0] += n }
            }
            counts[node] = sum
        }
        let fresh = large.filter { !present.contains($0) }.map { (OrganizationID($0), counts[$0] ?? [:]) }
        return await keepSnapshots(fresh, on: day, generation: generation)
    }

    /// The member counts of `roots`' subtrees as of `day` from their periods, added up: two statements at a time (a
    /// read connection per core on SQLite).
    private func marginals(of roots: [Int], on day: Day) async throws -> [MemberCounts.Marginal: Int] {
        try await withThrowingTaskGroup(of: [MemberCounts.Marginal: Int].self) { group in
            var sum: [MemberCounts.Marginal: Int] = [:]
            var next = roots.makeIterator()
            func add(_ root: Int?) {
                guard let root else { return }
                group.addTask {
                    try await self.countedFromPeriods(
                        of: OrganizationID(root), on: day, unlessNearSnapshot: false, organizations: false).marginals
                }
            }
            for _ in 0..<Self.keepingWidth { add(next.next()) }
            while let counted = try await group.next() {
                for (marginal, n) in counted { sum[marginal, default: 0] += n }
                add(next.next())
            }
            return sum
        }
    }

    /// Keeps the snapshots of `quarterEnds(asOf: today())` now and every `interval` until cancelled (`dangbo serve`,
    /// in the background: a quarter ends while a server runs). Logs how many were kept and how long it took, never
    /// an organization or a figure; a failure is logged and tried again at the next turn.
    public func keepQuarterEnds(asOf today: @escaping @Sendable () -> Day, every interval: Duration) async {
        let clock = ContinuousClock()
        while !Task.isCancelled {
            let started = clock.now
            do {
                let kept = try await keepSnapshots(on: Self.quarterEnds(asOf: today()))
                logger.info("statistics.quarter_ends.kept", metadata: [
                    "snapshots": "\(kept)", "milliseconds": "\(Int((clock.now - started) / .milliseconds(1)))"])
            } catch is CancellationError {
                return
            } catch {
                logger.notice("statistics.quarter_ends.failed", metadata: ["reason": "\(String(reflecting: type(of: error)))"])
            }
            try? await Task.sleep(for: interval)
        }
    }

    /// How many statements `keepSnapshots(on:)` asks side by side.
    static let keepingWidth = 2
}
