import Foundation

/// The smallest HTTP/1.1 server the exporter needs: one listening socket, one request per connection, answered in
/// turn on the calling thread. `GET /metrics` gets what `body` returns (an error becomes a 500 with its message);
/// anything else a 404. Scrapers connect rarely, so answering one at a time is enough.
final class MetricsHTTPServer: @unchecked Sendable {
    let address: ListenAddress
    private let socket: Int32

    /// Binds and listens now, so that a busy port is reported before anything else starts.
    init(address: ListenAddress) throws {
        self.address = address
        let descriptor = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw CLIError("cannot open a socket: \(String(cString: strerror(errno)))") }
        var yes: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var socketAddress = sockaddr_in()
        socketAddress.sin_family = sa_family_t(AF_INET)
        socketAddress.sin_port = address.port.bigEndian
        inet_pton(AF_INET, address.host, &socketAddress.sin_addr)
        let bound = withUnsafePointer(to: &socketAddress) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(descriptor, 16) == 0 else {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            throw CLIError("cannot listen on \(address): \(reason)")
        }
        socket = descriptor
    }

    deinit { close(socket) }

    /// Answers requests for ever (until the process ends).
    func serve(_ body: () throws -> String) -> Never {
        while true {
            let client = accept(socket, nil, nil)
            guard client >= 0 else { continue }
            answer(client, body)
            close(client)
        }
    }

    /// Serves on a thread of its own, for the monitor.
    func serveInBackground(_ body: @escaping @Sendable () throws -> String) {
        let thread = Thread { self.serve(body) }
        thread.name = "termdash-exporter"
        thread.start()
    }

    private func answer(_ client: Int32, _ body: () throws -> String) {
        // A client that sends nothing must not hold the server: two seconds to send its request line.
        var timeout = timeval(tv_sec: 2, tv_usec: 0)
        setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var request: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while request.count < 16_384, !request.ends(with: [13, 10, 13, 10]) {
            let count = recv(client, &chunk, chunk.count, 0)
            guard count > 0 else { break }
            request += chunk[0..<count]
        }
        let line = String(decoding: request.prefix { $0 != 13 && $0 != 10 }, as: UTF8.self)
        let parts = line.split(separator: " ")
        let status: String
        let text: String
        var contentType = "text/plain; charset=utf-8"
        if parts.count >= 2, parts[0] == "GET", parts[1] == "/metrics" || parts[1].hasPrefix("/metrics?") {
            do {
                text = try body()
                status = "200 OK"
                contentType = "text/plain; version=0.0.4; charset=utf-8"
            } catch {
                text = "termdash exporter: \(error)\n"
                status = "500 Internal Server Error"
            }
        } else {
            status = "404 Not Found"
            text = "termdash exporter: the metrics are at /metrics\n"
        }
        let payload = Array(text.utf8)
        let head = "HTTP/1.1 \(status)\r\nContent-Type: \(contentType)\r\nContent-Length: \(payload.count)\r\n"
            + "Connection: close\r\n\r\n"
        let response = Array(head.utf8) + payload
        var sent = 0
        while sent < response.count {
            let count = response[sent...].withUnsafeBytes { send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { return }
            sent += count
        }
    }
}

private extension Array where Element == UInt8 {
    func ends(with suffix: [UInt8]) -> Bool { count >= suffix.count && Array(self[(count - suffix.count)...]) == suffix }
}
