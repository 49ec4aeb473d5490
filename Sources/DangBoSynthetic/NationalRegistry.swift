import DangBoCore

/// A national registry generated unit by unit, so that memory stays flat: the Central root, the 63 provinces that
/// stood until 30/6/2025 and the 34 from 1/7/2025 (Nghị quyết 202/2025/QH15: 23 provinces formed from 52, 11
/// unchanged; the tree before that day still answers for earlier days), and under each province units of about 4,000
/// members (a bloc or a former district committee), each a `SyntheticRegistry` whose root stands under its province.
public struct NationalRegistry: Sendable {
    public struct Options: Sendable {
        public var seed: UInt64
        /// Members on the rolls at `through`, across the nation.
        public var members: Int
        public var from: Day
        public var through: Day
        /// Members on the rolls at the end in one unit.
        public var unitSize: Int
        /// Grassroots organizations of one unit (about 52,000 across 5.6 million members).
        public var grassrootsPerUnit: Int
        /// The share of grassroots committees among them and their subordinate cells (`SyntheticRegistry.Options`):
        /// with about 10 cells under each committee (a commune's, one per village), about 5.2 cells in all for each
        /// grassroots organization, as across the nation (about 270,000 under 52,000). NB: at `--members 200000
        /// --seed 1`, 10,085 cells for 1,935 grassroots organizations (5.21); a bloc's shape gave 4,722 (2.44).
        public var committeeShare: Double
        public var subordinateCells: ClosedRange<Int>
        /// Moves between cells a year per member on the rolls, for about 3.6 events per member on the rolls.
        /// NB: 3.62 at `--members 200000 --seed 1`; a bloc's rate (0.03) gave 3.38.
        public var moveRate: Double

        public init(seed: UInt64 = 1, members: Int, from: Day = Day(year: 2016, month: 1, day: 1)!,
                    through: Day = Day(year: 2026, month: 11, day: 26)!, unitSize: Int = 4_000, grassrootsPerUnit: Int = 37,
                    committeeShare: Double = 0.44, subordinateCells: ClosedRange<Int> = 5...15, moveRate: Double = 0.057) {
            self.seed = seed
            self.members = members
            self.from = from
            self.through = through
            self.unitSize = unitSize
            self.grassrootsPerUnit = grassrootsPerUnit
            self.committeeShare = committeeShare
            self.subordinateCells = subordinateCells
            self.moveRate = moveRate
        }
    }

    /// The day the 63 provinces became 34.
    public static let provinceMergerDay = Day(year: 2025, month: 7, day: 1)!

    /// A province: its CCCD code, its name, and the province it merged into on 1/7/2025 (nil: it went on).
    public struct Province: Sendable {
        public var code: String
        public var name: String
        public var mergedInto: String?
        /// The organization code of its party committee.
        public var organizationCode: String { "T\(code)" }
    }

    /// One unit: a generated registry whose root stands under its province.
    public struct Unit: Sendable {
        public var registry: SyntheticRegistry
        /// The organization code of the province the unit's root stands under until the merger day.
        public var provinceCode: String
        /// The province it stands under from the merger day (the same when the province went on).
        public var provinceCodeAfterMerger: String
        /// The unit's organizations, its root placed under the province(s): the provinces appear as ids that only
        /// `code(of:)` knows.
        public var organizations: [Organization]
        private var codes: [OrganizationID: String]

        init(registry: SyntheticRegistry, provinceCode: String, provinceCodeAfterMerger: String) {
            self.registry = registry
            self.provinceCode = provinceCode
            self.provinceCodeAfterMerger = provinceCodeAfterMerger
            let before = OrganizationID(-1), after = OrganizationID(-2)
            var organizations = registry.organizations
            if let index = organizations.firstIndex(where: { $0.versions[0].parent == nil }) {
                for position in organizations[index].versions.indices {
                    let version = organizations[index].versions[position]
                    organizations[index].versions[position].parent =
                        version.validity.start >= NationalRegistry.provinceMergerDay ? after : before
                }
                var tree = OrganizationTree([organizations[index]])
                let id = organizations[index].id
                if provinceCodeAfterMerger != provinceCode, tree[id]!.exists(on: NationalRegistry.provinceMergerDay) {
                    try? tree.apply(.move(id, parent: after), on: NationalRegistry.provinceMergerDay)
                }
                organizations[index] = tree[id]!
            }
            self.organizations = organizations
            var codes: [OrganizationID: String] = [before: provinceCode, after: provinceCodeAfterMerger]
            for organization in organizations { codes[organization.id] = organization.code }
            self.codes = codes
        }

        /// The code of any organization the unit refers to, its provinces included.
        public func code(of id: OrganizationID) -> String { codes[id] ?? "" }
    }

    public let options: Options

    public init(options: Options) { self.options = options }

    /// The Central committee (root): code "TW".
    public static let rootCode = "TW"

    /// The organizations above the units: the root and every province, with their versions.
    public func upperOrganizations() -> [(code: String, name: String, parentCode: String?, established: Day, dissolved: Day?)] {
        var rows: [(String, String, String?, Day, Day?)] = [(Self.rootCode, "Đảng Cộng sản Việt Nam", nil, options.from, nil)]
        for province in Self.provinces {
            rows.append((province.organizationCode, "Đảng bộ tỉnh \(province.name)", Self.rootCode, options.from,
                         province.mergedInto == nil ? nil : Self.provinceMergerDay))
        }
        return rows
    }

