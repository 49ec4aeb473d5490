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
                validity: try .stored(from: try row.decode(column: "valid_from", as: Int.self),
                                      to: try row.decode(column: "valid_to", as: Int.self)),
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
                validity: try .stored(from: try row.decode(column: "start_on", as: Int.self),
                                      to: try row.decode(column: "end_on", as: Int.self)),
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
                started: try .stored(try row.decode(column: "started_on", as: Int.self)),
                ended: try row.decode(column: "ended_on", as: Int?.self).map { try Day.stored($0) },
                outcome: try row.decode(column: "outcome", as: String?.self).flatMap(OversightOutcome.init(rawValue:)),
                subjects: subjects[id] ?? []))
        }
        var attendance: [Int: [Attendance]] = [:]
        for row in try await sql.select().column("*").from("meeting_attendance").orderBy("meeting_id").orderBy("member_id").all() {
            guard let status = AttendanceStatus(rawValue: try row.decode(column: "status", as: String.self)) else {
                throw StoreError.unreadable("meeting_attendance.status")
            }
            attendance[try row.decode(column: "meeting_id", as: Int.self), default: []]
                .append(Attendance(member: MemberID(try row.decode(column: "member_id", as: Int.self)), status: status))
        }
        for row in try await sql.select().column("*").from("meetings").orderBy("id").all() {
            var meeting = try Self.meeting(from: row)
            meeting.attendance = attendance[try row.decode(column: "id", as: Int.self)] ?? []
            registry.meetings.append(meeting)
        }
        registry.disciplines = try await Self.disciplines(where: "TRUE", on: sql)
        registry.terms = try await Self.loadTerms(on: sql)
        (registry.progress, registry.tasks) = try await loadProgressAndTasks()
        registry.programmes = try await Self.programmes(where: "TRUE", on: sql)
        return registry
    }

    /// The ids already used, so that a change can number what it adds.
    public func nextIdentifiers() async throws -> (organization: Int, member: Int) {
        (try await Self.nextID(in: "organizations", on: sql), try await Self.nextID(in: "members", on: sql))
    }

    static func member(from row: any SQLRow) throws -> Member { try member(from: SQLKitColumns(row: row)) }

    static func event(from row: any SQLRow) throws -> MembershipEvent { try event(from: SQLKitColumns(row: row)) }

    static func member(from row: some StoredColumns) throws -> Member {
        Member(
            id: MemberID(try row.int("id")),
            nationalID: try row.text("national_id"),
            familyName: try row.text("family_name"),
            middleName: try row.text("middle_name"),
            givenName: try row.text("given_name"),
            gender: Gender(rawValue: try row.text("gender"))!,
            birthDate: try .stored(try row.int("birth_date")),
            ethnicity: try row.text("ethnicity"),
            religion: try row.text("religion"),
            education: try row.text("education"),
            politicalTheory: try row.text("political_theory"),
            occupation: try row.text("occupation"),
            cardNumber: try row.text("card_number"),
            recordNumber: try row.text("record_number"),
            joinedOn: try row.optionalInt("joined_on").map { try Day.stored($0) },
            officialOn: try row.optionalInt("official_on").map { try Day.stored($0) })
    }

    static func event(from row: some StoredColumns) throws -> MembershipEvent {
        MembershipEvent(
            member: MemberID(try row.int("member_id")),
            kind: EventKind(rawValue: try row.text("kind"))!,
            effective: try .stored(try row.int("effective_on")),
            organization: try row.optionalInt("organization_id").map(OrganizationID.init(rawValue:)),
            decision: decision(number: try row.text("decision_number"),
                               date: try row.optionalInt("decision_date").map { try Day.stored($0) },
                               issuer: try row.text("decision_issuer")),
            votedOn: try row.optionalInt("voted_on").map { try Day.stored($0) },
            counterpart: try row.text("counterpart"),
            note: try row.text("note"))
    }

    static func decision(number: String, date: Day?, issuer: String) -> Decision? {
        number.isEmpty && date == nil && issuer.isEmpty ? nil : Decision(number: number, date: date, issuer: issuer)
    }
}
