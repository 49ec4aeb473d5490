import DangBoCore
import Foundation
import Logging
import SQLKit

/// Changes of the organization tree from the web's forms (issue 9 point 3): each checked by Core's rules and the
/// caller's scope inside the write lock, written with its versions, its ancestry, the members that follow a merged
/// cell and one audit entry — or nothing at all.
extension Store {
    /// Applies `change` effective on `day`: see `changeTree(_:on:in:actor:decision:)` for a list of changes.
    @discardableResult
    public func changeTree(
        _ change: OrganizationChange, on day: Day, in scope: Scope, actor: String, decision: Decision? = nil
    ) async throws -> TreeChangeOutcome {
        try await changeTree([change], on: day, in: scope, actor: actor, decision: decision)
    }

    /// Applies `changes` in order, all effective on `day`, as one write (a split into new organizations is their
    /// establishment followed by the split). Inside the write lock it reads only what the changes depend on: the
    /// organizations they name, the children and descendants of those they revise, and the ancestors of all of
    /// them — never the whole tree. It refuses with a `TreeChangeRefusal` (the field at fault, a Vietnamese message):
    /// first an organization or a parent outside `scope` on `day` (the access check is the store's), then any rule
    /// of Core's (`OrganizationChange.applying(_:to:on:codesInUse:membersOnRolls:)`, which reads the codes already
    /// used and the members on the rolls of each revised organization from `day` on, as fetched here). A merger moves the members on the rolls of each absorbed cell
    /// into the target cell by a `moved` event on `day` (their journals checked by Core), so that the review counts
    /// no flow for them (`Review`: a move inside the scope is none).
    ///
    /// The id of an organization established here is a placeholder (an id not stored; negative ids are safe): it is
    /// numbered inside the lock, and later changes of the list may name it. The decision (số, ngày quyết định) is
    /// kept in the audit entry and on the members' `moved` events: an organization's versions have no place for one.
    @discardableResult
    public func changeTree(
        _ changes: [OrganizationChange], on day: Day, in scope: Scope, actor: String, decision: Decision? = nil
    ) async throws -> TreeChangeOutcome {
        try await writing { store in
            try await store.applyTreeChanges(changes, on: day, in: scope, actor: actor, decision: decision)
        }
    }

