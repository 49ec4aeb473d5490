import DangBoCore
import Foundation
import Vapor

/// The session cookie: a random token the browser holds, kept in the store only as its SHA-256 (a stolen database
/// gives no session); HttpOnly, SameSite=Lax, Secure behind TLS, ending with the session.
enum SessionCookie {
    static let name = "dangbo_session"

    /// A new random token (256 bits, hex) and its hash.
    static func make() -> (token: String, hash: String) {
        let token = randomHex(bytes: 32)
        return (token, hash(token))
    }

    static func hash(_ token: String) -> String { DangBoCore.SHA256.hex(Array(token.utf8)) }

    static func cookie(_ token: String, configuration: WebConfiguration) -> HTTPCookies.Value {
        HTTPCookies.Value(string: token, maxAge: Int(configuration.sessionLifetime.components.seconds), path: "/",
                          isSecure: configuration.secureCookies, isHTTPOnly: true, sameSite: .lax)
    }

    static var expired: HTTPCookies.Value { HTTPCookies.Value(string: "", expires: Date(timeIntervalSince1970: 0), path: "/") }

    static func randomHex(bytes: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<bytes).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }
}
