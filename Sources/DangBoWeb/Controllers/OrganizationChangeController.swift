import DangBoCore
import DangBoStore
import Plot
import Vapor

/// Thành lập and every later change of an organization (issue 9 point 3: "forms for … every change of the tree"): one
/// form per change, in the order staff meet them, each with its effective day and its decision. The store checks
/// Core's rules and the caller's scope inside the write lock; a refusal comes back on the field at fault with status
/// 422 and nothing written. Only the organization department (and admins) change the tree, within their grants.
struct OrganizationChangeController {
    let store: Store
    let today: @Sendable () -> Day

    func register(_ routes: any RoutesBuilder) {
        routes.get(.newOrganization, use: showNew)
        routes.post(.newOrganization, use: establish)
        routes.get(.organizationChange(""), use: showChanges)
        routes.post(.organizationChange(""), use: change)
    }

    /// The roles that change the tree (cell secretaries, inspection staff and viewers do not: 403).
    static let writers: Set<Role> = [.admin, .organizationStaff]

    /// The organizations the caller may change: the subtrees of its grants of a writing role (empty: none).
    static func changeScope(of caller: Caller) -> Scope {
        caller.account.disabled ? Scope(roots: []) : Scope(roots: caller.account.grants.filter { writers.contains($0.role) }.map(\.organization))
    }

    /// The links of an organization's page to these forms, for callers who may change it (nothing for the others).
    static func links(for organization: OrganizationSummary, context: PageContext) -> Node<HTML.BodyContext> {
        .if(!changeScope(of: context.caller).roots.isEmpty, .p(
            .a(.href(SiteURL.organizationChange(organization.code).with(query: [("ngay", VietnameseFormat.day(context.asOf))])),
               .text("Thay đổi tổ chức")),
            .if(!organization.kind.isCell, .group(
                .text(" · "),
                .a(.href(SiteURL.newOrganization.with(query: [("cap-tren", organization.code)])), .text("Thành lập tổ chức trực thuộc"))))))
    }

    /// The page's context and the caller's change scope, or 403 for a caller who may not change the tree.
    private func writer(_ request: Request) async throws -> (PageContext, Scope) {
        let context = try await PageContext.of(request, store: store, today: today())
        let scope = Self.changeScope(of: context.caller)
        guard !scope.roots.isEmpty else {
            throw Abort(.forbidden, reason: "Chỉ cán bộ Ban Tổ chức và quản trị viên được thành lập hoặc thay đổi tổ chức đảng.")
        }
        return (context, scope)
    }

    // MARK: Thành lập

    @Sendable func showNew(_ request: Request) async throws -> Response {
        let (context, scope) = try await writer(request)
        var form = TreeChangeForm()
        if let code = request.query[String.self, at: "cap-tren"], !code.isEmpty {
            // NB: a parent outside the scope is answered as unknown, never named.
            guard let parent = try await store.organization(code: code, on: context.asOf),
                  try await store.covers(scope, parent.id, on: context.asOf) else {
                throw Abort(.notFound, reason: "Không có tổ chức đảng mã \(code) trong phạm vi tài khoản của bạn vào ngày \(VietnameseFormat.day(context.asOf)).")
            }
            form.values["cap-tren"] = parent.code
            form.values["loai"] = Self.likelyChildKind(of: parent.kind)?.rawValue
        }
        return Response.html(NewOrganizationPage(context: context, form: form).render())
    }

