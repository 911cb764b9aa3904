import ArgumentParser
import Foundation

/// Where the exporter listens: an IPv4 address and a port, written `HOST:PORT` ("localhost" stands for 127.0.0.1).
struct ListenAddress: ExpressibleByArgument, Equatable, CustomStringConvertible {
    var host: String
    var port: UInt16

    init?(argument: String) {
        guard let colon = argument.lastIndex(of: ":"), let port = UInt16(argument[argument.index(after: colon)...]),
              port > 0 else { return nil }
        let host = String(argument[..<colon])
        self.host = host == "localhost" ? "127.0.0.1" : host
        self.port = port
        var address = in_addr()
        guard inet_pton(AF_INET, self.host, &address) == 1 else { return nil }
    }

    static let defaultValueDescription = "127.0.0.1:9464"

    /// Whether only this machine can connect: 127.0.0.0/8.
    var isLoopback: Bool { host.split(separator: ".").first == "127" }

    var description: String { "\(host):\(port)" }
}
