import DangBoCore
import Foundation

/// Writes a registry in the import format (docs/import-format.md): importing the folder back gives the same
/// registry, so the contract is its own round trip.
public enum RegistryExport {
    /// The headers of the tables, in the contract's order.
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
        ("discipline", ["decision_ref", "subject_code", "subject_national_id", "sanction", "deciding_code", "deciding_body",
                        "offence_on", "offence_ended_on", "later_offences", "offence_without_limit", "postponements",
                        "decided_on", "effective_on", "received_on", "decision_number", "decision_date", "case_ref"]),
        ("discipline_appeals", ["decision_ref", "lodged_on", "outcome", "decided_on", "reduced_to"]),
        ("committee_terms", ["organization_code", "committee", "name", "start_on", "end_on", "size", "decision_number"]),
        ("oversight_steps", ["case_ref", "stage", "day", "document", "note", "conclusion", "discipline_proposed"]),
        ("oversight_team", ["case_ref", "national_id", "leader"]),
        ("follow_up_tasks", ["case_ref", "text", "subject_code", "subject_national_id", "due_on", "done_on"]),
        ("oversight_programme", ["conductor_code", "conductor", "year", "item", "content", "activity", "mode", "period",
                                 "subject_code", "subject_national_id", "case_ref"]),
    ]

    /// The rows of the tables (in the order of `headers`) for these records; `code` names any organization
    /// they refer to. `events` must hold each member's journal in order.
    public static func rows(
        organizations: [Organization], members: [Member], events: [MembershipEvent], seats: [CommitteeSeat],
        cases: [OversightCase], meetings: [Meeting] = [], disciplines: [DisciplineDecision] = [], terms: [CommitteeTerm] = [],
        progress: [OversightProgress] = [], tasks: [FollowUpTask] = [], programmes: [OversightProgramme] = [],
        code: (OrganizationID) -> String
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
        let disciplineRows = disciplines.map { decision -> [String] in
            let (subjectCode, subjectID): (String, String) = switch decision.subject {
            case .organization(let id): (code(id), "")
            case .member(let id): ("", nationalID[id] ?? "")
            }
            return [decision.reference, subjectCode, subjectID, decision.sanction.rawValue, code(decision.decidingOrganization),
                    decision.decidingBody.rawValue, decision.offenceCommitted.iso, decision.offenceEnded?.iso ?? "",
                    decision.laterOffences.map(\.iso).joined(separator: "; "), decision.offenceWithoutLimit?.rawValue ?? "",
                    decision.postponements.map { "\($0.start.iso)..\($0.end?.iso ?? "")" }.joined(separator: "; "),
                    decision.decided.iso, decision.effective.iso, decision.received?.iso ?? "", decision.decision?.number ?? "",
                    decision.decision?.date?.iso ?? "", decision.oversightCase ?? ""]
        }
        let appealRows = disciplines.flatMap { decision in
            decision.appeals.map { appeal -> [String] in
                let (outcome, reduced): (String, String) = switch appeal.outcome {
                case .pending: ("pending", "")
                case .upheld: ("upheld", "")
                case .reduced(let sanction, _): ("reduced", sanction.rawValue)
                case .annulled: ("annulled", "")
                }
                return [decision.reference, appeal.lodged.iso, outcome, appeal.decided?.iso ?? "", reduced]
            }
        }
        let termRows = terms.map { term in
            [code(term.organization), term.committee.rawValue, term.name, term.validity.start.iso, term.validity.end?.iso ?? "",
             term.size.map(String.init) ?? "", term.decision?.number ?? ""]
        }
        let stepRows = progress.flatMap { value in
            value.steps.map { step in
                let concluded = step.stage == .concluded
                return [value.caseReference, step.stage.rawValue, step.day.iso, step.document ?? "", step.note,
                        concluded ? value.conclusion : "", concluded ? value.disciplineProposed.map { $0 ? "yes" : "no" } ?? "" : ""]
            }
        }
        let teamRows = progress.flatMap { value in
            value.team.map { [value.caseReference, nationalID[$0] ?? "", $0 == value.teamLeader ? "yes" : ""] }
        }
        let taskRows = tasks.map { task -> [String] in
            let (subjectCode, subjectID): (String, String) = switch task.responsible {
            case .organization(let id): (code(id), "")
            case .member(let id): ("", nationalID[id] ?? "")
            }
            return [task.caseReference, task.text, subjectCode, subjectID, task.due.iso, task.done?.iso ?? ""]
        }
        // NB: one row per subject of an item; an item always has one (Core's rule).
        let programmeRows = programmes.flatMap { programme in
            programme.items.enumerated().flatMap { index, item in
                item.subjects.map { subject -> [String] in
                    let (subjectCode, subjectID): (String, String) = switch subject {
                    case .organization(let id): (code(id), "")
                    case .member(let id): ("", nationalID[id] ?? "")
                    }
                    return [code(programme.conductorOrganization), programme.conductor.rawValue, String(programme.year),
                            String(index + 1), item.content, item.activity.rawValue, item.mode.rawValue,
                            ImportVocabulary.code(of: item.planned), subjectCode, subjectID, item.caseReference ?? ""]
                }
            }
        }
        return [organizationRows, memberRows, eventRows, seatRows, oversightRows, meetingRows, attendanceRows, disciplineRows,
                appealRows, termRows, stepRows, teamRows, taskRows, programmeRows]
    }

    /// The tables of a whole registry, rows in a stable order.
    public static func tables(of registry: Registry) -> [Table] {
        let members = registry.members.values.sorted { $0.id < $1.id }
        let rows = rows(
            organizations: registry.tree.organizations.values.sorted { $0.id < $1.id }, members: members,
            events: members.flatMap { registry.journals[$0.id]?.events ?? [] }, seats: registry.seats, cases: registry.cases,
            meetings: registry.meetings, disciplines: registry.disciplines, terms: registry.terms, progress: registry.progress,
            tasks: registry.tasks, programmes: registry.programmes, code: { registry.tree[$0]?.code ?? "" })
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
