/// The dated tree of organizations: every organization with all its versions.
///
/// Answers "where did X stand on day D" by walking parents (Core's oracle), and produces the materialized
/// ancestry (`AncestryLink`) that the store indexes for subtree queries.
public struct OrganizationTree: Sendable {
    public private(set) var organizations: [OrganizationID: Organization] = [:]
    public private(set) var idsByCode: [String: OrganizationID] = [:]

    public init() {}

    public init(_ organizations: some Sequence<Organization>) {
        for organization in organizations { insert(organization) }
    }

    /// Adds or replaces an organization (no checks; `violations()` checks the whole tree).
    public mutating func insert(_ organization: Organization) {
        organizations[organization.id] = organization
        idsByCode[organization.code] = organization.id
    }

    public subscript(id: OrganizationID) -> Organization? { organizations[id] }

    public func organization(code: String) -> Organization? { idsByCode[code].flatMap { organizations[$0] } }

    public func version(of id: OrganizationID, on day: Day) -> OrganizationVersion? {
        organizations[id]?.version(on: day)
    }

    /// Whether `id` is `root` or lies below it on `day` (both must exist that day).
    public func isWithin(_ id: OrganizationID, root: OrganizationID, on day: Day) -> Bool {
        var current: OrganizationID? = id
        var steps = 0
        while let node = current, steps <= organizations.count {
            guard let version = version(of: node, on: day) else { return false }
            if node == root { return true }
            current = version.parent
            steps += 1
        }
        return false
    }

    /// `id` and the organizations above it on `day`, nearest first (empty when `id` does not exist that day).
    public func ancestors(of id: OrganizationID, on day: Day) -> [OrganizationID] {
        var chain: [OrganizationID] = []
        var current: OrganizationID? = id
        while let node = current, chain.count <= organizations.count, let version = version(of: node, on: day) {
            chain.append(node)
            current = version.parent
        }
        return chain
    }

    /// The organizations that are `root` or below it on `day`.
    public func subtree(of root: OrganizationID, on day: Day) -> [OrganizationID] {
        organizations.keys.filter { isWithin($0, root: root, on: day) }.sorted()
    }

    /// Every day on which some version starts or ends: the only days on which a subtree can change.
    public var changeDays: Set<Day> {
        var days = Set<Day>()
        for organization in organizations.values {
            for version in organization.versions {
                days.insert(version.validity.start)
                if let end = version.validity.end { days.insert(end) }
            }
        }
        return days
    }

    /// The structural rules of a tree: versions ordered without gaps or overlaps, a parent that exists for the
    /// whole of each version and is of a kind that may hold it, no cycles.
    public func violations() -> [TreeViolation] {
        var found: [TreeViolation] = []
        for organization in organizations.values.sorted(by: { $0.id < $1.id }) {
            guard !organization.versions.isEmpty else {
                found.append(TreeViolation(organization: organization.id, code: organization.code, day: nil, reason: .noVersion))
                continue
            }
            for (previous, next) in zip(organization.versions, organization.versions.dropFirst())
            where previous.validity.end != next.validity.start {
                found.append(TreeViolation(organization: organization.id, code: organization.code,
                                           day: next.validity.start, reason: .versionsNotContiguous))
            }
            for version in organization.versions {
                guard let parentID = version.parent else {
                    if !version.kind.mayStand(under: nil) {
                        found.append(TreeViolation(organization: organization.id, code: organization.code,
                                                   day: version.validity.start, reason: .needsParent(version.kind)))
                    }
                    continue
                }
                guard let parent = organizations[parentID] else {
                    found.append(TreeViolation(organization: organization.id, code: organization.code,
                                               day: version.validity.start, reason: .unknownParent))
                    continue
                }
                if let gap = firstDayUncovered(version.validity, by: parent) {
                    found.append(TreeViolation(organization: organization.id, code: organization.code, day: gap,
                                               reason: .parentMissing(parent.code)))
                    continue
                }
                for parentVersion in parent.versions where parentVersion.validity.overlaps(version.validity) {
                    if !version.kind.mayStand(under: parentVersion.kind) {
                        found.append(TreeViolation(
                            organization: organization.id, code: organization.code,
                            day: max(version.validity.start, parentVersion.validity.start),
                            reason: .kindNotAllowed(version.kind, parent: parentVersion.kind, parentCode: parent.code)))
                        break
                    }
                }
            }
        }
        if found.isEmpty {
            for id in organizations.keys.sorted() {
                if let day = firstDayInCycle(id) {
                    found.append(TreeViolation(organization: id, code: organizations[id]!.code, day: day, reason: .cycle))
                }
            }
        }
        return found
    }

    private func firstDayUncovered(_ range: DayRange, by parent: Organization) -> Day? {
        var cursor = range.start
        for version in parent.versions where version.validity.end.map({ $0 > cursor }) ?? true {
            if version.validity.start > cursor { return cursor }
            guard let end = version.validity.end else { return nil }
            cursor = end
            if let rangeEnd = range.end, cursor >= rangeEnd { return nil }
        }
        if let rangeEnd = range.end, cursor >= rangeEnd { return nil }
        return cursor
    }

