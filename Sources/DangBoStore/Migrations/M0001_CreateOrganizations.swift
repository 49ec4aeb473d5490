import FluentKit
import SQLKit

/// The dated tree: organizations, their versions and the materialized ancestry used by every subtree filter.
struct M0001_CreateOrganizations: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("organizations")
            // managed fields
            .field("id", .int64, .identifier(auto: false))
            // data fields
            .field("code", .string, .required)
            .field("established_on", .int64, .required)
            .field("dissolved_on", .int64, .required)
            // constraints
            .unique(on: "code")
            .create()
        try await database.schema("organization_versions")
            .field("organization_id", .int64, .required, .references("organizations", "id"))
            .field("valid_from", .int64, .required)
            .field("valid_to", .int64, .required)
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("parent_id", .int64, .references("organizations", "id"))
            .compositeIdentifier(over: "organization_id", "valid_from")
            .create()
        try await database.schema("organization_ancestry")
            .field("ancestor_id", .int64, .required)
            .field("descendant_id", .int64, .required)
            .field("depth", .int64, .required)
            .field("valid_from", .int64, .required)
            .field("valid_to", .int64, .required)
            .compositeIdentifier(over: "ancestor_id", "descendant_id", "valid_from")
            .create()
        let sql = database as! any SQLDatabase
        // NB: the composite identifier (ancestor, descendant, from) serves "is X under R on D"; this one serves
        // "what lies under R on D" and the reorganization flows.
        try await sql.create(index: "organization_ancestry_by_ancestor_day").on("organization_ancestry")
            .column("ancestor_id").column("valid_from").column("valid_to").column("descendant_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("organization_ancestry").delete()
        try await database.schema("organization_versions").delete()
        try await database.schema("organizations").delete()
    }
}
