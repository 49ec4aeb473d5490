import FluentKit

/// The day the cell voted on an admission (ngày chi bộ xét kết nạp): admission age is counted on it when it is known
/// (QĐ 24-QĐ/TW §1.1). Null for every other event and for admissions recorded without it.
struct M0011_AddAdmissionVoteDay: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("membership_events").field("voted_on", .int64).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("membership_events").deleteField("voted_on").update()
    }
}
