/// One registered contact of Kamailio's location table (`ul.dump`).
public struct KamailioContact: Sendable, Equatable {
    /// The address of record: `1001@acme.example`.
    public var aor: String
    public var contact: String
    /// Seconds until it expires.
    public var expires: Int

    public init(aor: String, contact: String, expires: Int) {
        self.aor = aor
        self.contact = contact
        self.expires = expires
    }

    /// The customer an address of record belongs to, as the reference config names customers: the first label of
    /// its domain (`1001@acme.example` → `acme`); empty when it has no domain.
    public var customer: String {
        guard let at = aor.lastIndex(of: "@") else { return "" }
        let domain = aor[aor.index(after: at)...]
        return String(domain.prefix { $0 != "." && $0 != ":" && $0 != ";" })
    }

    /// The contacts of a `ul.dump` result: every object with an "AoR" and its "Contacts", wherever the domains
    /// nest them; one contact per AoR (the first), as the store keeps one registration per endpoint.
    public static func dump(_ result: Any) -> [KamailioContact] {
        var found: [KamailioContact] = []
        func walk(_ value: Any) {
            if let object = value as? [String: Any] {
                if let aor = object["AoR"] as? String {
                    let contacts = (object["Contacts"] as? [Any] ?? []).compactMap { item -> [String: Any]? in
                        let entry = item as? [String: Any]
                        return entry?["Contact"] as? [String: Any] ?? entry
                    }
                    if let first = contacts.first {
                        found.append(KamailioContact(
                            aor: aor, contact: jsonText(first["Address"] as Any), expires: jsonInteger(first["Expires"])))
                    }
                    return
                }
                for (_, nested) in object { walk(nested) }
            } else if let array = value as? [Any] {
                for nested in array { walk(nested) }
            }
        }
        walk(result)
        return found
    }
}
