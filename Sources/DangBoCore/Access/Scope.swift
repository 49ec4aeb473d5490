/// The organizations an account covers: each grant's organization and everything below it, as the tree stands on the
/// day asked (DESIGN §3 "Users and access"). The store filters every query by it in SQL (`Store.covers`); this is
/// Core's twin, which tests hold the store equal to.
public struct Scope: Hashable, Sendable {
    /// The organizations whose subtrees are covered, without repeats, in the order first granted. No roots: nothing.
    public var roots: [OrganizationID]

    public init(roots: [OrganizationID]) {
        var seen = Set<OrganizationID>()
        self.roots = roots.filter { seen.insert($0).inserted }
    }

    /// The organizations of the account's grants, whatever their roles.
    ///
    /// NB: a disabled account covers nothing, so that a scope kept from before the account was disabled opens no page.
    public init(account: Account) {
        self.init(roots: account.disabled ? [] : account.grants.map(\.organization))
    }

    /// Whether `id` is one of the roots or lies below one of them in `tree` on `day` (both must exist that day).
    public func covers(_ id: OrganizationID, in tree: OrganizationTree, on day: Day) -> Bool {
        roots.contains { tree.isWithin(id, root: $0, on: day) }
    }
}
