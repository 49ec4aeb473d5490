import Foundation

/// The rules a change of the organization tree must keep before it is written (issue 9 point 3). Pure: the store
/// passes the part of the tree it loaded and the facts it fetched, and asks the caller's scope itself.
extension OrganizationChange {
    /// The first rule `self`, effective on `day`, breaks in `tree`, or nil.
    ///
    /// `tree` holds at least the organizations the change names, the children of those it revises and their
    /// ancestors; `established` the organizations established by the same list of changes, with their codes (a split's
    /// new parts); `codesInUse` the codes of the organizations established here that are already taken (by any
    /// organization, dissolved or not); `membersOnRolls` the number of members on the rolls of a cell on `day` or later.
    ///
    /// Rules, in the order they are checked:
    /// - a revised organization changes only on or after the first day of its current version, not before its
    ///   establishment, not on or after its dissolution; a dissolution, merger or split only strictly after the first day
    ///   of the current version (history is never rewritten: DESIGN §1.2; the tree changes "with history": RULES §0);
    /// - an organization established needs a code not used before, a name and a parent existing on `day`;
    /// - a rename needs a new name, a move a new parent existing on `day`, a change of kind a new kind;
    /// - a cell with members on its rolls does not become a committee, is not dissolved or split: members belong to
    ///   cells only (DESIGN §3 "Organizations"); an organization with children on `day` or later is not dissolved;
    /// - a merger absorbs at least one organization, never its target, each once, into a target existing on `day`;
    /// - a split names its new parts, each existing on `day` or established by the same list.
    public func violation(
        in tree: OrganizationTree, on day: Day, established: [OrganizationID: String] = [:], codesInUse: Set<String> = [],
        membersOnRolls: (OrganizationID) -> Int
    ) -> OrganizationChangeViolation? {
        do {
            try check(in: tree, on: day, established: established, codesInUse: codesInUse, membersOnRolls: membersOnRolls)
            return nil
        } catch {
            return error
        }
    }

    /// Checks `changes` (all effective on `day`, in order) against the rules of `violation(in:on:…)`, each against
    /// `tree` as it was before any of them, applies them with Core's tree, and checks what they leave: the structural
    /// rules of the tree (`OrganizationTree.violations()`) for every organization changed and every child of one
    /// revised, and that a merged cell with members on its rolls goes into a cell (its members follow it by a `moved`
    /// event: members belong to cells only, DESIGN §3). Returns the tree with the changes applied.
    ///
    /// The ids of the organizations established (`.establish`) must not be in `tree`; later changes may name them.
    /// `codesInUse` and `membersOnRolls` are as for `violation(in:on:…)`; two establishments in the list with one code
    /// are refused as a code already used.
    public static func applying(
        _ changes: [OrganizationChange], to tree: OrganizationTree, on day: Day, codesInUse: Set<String> = [],
        membersOnRolls: (OrganizationID) -> Int
    ) throws(OrganizationChangeViolation) -> OrganizationTree {
        guard let main = changes.last else { throw OrganizationChangeViolation(.organization, "Không có thay đổi nào để ghi.") }
        var established: [OrganizationID: String] = [:]
        for case let .establish(id, code, _, _, _) in changes where established[id] == nil { established[id] = code }
        func code(_ id: OrganizationID) -> String { tree[id]?.code ?? established[id] ?? "\(id.rawValue)" }

        // Each change against the tree as it was.
        var newCodes = Set<String>()
        for change in changes {
            try change.check(in: tree, on: day, established: established, codesInUse: codesInUse.union(newCodes),
                             membersOnRolls: membersOnRolls)
            if case let .establish(_, code, _, _, _) = change { newCodes.insert(code) }
        }

        // Core applies the changes and checks the structural rules where they changed something.
        var after = tree
        for change in changes {
            do {
                try after.apply(change, on: day)
            } catch {
                let field: OrganizationChangeViolation.Field = if case .split(let source, _, _) = change, error.organization != source {
                    .assignments
                } else {
                    .effective
                }
                throw OrganizationChangeViolation(field, error.message)
            }
        }
        let revised = Set(changes.flatMap(\.revisedOrganizations)).subtracting(established.keys)
        let children = tree.organizations.values.filter { organization in
            organization.versions.contains { version in
                version.parent.map(revised.contains) == true && (version.validity.end.map { $0 > day.previous } ?? true)
            }
        }.map(\.id)
        let watched = Set(after.organizations.values.filter { tree[$0.id] != $0 }.map(\.id)).union(children)
        if let violation = after.violations().first(where: { watched.contains($0.organization) }) {
            throw OrganizationChangeViolation(field(of: violation, in: main), violation.message)
        }

        // The members of a merged cell follow it: the target must be a cell.
        for case let .merge(absorbed, into) in changes {
            for cell in absorbed where tree.version(of: cell, on: day)?.kind.isCell == true {
                let left = membersOnRolls(cell)
                guard left > 0 else { continue }
                guard after.version(of: into, on: day)?.kind.isCell == true else {
                    throw OrganizationChangeViolation(.target, "Chi bộ \(code(cell)) còn \(VietnameseFormat.number(left)) đảng viên trong danh sách: tổ chức nhận sáp nhập phải là một chi bộ để các đồng chí chuyển sinh hoạt theo; nếu không, hãy chuyển sinh hoạt các đồng chí trước.")
                }
            }
        }
        return after
    }

