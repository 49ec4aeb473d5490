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
    /// The review as a party document, a DOCX draft to download (query: to-chuc, tu, den).
    case reviewDocument
    /// The review's tables as an XLSX workbook (query: to-chuc, tu, den).
    case reviewWorkbook
    /// Soạn thảo báo cáo: the narrative of a review and its issue (GET the form, POST it; query: to-chuc, tu, den).
    case reviewNarrative
    /// The review's draft document as print-ready HTML (query: to-chuc, tu, den).
    case reviewPrint
    /// The reports issued in the caller's scope.
    case issuedReviews
    /// One issued report: the document as frozen and its reconciliation.
    case issuedReview(Int)
    /// One issued report's DOCX.
    case issuedReviewDocument(Int)
    /// One issued report's PDF (where LibreOffice is installed).
    case issuedReviewPDF(Int)
    /// Cấp ủy: an organization's committees on a day — terms, seats, vacancies (query: to-chuc, ngay) — and the forms
    /// that record a term, a seat or a seat's end (POST).
    case committees
    /// Kiểm tra, giám sát: the period's figures and cases of an organization's conductors (query: to-chuc, tu, den); POST
    /// opens a case.
    case oversight
    /// A conductor's annual programme by quarter (query: to-chuc, chu-the, nam); POST adds an item or opens its case.
    case oversightProgramme
    /// One case: its steps, team, conclusion and follow-up tasks; POST records the next step or a task.
    case oversightCase(String)
    /// Kỷ luật: the disciplinary decisions of an organization's bodies over a period (query: to-chuc, tu, den), and the
    /// forms of a decision and an appeal (POST).
    case discipline
    /// Sinh hoạt chi bộ: the meetings and the compliance of an organization's cells over a period.
    case meetings
    /// The minutes of a meeting: the cell and day first, then the attendance of its roll (GET the form, POST it).
    case newMeeting
    /// Sửa biên bản: recorded minutes in their form, filled (query: bien-ban), posted back as a correction with its
    /// reason, or deleted when recorded by mistake.
    case meetingCorrection
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
    /// Another page of a previewed upload's new records (a form: the upload's token is never in an address).
    case importPreview
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
                case .issuedReview(let id) where name == "report", .issuedReviewDocument(let id) where name == "report",
                     .issuedReviewPDF(let id) where name == "report": "\(id)"
                case .eventForm(_, let kind) where name == "kind": kind.rawValue
                case .oversightCase(let reference) where name == "ref": reference
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
        case .reviewDocument: ["bao-cao", "so-ket", "van-ban"]
        case .reviewWorkbook: ["bao-cao", "so-ket", "bang-tinh"]
        case .reviewNarrative: ["bao-cao", "so-ket", "soan-thao"]
        case .reviewPrint: ["bao-cao", "so-ket", "ban-in"]
        case .issuedReviews: ["bao-cao", "da-ban-hanh"]
        case .issuedReview: ["bao-cao", "da-ban-hanh", ":report"]
        case .issuedReviewDocument: ["bao-cao", "da-ban-hanh", ":report", "van-ban"]
        case .issuedReviewPDF: ["bao-cao", "da-ban-hanh", ":report", "pdf"]
        case .movements: ["bien-dong"]
        case .meetings: ["sinh-hoat"]
        case .committees: ["cap-uy"]
        case .discipline: ["ky-luat"]
        case .oversight: ["kiem-tra-giam-sat"]
        case .oversightProgramme: ["kiem-tra-giam-sat", "chuong-trinh"]
        case .oversightCase: ["kiem-tra-giam-sat", "cuoc", ":ref"]
        case .newMeeting: ["sinh-hoat", "moi"]
        case .meetingCorrection: ["sinh-hoat", "sua"]
        case .eventForm: ["dang-vien", ":member", "bien-dong", ":kind"]
        case .newMember: ["dang-vien", "moi"]
        case .newOrganization: ["to-chuc", "moi"]
        case .organizationChange: ["to-chuc", ":code", "thay-doi"]
        case .importUpload: ["nhap-du-lieu"]
        case .importConfirm: ["nhap-du-lieu", "xac-nhan"]
        case .importPreview: ["nhap-du-lieu", "xem-truoc"]
        case .auditLog: ["quan-tri", "nhat-ky"]
        case .stylesheet: ["static", "dangbo.css"]
        case .health: ["healthz"]
        case .apiReview: ["api", "v1", "review"]
        }
    }

    /// A link with a query string: the pairs with a value, each name and value percent-encoded.
    ///
    /// NB: by hand, not `URLComponents`: it left `&`, `=` and `+` in a value as they were, so a search for "a&b"
    /// lost its second half on the next page; and it cost a list page a URL object per row.
    func with(query: [(String, String)]) -> String {
        let pairs = query.filter { !$0.1.isEmpty }.map { "\(Self.encoded($0.0))=\(Self.encoded($0.1))" }
        return pairs.isEmpty ? path : path + "?" + pairs.joined(separator: "&")
    }

    /// `text` with every byte but letters, digits and `-._~/:` percent-encoded (a day stays readable: 30/3/2021).
    static func encoded(_ text: String) -> String {
        func kept(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"), UInt8(ascii: ":"):
                true
            default: false
            }
        }
        guard !text.utf8.allSatisfy(kept) else { return text }
        let hex = Array("0123456789ABCDEF".utf8)
        var bytes: [UInt8] = []
        for byte in text.utf8 {
            if kept(byte) { bytes.append(byte) } else { bytes += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]] }
        }
        return String(decoding: bytes, as: UTF8.self)
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