    /// Generates the units one after another and hands each to `body`; national IDs are unique across all of them.
    public func generate(_ body: (Unit) throws -> Void) rethrows {
        let weights = Self.provinces.map { Self.weight(of: $0.code) }
        let total = weights.reduce(0, +)
        var counters: [Int: Int] = [:]
        var unitNumber = 0
        for (index, province) in Self.provinces.enumerated() {
            let share = Int((Double(options.members) * weights[index] / total).rounded())
            let units = max(1, Int((Double(share) / Double(options.unitSize)).rounded()))
            for unit in 0..<units {
                unitNumber += 1
                let size = share / units + (unit < share % units ? 1 : 0)
                guard size > 0 else { continue }
                var registry = SyntheticRegistry(options: .init(
                    seed: options.seed &* 1_000_003 &+ UInt64(unitNumber),
                    grassroots: max(1, options.grassrootsPerUnit * size / options.unitSize), members: size,
                    from: options.from, through: options.through,
                    rootCode: "\(province.organizationCode).H\(Self.pad(unit + 1, 3))",
                    rootName: "Đảng bộ huyện \(unit + 1), tỉnh \(province.name)", meetingYears: 0,
                    committeeShare: options.committeeShare, subordinateCells: options.subordinateCells,
                    moveRate: options.moveRate))
                for position in registry.members.indices {
                    // NB: units draw IDs on their own; keep the province, century, gender and year digits and number
                    // the last six per prefix, so that every ID is unique in the nation.
                    let id = registry.members[position].nationalID
                    let prefix = Int(id.prefix(6))!
                    let next = counters[prefix, default: 0]
                    counters[prefix] = next + 1
                    registry.members[position].nationalID = Self.pad(prefix * 1_000_000 + next, 12)
                }
                try body(Unit(registry: registry, provinceCode: province.organizationCode,
                              provinceCodeAfterMerger: "T\(province.mergedInto ?? province.code)"))
            }
        }
    }

    private static func weight(of code: String) -> Double {
        switch code {
        case "001", "079": 6
        case "038", "040": 3
        default: 1.4
        }
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// The 63 provinces by their CCCD codes, and the 34 they became on 1/7/2025.
    public static let provinces: [Province] = {
        let names: [(String, String)] = [
            ("001", "Hà Nội"), ("002", "Hà Giang"), ("004", "Cao Bằng"), ("006", "Bắc Kạn"), ("008", "Tuyên Quang"),
            ("010", "Lào Cai"), ("011", "Điện Biên"), ("012", "Lai Châu"), ("014", "Sơn La"), ("015", "Yên Bái"),
            ("017", "Hòa Bình"), ("019", "Thái Nguyên"), ("020", "Lạng Sơn"), ("022", "Quảng Ninh"), ("024", "Bắc Giang"),
            ("025", "Phú Thọ"), ("026", "Vĩnh Phúc"), ("027", "Bắc Ninh"), ("030", "Hải Dương"), ("031", "Hải Phòng"),
            ("033", "Hưng Yên"), ("034", "Thái Bình"), ("035", "Hà Nam"), ("036", "Nam Định"), ("037", "Ninh Bình"),
            ("038", "Thanh Hóa"), ("040", "Nghệ An"), ("042", "Hà Tĩnh"), ("044", "Quảng Bình"), ("045", "Quảng Trị"),
            ("046", "Thừa Thiên Huế"), ("048", "Đà Nẵng"), ("049", "Quảng Nam"), ("051", "Quảng Ngãi"), ("052", "Bình Định"),
            ("054", "Phú Yên"), ("056", "Khánh Hòa"), ("058", "Ninh Thuận"), ("060", "Bình Thuận"), ("062", "Kon Tum"),
            ("064", "Gia Lai"), ("066", "Đắk Lắk"), ("067", "Đắk Nông"), ("068", "Lâm Đồng"), ("070", "Bình Phước"),
            ("072", "Tây Ninh"), ("074", "Bình Dương"), ("075", "Đồng Nai"), ("077", "Bà Rịa - Vũng Tàu"),
            ("079", "Thành phố Hồ Chí Minh"), ("080", "Long An"), ("082", "Tiền Giang"), ("083", "Bến Tre"),
            ("084", "Trà Vinh"), ("086", "Vĩnh Long"), ("087", "Đồng Tháp"), ("089", "An Giang"), ("091", "Kiên Giang"),
            ("092", "Cần Thơ"), ("093", "Hậu Giang"), ("094", "Sóc Trăng"), ("095", "Bạc Liêu"), ("096", "Cà Mau"),
        ]
        // The province that went on first, then those merged into it (NQ 202/2025/QH15).
        let mergers: [[String]] = [
            ["008", "002"], ["010", "015"], ["019", "006"], ["025", "026", "017"], ["027", "024"], ["033", "034"],
            ["031", "030"], ["037", "035", "036"], ["045", "044"], ["048", "049"], ["051", "062"], ["064", "052"],
            ["056", "058"], ["068", "067", "060"], ["066", "054"], ["079", "074", "077"], ["075", "070"], ["072", "080"],
            ["092", "094", "093"], ["086", "083", "084"], ["087", "082"], ["096", "095"], ["089", "091"],
        ]
        var into: [String: String] = [:]
        for group in mergers { for code in group.dropFirst() { into[code] = group[0] } }
        return names.map { Province(code: $0.0, name: $0.1, mergedInto: into[$0.0]) }
    }()
}