    @Sendable func establish(_ request: Request) async throws -> Response {
        let (context, scope) = try await writer(request)
        var form = try TreeChangeForm(request)
        let day = form.day("ngay-thanh-lap")
        let decision = form.decision()
        let code = form["ma"], name = form["ten"]
        if code.isEmpty { form.fail("ma", "Hãy nhập mã tổ chức.") }
        if name.isEmpty { form.fail("ten", "Hãy nhập tên tổ chức.") }
        let kind = OrganizationKind(rawValue: form["loai"])
        if kind == nil { form.fail("loai", "Hãy chọn loại tổ chức.") }
        var parent: OrganizationID?
        if form["cap-tren"].isEmpty {
            form.fail("cap-tren", "Hãy nhập mã tổ chức cấp trên.")
        } else if let day {
            parent = try await form.organization("cap-tren", on: day, store: store)?.id
        }
        if form.errors.isEmpty, let day, let kind, let parent {
            do {
                try await store.changeTree(.establish(id: OrganizationID(-1), code: code, name: name, kind: kind, parent: parent),
                                           on: day, in: scope, actor: "account#\(context.caller.account.id)", decision: decision)
                request.logger.info("organization.established", metadata: ["account": "\(context.caller.account.id)"])
                return request.redirect(to: SiteURL.organization(code).with(query: [("ngay", VietnameseFormat.day(day))]),
                                        redirectType: .normal)
            } catch let refusal as TreeChangeRefusal {
                form.fail(TreeChangeForm.field(of: refusal.field, in: nil), refusal.message)
            }
        }
        return Response.html(NewOrganizationPage(context: context, form: form).render(), status: .unprocessableEntity)
    }

    /// The kind a new organization under `parent` most often has.
    static func likelyChildKind(of parent: OrganizationKind) -> OrganizationKind? {
        switch parent {
        case .upperCommittee: .grassrootsCommittee
        case .grassrootsCommittee, .partialCommittee: .subordinateCell
        case .grassrootsCell, .subordinateCell: nil
        }
    }

    // MARK: Thay đổi

    @Sendable func showChanges(_ request: Request) async throws -> Response {
        let (context, scope) = try await writer(request)
        let page = try await changePage(request, context: context, scope: scope, form: TreeChangeForm())
        return Response.html(page.render())
    }

    @Sendable func change(_ request: Request) async throws -> Response {
        let (context, scope) = try await writer(request)
        var form = try TreeChangeForm(request)
        var page = try await changePage(request, context: context, scope: scope, form: form)
        let organization = page.organization
        let kind = TreeChangeForm.Kind(rawValue: form["thay-doi"])
        guard let kind else { throw Abort(.badRequest, reason: "Biểu mẫu không nói thay đổi nào; hãy tải lại trang rồi gửi lại.") }
        let day = form.day("ngay-hieu-luc")
        let decision = form.decision()
        var changes: [OrganizationChange] = []
        switch kind {
        case .rename:
            if form["ten"].isEmpty { form.fail("ten", "Hãy nhập tên mới của tổ chức.") }
            changes = [.rename(organization.id, name: form["ten"])]
        case .move:
            if form["cap-tren"].isEmpty { form.fail("cap-tren", "Hãy nhập mã tổ chức cấp trên mới.") }
            if let day, !form["cap-tren"].isEmpty, let parent = try await form.organization("cap-tren", on: day, store: store) {
                changes = [.move(organization.id, parent: parent.id)]
            }
        case .changeKind:
            if let kind = OrganizationKind(rawValue: form["loai"]) {
                changes = [.changeKind(organization.id, kind: kind)]
            } else {
                form.fail("loai", "Hãy chọn loại hình mới.")
            }
        case .merge:
            var codes = form.values.keys.filter { $0.hasPrefix("sap-nhap-") && !form[$0].isEmpty }.map { String($0.dropFirst("sap-nhap-".count)) }
            codes += form["ma-khac"].split(whereSeparator: { $0 == "," || $0 == ";" || $0.isWhitespace }).map(String.init)
            var absorbed: [OrganizationID] = []
            if let day {
                for code in codes.sorted() where !code.isEmpty {
                    if let found = try await form.organization(code, on: day, field: "sap-nhap", store: store), !absorbed.contains(found.id) {
                        absorbed.append(found.id)
                    }
                }
            }
            if codes.isEmpty { form.fail("sap-nhap", "Hãy chọn ít nhất một tổ chức được sáp nhập vào \(organization.code).") }
            changes = [.merge(absorbed: absorbed, into: organization.id)]
        case .split:
            changes = try await splitChanges(&form, organization: organization, day: day, scope: scope)
        case .dissolve:
            changes = [.dissolve(organization.id)]
        }
        if form.errors.isEmpty, let day {
            do {
                try await store.changeTree(changes, on: day, in: scope, actor: "account#\(context.caller.account.id)", decision: decision)
                request.logger.info("organization.changed", metadata: ["organization": "\(organization.id.rawValue)", "change": "\(kind.rawValue)"])
                // NB: an organization that ends on the day is shown as it stood the day before.
                let shown = kind == .dissolve || kind == .split ? day.previous : day
                return request.redirect(to: SiteURL.organization(organization.code).with(query: [("ngay", VietnameseFormat.day(shown))]),
                                        redirectType: .normal)
            } catch let refusal as TreeChangeRefusal {
                form.fail(TreeChangeForm.field(of: refusal.field, in: kind), refusal.message)
            }
        }
        page.form = form
        return Response.html(page.render(), status: .unprocessableEntity)
    }

