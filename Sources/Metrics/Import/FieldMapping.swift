/// A source's customer, carrier and DID columns, resolved once per file to positions in its layout. The usual
/// columns (accountcode, dstchannel, dst) are read from the parsed row rather than the raw fields.
struct FieldMapping {
    private enum Column {
        case none, accountCode, dstChannel, channel, dst, src, field(Int)
    }

    private let customerColumn: Column
    private let carrierColumn: Column
    private let didColumn: Column
    private let defaultCarrier: String
    private let carrierIsChannel: Bool
    /// Channel names repeat per trunk with a new sequence number each call; most rows hit this cache of the last one.
    private var lastChannel = ("", "")

    init(layout: ColumnLayout, source: ImportSource) {
        func column(_ name: String?) -> Column {
            guard let name, let index = layout.index(of: name) else { return .none }
            switch name {
            case "accountcode": return .accountCode
            case "dstchannel": return .dstChannel
            case "channel": return .channel
            case "dst", "destination_number": return .dst
            case "src", "caller_id_number": return .src
            default: return .field(index)
            }
        }
        customerColumn = column(source.customerField)
        carrierColumn = column(source.carrierField)
        didColumn = column(source.didField)
        defaultCarrier = source.defaultCarrier ?? ""
        carrierIsChannel = source.carrierField.map { $0.lowercased().contains("channel") } ?? false
    }

    private func value(_ column: Column, of row: SwitchRow) -> String {
        switch column {
        case .none: return ""
        case .accountCode: return row.accountCode
        case .dstChannel: return row.dstChannel
        case .channel: return row.channel
        case .dst: return row.dst
        case .src: return row.src
        case .field(let index): return index < row.fields.count ? row.fields[index] : ""
        }
    }

    func customer(of row: SwitchRow) -> String {
        if let customer = row.customer { return customer }
        return Self.trimmed(value(customerColumn, of: row))
    }

    mutating func carrier(of row: SwitchRow) -> String {
        if let carrier = row.carrier, !carrier.isEmpty { return carrier }
        let raw = value(carrierColumn, of: row)
        guard !raw.isEmpty else { return defaultCarrier }
        guard carrierIsChannel else { return Self.trimmed(raw) }
        if raw == lastChannel.0 { return lastChannel.1 }
        let trunk = ImportSource.trunk(ofChannel: raw)
        lastChannel = (raw, trunk)
        return trunk
    }

    func did(of row: SwitchRow) -> String? {
        if let did = row.did, !did.isEmpty { return did }
        let value = Self.trimmed(value(didColumn, of: row))
        return value.isEmpty ? nil : value
    }

    /// Without surrounding spaces; the common case (none) allocates nothing.
    static func trimmed(_ text: String) -> String {
        guard text.utf8.first == 0x20 || text.utf8.last == 0x20 else { return text }
        var utf8 = text.utf8[...]
        while utf8.first == 0x20 { utf8 = utf8.dropFirst() }
        while utf8.last == 0x20 { utf8 = utf8.dropLast() }
        return String(Substring(utf8))
    }
}
