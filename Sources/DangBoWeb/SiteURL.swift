import DangBoCore
import Vapor

/// Every page and endpoint of the application: one type both registers the routes and builds the links, so that no
/// URL is typed twice (as SwiftPackageIndex-Server's `SiteURL`).
enum SiteURL: Equatable {
    case home
    case login
    case logout
    case organizations
    case members
    case member(MemberID)
    case organization(String)
    case review
    /// The records behind one figure of a review (query: to-chuc, tu, den, chi-tieu).
    case reviewRecords
    /// Biến động đảng viên: recent movements in scope and the forms that record them.
    case movements
    /// One membership event's own form (GET shows it, POST records it).
    case eventForm(MemberID, EventKind)
    /// A person who comes onto the rolls: admission or transfer in from outside the registry.
    case newMember
    /// Thành lập: a new organization under one in scope.
    case newOrganization
    /// Changes of one organization: rename, move, change of kind, dissolution, merger, split.
    case organizationChange(String)
    /// Upload a workbook or a zipped CSV folder and see what would be written.
    case importUpload
    /// Write a previewed upload.
    case importConfirm
    /// The audit log, for admins.
    case auditLog
    case stylesheet
    case health
    case apiReview

    /// The path as a link writes it.
    var path: String {
        "/" + components.map { component -> String in
            switch component {
            case .constant(let text): text
            case .parameter(let name):
                switch self {
                case .member(let id) where name == "member", .eventForm(let id, _) where name == "member": "\(id.rawValue)"
                case .eventForm(_, let kind) where name == "kind": kind.rawValue
                // NB: as written; `with(query:)` escapes it (codes are letters, digits and dots).
                case .organization(let code) where name == "code", .organizationChange(let code) where name == "code": code
                default: ":\(name)"
                }
            default: ""
            }
        }.joined(separator: "/")
    }

    /// The route's path components, parameters named as handlers read them.
    var components: [PathComponent] {
        switch self {
        case .home: []
        case .login: ["dang-nhap"]
        case .logout: ["dang-xuat"]
        case .organizations: ["to-chuc"]
        case .members: ["dang-vien"]
        case .member: ["dang-vien", ":member"]
        case .organization: ["to-chuc", ":code"]
        case .review: ["bao-cao", "so-ket"]
        case .reviewRecords: ["bao-cao", "so-ket", "danh-sach"]
        case .movements: ["bien-dong"]
        case .eventForm: ["dang-vien", ":member", "bien-dong", ":kind"]
        case .newMember: ["dang-vien", "moi"]
        case .newOrganization: ["to-chuc", "moi"]
        case .organizationChange: ["to-chuc", ":code", "thay-doi"]
        case .importUpload: ["nhap-du-lieu"]
        case .importConfirm: ["nhap-du-lieu", "xac-nhan"]
        case .auditLog: ["quan-tri", "nhat-ky"]
        case .stylesheet: ["static", "dangbo.css"]
        case .health: ["healthz"]
        case .apiReview: ["api", "v1", "review"]
        }
    }

    /// A link with a query string (values escaped).
    func with(query: [(String, String)]) -> String {
        var components = URLComponents()
        components.path = path
        components.queryItems = query.filter { !$0.1.isEmpty }.map { URLQueryItem(name: $0.0, value: $0.1) }
        return components.string ?? path
    }
}

extension RoutesBuilder {
    @discardableResult
    func get(_ url: SiteURL, use handler: @escaping @Sendable (Request) async throws -> Response) -> Route {
        on(.GET, url.components, use: handler)
    }

    @discardableResult
    func post(_ url: SiteURL, use handler: @escaping @Sendable (Request) async throws -> Response) -> Route {
        on(.POST, url.components, use: handler)
    }
}
