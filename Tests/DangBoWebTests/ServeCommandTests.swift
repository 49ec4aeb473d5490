import DangBoCore
@testable import DangBoInterchange
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// `dangbo serve` as an operator starts it (issue 8 point 7): it takes `--database` like every command, and a port
/// out of range is refused, never turned into a random one.
@Suite struct ServeCommandTests {
    /// The `dangbo` executable built beside the test bundle.
    static var executable: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("dangbo")
    }

    static func run(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.standardOutput = Pipe()
        process.standardError = Pipe()
        try process.run()
        return process
    }

    static func get(_ url: URL) async -> String? {
        guard let (data, response) = try? await URLSession.shared.data(from: url),
              (response as? HTTPURLResponse)?.statusCode == 200 else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    @Test func serveTakesTheDatabaseOption() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dangbo-serve-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let port = 20_000 + Int.random(in: 0..<20_000)
        let server = try Self.run(["serve", "--database", "sqlite:\(folder.path)/serve.sqlite", "--port", "\(port)"])
        defer { if server.isRunning { server.terminate() } }
        var answer: String?
        for _ in 0..<100 where answer == nil && server.isRunning {
            try await Task.sleep(for: .milliseconds(200))
            answer = await Self.get(URL(string: "http://127.0.0.1:\(port)/healthz")!)
        }
        #expect(answer == "ok")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("serve.sqlite").path))
    }

    @Test(arguments: ["99999", "0", "-1", "65536"])
    func aPortOutOfRangeIsRefused(port: String) throws {
        let server = try Self.run(["serve", "--database", "sqlite:/tmp/dangbo-never-created/x.sqlite", "--port=\(port)"])
        server.waitUntilExit()
        #expect(server.terminationStatus != 0)
        let message = String(decoding: (server.standardError as! Pipe).fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(message.contains("--port must be between 1 and 65535"), "\(message)")
        #expect(!FileManager.default.fileExists(atPath: "/tmp/dangbo-never-created"))
    }

    /// `dangbo user add … --password-stdin`, `user list`, `user passwd`: as a script would run them.
    @Test func userCommands() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dangbo-users-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = "sqlite:\(folder.path)/users.sqlite"
        func dangbo(_ arguments: [String], input: String? = nil) throws -> (status: Int32, output: String, error: String) {
            let process = Process()
            process.executableURL = Self.executable
            process.arguments = arguments + ["--database", database]
            let output = Pipe(), error = Pipe(), stdin = Pipe()
            process.standardOutput = output
            process.standardError = error
            process.standardInput = stdin
            try process.run()
            if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
            try stdin.fileHandleForWriting.close()
            process.waitUntilExit()
            return (process.terminationStatus, String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self),
                    String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
        }
        let demo = try dangbo(["demo", "--members", "300", "--through", "2026-11-26"])
        #expect(demo.status == 0, "\(demo.error)")
        let add = try dangbo(["user", "add", "bithu.chibo", "--role", "cellSecretary", "--organization", "DUK", "--password-stdin"],
                             input: "mot-mat-khau-dai\n")
        #expect(add.status == 0, "\(add.error)")
        #expect(add.output.contains("Bí thư chi bộ"))
        let list = try dangbo(["user", "list"])
        #expect(list.output.contains("bithu.chibo\tcellSecretary @ DUK"), "\(list.output)")
        let again = try dangbo(["user", "add", "bithu.chibo", "--role", "viewer", "--organization", "DUK", "--password-stdin"],
                               input: "mot-mat-khau-dai\n")
        #expect(again.status != 0 && again.error.contains("Tên đăng nhập bithu.chibo đã có"), "\(again.error)")
        let short = try dangbo(["user", "add", "khac", "--role", "viewer", "--organization", "DUK", "--password-stdin"], input: "ngan\n")
        #expect(short.status != 0 && short.error.contains("ít nhất 10 ký tự"), "\(short.error)")
        let unknown = try dangbo(["user", "add", "khac", "--role", "viewer", "--organization", "KHONGCO", "--password-stdin"],
                                 input: "mot-mat-khau-dai\n")
        #expect(unknown.status != 0 && unknown.error.contains("Không có tổ chức đảng mã KHONGCO"), "\(unknown.error)")
        let passwd = try dangbo(["user", "passwd", "bithu.chibo", "--password-stdin"], input: "mat-khau-moi-dai\n")
        #expect(passwd.status == 0, "\(passwd.error)")
        #expect(!list.output.contains("mot-mat-khau") && !add.output.contains("mot-mat-khau"))

        // The demo bloc's quarter report as a party document, at once (the demo sets the bloc's document settings);
        // an organization without settings is refused until they are set.
        let report = folder.appendingPathComponent("bao-cao.docx")
        let review = ["report", "review", "--from", "2026-07-01", "--to", "2026-09-30", "--format", "docx", "--output", report.path]
        let written = try dangbo(review + ["--organization", "DUK", "--number", "15"])
        #expect(written.status == 0 && written.output.contains("Số 15-BC/ĐUK, Vĩnh Phúc, ngày 30 tháng 9 năm 2026"), "\(written.error)")
        let texts = try PartyDocumentDOCX.texts(of: report)
        #expect(texts.prefix(4) == ["ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH", "*", "Số 15-BC/ĐUK", "ĐẢNG CỘNG SẢN VIỆT NAM"], "\(texts.prefix(6))")
        #expect(texts.contains { $0.hasPrefix("Đến 30/9/2026, Đảng bộ Khối các cơ quan tỉnh có ") })
        let cell = try dangbo(review + ["--organization", "DUK.01"])
        #expect(cell.status != 0 && cell.error.contains("Chưa đặt địa danh và chữ viết tắt của DUK.01"), "\(cell.error)")
        #expect(try dangbo(["organization", "settings", "DUK.01", "--place", "Vĩnh Phúc", "--issuer-code", "ĐU"]).status == 0)
        let set = try dangbo(review + ["--organization", "DUK.01"])
        #expect(set.status == 0 && set.output.contains("Số     -BC/ĐU"), "\(set.error)")
        // The review's tables as a workbook: the figures as plain integers, equal to the JSON review's.
        let workbook = folder.appendingPathComponent("bao-cao.xlsx")
        let xlsx = try dangbo(["report", "review", "--from", "2026-07-01", "--to", "2026-09-30", "--organization", "DUK",
                               "--format", "xlsx", "--output", workbook.path])
        #expect(xlsx.status == 0, "\(xlsx.error)")
        let sheets = try XLSXReader.read(url: workbook)
        let json = try dangbo(["report", "review", "--from", "2026-07-01", "--to", "2026-09-30", "--organization", "DUK", "--format", "json"])
        let figures = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        let members = try #require(figures["members"] as? [String: Any])
        #expect(sheets.map(\.name).prefix(3) == ["Tổng hợp", "Biến động đảng viên", "Theo tổ chức cơ sở"])
        #expect(sheets.first?.rows.first { $0.cells.first == "Đảng viên" }?.cells.last == "\(members["total"] as? Int ?? -1)")
        // Under the bloc: the bloc's name on the first line, the organization's committee (or cell) on the second.
        let lines = try PartyDocumentDOCX.texts(of: report)
        #expect(lines.first == "ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH" && (lines[1].hasPrefix("ĐẢNG ỦY ") || lines[1].hasPrefix("CHI BỘ ")),
                "\(lines.prefix(3))")

        // Issuing from the command line: the narrative from files, the report numbered and frozen, printed again as
        // issued, and reconciled with the registry.
        let period = ["--organization", "DUK", "--from", "2026-07-01", "--to", "2026-09-30"]
        let refused = try dangbo(["report", "issue"] + period)
        #expect(refused.status != 0 && refused.error.contains("Chưa viết phần “Các mặt công tác khác”"), "\(refused.error)")
        var files: [String] = []
        for (option, text) in [("--results", "Công tác tuyên truyền được triển khai kịp thời.\nCác chi bộ sinh hoạt đều đặn.\n"),
                               ("--shortcomings", "Một số chi bộ sinh hoạt còn hình thức.\n"), ("--directions", "Chuẩn bị đại hội.\n")] {
            let file = folder.appendingPathComponent("\(option.dropFirst(2)).txt")
            try text.write(to: file, atomically: true, encoding: .utf8)
            files += [option, file.path]
        }
        #expect(try dangbo(["report", "narrative"] + period + files).status == 0)
        #expect(try dangbo(["report", "narrative"] + period).output.contains("  Các chi bộ sinh hoạt đều đặn."))
        let issued = try dangbo(["report", "issue"] + period + ["--number", "15", "--date", "2026-10-05"])
        #expect(issued.status == 0 && issued.output.contains("Đã ban hành báo cáo Số 15-BC/ĐUK (#1), Vĩnh Phúc, ngày 05 tháng 10 năm 2026."),
                "\(issued.output) \(issued.error)")
        #expect(try dangbo(["report", "issued"]).output.contains("#1\tSố 15-BC/ĐUK\t5/10/2026\tDUK\tquý III/2026"))
        let text = try dangbo(["report", "issued", "--id", "1"]).output
        #expect(text.contains("Số 15-BC/ĐUK\n") && text.contains("Một số chi bộ sinh hoạt còn hình thức.") && text.contains("PHỤ LỤC"))
        #expect(try dangbo(["report", "reconcile", "--id", "1"]).output.contains("Không có số liệu nào thay đổi kể từ khi ban hành."))
        // The meetings of the demo bloc: the compliance view, and the review's figures it agrees with.
        let compliance = try dangbo(["meetings", "compliance"] + period)
        #expect(compliance.status == 0 && compliance.output.contains("Chi bộ không sinh hoạt thường kỳ trong tháng ("), "\(compliance.error)")
        let meetingsJSON = try dangbo(["report", "review", "--format", "json"] + period)
        let meetings = try #require((try JSONSerialization.jsonObject(with: Data(meetingsJSON.output.utf8)) as? [String: Any])?["meetings"] as? [String: Int])
        #expect((meetings["regular"] ?? 0) > 0)
        let gapLines = compliance.output.split(separator: "\n").drop { !$0.hasPrefix("Chi bộ không sinh hoạt thường kỳ") }.dropFirst()
            .prefix { $0.hasPrefix("  ") }
        #expect(Set(gapLines.map { $0.split(separator: "\t")[0] }).count <= meetings["cellsWithoutMonthlyMeeting"] ?? -1 || gapLines.isEmpty)
        let twice = try dangbo(["report", "issue"] + period)
        #expect(twice.status != 0 && twice.error.contains("đã ban hành (Số 15-BC/ĐUK)"), "\(twice.error)")
    }
}
