import DangBoCore
import FluentKit
import SQLKit

extension Store {
    /// The whole tree, from the stored versions.
    public func loadTree() async throws -> OrganizationTree {
        let codes = try await sql.select().columns("id", "code").from("organizations").all()
        var versions: [Int: [OrganizationVersion]] = [:]
        for row in try await sql.select().columns("organization_id", "valid_from", "valid_to", "name", "kind", "parent_id")
            .from("organization_versions").orderBy("organization_id").orderBy("valid_from").all() {
            let id = try row.decode(column: "organization_id", as: Int.self)
            versions[id, default: []].append(OrganizationVersion(
                validity: DayRange(start: .stored(try row.decode(column: "valid_from", as: Int.self)),
                                   end: .end(stored: try row.decode(column: "valid_to", as: Int.self))),
                name: try row.decode(column: "name", as: String.self),
                kind: OrganizationKind(rawValue: try row.decode(column: "kind", as: String.self))!,
                parent: try row.decode(column: "parent_id", as: Int?.self).map(OrganizationID.init(rawValue:))))
        }
        var tree = OrganizationTree()
        for row in codes {
            let id = try row.decode(column: "id", as: Int.self)
            tree.insert(Organization(id: OrganizationID(id), code: try row.decode(column: "code", as: String.self),
                                     versions: versions[id] ?? []))
        }
        return tree
    }

    /// Everything, as a Core registry (journals checked again on the way in).
    public func loadRegistry() async throws -> Registry {
        var registry = Registry(tree: try await loadTree())
        var members: [MemberID: Member] = [:]
        for row in try await sql.select().column("*").from("members").all() {
            let member = try Self.member(from: row)
            members[member.id] = member
        }
        var events: [MemberID: [MembershipEvent]] = [:]
        for row in try await sql.select().column("*").from("membership_events").orderBy("member_id").orderBy("seq").all() {
            let event = try Self.event(from: row)
            events[event.member, default: []].append(event)
        }
        for member in members.values {
            try registry.record(member, events: events[member.id] ?? [])
        }
        for row in try await sql.select().column("*").from("committee_seats").orderBy("id").all() {
            registry.seats.append(CommitteeSeat(
                organization: OrganizationID(try row.decode(column: "organization_id", as: Int.self)),
                committee: CommitteeKind(rawValue: try row.decode(column: "committee", as: String.self))!,
                member: MemberID(try row.decode(column: "member_id", as: Int.self)),
                position: Position(rawValue: try row.decode(column: "position", as: String.self))!,
                source: SeatSource(rawValue: try row.decode(column: "source", as: String.self))!,
                validity: DayRange(start: .stored(try row.decode(column: "start_on", as: Int.self)),
                                   end: .end(stored: try row.decode(column: "end_on", as: Int.self))),
                decision: Self.decision(number: try row.decode(column: "decision_number", as: String.self), date: nil, issuer: "")))
        }
        var subjects: [Int: [OversightSubject]] = [:]
        for row in try await sql.select().column("*").from("oversight_subjects").all() {
            let caseID = try row.decode(column: "case_id", as: Int.self)
            if let organization = try row.decode(column: "organization_id", as: Int?.self) {
                subjects[caseID, default: []].append(.organization(OrganizationID(organization)))
            } else if let member = try row.decode(column: "member_id", as: Int?.self) {
                subjects[caseID, default: []].append(.member(MemberID(member)))
            }
        }
        for row in try await sql.select().column("*").from("oversight_cases").orderBy("id").all() {
            let id = try row.decode(column: "id", as: Int.self)
            registry.cases.append(OversightCase(
                reference: try row.decode(column: "case_ref", as: String.self),
                activity: OversightActivity(rawValue: try row.decode(column: "activity", as: String.self))!,
                mode: OversightMode(rawValue: try row.decode(column: "mode", as: String.self))!,
                conductor: ConductorKind(rawValue: try row.decode(column: "conductor", as: String.self))!,
                conductorOrganization: OrganizationID(try row.decode(column: "conductor_id", as: Int.self)),
                started: .stored(try row.decode(column: "started_on", as: Int.self)),
                ended: try row.decode(column: "ended_on", as: Int?.self).map(Day.stored),
                outcome: try row.decode(column: "outcome", as: String?.self).flatMap(OversightOutcome.init(rawValue:)),
                subjects: subjects[id] ?? []))
        }
        return registry
    }

    /// The ids already used, so that a change can number what it adds.
    public func nextIdentifiers() async throws -> (organization: Int, member: Int) {
        (try await Self.nextID(in: "organizations", on: sql), try await Self.nextID(in: "members", on: sql))
    }

    static func member(from row: any SQLRow) throws -> Member {
        Member(
            id: MemberID(try row.decode(column: "id", as: Int.self)),
            nationalID: try row.decode(column: "national_id", as: String.self),
            familyName: try row.decode(column: "family_name", as: String.self),
            middleName: try row.decode(column: "middle_name", as: String.self),
            givenName: try row.decode(column: "given_name", as: String.self),
            gender: Gender(rawValue: try row.decode(column: "gender", as: String.self))!,
            birthDate: .stored(try row.decode(column: "birth_date", as: Int.self)),
            ethnicity: try row.decode(column: "ethnicity", as: String.self),
            religion: try row.decode(column: "religion", as: String.self),
            education: try row.decode(column: "education", as: String.self),
            politicalTheory: try row.decode(column: "political_theory", as: String.self),
            occupation: try row.decode(column: "occupation", as: String.self),
            cardNumber: try row.decode(column: "card_number", as: String.self),
            recordNumber: try row.decode(column: "record_number", as: String.self),
            joinedOn: try row.decode(column: "joined_on", as: Int?.self).map(Day.stored),
            officialOn: try row.decode(column: "official_on", as: Int?.self).map(Day.stored))
    }

    static func event(from row: any SQLRow) throws -> MembershipEvent {
        MembershipEvent(
            member: MemberID(try row.decode(column: "member_id", as: Int.self)),
            kind: EventKind(rawValue: try row.decode(column: "kind", as: String.self))!,
            effective: .stored(try row.decode(column: "effective_on", as: Int.self)),
            organization: try row.decode(column: "organization_id", as: Int?.self).map(OrganizationID.init(rawValue:)),
            decision: decision(number: try row.decode(column: "decision_number", as: String.self),
                               date: try row.decode(column: "decision_date", as: Int?.self).map(Day.stored),
                               issuer: try row.decode(column: "decision_issuer", as: String.self)),
            counterpart: try row.decode(column: "counterpart", as: String.self),
            note: try row.decode(column: "note", as: String.self))
    }

    static func decision(number: String, date: Day?, issuer: String) -> Decision? {
        number.isEmpty && date == nil && issuer.isEmpty ? nil : Decision(number: number, date: date, issuer: issuer)
    }
}
