@testable import DangBoWeb
import Testing

/// The page cache's bounds: what is kept, what goes first when full.
@Suite struct PageCacheTests {
    @Test func keepsAPageAndRendersItOnce() async throws {
        let cache = PageCache(capacity: 1_000)
        let key = PageCache.Key(version: "1:a", scope: [1], page: "p")
        var renders = 0
        for _ in 0..<3 {
            let content = await cache.content(for: key) { renders += 1; return "nội dung" }
            #expect(content == "nội dung")
        }
        #expect(renders == 1)
    }

    @Test func anErrorIsNeverKept() async throws {
        struct Failure: Error {}
        let cache = PageCache(capacity: 1_000)
        let key = PageCache.Key(version: "1:a", scope: [1], page: "p")
        await #expect(throws: Failure.self) { _ = try await cache.content(for: key) { throw Failure() } }
        #expect(cache.count == 0)
        #expect(await cache.content(for: key) { "sau" } == "sau")
    }

    @Test func whenFullOlderVersionsGoFirstThenTheOldest() async throws {
        let cache = PageCache(capacity: 400)
        let page = String(repeating: "x", count: 100)
        for name in ["a", "b"] { _ = await cache.content(for: .init(version: "1", scope: [1], page: name)) { page } }
        for name in ["c", "d"] { _ = await cache.content(for: .init(version: "2", scope: [1], page: name)) { page } }
        #expect(cache.count == 4)
        // Full: a page of version 2 drops both pages of version 1, and keeps the pages of its own version.
        _ = await cache.content(for: .init(version: "2", scope: [1], page: "e")) { page }
        #expect(cache.count == 3)
        var rendered = false
        _ = await cache.content(for: .init(version: "2", scope: [1], page: "c")) { rendered = true; return page }
        #expect(!rendered)
        _ = await cache.content(for: .init(version: "1", scope: [1], page: "a")) { rendered = true; return page }
        #expect(rendered)
        // Too large a page (more than a quarter of the capacity) is served, never kept.
        let before = cache.count
        _ = await cache.content(for: .init(version: "2", scope: [1], page: "big")) { String(repeating: "y", count: 101) }
        #expect(cache.count == before)
    }
}
