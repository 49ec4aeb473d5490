import DangBoCore
import DangBoInterchange
import DangBoStore
import DangBoSynthetic
@testable import DangBoWeb
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting
import ZIPFoundation

/// The import page (UX.md "Writing many records at once"): an upload is previewed (every rule checked against the
/// store, nothing written), confirmed (written and audited), refused with `file:line: column: lý do` and nothing
/// written; unsafe zips and oversized bodies are refused in Vietnamese; only admins and the organization department,
/// within its scope, may import; an upload is confirmed only by the account that made it.
@Suite struct ImportPageTests {
    static var root: String { WebFixture.synthetic.organizations[0].code }

    /// A new cell under the fixture's root with three members arriving, a secretary and a supervision case.
    static var bloc: [String: String] {
        let cell = "\(root).NHAP"
        return [
            "organizations.csv": "code,name,kind,parent_code,established_on,dissolved_on\n\(cell),Chi bộ Trung tâm Dữ liệu,grassroots_cell,\(root),2025-01-01,\n",
            "members.csv": "national_id,full_name,gender,birth_date\n001199000101,Nguyễn Văn Thử,nam,1985-04-12\n"
                + "001199000102,Trần Thị Nghiệm,nữ,1988-06-01\n001199000103,Lê Văn Nhập,nam,1990-09-30\n",
            "events.csv": "national_id,kind,effective_on,organization_code\n001199000101,transferred_in,2025-03-01,\(cell)\n"
                + "001199000102,transferred_in,2025-03-01,\(cell)\n001199000103,transferred_in,2025-03-02,\(cell)\n",
            "committee_seats.csv": "organization_code,committee,national_id,position,source,start_on,end_on,decision_number\n"
                + "\(cell),executive,001199000101,secretary,congress,2025-06-01,,\n",
            "oversight.csv": "case_ref,activity,mode,conductor,conductor_code,started_on,ended_on,subject_code,subject_national_id,outcome\n"
                + "GS-NHAP-01,supervision,regular,committee,\(root),2026-02-01,2026-03-01,\(cell),,no_violation\n",
        ]
    }

