import DangBoCore

/// Why a change of the organization tree is not written: the part of the change at fault (a form shows the message
/// on that field) and the Vietnamese message a user reads. Nothing is written when one is thrown.
public struct TreeChangeRefusal: Error, Hashable, Sendable, CustomStringConvertible {
    /// The part of a change a refusal is about.
    public enum Field: String, Hashable, Sendable {
        /// The organization changed as a whole (its members or children, the caller's scope).
        case organization
        /// The code of an organization established.
        case code
        /// A new name.
        case name
        /// A new kind, or the kind of an organization established.
        case kind
        /// The parent (cấp trên) of an organization established or moved.
        case parent
        /// The day the change takes effect.
        case effective
        /// The organizations a merger absorbs.
        case absorbed
        /// The organization a merger goes on in.
        case target
        /// The new organizations of a split.
        case parts
        /// Which new organization each child of a split goes to.
        case assignments
    }

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
        self.init(Field(violation.field), violation.message)
    }
}

extension TreeChangeRefusal.Field {
    /// The field of Core's violation.
    init(_ field: OrganizationChangeViolation.Field) {
        switch field {
        case .organization: self = .organization
        case .code: self = .code
        case .name: self = .name
        case .kind: self = .kind
        case .parent: self = .parent
        case .effective: self = .effective
        case .absorbed: self = .absorbed
        case .target: self = .target
        case .parts: self = .parts
        case .assignments: self = .assignments
        }
    }
}
