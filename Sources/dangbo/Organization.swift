import ArgumentParser
import DangBoCore
import DangBoStore
import Foundation

/// `dangbo organization settings CODE [--place P --issuer-code C]`: what an organization's documents need that the
/// tree does not hold (issue 10 point 6).
struct OrganizationCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "organization", abstract: "Settings of an organization.", subcommands: [Settings.self])

    struct Settings: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show, or set, the place on an organization's documents and its issuer abbreviation (15-BC/ĐUK).")
        @OptionGroup var options: DatabaseOptions
        @Argument(help: "The organization's code.") var code: String
        @Option(help: "The place on the date line: \"Vĩnh Phúc\" in \"Vĩnh Phúc, ngày 30 tháng 3 năm 2021\".") var place: String?
        @Option(name: .customLong("issuer-code"), help: "The issuer's abbreviation: ĐUK in \"Số 15-BC/ĐUK\".") var issuerCode: String?

        func validate() throws {
            if (place == nil) != (issuerCode == nil) { throw ValidationError("--place and --issuer-code are set together") }
        }

        func run() async throws {
            try await withStore(options) { store in
                guard let id = try await store.organizationID(code: code) else {
                    throw UserError(message: "Không có tổ chức đảng mã \(code).")
                }
                if let place, let issuerCode {
                    let settings: DocumentSettings
                    do throws(DocumentSettingsViolation) {
                        settings = try DocumentSettings(place: place, issuerCode: issuerCode)
                    } catch {
                        throw UserError(message: "--\(error == .place ? "place" : "issuer-code"): \(error)")
                    }
                    try await store.setDocumentSettings(settings, of: id, actor: "cli")
                    print("Đã đặt cho \(code): địa danh \(settings.place), chữ viết tắt \(settings.issuerCode).")
                } else if let settings = try await store.documentSettings(of: id) {
                    print("\(code): địa danh \(settings.place), chữ viết tắt \(settings.issuerCode)")
                } else {
                    print("\(code): chưa đặt địa danh và chữ viết tắt (dangbo organization settings \(code) --place … --issuer-code …).")
                }
            }
        }
    }
}