    // NB: runs inside `writing`: `self` is the store bound to the write transaction.
    private func applyTreeChanges(
        _ given: [OrganizationChange], on day: Day, in scope: Scope, actor: String, decision: Decision?
    ) async throws -> TreeChangeOutcome {
        guard let main = given.last else { throw TreeChangeRefusal(.organization, "Không có thay đổi nào để ghi.") }
        let d = day.yyyymmdd
        let format = VietnameseFormat.day

        // Number the organizations established here.
        var nextID = try await Self.nextID(in: "organizations", on: sql)
        var numbered: [OrganizationID: OrganizationID] = [:]
        for case let .establish(id, _, _, _, _) in given where numbered[id] == nil {
            numbered[id] = OrganizationID(nextID)
            nextID += 1
        }
        let changes = given.map { $0.renumbered { numbered[$0] ?? $0 } }
        let established = Set(numbered.values)

        // What the changes name, revise and close.
        var named = Set<OrganizationID>(), revised = Set<OrganizationID>()
        var reshapes = false  // a parent or a validity changes: the ancestry is rewritten
        for change in changes {
            switch change {
            case let .establish(_, _, _, _, parent):
                if let parent { named.insert(parent) }
                reshapes = true
            case let .rename(id, _), let .changeKind(id, _):
                named.insert(id)
                revised.insert(id)
            case let .move(id, parent):
                named.formUnion([id] + (parent.map { [$0] } ?? []))
                revised.insert(id)
                reshapes = true
            case let .dissolve(id):
                named.insert(id)
                revised.insert(id)
                reshapes = true
            case let .merge(absorbed, into):
                named.formUnion(absorbed + [into])
                revised.formUnion(absorbed)
                reshapes = true
            case let .split(source, parts, assignments):
                named.formUnion([source] + parts + Array(assignments.keys) + Array(assignments.values))
                revised.insert(source)
                reshapes = true
            }
        }
        named.subtract(established)
        revised.subtract(established)

        // The children of the revised organizations on the day before or later (a merger or split moves them; a new
        // kind must still hold them), and, when the shape changes, every organization below them from `day` on:
        // their ancestry is rewritten.
        let revisedList = Self.list(revised.sorted())
        let children = Set(try await sql.raw("""
            SELECT DISTINCT organization_id FROM organization_versions
            WHERE parent_id IN (\(unsafeRaw: revisedList)) AND valid_to > \(literal: day.previous.yyyymmdd)
            """).all().map { OrganizationID(try $0.decode(column: "organization_id", as: Int.self)) })
        var affected = established.union(revised)
        if reshapes, !revised.isEmpty {
            affected.formUnion(try await sql.raw("""
                SELECT DISTINCT descendant_id FROM organization_ancestry
                WHERE ancestor_id IN (\(unsafeRaw: revisedList)) AND valid_to > \(literal: d)
                """).all().map { OrganizationID(try $0.decode(column: "descendant_id", as: Int.self)) })
        }
        // NB: never the whole tree (1.1 s and 250 MB on the national registry): the organizations named, the children
        // of those revised, their descendants from the day on when the shape changes (a province's subtree when a
        // province moves), and every ancestor of all of them over time, so that Core's structural rules and ancestry
        // are exact for each organization read.
        let before = try await organizationsWithAncestors(named.union(children).union(affected).subtracting(established))
        for id in named where before[id] == nil { throw TreeChangeRefusal(.organization, "Không có tổ chức đảng này (mã số \(id.rawValue)).") }

        // The caller's scope: every organization and parent the changes name, in their order.
        var codes: [OrganizationID: String] = [:]
        for case let .establish(id, code, _, _, _) in changes { codes[id] = code }
        func code(_ id: OrganizationID) -> String { before[id]?.code ?? codes[id] ?? "\(id.rawValue)" }

        /// `id` must lie in the scope on `day` (or, when it does not exist that day, on its last day).
        func checkScope(_ id: OrganizationID, _ field: TreeChangeRefusal.Field, what: String = "Tổ chức") async throws {
            guard let organization = before[id], let last = organization.versions.last else { return }
            let probe = organization.exists(on: day) ? day : (last.validity.lastDay ?? last.validity.start)
            guard try await covers(scope, id, on: probe) else {
                throw TreeChangeRefusal(field, "\(what) \(organization.code) không thuộc phạm vi tài khoản của bạn.")
            }
        }
        func checkParent(_ parent: OrganizationID?, _ field: TreeChangeRefusal.Field = .parent) async throws {
            guard let parent, !established.contains(parent) else { return }
            try await checkScope(parent, field, what: "Tổ chức cấp trên")
        }
        // NB: access is checked before Core's rules, so that a caller learns nothing of an organization outside the scope.
        for change in changes {
            switch change {
            case let .establish(_, _, _, _, parent): try await checkParent(parent)
            case let .rename(id, _), let .changeKind(id, _), let .dissolve(id): try await checkScope(id, .organization)
            case let .move(id, parent):
                try await checkScope(id, .organization)
                try await checkParent(parent)
            case let .merge(absorbed, into):
                try await checkScope(into, .target)
                for id in absorbed { try await checkScope(id, .absorbed) }
            case let .split(source, parts, _):
                try await checkScope(source, .organization)
                for part in parts where !established.contains(part) { try await checkScope(part, .parts) }
            }
        }

        // The facts Core's rules read: the codes already used, the members on the rolls of each revised organization.
        var codesInUse = Set<String>()
        for case let .establish(_, code, _, _, _) in changes {
            let used = try await sql.raw("SELECT COUNT(*) AS n FROM organizations WHERE code = \(bind: code)").first()?
                .decode(column: "n", as: Int.self) ?? 0
            if used > 0 { codesInUse.insert(code) }
        }
        var onTheRollsCount: [OrganizationID: Int] = [:]
        if !revised.isEmpty {
            for row in try await sql.raw("""
                SELECT cell_id, COUNT(DISTINCT member_id) AS n FROM membership_periods
                WHERE cell_id IN (\(unsafeRaw: revisedList)) AND valid_to > \(literal: d) GROUP BY cell_id
                """).all() {
                onTheRollsCount[OrganizationID(try row.decode(column: "cell_id", as: Int.self))] = try row.decode(column: "n", as: Int.self)
            }
        }

        // Core decides: its rules for each change, then the changes applied and the tree's structural rules.
        let after: OrganizationTree
        do {
            after = try OrganizationChange.applying(changes, to: before, on: day, codesInUse: codesInUse,
                                                    membersOnRolls: { onTheRollsCount[$0] ?? 0 })
        } catch {
            throw TreeChangeRefusal(error)
        }
        let written = after.organizations.values.filter { before[$0.id] != $0 }.sorted { $0.id < $1.id }

        // The members of each merged cell follow it into the target cell (Core checked that it is a cell).
        var movedEvents: [MembershipEvent] = []
        var touched = Set<MemberID>()
        for case let .merge(absorbed, into) in changes {
            for cell in absorbed where before.version(of: cell, on: day)?.kind.isCell == true {
                let rows = try await sql.raw("""
                    SELECT member_id, valid_from FROM membership_periods
                    WHERE cell_id = \(literal: cell.rawValue) AND valid_to > \(literal: d)
                    """).all()
                var onTheRolls = Set<MemberID>()
                for row in rows {
                    let member = MemberID(try row.decode(column: "member_id", as: Int.self))
                    touched.insert(member)
                    if try row.decode(column: "valid_from", as: Int.self) <= d { onTheRolls.insert(member) }
                }
                movedEvents += onTheRolls.sorted().map {
                    MembershipEvent(member: $0, kind: .moved, effective: day, organization: into, decision: decision,
                                    note: "Sáp nhập \(code(cell)) vào \(code(into))")
                }
            }
        }
        let (journals, sequenced) = try await journals(of: touched, adding: movedEvents, tree: written, code: code)

        // Write: versions, ancestry, events and periods, the audit entry.
        try await Self.write(versionsOf: written, on: sql)
        if reshapes {
            let rewritten = affected.union(written.map(\.id))
            try await Self.writeAncestry(after.ancestry().filter { rewritten.contains($0.descendant) }, of: rewritten, on: sql)
        }
        if !sequenced.isEmpty {
            try await Self.insert(events: sequenced, on: sql)
            try await Self.record(journals: journals, replacing: true, on: sql)
        }
        let moved = movedEvents.map(\.member)
        var details = ["change": main.auditName, "effective": day.iso,
                       "organizations": written.map { "\($0.id.rawValue)" }.joined(separator: ","),
                       "members.moved": "\(moved.count)"]
        if !established.isEmpty { details["established"] = established.sorted().map { "\($0.rawValue)" }.joined(separator: ",") }
        if let decision {
            details["decision.number"] = decision.number
            if let date = decision.date { details["decision.date"] = date.iso }
        }
        let decided = decision.map { decision in
            ", theo Quyết định số \(decision.number)" + (decision.date.map { " ngày \(format($0))" } ?? "")
        } ?? ""
        let auditID = try await Self.appendAudit(AuditRecord(
            actor: actor, action: "organization.\(main.auditName)",
            summary: "\(main.vietnamese) tổ chức, hiệu lực từ ngày \(format(day))\(decided)",
            details: details, recordedAt: Date()), on: database)
        logger.info("organization.changed", metadata: ["change": "\(main.auditName)", "audit": "\(auditID)"])
        return TreeChangeOutcome(organizations: written, established: numbered, movedMembers: moved, auditEntry: auditID)
    }