    /// A split into the new organizations of the form (code and name of each, of the kind and under the parent of the
    /// organization split), each child assigned to one of them (`giao-<code>`: the new organization's number).
    private func splitChanges(
        _ form: inout TreeChangeForm, organization: OrganizationSummary, day: Day?, scope: Scope
    ) async throws -> [OrganizationChange] {
        guard let day else { return [] }
        let current = try await store.organization(organization.id, on: day.previous) ?? organization
        var changes: [OrganizationChange] = []
        var parts: [Int: OrganizationID] = [:]
        for number in TreeChangeForm.partNumbers {
            let code = form["ma-moi-\(number)"], name = form["ten-moi-\(number)"]
            if code.isEmpty && name.isEmpty { continue }
            guard !code.isEmpty, !name.isEmpty else {
                form.fail("to-chuc-moi", "Tổ chức mới thứ \(number) cần cả mã và tên.")
                continue
            }
            let id = OrganizationID(-number)
            parts[number] = id
            changes.append(.establish(id: id, code: code, name: name, kind: current.kind, parent: current.parent))
        }
        if parts.count < 2 { form.fail("to-chuc-moi", "Chia tách cần ít nhất hai tổ chức mới, mỗi tổ chức có mã và tên.") }
        var assignments: [OrganizationID: OrganizationID] = [:]
        for child in try await store.children(of: organization.id, in: scope, on: day.previous) {
            if let number = Int(form["giao-\(child.code)"]), let part = parts[number] { assignments[child.id] = part }
        }
        return changes + [.split(organization.id, into: TreeChangeForm.partNumbers.compactMap { parts[$0] }, assignments: assignments)]
    }

    /// The change page of the organization named in the path, as it stands on the page's day, within `scope` (404
    /// outside it), with its parent, the organizations beside it and those under it.
    private func changePage(_ request: Request, context: PageContext, scope: Scope, form: TreeChangeForm) async throws -> OrganizationChangePage {
        let code = request.parameters.get("code") ?? ""
        guard let organization = try await store.organization(code: code, on: context.asOf),
              try await store.covers(scope, organization.id, on: context.asOf) else {
            throw Abort(.notFound, reason: "Không có tổ chức đảng mã \(code) trong phạm vi thay đổi của tài khoản của bạn vào ngày \(VietnameseFormat.day(context.asOf)).")
        }
        var parent: OrganizationSummary?
        var siblings: [OrganizationSummary] = []
        // NB: a parent outside the scope is not named (as on the organization page).
        if let up = organization.parent, try await store.covers(scope, up, on: context.asOf) {
            parent = try await store.organization(up, on: context.asOf)
            siblings = try await store.children(of: up, in: scope, on: context.asOf).filter { $0.id != organization.id }
        }
        return OrganizationChangePage(
            context: context, organization: organization, parent: parent, siblings: siblings,
            children: try await store.children(of: organization.id, in: scope, on: context.asOf), form: form)
    }
}
