import Foundation
import GRDB

/// The portal's accounts (`portal_users`, `profile_changes`, `verification_codes`, `recovery_codes`).
extension SQLiteStore: PortalLedger {
    public func portalUser(customerID: Int64) throws -> PortalUser {
        try read { (db: Database) in try Self.user(customerID, in: db) }
    }

    @discardableResult
    public func updateProfile(customerID: Int64, _ values: [ProfileField: String], by who: String, at now: Int64) throws
        -> [ProfileChange] {
        for field in ProfileField.allCases {
            if let value = values[field], let reason = field.problem(with: value) {
                throw PortalError.invalid(field, value, reason: reason)
            }
        }
        return try write { (db: Database) in
            let before = try Self.user(customerID, in: db)
            try db.execute(sql: "INSERT OR IGNORE INTO portal_users (customer_id) VALUES (?)", arguments: [customerID])
            var changes: [ProfileChange] = []
            for field in ProfileField.allCases {
                guard let value = values[field], value != before[field] else { continue }
                // The column names come from the enum, never from input.
                try db.execute(sql: "UPDATE portal_users SET \(field.rawValue) = ? WHERE customer_id = ?",
                               arguments: [value, customerID])
                try db.execute(sql: """
                    INSERT INTO profile_changes (customer_id, field, old_value, new_value, changed_by, changed_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """, arguments: [customerID, field.rawValue, before[field], value, who, now])
                changes.append(ProfileChange(customerID: customerID, field: field, oldValue: before[field],
                                             newValue: value, changedBy: who, changedAt: now))
            }
            return changes
        }
    }

    public func profileChanges(customerID: Int64) throws -> [ProfileChange] {
        try read { (db: Database) in
            try Row.fetchAll(db, sql: """
                SELECT field, old_value, new_value, changed_by, changed_at FROM profile_changes
                WHERE customer_id = ? ORDER BY id
                """, arguments: [customerID]).compactMap { row in
                ProfileField(rawValue: row[0]).map {
                    ProfileChange(customerID: customerID, field: $0, oldValue: row[1], newValue: row[2], changedBy: row[3],
                                  changedAt: row[4])
                }
            }
        }
    }

    public func storeVerificationCode(customerID: Int64, channel: VerificationChannel, address: String, codeHash: String,
                                      at now: Int64) throws {
        try write { (db: Database) in
            _ = try Self.user(customerID, in: db)
            try db.execute(sql: """
                INSERT OR REPLACE INTO verification_codes (customer_id, channel, address, code_sha256, sent_at)
                VALUES (?, ?, ?, ?, ?)
                """, arguments: [customerID, channel.rawValue, address, codeHash, now])
        }
    }

    public func verify(customerID: Int64, channel: VerificationChannel, codeHash: String, at now: Int64,
                       maximumAge: Int64) throws -> Bool {
        try write { (db: Database) in
            let user = try Self.user(customerID, in: db)
            guard let row = try Row.fetchOne(db, sql: """
                SELECT address, code_sha256, sent_at FROM verification_codes WHERE customer_id = ? AND channel = ?
                """, arguments: [customerID, channel.rawValue]) else { return false }
            let address: String = row[0], stored: String = row[1], sentAt: Int64 = row[2]
            guard stored == codeHash, address == user[channel.field], now - sentAt <= maximumAge, now >= sentAt else {
                return false
            }
            try db.execute(sql: "INSERT OR IGNORE INTO portal_users (customer_id) VALUES (?)", arguments: [customerID])
            try db.execute(sql: "UPDATE portal_users SET \(channel.rawValue)_verified = ? WHERE customer_id = ?",
                           arguments: [address, customerID])
            try db.execute(sql: "DELETE FROM verification_codes WHERE customer_id = ? AND channel = ?",
                           arguments: [customerID, channel.rawValue])
            return true
        }
    }

    public func enableTOTP(customerID: Int64, secret: [UInt8], recoveryCodeHashes: [String], at now: Int64) throws {
        try write { (db: Database) in
            _ = try Self.user(customerID, in: db)
            try db.execute(sql: "INSERT OR IGNORE INTO portal_users (customer_id) VALUES (?)", arguments: [customerID])
            try db.execute(sql: """
                UPDATE portal_users SET totp_secret = ?, totp_enabled_at = ?, totp_last_step = NULL WHERE customer_id = ?
                """, arguments: [Data(secret), now, customerID])
            try db.execute(sql: "DELETE FROM recovery_codes WHERE customer_id = ?", arguments: [customerID])
            for hash in recoveryCodeHashes {
                try db.execute(sql: "INSERT OR IGNORE INTO recovery_codes (customer_id, code_sha256) VALUES (?, ?)",
                               arguments: [customerID, hash])
            }
        }
    }

    public func disableTOTP(customerID: Int64) throws {
        try write { (db: Database) in
            try db.execute(sql: """
                UPDATE portal_users SET totp_secret = NULL, totp_enabled_at = NULL, totp_last_step = NULL
                WHERE customer_id = ?
                """, arguments: [customerID])
            try db.execute(sql: "DELETE FROM recovery_codes WHERE customer_id = ?", arguments: [customerID])
        }
    }

    public func totpSecret(customerID: Int64) throws -> [UInt8]? {
        try read { (db: Database) in
            try Data.fetchOne(db, sql: "SELECT totp_secret FROM portal_users WHERE customer_id = ?",
                              arguments: [customerID]).map { Array($0) }
        }
    }

    public func acceptTOTPStep(customerID: Int64, step: Int64) throws -> Bool {
        try write { (db: Database) in
            try db.execute(sql: """
                UPDATE portal_users SET totp_last_step = ?
                WHERE customer_id = ? AND totp_secret IS NOT NULL AND (totp_last_step IS NULL OR totp_last_step < ?)
                """, arguments: [step, customerID, step])
            return db.changesCount == 1
        }
    }

    public func useRecoveryCode(customerID: Int64, codeHash: String, at now: Int64) throws -> Bool {
        try write { (db: Database) in
            try db.execute(sql: """
                UPDATE recovery_codes SET used_at = ? WHERE customer_id = ? AND code_sha256 = ? AND used_at IS NULL
                """, arguments: [now, customerID, codeHash])
            return db.changesCount == 1
        }
    }

    public func unusedRecoveryCodes(customerID: Int64) throws -> Int {
        try read { (db: Database) in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM recovery_codes WHERE customer_id = ? AND used_at IS NULL",
                             arguments: [customerID]) ?? 0
        }
    }

    static func user(_ customerID: Int64, in db: Database) throws -> PortalUser {
        guard try Bool.fetchOne(db, sql: "SELECT 1 FROM customers WHERE id = ?", arguments: [customerID]) != nil else {
            throw PortalError.unknownCustomer(customerID)
        }
        guard let row = try Row.fetchOne(db, sql: """
            SELECT name, email, department, phone, mobile, language, email_verified, mobile_verified,
                   totp_secret IS NOT NULL
            FROM portal_users WHERE customer_id = ?
            """, arguments: [customerID]) else { return PortalUser(customerID: customerID) }
        var values: [ProfileField: String] = [:]
        for (index, field) in ProfileField.allCases.enumerated() { values[field] = row[index] }
        return PortalUser(customerID: customerID, values: values, emailVerified: row[6], mobileVerified: row[7],
                          totpEnabled: row[8])
    }
}
