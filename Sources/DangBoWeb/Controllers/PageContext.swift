import DangBoCore
import DangBoStore
import Vapor

/// What every signed-in page needs besides its own figures: the caller, the day its figures follow, and the top bar.
struct PageContext {
    var caller: Caller
    var asOf: Day
    var topBar: Layout.TopBar

    /// The context of `request`, or a redirect to the login page. `asOf` is the `ngay` query (dd/MM/yyyy or
    /// YYYY-MM-DD), else today.
    static func of(_ request: Request, store: Store, today: Day) async throws -> PageContext {
        let caller = try request.requireCaller()
        let asOf = request.query[String.self, at: "ngay"].flatMap(Day.init(parsing:)) ?? today
        var names: [String] = []
        for root in caller.scope.roots {
            if let organization = try await store.organization(root, on: asOf) { names.append(organization.name) }
        }
        return PageContext(caller: caller, asOf: asOf, topBar: Layout.TopBar(
            login: caller.account.login, role: caller.role, scopeNames: names, asOf: asOf, csrfToken: request.csrfToken))
    }
}

extension PageContext {
    /// The organization `code` names, in the caller's scope on `day` (404 otherwise); without a code, the first root of
    /// the caller's scope that exists that day.
    func organization(_ code: String?, on day: Day, store: Store) async throws -> OrganizationSummary {
        let code = VietnameseText.normalized(code ?? "")
        if code.isEmpty {
            for root in caller.scope.roots {
                if let found = try await store.organization(root, on: day) { return found }
            }
        } else if let found = try await store.organization(code: code, on: day, in: caller.scope) {
            return found
        }
        throw Abort(.notFound, reason: "Không có tổ chức đảng mã \(code) trong phạm vi tài khoản của bạn vào ngày \(VietnameseFormat.day(day)).")
    }
}
