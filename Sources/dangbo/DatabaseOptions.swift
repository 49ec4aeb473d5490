import ArgumentParser
import DangBoCore
import DangBoStore
import Foundation

/// `--database URL`, else `DATABASE_URL`, else `sqlite:./data/dangbo.sqlite` (DESIGN §4).
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: "sqlite:PATH or postgres://USER@HOST/NAME (default: DATABASE_URL, else sqlite:./data/dangbo.sqlite)")
    var database: String?

    func open() async throws -> Store {
        let location = try DatabaseLocation.resolve(option: database, environment: ProcessInfo.processInfo.environment)
        return try await Store.open(location)
    }
}

/// Runs `body` with an open store and closes it whatever happens.
func withStore<T>(_ options: DatabaseOptions, _ body: (Store) async throws -> T) async throws -> T {
    let store = try await options.open()
    do {
        let result = try await body(store)
        await store.close()
        return result
    } catch {
        await store.close()
        throw error
    }
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
    static func today() -> Day {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh")!
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return Day(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}

/// Prints how far a long task has come on standard error, with the time of day.
@Sendable func reportProgress(_ message: String) {
    let parts = Calendar.current.dateComponents([.hour, .minute, .second], from: Date())
    let time = [parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0].map { String(format: "%02d", $0) }.joined(separator: ":")
    FileHandle.standardError.write(Data("[\(time)] \(message)\n".utf8))
}
