import FluentKit
import SQLKit

/// A committee seat is keyed by its organization, committee, holder and first day, and a case names each subject once:
/// importing the same rows again is refused by the importer (with the line) and, should anything else try, by the
/// database, never duplicated (issue 8).
///
/// Copies already made by the foundation's imports are removed first, keeping the first of each key: they are the
/// same record written twice, so nothing is lost.
struct M0014_KeySeatsAndSubjects: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("""
            DELETE FROM committee_seats WHERE id NOT IN (
                SELECT MIN(id) FROM committee_seats GROUP BY organization_id, committee, member_id, start_on)
            """).run()
        if sql.dialect.name == "postgresql" {
            try await sql.raw("""
                DELETE FROM oversight_subjects a USING oversight_subjects b
                WHERE a.ctid > b.ctid AND a.case_id = b.case_id
                  AND a.organization_id IS NOT DISTINCT FROM b.organization_id AND a.member_id IS NOT DISTINCT FROM b.member_id
                """).run()
        } else {
            try await sql.raw("""
                DELETE FROM oversight_subjects WHERE rowid NOT IN (
                    SELECT MIN(rowid) FROM oversight_subjects GROUP BY case_id, organization_id, member_id)
                """).run()
        }
        try await sql.create(index: "committee_seats_key").on("committee_seats").unique()
            .column("organization_id").column("committee").column("member_id").column("start_on").run()
        // NB: an organization subject has no member and the other way round; NULLs are distinct in a unique index on
        // both databases, so each index holds one kind of subject.
        try await sql.create(index: "oversight_subjects_organization_key").on("oversight_subjects").unique()
            .column("case_id").column("organization_id").run()
        try await sql.create(index: "oversight_subjects_member_key").on("oversight_subjects").unique()
            .column("case_id").column("member_id").run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for index in ["committee_seats_key", "oversight_subjects_organization_key", "oversight_subjects_member_key"] {
            try await sql.drop(index: index).run()
        }
    }
}
