import DangBoCore
import Foundation

/// Writes a registry in the import format (docs/import-format.md): importing the folder back gives the same
/// registry, so the contract is its own round trip.
public enum RegistryExport {
    /// The headers of the seven tables, in the contract's order.
    public static let headers: [(name: String, header: [String])] = [
        ("organizations", ["code", "name", "kind", "parent_code", "established_on", "dissolved_on", "valid_from"]),
        ("members", ["national_id", "family_name", "middle_name", "given_name", "gender", "birth_date", "ethnicity",
                     "religion", "card_number", "record_number", "education", "political_theory", "occupation",
                     "joined_on", "official_on"]),
        ("events", ["national_id", "kind", "effective_on", "organization_code", "decision_number", "decision_date",
                    "counterpart", "note", "voted_on", "decided_by"]),
        ("committee_seats", ["organization_code", "committee", "national_id", "position", "source", "start_on", "end_on",
                             "decision_number"]),
        ("oversight", ["case_ref", "activity", "mode", "conductor", "conductor_code", "started_on", "ended_on",
                       "subject_code", "subject_national_id", "outcome"]),
        ("meetings", ["meeting_ref", "organization_code", "kind", "held_on", "duration_minutes", "chair_national_id",
                      "secretary_national_id", "agenda", "resolution"]),
        ("attendance", ["meeting_ref", "national_id", "status"]),
    ]

    /// The rows of the seven tables (in the order of `headers`) for these records; `code` names any organization
    /// they refer to. `events` must hold each member's journal in order.
    public static func rows(
        organizations: [Organization], members: [Member], events: [MembershipEvent], seats: [CommitteeSeat],
        cases: [OversightCase], meetings: [Meeting] = [], code: (OrganizationID) -> String
    ) -> [[[String]]] {
        let nationalID = Dictionary(members.map { ($0.id, $0.nationalID) }, uniquingKeysWith: { first, _ in first })
        var organizationRows: [[String]] = []
        for organization in organizations {
            for (index, version) in organization.versions.enumerated() {
                let last = index == organization.versions.count - 1
                organizationRows.append([
                    organization.code, version.name, version.kind.rawValue, version.parent.map(code) ?? "",
                    organization.established.iso, last ? organization.dissolved?.iso ?? "" : "",
                    index == 0 ? "" : version.validity.start.iso,
                ])
            }
        }
        let memberRows = members.map { member in
            [member.nationalID, member.familyName, member.middleName, member.givenName, member.gender.rawValue,
             member.birthDate.iso, member.ethnicity, member.religion, member.cardNumber, member.recordNumber,
             member.education, member.politicalTheory, member.occupation, member.joinedOn?.iso ?? "",
             member.officialOn?.iso ?? ""]
        }
        let eventRows = events.map { event in
            [nationalID[event.member] ?? "", event.kind.rawValue, event.effective.iso, event.organization.map(code) ?? "",
             event.decision?.number ?? "", event.decision?.date?.iso ?? "", event.counterpart, event.note,
             event.votedOn?.iso ?? "", event.decision?.issuer ?? ""]
        }
        let seatRows = seats.map { seat in
            [code(seat.organization), seat.committee.rawValue, nationalID[seat.member] ?? "", seat.position.rawValue,
             seat.source.rawValue, seat.validity.start.iso, seat.validity.end?.iso ?? "", seat.decision?.number ?? ""]
        }
        var oversightRows: [[String]] = []
        for oversightCase in cases {
            for subject in oversightCase.subjects {
                let (subjectCode, subjectID): (String, String) = switch subject {
                case .organization(let id): (code(id), "")
                case .member(let id): ("", nationalID[id] ?? "")
                }
                oversightRows.append([oversightCase.reference, oversightCase.activity.rawValue, oversightCase.mode.rawValue,
                                      oversightCase.conductor.rawValue, code(oversightCase.conductorOrganization),
                                      oversightCase.started.iso, oversightCase.ended?.iso ?? "", subjectCode, subjectID,
                                      oversightCase.outcome?.rawValue ?? ""])
            }
        }
        let meetingRows = meetings.map { meeting in
            [meeting.reference, code(meeting.cell), meeting.kind.rawValue, meeting.held.iso, String(meeting.durationMinutes),
             meeting.chair.flatMap { nationalID[$0] } ?? "", meeting.secretary.flatMap { nationalID[$0] } ?? "", meeting.agenda,
             meeting.resolution]
        }
        let attendanceRows = meetings.flatMap { meeting in
            meeting.attendance.map { [meeting.reference, nationalID[$0.member] ?? "", $0.status.rawValue] }
        }
        return [organizationRows, memberRows, eventRows, seatRows, oversightRows, meetingRows, attendanceRows]
    }

    /// The seven tables of a whole registry, rows in a stable order.
    public static func tables(of registry: Registry) -> [Table] {
        let members = registry.members.values.sorted { $0.id < $1.id }
        let rows = rows(
            organizations: registry.tree.organizations.values.sorted { $0.id < $1.id }, members: members,
            events: members.flatMap { registry.journals[$0.id]?.events ?? [] }, seats: registry.seats, cases: registry.cases,
            meetings: registry.meetings, code: { registry.tree[$0]?.code ?? "" })
        return zip(headers, rows).map { table, rows in
            Table(name: table.name, header: table.header,
                  rows: rows.enumerated().map { TableRow(line: $0.offset + 2, cells: $0.element) })
        }
    }

    /// Writes `NAME.csv` for every table into `folder` (created if needed).
    public static func writeCSV(_ registry: Registry, to folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for table in tables(of: registry) {
            let text = CSVWriter.text(header: table.header, rows: table.rows.map(\.cells))
            try Data(text.utf8).write(to: folder.appendingPathComponent("\(table.name).csv"))
        }
    }
}
