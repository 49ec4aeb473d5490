import DangBoCore

/// One figure of a `Review` that counts records: a member on the rolls, a step of a member across the scope's boundary,
/// an organization, a committee, an inspection or supervision case or its subjects. `Store.reviewRecords` lists the
/// records behind it, selected by the same SQL that counts them in `Store.review` (UX.md: every figure on a review is
/// a link to the list behind it).
///
/// Each figure has a stable ASCII slug, the `chi-tieu` of the review's record links; slugs never change once published.
public enum ReviewFigure: Hashable, Sendable {
    case members(Stock)
    case movement(Movement)
    case organizations(OrganizationFigure)
    /// `committees.consolidated`: organizations whose executive committee got a seat in the period.
    case consolidatedCommittees
    /// A count of `supervision` or `inspection` by mode and conductor.
    case oversight(OversightActivity, OversightMode, ConductorKind, OversightCount)

    /// `Review.members`: members on the rolls on `to` (`atStart`: on the day before `from`).
    public enum Stock: String, CaseIterable, Sendable {
        case total = "dang-vien"
        case official = "chinh-thuc"
        case probationary = "du-bi"
        case exempt = "mien-sinh-hoat"
        case atStart = "dau-ky"
    }

    /// `Review.movements`, each field, and the balance's inflow and outflow.
    public enum Movement: String, CaseIterable, Sendable {
        case admitted = "ket-nap"
        case readmitted = "ket-nap-lai"
        case restored = "phuc-hoi-dang-tich"
        case recognizedOfficial = "cong-nhan-chinh-thuc"
        case transferredIn = "chuyen-den"
        case transferredOut = "chuyen-di"
        case transfers = "chuyen-sinh-hoat"
        case movedInternally = "chuyen-noi-bo"
        case died = "tu-tran"
        case removed = "xoa-ten"
        case probationRemoved = "xoa-ten-du-bi"
        case expelled = "khai-tru"
        case withdrew = "ra-khoi-dang"
        case reorganizedIn = "sap-xep-den"
        case reorganizedOut = "sap-xep-di"
        /// `Movements.inflow`: every step into the scope.
        case inflow = "tang"
        /// `Movements.outflow`: every step out of the scope.
        case outflow = "giam"
    }

    /// `Review.organizations`.
    public enum OrganizationFigure: Hashable, Sendable {
        case grassroots
        case established
        case dissolved
        /// `byKind[kind]`: organizations of the subtree of that kind on `to`, the root included.
        case kind(OrganizationKind)

        public static var allCases: [OrganizationFigure] {
            [.grassroots, .established, .dissolved] + OrganizationKind.allCases.map(OrganizationFigure.kind)
        }

        public var slug: String {
            switch self {
            case .grassroots: "to-chuc-co-so"
            case .established: "thanh-lap"
            case .dissolved: "giai-the"
            case .kind(let kind): "loai-" + Self.slug(of: kind)
            }
        }

        static func slug(of kind: OrganizationKind) -> String {
            switch kind {
            case .upperCommittee: "cap-tren-co-so"
            case .grassrootsCommittee: "dang-bo-co-so"
            case .grassrootsCell: "chi-bo-co-so"
            case .partialCommittee: "dang-bo-bo-phan"
            case .subordinateCell: "chi-bo-truc-thuoc"
            }
        }
    }

    /// `Review.SubjectCounts`: the cases, or the distinct organizations or members they looked at.
    public enum OversightCount: String, CaseIterable, Sendable {
        case cases = "cuoc"
        case organizations = "to-chuc"
        case members = "dang-vien"
    }

    /// Every figure, in the order of the review.
    public static let allCases: [ReviewFigure] = {
        var all = Stock.allCases.map(ReviewFigure.members) + Movement.allCases.map(ReviewFigure.movement)
            + OrganizationFigure.allCases.map(ReviewFigure.organizations) + [.consolidatedCommittees]
        for activity in OversightActivity.allCases {
            for mode in OversightMode.allCases {
                for conductor in ConductorKind.allCases {
                    for count in OversightCount.allCases { all.append(.oversight(activity, mode, conductor, count)) }
                }
            }
        }
        return all
    }()

