import DangBoCore
import FluentKit

/// A row of `organizations`: the stable identity of an organization. Its versions live in `organization_versions`.
///
/// NB: `@unchecked Sendable` because Fluent models are classes with property wrappers that Swift cannot check; an
/// instance is created, filled and read inside one query's task and never shared between tasks.
final class OrganizationModel: Model, @unchecked Sendable {
    static let schema = "organizations"

    // managed fields
    @ID(custom: "id", generatedBy: .user) var id: Int?

    // data fields
    @Field(key: "code") var code: String
    @Field(key: "established_on") var establishedOn: Int
    @Field(key: "dissolved_on") var dissolvedOn: Int

    init() {}
}

extension Store {
    /// The organization with `code`, or nil.
    public func organizationID(code: String) async throws -> OrganizationID? {
        try await OrganizationModel.query(on: database).filter(\.$code == code).first()?.id.map(OrganizationID.init(rawValue:))
    }
}
