/// One dialog of Kamailio's `dlg.list`: what the feed keeps of it.
public struct KamailioDialog: Sendable, Equatable {
    public var callID: String
    /// 1–3 early (unconfirmed, ringing), 4 confirmed (answered), 5 deleted (kept in the list for a while).
    public var state: Int
    /// When the INVITE came (epoch seconds).
    public var initTime: Int64
    /// When it was answered; 0 before.
    public var startTime: Int64
    /// Dialog profiles with values, by profile name ("customer": "acme").
    public var profiles: [String: String]
    /// Dialog variables, by name.
    public var variables: [String: String]
    public var fromURI: String
    public var toURI: String

    public init(
        callID: String, state: Int, initTime: Int64, startTime: Int64 = 0, profiles: [String: String] = [:],
        variables: [String: String] = [:], fromURI: String = "", toURI: String = ""
    ) {
        self.callID = callID
        self.state = state
        self.initTime = initTime
        self.startTime = startTime
        self.profiles = profiles
        self.variables = variables
        self.fromURI = fromURI
        self.toURI = toURI
    }

    /// Early or confirmed: a call in progress.
    public var isInProgress: Bool { (1...4).contains(state) }
    public var isConfirmed: Bool { state == 4 }

    /// The value of a profile of that name, else of a dialog variable of that name; empty for neither.
    public func value(_ name: String) -> String { profiles[name] ?? variables[name] ?? "" }

    /// The dialogs of a `dlg.list` result (an array of objects; profiles and variables are lists of one-key
    /// objects). Entries without a call-id are skipped.
    public static func list(_ result: Any) -> [KamailioDialog] {
        guard let entries = result as? [Any] else { return [] }
        return entries.compactMap { entry in
            guard let object = entry as? [String: Any], let callID = object["call-id"] as? String else { return nil }
            func pairs(_ key: String) -> [String: String] {
                var result: [String: String] = [:]
                for item in object[key] as? [Any] ?? [] {
                    for (name, value) in item as? [String: Any] ?? [:] { result[name] = jsonText(value) }
                }
                return result
            }
            return KamailioDialog(
                callID: callID, state: jsonInteger(object["state"]), initTime: Int64(jsonInteger(object["init_ts"])),
                startTime: Int64(jsonInteger(object["start_ts"])), profiles: pairs("profiles"),
                variables: pairs("variables"), fromURI: jsonText(object["from_uri"] as Any),
                toURI: jsonText(object["to_uri"] as Any))
        }
    }
}

/// A JSON number or numeric string as an Int (0 for anything else).
func jsonInteger(_ value: Any?) -> Int {
    switch value {
    case let int as Int: return int
    case let double as Double: return Int(double)
    case let string as String: return Int(string) ?? 0
    default: return 0
    }
}

/// A JSON scalar as text ("" for null).
func jsonText(_ value: Any) -> String {
    switch value {
    case let string as String: return string
    case let int as Int: return String(int)
    case let double as Double: return String(double)
    default: return ""
    }
}