    private func firstDayInCycle(_ id: OrganizationID) -> Day? {
        guard let organization = organizations[id] else { return nil }
        for version in organization.versions {
            let day = version.validity.start
            var seen: Set<OrganizationID> = [id]
            var current = version.parent
            while let node = current {
                if !seen.insert(node).inserted { return day }
                current = self.version(of: node, on: day)?.parent
            }
        }
        return nil
    }

    /// The materialized ancestry: for every organization and every ancestor (itself included, depth 0), the maximal
    /// ranges of days during which it lies below that ancestor. Ranges of one pair never touch or overlap, so a range
    /// that ends on day D means "no longer below it from D on".
    public func ancestry() -> [AncestryLink] {
        var memo: [OrganizationID: [ChainSegment]] = [:]
        var links: [AncestryLink] = []
        for id in organizations.keys.sorted() {
            var byAncestor: [OrganizationID: [(DayRange, Int)]] = [:]
            for segment in chainSegments(of: id, memo: &memo) {
                for (depth, ancestor) in segment.chain.enumerated() {
                    byAncestor[ancestor, default: []].append((segment.range, depth))
                }
            }
            for ancestor in byAncestor.keys.sorted() {
                let ranges = byAncestor[ancestor]!.sorted { $0.0.start < $1.0.start }
                var current = ranges[0]
                for next in ranges.dropFirst() {
                    if current.0.end == next.0.start && current.1 == next.1 {
                        current.0 = DayRange(start: current.0.start, end: next.0.end)
                    } else {
                        links.append(AncestryLink(ancestor: ancestor, descendant: id, depth: current.1, validity: current.0))
                        current = next
                    }
                }
                links.append(AncestryLink(ancestor: ancestor, descendant: id, depth: current.1, validity: current.0))
            }
        }
        return links
    }

    private struct ChainSegment {
        var range: DayRange
        /// The organization itself first, then its parent, up to the root.
        var chain: [OrganizationID]
    }

    private func chainSegments(of id: OrganizationID, memo: inout [OrganizationID: [ChainSegment]]) -> [ChainSegment] {
        if let known = memo[id] { return known }
        memo[id] = []  // NB: breaks cycles; a tree with cycles is refused by `violations()` before this is used.
        var segments: [ChainSegment] = []
        for version in organizations[id]?.versions ?? [] {
            guard let parent = version.parent else {
                segments.append(ChainSegment(range: version.validity, chain: [id]))
                continue
            }
            for parentSegment in chainSegments(of: parent, memo: &memo) {
                guard let range = parentSegment.range.intersection(version.validity) else { continue }
                segments.append(ChainSegment(range: range, chain: [id] + parentSegment.chain))
            }
        }
        memo[id] = segments
        return segments
    }
}

/// "`descendant` lies below `ancestor` (at `depth` steps; 0 = itself) during `validity`."
public struct AncestryLink: Hashable, Sendable {
    public var ancestor: OrganizationID
    public var descendant: OrganizationID
    public var depth: Int
    public var validity: DayRange

    public init(ancestor: OrganizationID, descendant: OrganizationID, depth: Int, validity: DayRange) {
        self.ancestor = ancestor
        self.descendant = descendant
        self.depth = depth
        self.validity = validity
    }
}

extension DayRange {
    /// The days in both ranges, nil when they share none.
    public func intersection(_ other: DayRange) -> DayRange? {
        let start = Swift.max(self.start, other.start)
        let end: Day? = switch (self.end, other.end) {
        case let (a?, b?): Swift.min(a, b)
        case let (a?, nil): a
        case let (nil, b?): b
        case (nil, nil): nil
        }
        if let end, end <= start { return nil }
        return DayRange(start: start, end: end)
    }
}

/// A broken rule of the organization tree, with the Vietnamese message a user reads.
public struct TreeViolation: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Reason: Hashable, Sendable {
        case noVersion
        case versionsNotContiguous
        case unknownParent
        case parentMissing(String)
        case needsParent(OrganizationKind)
        case kindNotAllowed(OrganizationKind, parent: OrganizationKind, parentCode: String)
        case cycle
    }

    public var organization: OrganizationID
    public var code: String
    public var day: Day?
    public var reason: Reason

    public var message: String {
        let on = day.map { " (ngày \(VietnameseFormat.day($0)))" } ?? ""
        switch reason {
        case .noVersion:
            return "Tổ chức \(code) không có thông tin nào."
        case .versionsNotContiguous:
            return "Các giai đoạn của tổ chức \(code) phải nối tiếp nhau, không chồng lấn hay gián đoạn\(on)."
        case .unknownParent:
            return "Tổ chức cấp trên của \(code) không có trong danh sách."
        case .parentMissing(let parentCode):
            return "Tổ chức cấp trên \(parentCode) của \(code) không tồn tại\(on)."
        case .needsParent(let kind):
            return "\(kind.vietnamese) \(code) phải trực thuộc một tổ chức cấp trên."
        case .kindNotAllowed(let kind, let parentKind, let parentCode):
            return "\(kind.vietnamese) \(code) không thể trực thuộc \(parentKind.vietnamese.lowercasedFirst) \(parentCode)\(on)."
        case .cycle:
            return "Tổ chức \(code) nằm trong một vòng lặp cấp trên\(on)."
        }
    }

    public var description: String { message }
}

extension String {
    /// The text with its first letter in lower case ("Đảng bộ cơ sở" → "đảng bộ cơ sở").
    var lowercasedFirst: String { prefix(1).lowercased() + dropFirst() }
}
