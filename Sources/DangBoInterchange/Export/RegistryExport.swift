import DangBoCore
import Foundation

/// Writes a registry in the import format (docs/import-format.md): importing the folder back gives the same
/// registry, so the contract is its own round trip.
public enum RegistryExport {
    /// The five tables, header first, rows in a stable order.
    public static func tables(of registry: Registry) -> [Table] {
        let tree = registry.tree
        func code(_ id: OrganizationID?) -> String { id.flatMap { tree[$0]?.code } ?? "" }
        let members = registry.members.values.sorted { $0.id < $1.id }
        let nationalID = Dictionary(uniqueKeysWithValues: members.map { ($0.id, $0.nationalID) })

        var organizations: [[String]] = []
        for organization in tree.organizations.values.sorted(by: { $0.id < $1.id }) {
            for (index, version) in organization.versions.enumerated() {
                let last = index == organization.versions.count - 1
                organizations.append([
                    organization.code, version.name, version.kind.rawValue, code(version.parent),
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
        var events: [[String]] = []
        for member in members {
            for event in registry.journals[member.id]?.events ?? [] {
                events.append([member.nationalID, event.kind.rawValue, event.effective.iso, code(event.organization),
                               event.decision?.number ?? "", event.decision?.date?.iso ?? "", event.counterpart, event.note])
            }
        }
        let seats = registry.seats.map { seat in
            [code(seat.organization), seat.committee.rawValue, nationalID[seat.member] ?? "", seat.position.rawValue,
             seat.source.rawValue, seat.validity.start.iso, seat.validity.end?.iso ?? "", seat.decision?.number ?? ""]
        }
        var oversight: [[String]] = []
        for oversightCase in registry.cases {
            for subject in oversightCase.subjects {
                let (subjectCode, subjectID): (String, String) = switch subject {
                case .organization(let id): (code(id), "")
                case .member(let id): ("", nationalID[id] ?? "")
                }
                oversight.append([oversightCase.reference, oversightCase.activity.rawValue, oversightCase.mode.rawValue,
                                  oversightCase.conductor.rawValue, code(oversightCase.conductorOrganization),
                                  oversightCase.started.iso, oversightCase.ended?.iso ?? "", subjectCode, subjectID,
                                  oversightCase.outcome?.rawValue ?? ""])
            }
        }
        func table(_ name: String, _ header: [String], _ rows: [[String]]) -> Table {
            Table(name: name, header: header, rows: rows.enumerated().map { TableRow(line: $0.offset + 2, cells: $0.element) })
        }
        return [
            table("organizations", ["code", "name", "kind", "parent_code", "established_on", "dissolved_on", "valid_from"], organizations),
            table("members", ["national_id", "family_name", "middle_name", "given_name", "gender", "birth_date", "ethnicity",
                              "religion", "card_number", "record_number", "education", "political_theory", "occupation",
                              "joined_on", "official_on"], memberRows),
            table("events", ["national_id", "kind", "effective_on", "organization_code", "decision_number", "decision_date",
                             "counterpart", "note"], events),
            table("committee_seats", ["organization_code", "committee", "national_id", "position", "source", "start_on",
                                      "end_on", "decision_number"], seats),
            table("oversight", ["case_ref", "activity", "mode", "conductor", "conductor_code", "started_on", "ended_on",
                                "subject_code", "subject_national_id", "outcome"], oversight),
        ]
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
