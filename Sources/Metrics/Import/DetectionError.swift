/// Why a file's format or columns cannot be settled, as a sentence for the terminal.
public struct DetectionError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// No records at all.
        case empty
        /// More than one format fits; the user must name one.
        case ambiguous
        /// No format fits.
        case unknown
        /// A native header names unknown or repeated columns, or lacks required ones.
        case badHeader
        /// A declared cdr_custom mapping is unusable.
        case badMapping
        /// The file is not UTF-8 text (UTF-16): none of its records can be read.
        case notUTF8
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
