import FluentKit
import SQLKit

/// The audit trail becomes a hash chain (issue 8 §5): `previous_hash` and `hash` on every entry (`AuditChain`), computed
/// here for the entries written before, in id order, so that `dangbo audit verify` can tell from now on whether any
/// entry was edited, inserted or deleted. The columns stay nullable at the SQL level (SQLite cannot add a NOT NULL
/// column without a default); every entry written through the store has both.
struct M0013_ChainAuditEntries: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // NB: one column per statement: SQLite's ALTER TABLE adds one at a time.
        try await database.schema("audit_entries").field("previous_hash", .string).update()
        try await database.schema("audit_entries").field("hash", .string).update()
        let sql = database as! any SQLDatabase
        var previousHash = AuditChain.genesis
        var after = Int.min
        while true {
            let rows = try await sql.raw("""
                SELECT id, recorded_at, actor, action, summary, details, previous_hash, hash FROM audit_entries
                WHERE id > \(bind: after) ORDER BY id LIMIT 1000
                """).all()
            for row in rows {
                let entry = try Store.storedAuditEntry(row)
                let hash = AuditChain.hash(of: entry, previousHash: previousHash)
                try await sql.update("audit_entries").set("previous_hash", to: previousHash).set("hash", to: hash)
                    .where("id", .equal, entry.id).run()
                previousHash = hash
                after = entry.id
            }
            if rows.count < 1000 { break }
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema("audit_entries").deleteField("hash").update()
        try await database.schema("audit_entries").deleteField("previous_hash").update()
    }
}
