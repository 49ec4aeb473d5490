import DangBoCore
import SQLKit

extension Store {
    /// The records behind `figure` of the review of `organization` over `from…to` (both included): as many rows as
    /// `review(of:from:to:)` counts, selected by the same SQL (`ReviewSelections`), sorted by day then name. Empty when
    /// `organization` is not in `scope` on `to` (or, dissolved in the period, on its last day), filtered in SQL:
    /// nothing outside the scope leaves the database.
    ///
    /// With `limit`, a figure with more rows than that is not listed: `ReviewRecordsTooMany` is thrown, so that a page
    /// never holds (nor claims to show) part of a national list; the caller asks for a smaller organization instead.
    public func reviewRecords(
        of organization: OrganizationID, from: Day, to: Day, figure: ReviewFigure, in scope: Scope, limit: Int? = nil
    ) async throws -> [ReviewRecordRow] {
        guard !scope.roots.isEmpty, from <= to,
              let dissolved = try await reader.raw("SELECT dissolved_on AS d FROM organizations WHERE id = \(literal: organization.rawValue)")
                .first()?.decode(column: "d", as: Int.self)
        else { return [] }
        // NB: the scope as it stands on `to`, or, for an organization dissolved in the period, on its last day.
        let scopeDay = dissolved <= to.yyyymmdd ? try Day.stored(dissolved).previous : to
        let selections = try await reviewSelections(of: organization, from: from, to: to, figure: figure)
        var rows: [ReviewRecordRow] = []
        for part in Self.parts(of: figure, in: selections) {
            var query = Self.listing(part, root: organization, scope: scope, on: scopeDay)
            if let limit { query = query + " LIMIT \(literal: limit + 1)" }
            let found = try await reader.raw(query).all().map(Self.recordRow(from:))
            if let limit, found.count > limit { throw ReviewRecordsTooMany(limit: limit) }
            guard let distinct = part.distinct else { rows += found; continue }
            // NB: one row per distinct key, the earliest (the figure is a COUNT(DISTINCT key)).
            var seen = Set<String>()
            for row in found.sorted(by: Self.recordOrder) where seen.insert(distinct.key(of: row)).inserted { rows.append(row) }
        }
        if let limit, rows.count > limit { throw ReviewRecordsTooMany(limit: limit) }
        return rows.sorted(by: Self.recordOrder)
    }

    /// The selections of a review as `review(of:from:to:)` builds them: the plan of `recognized` chosen by head count
    /// only when it is the figure asked (both plans give the same rows).
    private func reviewSelections(of root: OrganizationID, from: Day, to: Day, figure: ReviewFigure) async throws -> ReviewSelections {
        guard figure == .movement(.recognizedOfficial) else { return ReviewSelections(root: root, from: from, to: to, subtreeFirst: true) }
        let total = try await headCount(of: root, asOf: to)
        return ReviewSelections(root: root, from: from, to: to, subtreeFirst: total < Self.subtreeFirstLimit)
    }

    /// One selection of the rows behind a figure (a figure may add several), the condition on its rows `x`, and the
    /// columns that name the member and the organization of each listed row.
    struct ReviewPart {
        enum Distinct {
            case organization, member, caseReference

            func key(of row: ReviewRecordRow) -> String {
                switch self {
                case .organization: "\(row.organization?.id.rawValue ?? 0)"
                case .member: "\(row.member?.id.rawValue ?? 0)"
                case .caseReference: row.caseReference ?? ""
                }
            }
        }

        var selection: String
        var condition = "1 = 1"
        var member = "x.member_id"
        var organization = "x.organization_id"
        var distinct: Distinct?
    }