    static func zip(_ files: [(String, Data)], compression: CompressionMethod = .deflate) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, data) in files {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: compression) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return archive.data!
    }

    static func zip(_ files: [String: String]) throws -> Data {
        try zip(files.sorted { $0.key < $1.key }.map { ($0.key, Data($0.value.utf8)) })
    }

    /// Posts `content` as the form's file field `tep` (multipart), with the page's CSRF token.
    static func upload(_ client: WebClient, _ content: Data, fileName: String = "du-lieu.zip") async throws -> TestingHTTPResponse {
        if client.cookies["dangbo_csrf"] == nil { _ = try await client.get("/dang-nhap") }
        let boundary = "----DangBoTest\(UUID().uuidString)"
        var body = Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(client.cookies["dangbo_csrf"] ?? "")\r\n".utf8)
        body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"tep\"; filename=\"\(fileName)\"\r\nContent-Type: application/octet-stream\r\n\r\n".utf8)
        body += content
        body += Data("\r\n--\(boundary)--\r\n".utf8)
        var headers = HTTPHeaders()
        headers.add(name: .cookie, value: client.cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
        headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        return try await client.app.testing().sendRequest(.POST, SiteURL.importUpload.path, headers: headers, body: ByteBuffer(bytes: body))
    }

    /// The pending upload's token the preview's confirm form carries.
    static func token(in page: String) -> String? {
        guard let range = page.range(of: #"name="ma" value="[0-9a-f]{64}""#, options: .regularExpression) else { return nil }
        return String(page[range].dropLast().suffix(64))
    }

    static func counts(_ store: Store) async throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for table in ["organizations", "members", "membership_events", "committee_seats", "oversight_cases", "audit_entries"] {
            counts[table] = try await store.sql.raw("SELECT COUNT(*) AS n FROM \(ident: table)").first()!.decode(column: "n", as: Int.self)
        }
        return counts
    }

    static func account(_ store: Store, _ login: String, _ role: Role, on organization: OrganizationID) async throws -> Account {
        try await store.addAccount(login: login, grant: Grant(role: role, organization: organization),
                                   passwordHash: try Passwords.hash(WebFixture.password), actor: "test")
    }

    @Test func aPreviewWritesNothingAndTheConfirmationWritesItWithItsAuditEntry() async throws {
        try await WebFixture.withApp { app, store, _ in
            let client = WebClient(app: app)
            _ = try await client.login("quantri", WebFixture.password)
            #expect(try await client.get(SiteURL.importUpload.path).body.string.contains("enctype=\"multipart/form-data\""))
            let before = try await Self.counts(store)
            let preview = try await Self.upload(client, try Self.zip(Self.bloc))
            let page = preview.body.string
            #expect(preview.status == .ok, "\(page.prefix(2_000))")
            for (file, label, count) in [("organizations.csv", "Tổ chức đảng", 1), ("members.csv", "Đảng viên", 3),
                                         ("events.csv", "Biến động đảng viên", 3), ("committee_seats.csv", "Chức danh cấp ủy", 1),
                                         ("oversight.csv", "Cuộc kiểm tra, giám sát", 1)] {
                #expect(page.contains("<td>\(file)</td><td>\(label)</td><td class=\"number\">\(count)</td>"), "\(file)")
            }
            #expect(page.contains("Chưa có gì được ghi") && page.contains("Xác nhận nhập"))
            // The new records as they would be stored: the cell by its name, the days as dd/MM/yyyy, the gender in words.
            #expect(page.contains("<h2>Tổ chức đảng mới (1)</h2>") && page.contains("<td>\(Self.root).NHAP</td><td>Chi bộ Trung tâm Dữ liệu</td>"))
            #expect(page.contains("<h2>Đảng viên mới (3)</h2>"))
            #expect(page.contains("<tr><td>Nguyễn Văn Thử</td><td>12/4/1985</td><td>Nam</td>"))
            #expect(page.contains("<td>Chi bộ Trung tâm Dữ liệu</td><td>Chính thức</td><td class=\"number\">1</td></tr>"), "\(page)")
            #expect(try await Self.counts(store) == before)
            let token = try #require(Self.token(in: page))

            let confirmed = try await client.post(SiteURL.importConfirm.path, ["ma": token])
            #expect(confirmed.status == .ok, "\(confirmed.body.string.prefix(2_000))")
            #expect(confirmed.body.string.contains("Đã nhập dữ liệu"))
            let after = try await Self.counts(store)
            #expect(after["organizations"] == before["organizations"]! + 1 && after["members"] == before["members"]! + 3)
            #expect(after["membership_events"] == before["membership_events"]! + 3)
            #expect(after["committee_seats"] == before["committee_seats"]! + 1 && after["oversight_cases"] == before["oversight_cases"]! + 1)
            let entry = try #require(try await store.auditEntries(limit: 1).first)
            #expect(entry.action == "import" && entry.actor.hasPrefix("account#") && entry.details["members"] == "3")
            #expect(try await store.organization(code: "\(Self.root).NHAP", on: Day(iso: "2026-11-26")!) != nil)
            // The upload was taken: confirming again finds nothing and writes nothing.
            let again = try await client.post(SiteURL.importConfirm.path, ["ma": token])
            #expect(again.status == .notFound && again.body.string.contains("Không tìm thấy tệp đã tải lên"))
            #expect(try await Self.counts(store) == after)
        }
    }

    /// Every new record can be read before confirming: the preview pages through them, 50 at a time, each page the
    /// dry run again; the token travels in a form, never in an address; nothing is written.
    @Test func thePreviewPagesThroughEveryNewRecord() async throws {
        try await WebFixture.withApp { app, store, _ in
            let client = WebClient(app: app)
            _ = try await client.login("quantri", WebFixture.password)
            var files = Self.bloc
            let ids = (300..<420).map { "001199000\($0)" }
            files["members.csv"] = "national_id,full_name,gender,birth_date\n"
                + ids.enumerated().map { "\($1),Phạm Văn Trang \($0 + 1),nam,1985-04-12\n" }.joined()
            files["events.csv"] = "national_id,kind,effective_on,organization_code\n"
                + ids.map { "\($0),transferred_in,2025-03-01,\(Self.root).NHAP\n" }.joined()
            files["committee_seats.csv"] = nil
            let before = try await Self.counts(store)
            let first = try await Self.upload(client, try Self.zip(files)).body.string
            #expect(first.contains("<h2>Đảng viên mới (1–50 trong 120)</h2>"), "\(first.prefix(3_000))")
            #expect(first.contains("Trang 1/3") && first.contains("Trang sau →") && !first.contains("← Trang trước"))
            #expect(first.contains(">Phạm Văn Trang 50<") && !first.contains(">Phạm Văn Trang 51<"))
            let token = try #require(Self.token(in: first))
            #expect(!first.contains("href=\"/nhap-du-lieu/xem-truoc"))

            let last = try await client.post(SiteURL.importPreview.path, ["ma": token, "trang": "3"])
            let page = last.body.string
            #expect(last.status == .ok && page.contains("<h2>Đảng viên mới (101–120 trong 120)</h2>"), "\(page.prefix(3_000))")
            #expect(page.contains(">Phạm Văn Trang 120<") && !page.contains(">Phạm Văn Trang 100<"))
            #expect(page.contains("Trang 3/3") && page.contains("← Trang trước") && !page.contains("Trang sau →"))
            #expect(page.contains("Xác nhận nhập") && Self.token(in: page) == token)
            #expect(try await Self.counts(store) == before)

            // Another account's request with the token finds nothing.
            let other = WebClient(app: app)
            _ = try await other.login("bithu", WebFixture.password)
            #expect(try await other.post(SiteURL.importPreview.path, ["ma": token, "trang": "2"]).status != .ok)
            // The pages led to the same confirmation.
            #expect(try await client.post(SiteURL.importConfirm.path, ["ma": token]).status == .ok)
            #expect(try await Self.counts(store)["members"] == before["members"]! + 120)
        }
    }

    @Test func aBadRowIsListedAtItsLineWithoutAConfirmButtonAndNothingIsWritten() async throws {
        try await WebFixture.withApp { app, store, _ in
            let client = WebClient(app: app)
            _ = try await client.login("quantri", WebFixture.password)
            var files = Self.bloc
            files["events.csv"] = files["events.csv"]!.replacingOccurrences(of: "001199000102,transferred_in,2025-03-01",
                                                                              with: "001199000102,transferred_in,2025-02-30")
            let before = try await Self.counts(store)
            let preview = try await Self.upload(client, try Self.zip(files))
            #expect(preview.status == .unprocessableEntity)
            #expect(preview.body.string.contains("<code>events.csv:3: effective_on: ngày không hợp lệ"), "\(preview.body.string.prefix(3_000))")
            #expect(!preview.body.string.contains("Xác nhận nhập") && Self.token(in: preview.body.string) == nil)
            // Posting the confirmation anyway: there is no upload to confirm.
            let forced = try await client.post(SiteURL.importConfirm.path, ["ma": String(repeating: "0", count: 64)])
            #expect(forced.status == .notFound)
            #expect(try await Self.counts(store) == before)
        }
    }

    @Test func aConfirmationReadsTheStoreAgainAndShowsWhatChangedAsErrors() async throws {
        try await WebFixture.withApp { app, store, _ in
            let client = WebClient(app: app)
            _ = try await client.login("quantri", WebFixture.password)
            let token = try #require(Self.token(in: try await Self.upload(client, try Self.zip(Self.bloc)).body.string))
            // Someone else writes the same members between the preview and the confirmation.
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dangbo-web-import-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            try Data(Self.bloc["members.csv"]!.utf8).write(to: folder.appendingPathComponent("members.csv"))
            _ = try await store.importData(at: folder, actor: "test")
            let before = try await Self.counts(store)
            let confirmed = try await client.post(SiteURL.importConfirm.path, ["ma": token])
            #expect(confirmed.status == .unprocessableEntity)
            #expect(confirmed.body.string.contains("members.csv:2: national_id: số CCCD 001199000101 đã có trong cơ sở dữ liệu"))
            #expect(try await Self.counts(store) == before)
        }
    }

    /// A warning (a dissolved cell with members left on its rolls) is shown apart from errors, with the confirm button.
    @Test func warningsAreShownApartAndDoNotStopTheConfirmation() async throws {
        try await WebFixture.withApp { app, store, registry in
            let cell = WebFixture.cell(in: registry)
            let version = try #require(cell.versions.last)
            let parent = try #require(version.parent.flatMap { registry.tree[$0]?.code })
            let row = "\(cell.code),\(version.name),\(version.kind == .grassrootsCell ? "grassroots_cell" : "subordinate_cell"),\(parent),\(cell.established.iso),2026-11-20,2026-11-01"
            let client = WebClient(app: app)
            _ = try await client.login("quantri", WebFixture.password)
            let before = try await Self.counts(store)
            let preview = try await Self.upload(client, try Self.zip([
                "organizations.csv": "code,name,kind,parent_code,established_on,dissolved_on,valid_from\n\(row)\n"]))
            let page = preview.body.string
            #expect(preview.status == .ok, "\(page.prefix(3_000))")
            #expect(page.contains("Cảnh báo (") && page.contains("chi bộ \(cell.code) giải thể ngày 20/11/2026"))
            #expect(Self.token(in: page) != nil)
            #expect(try await Self.counts(store) == before)
        }
    }

    @Test(arguments: [
        ("../x.csv", "đường dẫn không an toàn"),
        ("/etc/x.csv", "đường dẫn không an toàn"),
        ("a/b/events.csv", "thư mục lồng nhau"),
        ("ghi-chu.txt", "không phải tệp .csv"),
    ])
    func anUnsafeZipIsRefused(path: String, message: String) async throws {
        try await WebFixture.withApp { app, store, _ in
            let client = WebClient(app: app)
            _ = try await client.login("quantri", WebFixture.password)
            let before = try await Self.counts(store)
            let response = try await Self.upload(client, try Self.zip([(path, Data("national_id\n".utf8))]))
            #expect(response.status == .unprocessableEntity)
            #expect(response.body.string.contains(message), "\(response.body.string.prefix(2_000))")
            #expect(try await Self.counts(store) == before)
        }
    }

    @Test func aZipBombAndAnOversizedBodyAreRefused() async throws {
        try await WebFixture.withApp { app, _, _ in
            let client = WebClient(app: app)
            _ = try await client.login("quantri", WebFixture.password)
            // 16 MiB of one byte deflate to a few KiB: a ratio far over 200:1.
            let bomb = try await Self.upload(client, try Self.zip([("events.csv", Data(repeating: 0x41, count: 16 << 20))]))
            #expect(bomb.status == .unprocessableEntity)
            #expect(bomb.body.string.contains("dấu hiệu của tệp nén độc hại (zip bomb)"))
            // A folder of CSV files zipped one level deep is accepted (Finder's extra entries left out).
            let folder = try await Self.upload(client, try Self.zip(Self.bloc.map { ("du-lieu/\($0.key)", Data($0.value.utf8)) }
                + [("__MACOSX/du-lieu/._members.csv", Data("x".utf8))]))
            #expect(folder.status == .ok, "\(folder.body.string.prefix(2_000))")
            // Neither a zip nor a workbook.
            let other = try await Self.upload(client, Data("x".utf8), fileName: "du-lieu.pdf")
            #expect(other.status == .unprocessableEntity && other.body.string.contains("chỉ nhận tệp nén .zip"))
            let oversized = try await Self.upload(client, Data(count: ImportController.defaultMaximumUploadBytes + 1))
            #expect(oversized.status == .payloadTooLarge)
            #expect(oversized.body.string.contains("quá giới hạn của một lần nhập"))
        }
    }

    @Test func theOrganizationDepartmentImportsOnlyInsideItsScope() async throws {
        try await WebFixture.withApp { app, store, registry in
            let cell = WebFixture.cell(in: registry)
            let root = WebFixture.synthetic.organizations[0]
            _ = try await Self.account(store, "bantochuc", .organizationStaff, on: cell.id)
            _ = try await Self.account(store, "bantochuckhoi", .organizationStaff, on: root.id)
            let client = WebClient(app: app)
            _ = try await client.login("bantochuc", WebFixture.password)
            let before = try await Self.counts(store)
            let refused = try await Self.upload(client, try Self.zip(Self.bloc))
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("organizations.csv:2: code: tổ chức đảng mã \(Self.root).NHAP nằm ngoài phạm vi tài khoản của bạn"),
                    "\(refused.body.string.prefix(3_000))")
            #expect(try await Self.counts(store) == before)
            // The bloc's department covers the new cell.
            let bloc = WebClient(app: app)
            _ = try await bloc.login("bantochuckhoi", WebFixture.password)
            let preview = try await Self.upload(bloc, try Self.zip(Self.bloc))
            #expect(preview.status == .ok && Self.token(in: preview.body.string) != nil)
        }
    }

    @Test func onlyTheAccountThatUploadedConfirmsAndOthersAreRefused() async throws {
        try await WebFixture.withApp { app, store, registry in
            let root = WebFixture.synthetic.organizations[0]
            _ = try await Self.account(store, "quantri2", .admin, on: root.id)
            _ = try await Self.account(store, "xem", .viewer, on: root.id)
            let admin = WebClient(app: app)
            _ = try await admin.login("quantri", WebFixture.password)
            let token = try #require(Self.token(in: try await Self.upload(admin, try Self.zip(Self.bloc)).body.string))
            let before = try await Self.counts(store)
            let other = WebClient(app: app)
            _ = try await other.login("quantri2", WebFixture.password)
            #expect(try await other.post(SiteURL.importConfirm.path, ["ma": token]).status == .notFound)
            #expect(try await Self.counts(store) == before)
            // A viewer and a cell secretary may not import at all.
            for login in ["xem", "bithu"] {
                let client = WebClient(app: app)
                _ = try await client.login(login, WebFixture.password)
                #expect(try await client.get(SiteURL.importUpload.path).status == .forbidden, "\(login)")
                #expect(try await Self.upload(client, try Self.zip(Self.bloc)).status == .forbidden, "\(login)")
                #expect(try await client.post(SiteURL.importConfirm.path, ["ma": token]).status == .forbidden, "\(login)")
            }
            #expect(try await Self.counts(store) == before)
            _ = registry
        }
    }
}

