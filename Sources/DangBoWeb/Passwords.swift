import Vapor

/// Passwords are kept as Bcrypt hashes (cost 12), never as text: the store only ever sees the hash.
public enum Passwords {
    public static let cost = 12

    public static func hash(_ password: String) throws -> String { try Bcrypt.hash(password, cost: cost) }

    public static func verify(_ password: String, hash: String) throws -> Bool { try Bcrypt.verify(password, created: hash) }
}
