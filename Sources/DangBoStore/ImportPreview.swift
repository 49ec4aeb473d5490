import DangBoCore
import DangBoInterchange

/// What an import would write (`Store.previewImport`): its counts and warnings, and the first records it adds as the
/// store would hold them, read back inside the transaction that is then rolled back.
public struct ImportPreview: Sendable {
    /// A new member with what the import makes of them on its day.
    public struct Member: Sendable {
        public var member: DangBoCore.Member
        /// The cell of the member's period on the import's day; nil when not on the rolls that day.
        public var cell: OrganizationSummary?
        public var standing: Standing?
        /// The events the import records for the member.
        public var events: Int
    }

    public var summary: Importer.Summary
    /// The first new organizations, each as its first version names it.
    public var organizations: [OrganizationSummary]
    public var members: [Member]
}
