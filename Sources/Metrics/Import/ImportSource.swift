import Foundation

/// Where a CDR file comes from and how its rows map onto the store: a `[sources.NAME]` table of the config, or the
/// defaults when the command names none.
public struct ImportSource: Sendable, Equatable {
    /// Recorded on every CDR and file entry.
    public var name: String
    /// nil: detected from the file.
    public var format: CDRFormat?
    /// The zone the switch writes its local times in.
    public var zone: TimeZone
    /// A cdr_custom mapping: the canonical name of each column, in file order.
    public var customColumns: [String]?
    /// The column naming the customer (matched against `customers.account_code`).
    public var customerField: String
    /// The column naming the carrier. A channel such as `SIP/carrierA-00000012` stands for its trunk, `carrierA`.
    public var carrierField: String?
    /// The carrier of every row whose carrier column is absent or empty (e.g. a FreeSWITCH box with one gateway).
    public var defaultCarrier: String?
    /// The column holding the DID (the number called, for inbound traffic); nil: DIDs are not mapped.
    public var didField: String?

    public init(
        name: String = "import", format: CDRFormat? = nil, zone: TimeZone = TimeZone(identifier: "UTC")!,
        customColumns: [String]? = nil, customerField: String = "accountcode", carrierField: String? = "dstchannel",
        defaultCarrier: String? = nil, didField: String? = nil
    ) {
        self.name = name
        self.format = format
        self.zone = zone
        self.customColumns = customColumns
        self.customerField = customerField
        self.carrierField = carrierField
        self.defaultCarrier = defaultCarrier
        self.didField = didField
    }

    /// The trunk a channel name stands for: `SIP/carrierA-00000012` → `carrierA`, `PJSIP/telia-0000a1b2` → `telia`,
    /// `IAX2/peer-1234` → `peer`; a value without a technology prefix is taken as the carrier's name itself.
    public static func trunk(ofChannel channel: String) -> String {
        // Runs once per imported row: work on the UTF-8 bytes, make one String at the end.
        var channel = channel
        return channel.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return "" }
            var lower = 0
            var upper = bytes.count
            while lower < upper, base[lower] == 0x20 { lower += 1 }
            while upper > lower, base[upper - 1] == 0x20 { upper -= 1 }
            func firstIndex(of byte: UInt8, from: Int, to: Int) -> Int? {
                var index = from
                while index < to {
                    if base[index] == byte { return index }
                    index += 1
                }
                return nil
            }
            func lastIndex(of byte: UInt8, from: Int, to: Int) -> Int? {
                var index = to
                while index > from {
                    index -= 1
                    if base[index] == byte { return index }
                }
                return nil
            }
            if let slash = firstIndex(of: 0x2F, from: lower, to: upper) {
                lower = slash + 1
                // Local channels end in ";1"/";2"; drop that first.
                if let semicolon = lastIndex(of: 0x3B, from: lower, to: upper) { upper = semicolon }
                // The channel's sequence number: a dash then hex digits, as Asterisk appends to every channel.
                if let dash = lastIndex(of: 0x2D, from: lower, to: upper), dash + 1 < upper {
                    var hex = true
                    for index in (dash + 1)..<upper {
                        let byte = base[index]
                        if !((0x30...0x39).contains(byte) || (0x41...0x46).contains(byte) || (0x61...0x66).contains(byte)) {
                            hex = false
                            break
                        }
                    }
                    if hex { upper = dash }
                }
                // "SIP/carrierA/0044…" (a dial string) names the trunk before the second slash.
                if let slash = firstIndex(of: 0x2F, from: lower, to: upper) { upper = slash }
            }
            return String(decoding: UnsafeBufferPointer(start: base + lower, count: upper - lower), as: UTF8.self)
        }
    }
}
