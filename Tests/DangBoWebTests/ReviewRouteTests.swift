import DangBoCore
import DangBoStore
import DangBoSynthetic
import DangBoWeb
import Foundation
import Testing
import VaporTesting

/// The JSON review served over HTTP is the store's review, with the keys of the published contract.
@Suite struct ReviewRouteTests {
    static func withStore(_ body: (Store, Registry) async throws -> Void) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dangbo-web-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try await Store.open(.sqlite(path: directory.appendingPathComponent("web.sqlite").path))
        let synthetic = SyntheticRegistry(options: .init(seed: 3, grassroots: 6, members: 300))
        let (change, registry) = synthetic.change()
        do {
            try await store.write(change, tree: registry.tree, audit: AuditRecord(
                actor: "test", action: "seed", summary: "web", recordedAt: Date(timeIntervalSince1970: 0)))
            try await body(store, registry)
        } catch {
            await store.close()
            throw error
        }
        await store.close()
    }

    @Test func reviewAsJSON() async throws {
        try await Self.withStore { store, registry in
            let root = registry.tree.organizations.values.first { $0.versions[0].parent == nil }!
            let expected = registry.review(of: root.id, from: Day(iso: "2021-01-01")!, to: Day(iso: "2021-03-31")!)
            try await withApp(configure: { app in WebServer.configure(app, store: store) }) { app in
                let client = WebClient(app: app)
                try await store.addAccount(login: "quantri", grant: Grant(role: .admin, organization: root.id),
                                           passwordHash: try Passwords.hash(WebFixture.password), actor: "test")
                _ = try await client.login("quantri", WebFixture.password)
                do {
                    let response = try await client.get("/api/v1/review?organization=\(root.code)&from=2021-01-01&to=2021-03-31")
                    #expect(response.status == .ok)
                    let object = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any]
                    let members = object?["members"] as? [String: Any]
                    #expect(members?["total"] as? Int == expected.members.total)
                    #expect(members?["atStart"] as? Int == expected.members.atStart)
                    #expect((object?["balance"] as? [String: Any])?["holds"] as? Bool == true)
                    let supervision = object?["supervision"] as? [String: [String: [String: Int]]]
                    #expect(supervision?["regular"]?["committees"]?["members"]
                        == expected.oversight(.supervision, .regular, .committee).members)
                    #expect(object?["asOf"] as? String == "2021-03-31")
                }
                // Without a session, no figures.
                let anonymous = try await WebClient(app: app).get("/api/v1/review?organization=\(root.code)&from=2021-01-01&to=2021-03-31")
                #expect(anonymous.status == .unauthorized)
            }
        }
    }

    @Test func badQuestionsGetClearAnswers() async throws {
        try await WebFixture.withApp { app, _, _ in
            let client = WebClient(app: app)
            _ = try await client.login("quantri", WebFixture.password)
            let unknown = try await client.get("/api/v1/review?organization=NOPE&from=2021-01-01&to=2021-03-31")
            #expect(unknown.status == .notFound)
            #expect(unknown.body.string.contains("Không có tổ chức đảng mã NOPE"))
            let backwards = try await client.get("/api/v1/review?organization=DUK&from=2021-04-01&to=2021-03-31")
            #expect(backwards.status == .badRequest)
            let home = try await client.get("/")
            #expect(home.status == .ok)
            #expect(home.body.string.contains("lang=\"vi\""))
        }
    }
}
