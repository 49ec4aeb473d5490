import DangBoCore
import FluentKit
import Foundation
import SQLKit

extension Store {
    /// Adds an account with one grant, in a locked write with its audit entry (ids only: no password, no hash).
    /// `passwordHash` is computed by the caller (Bcrypt, DangBoWeb): the store never sees a password.
    @discardableResult
    public func addAccount(login: String, grant: Grant, passwordHash: String, actor: String) async throws -> Account {
        let login = try Account.login(parsing: login)
        return try await writing { store in
            let sql = store.sql
            if try await sql.select().column("id").from("accounts").where("login", .equal, login).first() != nil {
                throw AccountViolation.loginTaken(login)
            }
            let id = try await Self.nextID(in: "accounts", on: sql)
            try await sql.insert(into: "accounts").columns("id", "login", "password_hash", "disabled", "created_at")
                .values(SQLBind(id), SQLBind(login), SQLBind(passwordHash), SQLBind(false), SQLBind(Self.timestamp()))
                .run()
            try await sql.insert(into: "account_grants").columns("account_id", "role", "organization_id")
                .values(SQLBind(id), SQLBind(grant.role.rawValue), SQLBind(grant.organization.rawValue)).run()
            _ = try await Self.appendAudit(AuditRecord(
                actor: actor, action: "account.add", summary: "Thêm tài khoản",
                details: ["account": "\(id)", "role": grant.role.rawValue, "organization": "\(grant.organization.rawValue)"],
                recordedAt: Date()), on: store.database)
            return Account(id: id, login: login, grants: [grant])
        }
    }

    /// Every account with its grants, by login.
    public func accounts() async throws -> [Account] {
        var grants: [Int: [Grant]] = [:]
        for row in try await sql.select().columns("account_id", "role", "organization_id").from("account_grants")
            .orderBy("account_id").orderBy("organization_id").all() {
            guard let role = Role(rawValue: try row.decode(column: "role", as: String.self)) else {
                throw StoreError.unreadable("account_grants.role")
            }
            grants[try row.decode(column: "account_id", as: Int.self), default: []].append(
                Grant(role: role, organization: OrganizationID(try row.decode(column: "organization_id", as: Int.self))))
        }
        return try await sql.select().columns("id", "login", "disabled").from("accounts").orderBy("login").all().map { row in
            let id = try row.decode(column: "id", as: Int.self)
            return Account(id: id, login: try row.decode(column: "login", as: String.self), grants: grants[id] ?? [],
                           disabled: try row.decode(column: "disabled", as: Bool.self))
        }
    }

    /// The stored password hash of `login`, for a login form or a password change to verify against.
    public func passwordHash(login: String) async throws -> String? {
        try await sql.select().column("password_hash").from("accounts").where("login", .equal, login).first()?
            .decode(column: "password_hash", as: String.self)
    }

    /// Replaces the password of `login` (its sessions end: whoever held them must log in again), audited.
    public func setPassword(login: String, passwordHash: String, actor: String) async throws {
        try await writing { store in
            let sql = store.sql
            guard let id = try await sql.select().column("id").from("accounts").where("login", .equal, login).first()?
                .decode(column: "id", as: Int.self) else { throw AccountViolation.unknownLogin(login) }
            try await sql.update("accounts").set("password_hash", to: passwordHash).where("id", .equal, id).run()
            try await sql.delete(from: "sessions").where("account_id", .equal, id).run()
            _ = try await Self.appendAudit(AuditRecord(
                actor: actor, action: "account.password", summary: "Đổi mật khẩu", details: ["account": "\(id)"],
                recordedAt: Date()), on: store.database)
        }
    }

    /// The moment of a write, as ISO 8601 in UTC to the second ("2026-11-29T23:24:00Z", the text
    /// `ISO8601DateFormatter` writes), for accounts, sessions and pending imports (the registry's days are `Day`s).
    ///
    /// NB: by arithmetic (the day is Core's `Day` of the day count, the time the seconds left): every request compares
    /// its session's expiry with now, and a new `ISO8601DateFormatter` per call cost a twentieth of a member page's CPU.
    static func timestamp(_ date: Date = Date()) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        var (days, time) = seconds.quotientAndRemainder(dividingBy: 86_400)
        if time < 0 { days -= 1; time += 86_400 }
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(Day(ordinal: days).iso)T\(two(time / 3_600)):\(two(time / 60 % 60)):\(two(time % 60))Z"
    }

    /// The moment `timestamp(_:)` wrote (nil for any other text).
    static func date(fromTimestamp text: String) -> Date? {
        let parts = text.split(separator: "T")
        guard parts.count == 2, let day = Day(iso: String(parts[0])), parts[1].hasSuffix("Z") else { return nil }
        let time = parts[1].dropLast().split(separator: ":").compactMap { Int($0) }
        guard time.count == 3 else { return nil }
        return Date(timeIntervalSince1970: TimeInterval((day.ordinal * 86_400) + time[0] * 3_600 + time[1] * 60 + time[2]))
    }
}
