import DangBoCore
import DangBoInterchange

/// What an import would write (`Store.previewImport`): its counts and warnings, and one page of the records it adds as
/// the store would hold them (every page in turn shows every new record), read back inside the transaction that is
/// then rolled back.
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
    /// The page's new organizations, each as its first version names it.
    public var organizations: [OrganizationSummary]
    /// The page's new members.
    public var members: [Member]
    /// Which page (from 1) of `pageSize` new organizations and members.
    public var page: Int
    public var pageSize: Int

    /// The pages it takes to show every new organization and member.
    public var pageCount: Int { max(1, (max(summary.organizations, summary.members) + pageSize - 1) / pageSize) }
}
