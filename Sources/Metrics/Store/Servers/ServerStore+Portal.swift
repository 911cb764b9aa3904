import Metrics
import PostgresNIO

/// The portal's accounts (`portal_users`, `profile_changes`, `verification_codes`, `recovery_codes`), as SQLite
/// keeps them. The TOTP secret is stored as hex text.
extension ServerStore {
    public func portalUser(customerID: Int64) throws -> PortalUser {
        try reading { try user(customerID) }
    }

    @discardableResult
    public func updateProfile(customerID: Int64, _ values: [ProfileField: String], by who: String, at now: Int64) throws
        -> [ProfileChange]
    {
        for field in ProfileField.allCases {
            if let value = values[field], let reason = field.problem(with: value) {
                throw PortalError.invalid(field, value, reason: reason)
            }
        }
        return try transaction {
            let before = try user(customerID)
            try ensureUser(customerID)
            var changes: [ProfileChange] = []
            for field in ProfileField.allCases {
                guard let value = values[field], value != before[field] else { continue }
                // The column names come from the enum, never from input.
                try postgres.execute("UPDATE portal_users SET \(field.rawValue) = $2 WHERE customer_id = $1",
                                     [PostgresData(int64: customerID), PostgresData(string: value)])
                try postgres.execute("""
                    INSERT INTO profile_changes (customer_id, field, old_value, new_value, changed_by, changed_at)
                    VALUES ($1, $2, $3, $4, $5, $6)
                    """, [PostgresData(int64: customerID), PostgresData(string: field.rawValue),
                          PostgresData(string: before[field]), PostgresData(string: value), PostgresData(string: who),
                          PostgresData(int64: now)])
                changes.append(ProfileChange(customerID: customerID, field: field, oldValue: before[field],
                                             newValue: value, changedBy: who, changedAt: now))
            }
            return changes
        }
    }

    public func profileChanges(customerID: Int64) throws -> [ProfileChange] {
        try reading {
            try postgres.execute("""
                SELECT field, old_value, new_value, changed_by, changed_at FROM profile_changes
                WHERE customer_id = $1 ORDER BY id
                """, [PostgresData(int64: customerID)]).compactMap { row in
                try ProfileField(rawValue: row.text(0)).map {
                    ProfileChange(customerID: customerID, field: $0, oldValue: try row.text(1), newValue: try row.text(2),
                                  changedBy: try row.text(3), changedAt: try row.int(4))
                }
            }
        }
    }

    public func storeVerificationCode(customerID: Int64, channel: VerificationChannel, address: String, codeHash: String,
                                      at now: Int64) throws {
        try transaction {
            _ = try user(customerID)
            try postgres.execute("""
                INSERT INTO verification_codes (customer_id, channel, address, code_sha256, sent_at)
                VALUES ($1, $2, $3, $4, $5)
                ON CONFLICT (customer_id, channel) DO UPDATE SET address = excluded.address,
                    code_sha256 = excluded.code_sha256, sent_at = excluded.sent_at
                """, [PostgresData(int64: customerID), PostgresData(string: channel.rawValue),
                      PostgresData(string: address), PostgresData(string: codeHash), PostgresData(int64: now)])
        }
    }

    public func verify(customerID: Int64, channel: VerificationChannel, codeHash: String, at now: Int64,
                       maximumAge: Int64) throws -> Bool {
        try transaction {
            let user = try user(customerID)
            guard let row = try postgres.execute("""
                SELECT address, code_sha256, sent_at FROM verification_codes WHERE customer_id = $1 AND channel = $2
                FOR UPDATE
                """, [PostgresData(int64: customerID), PostgresData(string: channel.rawValue)]).first else { return false }
            let address = try row.text(0), stored = try row.text(1), sentAt = try row.int(2)
            guard stored == codeHash, address == user[channel.field], now - sentAt <= maximumAge, now >= sentAt else {
                return false
            }
            try ensureUser(customerID)
            try postgres.execute("UPDATE portal_users SET \(channel.rawValue)_verified = $2 WHERE customer_id = $1",
                                 [PostgresData(int64: customerID), PostgresData(string: address)])
            try postgres.execute("DELETE FROM verification_codes WHERE customer_id = $1 AND channel = $2",
                                 [PostgresData(int64: customerID), PostgresData(string: channel.rawValue)])
            return true
        }
    }