    /// The parts of `figure`: the selections `review(of:from:to:)` counts for it, with the same conditions.
    static func parts(of figure: ReviewFigure, in s: ReviewSelections) -> [ReviewPart] {
        switch figure {
        case .members(let stock):
            switch stock {
            case .total: return [ReviewPart(selection: s.stock(on: s.t))]
            case .official: return [ReviewPart(selection: s.stock(on: s.t), condition: "x.standing = '\(Standing.official.rawValue)'")]
            case .probationary: return [ReviewPart(selection: s.stock(on: s.t), condition: "x.standing <> '\(Standing.official.rawValue)'")]
            // NB: a boolean on PostgreSQL, 0 or 1 on SQLite: true alone on both.
            case .exempt: return [ReviewPart(selection: s.stock(on: s.t), condition: "x.exempt")]
            case .atStart:
                let dayBefore = Day(yyyymmdd: s.f)!.previous.yyyymmdd
                return [ReviewPart(selection: s.stock(on: dayBefore))]
            }
        case .movement(let movement):
            return parts(of: movement, in: s)
        case .organizations(let figure):
            switch figure {
            case .grassroots:
                return [ReviewPart(selection: s.organizations, condition: "x.organization_kind IN (\(ReviewSelections.sqlList(ReviewSelections.grassrootsKinds.map(\.rawValue))))")]
            case .established: return [ReviewPart(selection: s.established)]
            case .dissolved: return [ReviewPart(selection: s.dissolved)]
            case .kind(let kind): return [ReviewPart(selection: s.organizations, condition: "x.organization_kind = '\(kind.rawValue)'")]
            }
        case .consolidatedCommittees:
            return [ReviewPart(selection: s.consolidatingSeats, member: ReviewSelections.nullID, distinct: .organization)]
        case .oversight(let activity, let mode, let conductor, let count):
            let condition = ReviewSelections.oversight(activity, mode, conductor)
            switch count {
            case .cases:
                return [ReviewPart(selection: s.oversight, condition: condition, member: ReviewSelections.nullID,
                                   organization: "x.conductor_id", distinct: .caseReference)]
            case .organizations:
                return [ReviewPart(selection: s.oversight, condition: condition + " AND x.organization_id IS NOT NULL",
                                   member: ReviewSelections.nullID, distinct: .organization)]
            case .members:
                return [ReviewPart(selection: s.oversight, condition: condition + " AND x.member_id IS NOT NULL",
                                   organization: ReviewSelections.nullID, distinct: .member)]
            }
        }
    }

    /// The parts of a movement: the inflows and outflows Core's `countIn`/`countOut` put in its field, and the
    /// selections counted into it alone.
    static func parts(of movement: ReviewFigure.Movement, in s: ReviewSelections) -> [ReviewPart] {
        switch movement {
        case .transfers: return parts(of: .transferredIn, in: s) + parts(of: .transferredOut, in: s)
        case .inflow:
            return ([.admitted, .readmitted, .restored, .transferredIn, .reorganizedIn] as [ReviewFigure.Movement]).flatMap { parts(of: $0, in: s) }
        case .outflow:
            return ([.died, .removed, .probationRemoved, .expelled, .withdrew, .transferredOut, .reorganizedOut] as [ReviewFigure.Movement])
                .flatMap { parts(of: $0, in: s) }
        default: break
        }
        guard let field = movement.field else { return [] }
        var found: [ReviewPart] = []
        if let condition = ReviewSelections.kinds(into: field, counting: { $0.countIn($1) }) {
            found.append(ReviewPart(selection: s.inflows, condition: condition))
        }
        if let condition = ReviewSelections.kinds(into: field, counting: { $0.countOut($1) }) {
            found.append(ReviewPart(selection: s.outflows, condition: condition))
        }
        switch movement {
        case .movedInternally: found.append(ReviewPart(selection: s.movedInternally))
        case .recognizedOfficial: found.append(ReviewPart(selection: s.recognized))
        case .reorganizedIn: found.append(ReviewPart(selection: s.reorganizedInByTree))
        case .reorganizedOut: found.append(ReviewPart(selection: s.reorganizedOutByTree))
        default: break
        }
        return found
    }

