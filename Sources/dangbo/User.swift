import ArgumentParser
import DangBoCore
import DangBoStore
import DangBoWeb
import Foundation

/// `dangbo user add|list|passwd`: the accounts that log in to the web application (accounts are not members).
struct User: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Manage the accounts that log in to the web application.", subcommands: [Add.self, List.self, Passwd.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add an account with a role on an organization and its subtree.")
        @OptionGroup var options: DatabaseOptions
        @Argument(help: "The login: a-z, 0-9, '.', '_', '-', 3 to 64 characters.") var login: String
        @Option(help: "admin, organizationStaff, inspectionStaff, cellSecretary or viewer.") var role: Role
        @Option(help: "The code of the organization the role covers (with everything below it).") var organization: String
        @Flag(help: "Read the password from standard input (one line) instead of asking for it.") var passwordStdin = false

        func run() async throws {
            let login = try Account.login(parsing: login)
            let password = try readPassword(prompt: "Mật khẩu cho \(login): ", fromStandardInput: passwordStdin)
            try Account.checkPassword(password, login: login)
            let hash = try Passwords.hash(password)
            try await withStore(options) { store in
                guard let id = try await store.organizationID(code: organization) else {
                    throw UserError(message: "Không có tổ chức đảng mã \(organization).")
                }
                let account = try await store.addAccount(login: login, grant: Grant(role: role, organization: id),
                                                         passwordHash: hash, actor: "cli")
                print("Đã thêm tài khoản \(account.login): \(role.vietnamese), \(organization) và các tổ chức trực thuộc.")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the accounts and their roles.")
        @OptionGroup var options: DatabaseOptions

        func run() async throws {
            try await withStore(options) { store in
                let accounts = try await store.accounts()
                let codes = try await store.organizationCodes(of: Set(accounts.flatMap { $0.grants.map(\.organization) }))
                for account in accounts {
                    let grants = account.grants.map { grant in
                        "\(grant.role.rawValue) @ \(codes[grant.organization] ?? "\(grant.organization.rawValue)")"
                    }
                    print("\(account.login)\t\(grants.joined(separator: ", "))\(account.disabled ? "\t(khóa)" : "")")
                }
            }
        }
    }

    struct Passwd: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Set a new password for an account (its sessions end).")
        @OptionGroup var options: DatabaseOptions
        @Argument(help: "The login.") var login: String
        @Flag(help: "Read the password from standard input (one line) instead of asking for it.") var passwordStdin = false

        func run() async throws {
            let password = try readPassword(prompt: "Mật khẩu mới cho \(login): ", fromStandardInput: passwordStdin)
            try Account.checkPassword(password, login: login)
            let hash = try Passwords.hash(password)
            try await withStore(options) { store in
                try await store.setPassword(login: login, passwordHash: hash, actor: "cli")
                print("Đã đổi mật khẩu của \(login).")
            }
        }
    }
}

extension Role: ExpressibleByArgument {}

/// A password from standard input (one line, for scripts) or asked at the terminal without echo, never from the
/// command line (it would stay in the shell's history and the process list).
func readPassword(prompt: String, fromStandardInput: Bool) throws -> String {
    if fromStandardInput || isatty(STDIN_FILENO) == 0 {
        guard let line = Swift.readLine(strippingNewline: true), !line.isEmpty else {
            throw UserError(message: "Không đọc được mật khẩu từ đầu vào chuẩn (một dòng).")
        }
        return line
    }
    guard let typed = getpass(prompt) else { throw UserError(message: "Không đọc được mật khẩu.") }
    return String(cString: typed)
}
