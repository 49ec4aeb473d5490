/// A change of the organization tree that a rule refuses: the part of the change at fault (a form shows the message
/// on that field) and the Vietnamese message a user reads.
public struct OrganizationChangeViolation: Error, Hashable, Sendable, CustomStringConvertible {
    /// The part of a change a violation is about.
    public enum Field: String, Hashable, Sendable {
        /// The organization changed as a whole (its members or children).
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