    private static let bySlug: [String: ReviewFigure] = Dictionary(uniqueKeysWithValues: allCases.map { ($0.slug, $0) })

    /// The figure of `slug` (nil when no figure has it).
    public init?(slug: String) {
        guard let figure = Self.bySlug[slug] else { return nil }
        self = figure
    }

    /// The `chi-tieu` of a link: ASCII letters, digits and hyphens.
    public var slug: String {
        switch self {
        case .members(let stock): stock.rawValue
        case .movement(let movement): movement.rawValue
        case .organizations(let figure): figure.slug
        case .consolidatedCommittees: "kien-toan-cap-uy"
        case .oversight(let activity, let mode, let conductor, let count):
            [activity == .supervision ? "giam-sat" : "kiem-tra", Self.slug(of: mode), Self.slug(of: conductor), count.rawValue]
                .joined(separator: "-")
        }
    }

    private static func slug(of mode: OversightMode) -> String {
        switch mode {
        case .regular: "thuong-xuyen"
        case .thematic: "chuyen-de"
        case .violationSigns: "dau-hieu-vi-pham"
        case .enforcement: "thi-hanh-ky-luat"
        case .finance: "tai-chinh-dang"
        }
    }

    private static func slug(of conductor: ConductorKind) -> String {
        switch conductor {
        case .committee: "cap-uy"
        case .inspectionCommission: "ubkt"
        case .cell: "chi-bo"
        }
    }

    /// The figure's value in `review`.
    public func value(in review: Review) -> Int {
        switch self {
        case .members(let stock):
            switch stock {
            case .total: review.members.total
            case .official: review.members.official
            case .probationary: review.members.probationary
            case .exempt: review.members.exempt
            case .atStart: review.members.atStart
            }
        case .movement(let movement):
            if let field = movement.field { review.movements[keyPath: field] }
            else if movement == .inflow { review.movements.inflow }
            else { review.movements.outflow }
        case .organizations(let figure):
            switch figure {
            case .grassroots: review.organizations.grassroots
            case .established: review.organizations.established
            case .dissolved: review.organizations.dissolved
            case .kind(let kind): review.organizations.byKind[kind.rawValue] ?? 0
            }
        case .consolidatedCommittees: review.committees.consolidated
        case .oversight(let activity, let mode, let conductor, let count):
            switch count {
            case .cases: review.oversight(activity, mode, conductor).cases
            case .organizations: review.oversight(activity, mode, conductor).organizations
            case .members: review.oversight(activity, mode, conductor).members
            }
        }
    }

    /// Whether the figure's records are members (else organizations, or cases for `.oversight(…, .cases)`).
    public var listsMembers: Bool {
        switch self {
        case .members, .movement, .oversight(_, _, _, .members): true
        default: false
        }
    }
}

extension ReviewFigure.Movement {
    /// The field of `Review.Movements` this figure is (nil for the sums `inflow` and `outflow`).
    public var field: WritableKeyPath<Review.Movements, Int>? {
        switch self {
        case .admitted: \.admitted
        case .readmitted: \.readmitted
        case .restored: \.restored
        case .recognizedOfficial: \.recognizedOfficial
        case .transferredIn: \.transferredIn
        case .transferredOut: \.transferredOut
        case .transfers: \.transfers
        case .movedInternally: \.movedInternally
        case .died: \.died
        case .removed: \.removed
        case .probationRemoved: \.probationRemoved
        case .expelled: \.expelled
        case .withdrew: \.withdrew
        case .reorganizedIn: \.reorganizedIn
        case .reorganizedOut: \.reorganizedOut
        case .inflow, .outflow: nil
        }
    }
}
