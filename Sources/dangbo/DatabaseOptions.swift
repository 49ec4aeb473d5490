import ArgumentParser
import DangBoCore
import DangBoInterchange
import DangBoStore
import Foundation

/// `--database URL`, else `DATABASE_URL`, else `sqlite:./data/dangbo.sqlite` (DESIGN §4).
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: "sqlite:PATH or postgres://USER@HOST/NAME (default: DATABASE_URL, else sqlite:./data/dangbo.sqlite)")
    var database: String?
    @Option(name: .customLong("write-wait"), help: "Seconds a write waits for another one (an import) to finish before it gives up (default: 30).")
    var writeWait: Double?

    func validate() throws {
        if let writeWait, !(0...86_400).contains(writeWait) {
            throw ValidationError("--write-wait must be a number of seconds from 0 to 86400 (got \(writeWait))")
        }
    }

    /// `readers: false`: SQLite's writer alone (a command that only writes, such as an import: a first load into an
    /// empty file is then the file's only connection, `Store.importing`).
    func open(readers: Bool = true) async throws -> Store {
        let location = try DatabaseLocation.resolve(option: database, environment: ProcessInfo.processInfo.environment)
        return try await Store.open(location, writeWait: writeWait.map { .milliseconds(Int(($0 * 1_000).rounded())) } ?? Store.defaultWriteWait,
                                    readers: readers)
    }
}

/// Runs `body` with an open store and closes it whatever happens.
func withStore<T>(_ options: DatabaseOptions, readers: Bool = true, _ body: (Store) async throws -> T) async throws -> T {
    try await options.open(readers: readers).closing(after: body)
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

func parseDay(_ text: String) throws -> Day {
    guard let day = Day(parsing: text) else {
        throw ValidationError("not a day: \(text) (use YYYY-MM-DD or dd/MM/yyyy)")
    }
    return day
}

extension Day {
    /// Today in Asia/Ho_Chi_Minh: the clock is read only at the edges (DESIGN §3 "Time").
    static func today() -> Day { Importer.Context.today() }
}

/// Prints how far a long task has come on standard error, with the time of day.
@Sendable func reportProgress(_ message: String) {
    let parts = Calendar.current.dateComponents([.hour, .minute, .second], from: Date())
    let time = [parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0].map { String(format: "%02d", $0) }.joined(separator: ":")
    FileHandle.standardError.write(Data("[\(time)] \(message)\n".utf8))
}
