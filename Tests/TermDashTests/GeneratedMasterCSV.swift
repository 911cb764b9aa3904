import Foundation

/// Asterisk Master.csv text for the import's end-to-end tests: row i (from `first`) starts at `base` + i (UTC),
/// is answered for i % 200 seconds and names customer cust(i % 7) and carrier carrier(i % 3).
enum GeneratedMasterCSV {
    static func text(rows count: Int, from first: Int = 0, base: Int = 1_763_700_000) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        func stamp(_ seconds: Int) -> String {
            let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second],
                                            from: Date(timeIntervalSince1970: TimeInterval(seconds)))
            return String(format: "%04d-%02d-%02d %02d:%02d:%02d", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
        }
        var text = ""
        text.reserveCapacity(count * 200)
        for index in first..<(first + count) {
            let start = base + index
            let billsec = index % 200
            let answered = billsec > 0
            text += "\"cust\(index % 7)\",\"100\",\"4412345\(index % 1000)\",\"ctx\",\"\"\"Caller\"\" <100>\",\"SIP/in-1\","
                + "\"SIP/carrier\(index % 3)-0000abcd\",\"Dial\",\"x\",\"\(stamp(start))\","
                + (answered ? "\"\(stamp(start + 2))\"" : "") + ",\"\(stamp(start + 2 + billsec))\",\(2 + billsec),"
                + "\(billsec),\"\(answered ? "ANSWERED" : "NO ANSWER")\",\"DOCUMENTATION\",\"\(start).1\",\"\"\n"
        }
        return text
    }

    /// Writes `text` to `name` in `directory`; returns its path.
    static func write(_ text: String, _ name: String, in directory: URL) throws -> String {
        let path = directory.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }
}