    public func enableTOTP(customerID: Int64, secret: [UInt8], recoveryCodeHashes: [String], at now: Int64) throws {
        try transaction {
            _ = try user(customerID)
            try ensureUser(customerID)
            try postgres.execute("""
                UPDATE portal_users SET totp_secret_hex = $2, totp_enabled_at = $3, totp_last_step = NULL
                WHERE customer_id = $1
                """, [PostgresData(int64: customerID), PostgresData(string: Self.hex(secret)), PostgresData(int64: now)])
            try postgres.execute("DELETE FROM recovery_codes WHERE customer_id = $1", [PostgresData(int64: customerID)])
            for hash in recoveryCodeHashes {
                try postgres.execute("""
                    INSERT INTO recovery_codes (customer_id, code_sha256) VALUES ($1, $2) ON CONFLICT DO NOTHING
                    """, [PostgresData(int64: customerID), PostgresData(string: hash)])
            }
        }
    }

    public func disableTOTP(customerID: Int64) throws {
        try transaction {
            try postgres.execute("""
                UPDATE portal_users SET totp_secret_hex = NULL, totp_enabled_at = NULL, totp_last_step = NULL
                WHERE customer_id = $1
                """, [PostgresData(int64: customerID)])
            try postgres.execute("DELETE FROM recovery_codes WHERE customer_id = $1", [PostgresData(int64: customerID)])
        }
    }

    public func totpSecret(customerID: Int64) throws -> [UInt8]? {
        try reading {
            try postgres.execute("SELECT totp_secret_hex FROM portal_users WHERE customer_id = $1",
                                 [PostgresData(int64: customerID)]).first.flatMap { try $0.optionalText(0) }
                .map(Self.bytes)
        }
    }

    public func acceptTOTPStep(customerID: Int64, step: Int64) throws -> Bool {
        try transaction {
            // One statement: of two logins racing with the same step, one updates the row and the other finds it
            // taken.
            !(try postgres.execute("""
                UPDATE portal_users SET totp_last_step = $2
                WHERE customer_id = $1 AND totp_secret_hex IS NOT NULL AND (totp_last_step IS NULL OR totp_last_step < $2)
                RETURNING customer_id
                """, [PostgresData(int64: customerID), PostgresData(int64: step)])).isEmpty
        }
    }

    public func useRecoveryCode(customerID: Int64, codeHash: String, at now: Int64) throws -> Bool {
        try transaction {
            !(try postgres.execute("""
                UPDATE recovery_codes SET used_at = $3 WHERE customer_id = $1 AND code_sha256 = $2 AND used_at IS NULL
                RETURNING customer_id
                """, [PostgresData(int64: customerID), PostgresData(string: codeHash), PostgresData(int64: now)])).isEmpty
        }
    }

    public func unusedRecoveryCodes(customerID: Int64) throws -> Int {
        try reading {
            Int(try postgres.execute(
                "SELECT count(*) FROM recovery_codes WHERE customer_id = $1 AND used_at IS NULL",
                [PostgresData(int64: customerID)])[0].int(0))
        }
    }

    /// The customer's portal user (the empty one when none is stored); `PortalError.unknownCustomer` for no customer.
    func user(_ customerID: Int64) throws -> PortalUser {
        guard !(try postgres.execute("SELECT 1 FROM customers WHERE id = $1", [PostgresData(int64: customerID)])).isEmpty
        else { throw PortalError.unknownCustomer(customerID) }
        return try storedUser(customerID) ?? PortalUser(customerID: customerID)
    }

    /// The stored portal user, nil when there is none.
    func storedUser(_ customerID: Int64) throws -> PortalUser? {
        guard let row = try postgres.execute("""
            SELECT name, email, department, phone, mobile, language, email_verified, mobile_verified,
                   totp_secret_hex IS NOT NULL
            FROM portal_users WHERE customer_id = $1
            """, [PostgresData(int64: customerID)]).first else { return nil }
        var values: [ProfileField: String] = [:]
        for (index, field) in ProfileField.allCases.enumerated() { values[field] = try row.text(index) }
        return PortalUser(customerID: customerID, values: values, emailVerified: try row.optionalText(6),
                          mobileVerified: try row.optionalText(7), totpEnabled: try row.bool(8))
    }

    private func ensureUser(_ customerID: Int64) throws {
        try postgres.execute("INSERT INTO portal_users (customer_id) VALUES ($1) ON CONFLICT DO NOTHING",
                             [PostgresData(int64: customerID)])
    }

    private static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef")
        return String(bytes.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 15)]] })
    }

    private static func bytes(_ hex: String) -> [UInt8] {
        let characters = Array(hex.utf8)
        return stride(from: 0, to: characters.count - 1, by: 2).compactMap {
            UInt8(String(decoding: characters[$0...$0 + 1], as: UTF8.self), radix: 16)
        }
    }
}
