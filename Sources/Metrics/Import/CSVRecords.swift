/// The records of a source read a window at a time (`CSVReader` over each window), the same records, lines and
/// errors as `CSVReader` over the whole: an import of a file of any size holds a window of it. A record is taken
/// from a window only when it ends before the window's last bytes (a CR there may be followed by a LF in the
/// next), and a quoted field that does not close in the window is looked for in the rest of the source first. The
/// next window starts where the record began; one record longer than a window doubles it.
public struct CSVRecords: Sequence, IteratorProtocol {
    private let source: any ByteSource
    private let windowSize: Int
    private var window: Int
    /// Where the reader's bytes start in the source, and how many it has.
    private var offset = 0
    private var held = 0
    private var reader: CSVReader
    /// Why reading stopped early (a read failed, or the file shrank); nil when it read to the end.
    public private(set) var failure: (any Error)?

    /// Bytes a record must end before in its window to be taken from it: the CR + LF look-ahead, and some.
    static let margin = 4

    public init(source: any ByteSource, windowSize: Int = 8 << 20) {
        self.source = source
        self.windowSize = Swift.max(Self.margin * 4, windowSize)
        window = self.windowSize
        reader = CSVReader(bytes: [])
        load(at: 0, line: 1)
    }

    public mutating func next() -> CSVReader.Record? {
        while failure == nil {
            let start = reader.position, line = reader.line
            let wholeRest = offset + held >= source.count
            guard let record = reader.next() else {
                // Only blank lines left in this window: the next one decides.
                if wholeRest { return nil }
                load(at: offset + start, line: line, growing: start == 0)
                continue
            }
            if wholeRest || (reader.position <= held - Self.margin && record.error != CSVReader.unclosedQuote) {
                return record
            }
            // It may go on past this window: read it again from a window that starts with it.
            load(at: offset + start, line: line, growing: start == 0)
        }
        return nil
    }

    /// Reads the window at `start` of the source, its first physical line `line`; twice as long as the last when
    /// `growing` (a record did not fit), else the usual size.
    private mutating func load(at start: Int, line: Int, growing: Bool = false) {
        window = growing ? window * 2 : windowSize
        let wanted = Swift.min(window, source.count - start)
        do {
            let bytes = try source.read(from: start, length: wanted)
            guard bytes.count == wanted else {
                throw ImportError.unreadable(path: (source as? FileBytes)?.path ?? "input",
                                             reason: "the file shrank while it was read")
            }
            offset = start
            held = bytes.count
            reader = CSVReader(bytes: bytes, line: line, atStart: start == 0)
        } catch {
            failure = error
        }
    }
}
