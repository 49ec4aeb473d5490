/// The web application's configuration: one typed value, read once at start and validated by its caller (STYLE §6).
public struct WebConfiguration: Sendable {
    public var hostname: String
    public var port: Int
    /// Cookies carry `Secure`: set when DangBo is served behind TLS (a reverse proxy), as every real deployment is.
    public var secureCookies: Bool
    /// How long a session lasts after login.
    public var sessionLifetime: Duration
    /// Failed logins of one name before it must wait, and how long.
    public var loginAttempts: Int
    public var loginLockout: Duration
    /// UTF-8 bytes of rendered list pages kept per data version and scope (`PageCache`); 0 keeps none.
    public var pageCacheBytes: Int

    /// The ports a server may listen on (0 would be a random one).
    public static let ports = 1...65_535

    public init(hostname: String = "127.0.0.1", port: Int = 8080, secureCookies: Bool = false,
                sessionLifetime: Duration = .seconds(8 * 3600), loginAttempts: Int = 5, loginLockout: Duration = .seconds(15 * 60),
                pageCacheBytes: Int = 32 << 20) {
        precondition(Self.ports.contains(port), "validated by the caller")
        self.hostname = hostname
        self.port = port
        self.secureCookies = secureCookies
        self.sessionLifetime = sessionLifetime
        self.loginAttempts = loginAttempts
        self.loginLockout = loginLockout
        self.pageCacheBytes = pageCacheBytes
    }
}