    /// The journals of `members` with `added` appended (after the events already stored on each day), checked by Core
    /// against the organizations their events name as `tree` leaves them; and the added events with their sequence.
    private func journals(
        of members: Set<MemberID>, adding added: [MembershipEvent], tree written: [Organization], code: (OrganizationID) -> String
    ) async throws -> ([Journal], [SequencedEvent]) {
        guard !members.isEmpty else { return ([], []) }
        var records: [MemberID: Member] = [:]
        var stored: [MemberID: [MembershipEvent]] = [:]
        var nextSequence: [MemberID: Int] = [:]
        for chunk in members.map(\.rawValue).sorted().chunks(of: 500) {
            let ids = chunk.map(String.init).joined(separator: ", ")
            for row in try await sql.raw("SELECT * FROM members WHERE id IN (\(unsafeRaw: ids))").all() {
                let member = try Self.member(from: row)
                records[member.id] = member
            }
            for row in try await sql.raw("""
                SELECT * FROM membership_events WHERE member_id IN (\(unsafeRaw: ids)) ORDER BY member_id, seq
                """).all() {
                let event = try Self.event(from: row)
                stored[event.member, default: []].append(event)
                nextSequence[event.member] = try row.decode(column: "seq", as: Int.self) + 1
            }
        }
        var tree = try await organizations(namedBy: stored.values.flatMap { $0 } + added)
        for organization in written { tree.insert(organization) }
        var journals: [Journal] = []
        var sequenced: [SequencedEvent] = []
        for id in members.sorted() {
            guard let member = records[id] else { continue }
            let mine = added.filter { $0.member == id }
            do {
                journals.append(try Journal(member: member, events: (stored[id] ?? []) + mine, tree: tree))
            } catch {
                throw TreeChangeRefusal(.effective, "Đảng viên \(member.fullName) không chuyển theo được: \(error.message)")
            }
            for event in mine {
                sequenced.append(SequencedEvent(sequence: nextSequence[id, default: 0], event: event))
                nextSequence[id, default: 0] += 1
            }
        }
        return (journals, sequenced)
    }

