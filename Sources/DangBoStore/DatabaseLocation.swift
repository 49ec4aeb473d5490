import Foundation

/// Where the data lives: a SQLite file (the default, no setup) or a PostgreSQL server (DESIGN §4 "Storage").
public enum DatabaseLocation: Sendable, Equatable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(url: String)

    /// `./data/dangbo.sqlite`, used when neither `--database` nor `DATABASE_URL` is given.
    public static let defaultLocation = DatabaseLocation.sqlite(path: "./data/dangbo.sqlite")

    /// Parses `sqlite:PATH`, `sqlite://PATH`, `postgres://…` or `postgresql://…`.
    public init(parsing text: String) throws(DatabaseLocationError) {
        if text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") {
            self = .postgres(url: text)
        } else if text.hasPrefix("sqlite://") {
            self = .sqlite(path: String(text.dropFirst("sqlite://".count)))
        } else if text.hasPrefix("sqlite:") {
            self = .sqlite(path: String(text.dropFirst("sqlite:".count)))
        } else {
            throw DatabaseLocationError(text: text)
        }
        if case .sqlite(let path) = self, path.isEmpty { throw DatabaseLocationError(text: text) }
    }

    /// `--database` if given, else `DATABASE_URL`, else the default SQLite file.
    public static func resolve(option: String?, environment: [String: String]) throws(DatabaseLocationError) -> Self {
        if let option, !option.isEmpty { return try DatabaseLocation(parsing: option) }
        if let url = environment["DATABASE_URL"], !url.isEmpty { return try DatabaseLocation(parsing: url) }
        return defaultLocation
    }

    /// A description safe for logs and messages: never the password.
    public var description: String {
        switch self {
        case .sqlite(let path): return "sqlite:\(path)"
        case .postgres(let url):
            guard var components = URLComponents(string: url) else { return "postgres://…" }
            if components.password != nil { components.password = "***" }
            return components.string ?? "postgres://…"
        }
    }
}

public struct DatabaseLocationError: Error, Sendable, CustomStringConvertible {
    public var text: String
    public var description: String {
        "database must be sqlite:PATH or postgres://USER@HOST/NAME (got a value starting with \"\(text.prefix(10))\")"
    }
}
