import Crypto

/// Single-use recovery codes for a portal user who lost the authenticator: ten codes of 10 characters from an
/// alphabet without look-alikes, shown once and stored as SHA-256 hex only.
public enum RecoveryCodes {
    public static let count = 10
    static let alphabet = Array("abcdefghjkmnpqrstuvwxyz23456789")

    public static func generate() -> [String] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in
            let characters = (0..<10).map { _ in alphabet.randomElement(using: &generator)! }
            return String(characters[0..<5]) + "-" + String(characters[5...])
        }
    }

    /// What is stored and compared: the hash of the code as typed, ignoring case, spaces and dashes.
    public static func hash(_ code: String) -> String { sha256Hex(normalized(code)) }

    public static func normalized(_ code: String) -> String {
        code.lowercased().filter { !$0.isWhitespace && $0 != "-" }
    }

    public static func sha256Hex(_ text: String) -> String {
        SHA256.hash(data: Array(text.utf8)).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