    /// The organizations (already existing) whose versions the change revises: renamed, moved, changed in kind,
    /// dissolved, absorbed by a merger, split.
    public var revisedOrganizations: [OrganizationID] {
        switch self {
        case .establish: []
        case let .rename(id, _), let .changeKind(id, _), let .move(id, _), let .dissolve(id), let .split(id, _, _): [id]
        case let .merge(absorbed, _): absorbed
        }
    }

    /// The field a broken structural rule is about, for the change a form asked for.
    static func field(of violation: TreeViolation, in change: OrganizationChange) -> OrganizationChangeViolation.Field {
        switch violation.reason {
        case .noVersion, .versionsNotContiguous: return .effective
        case .unknownParent, .parentMissing, .needsParent, .kindNotAllowed, .cycle:
            switch change {
            case .establish: if case .kindNotAllowed = violation.reason { return .kind } else { return .parent }
            case .move: return .parent
            case .changeKind: return .kind
            case .merge: return .target
            case .split: return .parts
            case .rename, .dissolve: return .organization
            }
        }
    }

    // NB: the order of the checks is the order of the messages a user meets: keep it.
    private func check(
        in tree: OrganizationTree, on day: Day, established: [OrganizationID: String], codesInUse: Set<String>,
        membersOnRolls: (OrganizationID) -> Int
    ) throws(OrganizationChangeViolation) {
        let format = VietnameseFormat.day
        func code(_ id: OrganizationID) -> String { tree[id]?.code ?? established[id] ?? "\(id.rawValue)" }

        /// A revised organization changes only on or after the first day of its current version (DESIGN §1.2).
        func checkRevised(_ id: OrganizationID, closing: Bool) throws(OrganizationChangeViolation) {
            guard let organization = tree[id], let last = organization.versions.last else { return }
            if let end = last.validity.end, end <= day {
                throw OrganizationChangeViolation(.effective, "Tổ chức \(organization.code) đã giải thể từ ngày \(format(end)); không thể thay đổi từ ngày \(format(day)).")
            }
            if organization.established > day {
                throw OrganizationChangeViolation(.effective, "Tổ chức \(organization.code) thành lập ngày \(format(organization.established)); ngày hiệu lực không được trước ngày đó.")
            }
            if last.validity.start > day {
                throw OrganizationChangeViolation(.effective, "Ngày hiệu lực không được trước ngày \(format(last.validity.start)): tổ chức \(organization.code) đã có thay đổi có hiệu lực từ ngày đó. Lịch sử không được sửa lại; chỉ ghi thay đổi từ ngày đó trở đi.")
            }
            // NB: a version that starts and ends on one day would be empty: a closing change comes a day later at least.
            if closing, last.validity.start == day {
                throw OrganizationChangeViolation(.effective, "Ngày giải thể, sáp nhập hoặc chia tách tổ chức \(organization.code) phải sau ngày \(format(day)), ngày bắt đầu giai đoạn hiện tại của tổ chức.")
            }
        }
        /// A parent: given, and existing on `day` (or established by the same list).
        func checkParent(_ parent: OrganizationID?) throws(OrganizationChangeViolation) {
            guard let parent else { throw OrganizationChangeViolation(.parent, "Hãy chọn tổ chức cấp trên trong phạm vi tài khoản của bạn.") }
            if established[parent] != nil { return }
            guard tree[parent]?.exists(on: day) == true else {
                throw OrganizationChangeViolation(.parent, "Tổ chức cấp trên \(code(parent)) không tồn tại vào ngày \(format(day)).")
            }
        }
        /// The children of `id` on `day` or later.
        func childrenLeft(under id: OrganizationID) -> Int {
            tree.organizations.values.filter { child in
                child.versions.contains { $0.parent == id && ($0.validity.end.map { $0 > day } ?? true) }
            }.count
        }

        switch self {
        case let .establish(_, code, name, _, parent):
            guard !code.trimmingCharacters(in: .whitespaces).isEmpty else { throw OrganizationChangeViolation(.code, "Hãy nhập mã tổ chức.") }
            guard !name.trimmingCharacters(in: .whitespaces).isEmpty else { throw OrganizationChangeViolation(.name, "Hãy nhập tên tổ chức.") }
            guard !codesInUse.contains(code) else {
                throw OrganizationChangeViolation(.code, "Mã tổ chức \(code) đã được dùng (kể cả cho tổ chức đã giải thể); hãy chọn mã khác.")
            }
            try checkParent(parent)
        case let .rename(id, name):
            try checkRevised(id, closing: false)
            guard !name.trimmingCharacters(in: .whitespaces).isEmpty else { throw OrganizationChangeViolation(.name, "Hãy nhập tên mới của tổ chức.") }
            guard tree.version(of: id, on: day)?.name != name else {
                throw OrganizationChangeViolation(.name, "Tên mới trùng với tên của tổ chức vào ngày \(format(day)).")
            }
        case let .move(id, parent):
            try checkRevised(id, closing: false)
            try checkParent(parent)
            guard tree.version(of: id, on: day)?.parent != parent else {
                throw OrganizationChangeViolation(.parent, "Tổ chức \(code(id)) đã trực thuộc \(parent.map(code) ?? "") vào ngày \(format(day)).")
            }
        case let .changeKind(id, kind):
            try checkRevised(id, closing: false)
            guard let current = tree.version(of: id, on: day)?.kind, current != kind else {
                throw OrganizationChangeViolation(.kind, "Tổ chức \(code(id)) đã là \(kind.vietnamese.lowercased()) vào ngày \(format(day)).")
            }
            if current.isCell, !kind.isCell {
                let left = membersOnRolls(id)
                if left > 0 {
                    throw OrganizationChangeViolation(.kind, "Chi bộ \(code(id)) còn \(VietnameseFormat.number(left)) đảng viên trong danh sách từ ngày \(format(day)); đảng viên chỉ sinh hoạt ở chi bộ, nên hãy chuyển sinh hoạt các đồng chí sang chi bộ khác trước khi đổi thành đảng bộ.")
                }
            }
        case let .dissolve(id):
            try checkRevised(id, closing: true)
            let under = childrenLeft(under: id)
            if under > 0 {
                throw OrganizationChangeViolation(.organization, "Tổ chức \(code(id)) còn \(VietnameseFormat.number(under)) tổ chức trực thuộc từ ngày \(format(day)); hãy chuyển trực thuộc hoặc sáp nhập các tổ chức đó trước khi giải thể.")
            }
            let left = membersOnRolls(id)
            if left > 0 {
                throw OrganizationChangeViolation(.organization, "Chi bộ \(code(id)) còn \(VietnameseFormat.number(left)) đảng viên trong danh sách từ ngày \(format(day)); hãy chuyển sinh hoạt các đồng chí sang chi bộ khác trước khi giải thể, hoặc sáp nhập chi bộ vào một chi bộ khác để các đồng chí chuyển theo.")
            }
        case let .merge(absorbed, into):
            guard !absorbed.isEmpty else { throw OrganizationChangeViolation(.absorbed, "Hãy chọn ít nhất một tổ chức được sáp nhập.") }
            guard !absorbed.contains(into) else {
                throw OrganizationChangeViolation(.absorbed, "Tổ chức \(code(into)) không thể sáp nhập vào chính nó.")
            }
            guard Set(absorbed).count == absorbed.count else {
                throw OrganizationChangeViolation(.absorbed, "Mỗi tổ chức chỉ được chọn một lần.")
            }
            guard established[into] != nil || tree[into]?.exists(on: day) == true else {
                throw OrganizationChangeViolation(.target, "Tổ chức \(code(into)) không tồn tại vào ngày \(format(day)).")
            }
            for id in absorbed { try checkRevised(id, closing: true) }
        case let .split(source, parts, _):
            try checkRevised(source, closing: true)
            guard !parts.isEmpty else { throw OrganizationChangeViolation(.parts, "Hãy nhập các tổ chức mới sau khi chia tách.") }
            for part in parts where established[part] == nil {
                guard tree[part]?.exists(on: day) == true else {
                    throw OrganizationChangeViolation(.parts, "Tổ chức \(code(part)) không tồn tại vào ngày \(format(day)).")
                }
            }
            let left = membersOnRolls(source)
            if left > 0 {
                throw OrganizationChangeViolation(.organization, "Chi bộ \(code(source)) còn \(VietnameseFormat.number(left)) đảng viên trong danh sách từ ngày \(format(day)); hãy chuyển sinh hoạt các đồng chí sang các chi bộ mới trước khi chia tách.")
            }
        }
    }
}