    /// The rows of `part` with what a list shows: the member, the organizations' codes and names on the row's day,
    /// the decision of the event that took the step; only when `root` lies in `scope` on `day`.
    static func listing(_ part: ReviewPart, root: OrganizationID, scope: Scope, on day: Day) -> SQLQueryString {
        func name(_ id: String) -> String {
            """
            COALESCE((SELECT v.name FROM organization_versions v WHERE v.organization_id = \(id) AND v.valid_from <= x.day
                ORDER BY v.valid_from DESC LIMIT 1),
                (SELECT v.name FROM organization_versions v WHERE v.organization_id = \(id) ORDER BY v.valid_from LIMIT 1))
            """
        }
        let text = """
            SELECT \(part.member) AS member_id, x.day AS day, x.cell_id AS cell_id, x.kind AS kind,
                \(part.organization) AS organization_id, x.organization_kind AS organization_kind, x.case_ref AS case_ref,
                COALESCE(x.decision, (SELECT e.decision_number FROM membership_events e WHERE e.member_id = x.member_id
                    AND e.effective_on = x.day AND e.kind = x.kind ORDER BY e.seq LIMIT 1), '') AS decision,
                m.full_name AS full_name, m.birth_date AS birth_date, m.sort_key AS sort_key,
                co.code AS cell_code, \(name("x.cell_id")) AS cell_name,
                oo.code AS organization_code, \(name(part.organization)) AS organization_name
            FROM (\(part.selection)) x
            LEFT JOIN members m ON m.id = \(part.member)
            LEFT JOIN organizations co ON co.id = x.cell_id
            LEFT JOIN organizations oo ON oo.id = \(part.organization)
            WHERE (\(part.condition)) AND
            """
        return SQLQueryString(text + " ") + covering("\(root.rawValue)", by: scope, on: day)
    }

    static func recordRow(from row: any SQLRow) throws -> ReviewRecordRow {
        func place(_ id: String, _ code: String, _ name: String) throws -> ReviewRecordRow.Place? {
            guard let id = try row.decode(column: id, as: Int?.self), let code = try row.decode(column: code, as: String?.self)
            else { return nil }
            return ReviewRecordRow.Place(id: OrganizationID(id), code: code,
                                         name: try row.decode(column: name, as: String?.self) ?? "")
        }
        var member: ReviewRecordRow.Person?
        if let id = try row.decode(column: "member_id", as: Int?.self), let name = try row.decode(column: "full_name", as: String?.self) {
            member = ReviewRecordRow.Person(id: MemberID(id), fullName: name,
                                            birthDate: try Day.stored(try row.decode(column: "birth_date", as: Int.self)))
        }
        return ReviewRecordRow(
            member: member,
            organization: try place("organization_id", "organization_code", "organization_name"),
            cell: try place("cell_id", "cell_code", "cell_name"),
            day: try Day.stored(try row.decode(column: "day", as: Int.self)),
            event: try row.decode(column: "kind", as: String?.self).flatMap(EventKind.init(rawValue:)),
            organizationKind: try row.decode(column: "organization_kind", as: String?.self).flatMap(OrganizationKind.init(rawValue:)),
            decisionNumber: try row.decode(column: "decision", as: String?.self) ?? "",
            caseReference: try row.decode(column: "case_ref", as: String?.self),
            sortKey: try row.decode(column: "sort_key", as: String?.self) ?? "")
    }

    /// By day, then Vietnamese name order, then member, organization and case.
    /// NB: compared here, byte by byte as Swift compares strings: PostgreSQL would sort by its collation.
    static func recordOrder(_ a: ReviewRecordRow, _ b: ReviewRecordRow) -> Bool {
        (a.day, a.sortKey, a.member?.id.rawValue ?? 0, a.organization?.code ?? "", a.caseReference ?? "", a.event?.rawValue ?? "")
            < (b.day, b.sortKey, b.member?.id.rawValue ?? 0, b.organization?.code ?? "", b.caseReference ?? "", b.event?.rawValue ?? "")
    }
}

/// A figure with more records than a page lists (`reviewRecords(…, limit:)`).
public struct ReviewRecordsTooMany: Error, Hashable, Sendable {
    public var limit: Int
}