    /// The organizations `ids` with all their versions, and every organization any of their versions stands under,
    /// up to the roots: a tree whose structural rules can be checked where it is read, and whose ancestry is exact
    /// for every organization in it. One statement per level of the tree.
    func organizationsWithAncestors(_ ids: Set<OrganizationID>) async throws -> OrganizationTree {
        var tree = OrganizationTree()
        var pending = ids
        while !pending.isEmpty {
            var found: [OrganizationID: Organization] = [:]
            for chunk in pending.sorted().chunks(of: 500) {
                let rows = try await sql.raw("""
                    SELECT o.id AS id, o.code AS code, v.valid_from AS valid_from, v.valid_to AS valid_to, v.name AS name,
                        v.kind AS kind, v.parent_id AS parent_id
                    FROM organizations o JOIN organization_versions v ON v.organization_id = o.id
                    WHERE o.id IN (\(unsafeRaw: Self.list(Array(chunk))))
                    ORDER BY o.id, v.valid_from
                    """).all()
                for row in rows {
                    let id = OrganizationID(try row.decode(column: "id", as: Int.self))
                    guard let kind = OrganizationKind(rawValue: try row.decode(column: "kind", as: String.self)) else {
                        throw StoreError.unreadable("organization_versions.kind")
                    }
                    let version = OrganizationVersion(
                        validity: try .stored(from: try row.decode(column: "valid_from", as: Int.self),
                                              to: try row.decode(column: "valid_to", as: Int.self)),
                        name: try row.decode(column: "name", as: String.self), kind: kind,
                        parent: try row.decode(column: "parent_id", as: Int?.self).map(OrganizationID.init(rawValue:)))
                    let code = try row.decode(column: "code", as: String.self)
                    found[id, default: Organization(id: id, code: code, versions: [])].versions.append(version)
                }
            }
            for organization in found.values { tree.insert(organization) }
            pending = Set(found.values.flatMap { $0.versions.compactMap(\.parent) }).filter { tree[$0] == nil }
        }
        return tree
    }
}

extension OrganizationChange {
    /// The change with every organization id passed through `renumber`.
    fileprivate func renumbered(_ renumber: (OrganizationID) -> OrganizationID) -> OrganizationChange {
        switch self {
        case let .establish(id, code, name, kind, parent):
            .establish(id: renumber(id), code: code, name: name, kind: kind, parent: parent.map(renumber))
        case let .rename(id, name): .rename(renumber(id), name: name)
        case let .move(id, parent): .move(renumber(id), parent: parent.map(renumber))
        case let .changeKind(id, kind): .changeKind(renumber(id), kind: kind)
        case let .dissolve(id): .dissolve(renumber(id))
        case let .merge(absorbed, into): .merge(absorbed: absorbed.map(renumber), into: renumber(into))
        case let .split(source, parts, assignments):
            .split(renumber(source), into: parts.map(renumber),
                   assignments: Dictionary(assignments.map { (renumber($0.key), renumber($0.value)) }, uniquingKeysWith: { first, _ in first }))
        }
    }

    /// The change's name in the audit trail.
    var auditName: String {
        switch self {
        case .establish: "establish"
        case .rename: "rename"
        case .move: "move"
        case .changeKind: "changeKind"
        case .dissolve: "dissolve"
        case .merge: "merge"
        case .split: "split"
        }
    }

    /// The change in the words of the decisions.
    var vietnamese: String {
        switch self {
        case .establish: "Thành lập"
        case .rename: "Đổi tên"
        case .move: "Chuyển trực thuộc"
        case .changeKind: "Đổi loại hình"
        case .dissolve: "Giải thể"
        case .merge: "Sáp nhập"
        case .split: "Chia tách"
        }
    }
}
