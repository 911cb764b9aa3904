import Metrics
import PostgresNIO

/// Registrations held now, on PostgreSQL: written by the simulator and the switch feeds, inside their transaction.
extension ServerWriteSession {
    func updateRegistrations(adding added: [Registration], removing removedEndpoints: [String]) throws {
        for endpoint in removedEndpoints {
            try store.postgres.execute("DELETE FROM registrations WHERE endpoint = $1", [PostgresData(string: endpoint)])
        }
        for registration in added {
            try store.postgres.execute("""
                INSERT INTO registrations (endpoint, customer_id, contact, registered_at, expires_at)
                VALUES ($1, $2, $3, $4, $5)
                ON CONFLICT (endpoint) DO UPDATE SET customer_id = excluded.customer_id, contact = excluded.contact,
                    registered_at = excluded.registered_at, expires_at = excluded.expires_at
                """, [PostgresData(string: registration.endpoint), Self.data(registration.customerID),
                      PostgresData(string: registration.contact), PostgresData(int64: registration.registeredAt),
                      PostgresData(int64: registration.expiresAt)])
        }
    }

    func removeRegistrations(endpointSuffix suffix: String) throws {
        // right() rather than LIKE: the suffix is data, and LIKE would read its % and _ as wildcards. An empty suffix
        // matches only an empty endpoint, as SQLite's substr does.
        try store.postgres.execute(
            "DELETE FROM registrations WHERE length($1) > 0 AND right(endpoint, length($1)) = $1 OR endpoint = $1",
            [PostgresData(string: suffix)])
    }
}
