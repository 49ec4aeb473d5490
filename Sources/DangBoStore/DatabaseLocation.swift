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
            // NB: checked here, so that a malformed URL is refused before any library prints it with its password.
            guard let components = URLComponents(string: text), let host = components.host, !host.isEmpty,
                  components.port.map({ (1...65_535).contains($0) }) ?? true, components.path.count > 1
            else { throw DatabaseLocationError(text: text) }
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
        case .sqlite(let path): "sqlite:\(path)"
        case .postgres(let url): Self.redacted(url)
        }
    }

    /// `url` with the password of its user part replaced by `***`, even when the rest is malformed.
    static func redacted(_ url: String) -> String {
        guard let scheme = url.range(of: "://") else { return url }
        let rest = url[scheme.upperBound...]
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        guard let at = authority.lastIndex(of: "@"), let colon = authority[..<at].firstIndex(of: ":") else { return url }
        return String(url[..<authority.index(after: colon)]) + "***" + String(url[at...])
    }
}

public struct DatabaseLocationError: Error, Sendable, CustomStringConvertible {
    public var text: String
    public var description: String {
        "database must be sqlite:PATH or postgres://USER:PASSWORD@HOST:PORT/NAME (got \"\(DatabaseLocation.redacted(text))\")"
    }
}
