import DangBoCore

/// Why a change of the organization tree is not written: the part of the change at fault (a form shows the message
/// on that field) and the Vietnamese message a user reads. Nothing is written when one is thrown.
public struct TreeChangeRefusal: Error, Hashable, Sendable, CustomStringConvertible {
    /// The part of a change a refusal is about: Core's fields (the store's own refusals — unknown organization,
    /// outside the caller's scope — stand on `.organization`, `.parent` or `.effective`).
    public typealias Field = OrganizationChangeViolation.Field

    public var field: Field
    public var message: String

    public init(_ field: Field, _ message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { message }
}

extension TreeChangeRefusal {
    /// The refusal of a change that breaks one of Core's rules, on the same field with the same message.
    public init(_ violation: OrganizationChangeViolation) {
        self.init(violation.field, violation.message)
    }
}
