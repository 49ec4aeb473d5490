import NIOConcurrencyHelpers

/// The rendered content of list pages, kept per (data version, scope, question) so that a page asked again before
/// any write is served without its queries and its rendering (issue 9 point 6: a cell's list is read many times a day
/// and changes a few times).
///
/// NB: correct by construction, never by expiry: the key holds `Store.dataVersion()` (the last audit entry, read on
/// every request), so any committed write — by this process, another instance on the same PostgreSQL, or the CLI —
/// makes every older entry unreachable; and the key holds the caller's scope roots, so two accounts share an entry
/// only when they would see exactly the same rows. What is kept is the page's own content, never the top bar (login,
/// CSRF token). Bounded: when full, entries of older versions go first, then the oldest.
final class PageCache: Sendable {
    struct Key: Hashable, Sendable {
        var version: String
        var scope: [Int]
        var page: String
    }

    private struct State {
        var entries: [Key: String] = [:]
        var order: [Key] = []
        var bytes = 0
    }

    private let state = NIOLockedValueBox(State())
    /// At most this many UTF-8 bytes of content are kept (a member list page is about 20 KB).
    let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// The content kept for `key`, or the content `make` renders, kept for the next caller.
    func content(for key: Key, make: () async throws -> String) async rethrows -> String {
        if let kept = state.withLockedValue({ $0.entries[key] }) { return kept }
        let made = try await make()
        let size = made.utf8.count
        guard size <= capacity / 4 else { return made }
        state.withLockedValue { state in
            guard state.entries[key] == nil else { return }
            if state.bytes + size > capacity {
                // Older versions first (unreachable already), then the oldest entries.
                let stale = state.order.filter { $0.version != key.version }
                for old in stale { state.bytes -= state.entries.removeValue(forKey: old)?.utf8.count ?? 0 }
                state.order.removeAll { $0.version != key.version }
                while state.bytes + size > capacity, !state.order.isEmpty {
                    state.bytes -= state.entries.removeValue(forKey: state.order.removeFirst())?.utf8.count ?? 0
                }
            }
            state.entries[key] = made
            state.order.append(key)
            state.bytes += size
        }
        return made
    }

    /// How many pages are kept (for tests).
    var count: Int { state.withLockedValue { $0.entries.count } }
}