/// The same upload as an Excel workbook (one sheet per table, as `dangbo export --format xlsx` writes it): previewed
/// with the same counts, refused at the sheet's row with nothing written, confirmed like the zip.
@Suite struct ImportPageWorkbookTests {
    /// The bloc's CSV files as a workbook: each file a sheet named after its table.
    static func workbook(_ files: [String: String]) throws -> Data {
        let tables = files.sorted { $0.key < $1.key }.map { name, text in
            let lines = text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
            return Table(name: String(name.dropLast(".csv".count)), header: lines[0],
                         rows: lines.dropFirst().enumerated().map { TableRow(line: $0.offset + 2, cells: $0.element) })
        }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dangbo-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        try XLSXWriter.write(tables, to: url)
        return try Data(contentsOf: url)
    }

    @Test func aWorkbookIsPreviewedRefusedAtItsRowAndConfirmed() async throws {
        try await WebFixture.withApp { app, store, _ in
            let client = WebClient(app: app)
            _ = try await client.login("quantri", WebFixture.password)
            let before = try await ImportPageTests.counts(store)

            var broken = ImportPageTests.bloc
            broken["events.csv"] = broken["events.csv"]!.replacingOccurrences(of: "001199000102,transferred_in,2025-03-01",
                                                                                with: "001199000102,transferred_in,2025-02-30")
            let refused = try await ImportPageTests.upload(client, try Self.workbook(broken), fileName: "du-lieu.xlsx")
            let refusal = refused.body.string
            #expect(refused.status == .unprocessableEntity)
            #expect(refusal.contains("<code>du-lieu.xlsx[events]:3: effective_on: ngày không hợp lệ"), "\(refusal.prefix(3_000))")
            #expect(ImportPageTests.token(in: refusal) == nil)
            #expect(try await ImportPageTests.counts(store) == before)

            let preview = try await ImportPageTests.upload(client, try Self.workbook(ImportPageTests.bloc), fileName: "du-lieu.xlsx")
            let page = preview.body.string
            #expect(preview.status == .ok, "\(page.prefix(2_000))")
            for (label, count) in [("Tổ chức đảng", 1), ("Đảng viên", 3), ("Biến động đảng viên", 3), ("Chức danh cấp ủy", 1),
                                   ("Cuộc kiểm tra, giám sát", 1)] {
                #expect(page.contains("<td>\(label)</td><td class=\"number\">\(count)</td>"), "\(label)")
            }
            #expect(try await ImportPageTests.counts(store) == before)
            let token = try #require(ImportPageTests.token(in: page))
            let confirmed = try await client.post(SiteURL.importConfirm.path, ["ma": token])
            #expect(confirmed.status == .ok && confirmed.body.string.contains("Đã nhập dữ liệu"))
            let after = try await ImportPageTests.counts(store)
            #expect(after["members"] == before["members"]! + 3 && after["membership_events"] == before["membership_events"]! + 3)
            #expect(after["committee_seats"] == before["committee_seats"]! + 1 && after["oversight_cases"] == before["oversight_cases"]! + 1)
        }
    }
}
