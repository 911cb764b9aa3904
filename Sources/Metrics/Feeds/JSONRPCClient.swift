import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Calls Kamailio's JSON-RPC (jsonrpcs) over plain sockets: HTTP/1.0 POST to xhttp, or a datagram to its unix
/// socket. One connection per call, with a timeout, so an unreachable switch costs the feed a second, not a hang.
public struct JSONRPCClient: Sendable {
    public let endpoint: RPCEndpoint
    public var timeout: Double

    public init(endpoint: RPCEndpoint, timeout: Double = 2) {
        self.endpoint = endpoint
        self.timeout = timeout
    }

    /// The `result` of `method` called with `params`; throws `RPCError` for no answer or an `error` answer.
    public func call(_ method: String, _ params: [Any] = []) throws -> Any {
        let request: [String: Any] = ["jsonrpc": "2.0", "method": method, "params": params, "id": 1]
        let body = try JSONSerialization.data(withJSONObject: request)
        let reply: [UInt8]
        switch endpoint {
        case .http(let host, let port, let path): reply = try http(host: host, port: port, path: path, body: Array(body))
        case .datagram(let path): reply = try datagram(path: path, body: Array(body))
        }
        guard let object = try? JSONSerialization.jsonObject(with: Data(reply)) as? [String: Any] else {
            throw failure("\(method): the answer is not JSON")
        }
        if let error = object["error"] as? [String: Any] {
            throw failure("\(method): \(error["message"] as? String ?? "error \(error["code"] ?? "")")")
        }
        return object["result"] ?? NSNull()
    }

    private func failure(_ reason: String) -> RPCError { RPCError(endpoint: endpoint.description, reason: reason) }

    private func setTimeout(_ fd: Int32) {
        var value = timeval(tv_sec: Int(timeout), tv_usec: __suseconds_t((timeout - Double(Int(timeout))) * 1_000_000))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &value, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &value, socklen_t(MemoryLayout<timeval>.size))
    }

    private func http(host: String, port: UInt16, path: String, body: [UInt8]) throws -> [UInt8] {
        var hints = addrinfo()
        hints.ai_family = AF_INET
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var info: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &info) == 0, let address = info else {
            throw failure("cannot resolve \(host)")
        }
        defer { freeaddrinfo(info) }
        let fd = socket(address.pointee.ai_family, address.pointee.ai_socktype, address.pointee.ai_protocol)
        guard fd >= 0 else { throw failure("socket: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        setTimeout(fd)
        guard connect(fd, address.pointee.ai_addr, address.pointee.ai_addrlen) == 0 else {
            throw failure("connect: \(String(cString: strerror(errno)))")
        }
        let head = "POST \(path) HTTP/1.0\r\nHost: \(host):\(port)\r\nContent-Type: application/json\r\n"
            + "Content-Length: \(body.count)\r\nConnection: close\r\n\r\n"
        let request = Array(head.utf8) + body
        var sent = 0
        while sent < request.count {
            let count = request[sent...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { throw failure("send: \(String(cString: strerror(errno)))") }
            sent += count
        }
        // The reply: headers, then Content-Length bytes (or up to the close).
        var reply: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        var bodyStart: Int?
        var expected: Int?
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count < 0 { throw failure("no answer within \(timeout) s") }
            if count == 0 { break }
            reply += buffer[0..<count]
            if bodyStart == nil, let end = Self.headerEnd(reply) {
                bodyStart = end
                let headers = String(decoding: reply[0..<end], as: UTF8.self)
                guard headers.hasPrefix("HTTP/1.") else { throw failure("not an HTTP answer") }
                let status = headers.split(separator: " ").dropFirst().first.map(String.init) ?? ""
                guard status == "200" else {
                    throw failure("HTTP \(headers.split(separator: "\r\n").first.map(String.init) ?? status)")
                }
                for line in headers.split(separator: "\r\n") where line.lowercased().hasPrefix("content-length:") {
                    expected = Int(line.dropFirst(15).trimmingCharacters(in: .whitespaces))
                }
            }
            if let start = bodyStart, let expected, reply.count - start >= expected { break }
        }
        guard let start = bodyStart else { throw failure("the answer ended before its headers") }
        return Array(reply[start...])
    }

    private static func headerEnd(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 4 else { return nil }
        for index in 0...(bytes.count - 4)
        where bytes[index] == 13 && bytes[index + 1] == 10 && bytes[index + 2] == 13 && bytes[index + 3] == 10 {
            return index + 4
        }
        return nil
    }

    /// jsonrpcs answers a datagram to the address it came from: this end binds a socket of its own beside the
    /// server's, removed after the call.
    private func datagram(path: String, body: [UInt8]) throws -> [UInt8] {
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        guard fd >= 0 else { throw failure("socket: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        setTimeout(fd)
        let directory = (path as NSString).deletingLastPathComponent
        let own = "\(directory.isEmpty ? "/tmp" : directory)/termdash-rpc-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).sock"
        defer { unlink(own) }
        guard Self.withAddress(own, { bind(fd, $0, $1) }) == 0 else {
            throw failure("bind \(own): \(String(cString: strerror(errno)))")
        }
        let sent = body.withUnsafeBytes { bytes in
            Self.withAddress(path) { sendto(fd, bytes.baseAddress, bytes.count, 0, $0, $1) }
        }
        guard sent == body.count else { throw failure("send: \(String(cString: strerror(errno)))") }
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { throw failure("no answer within \(timeout) s") }
        return Array(buffer[0..<count])
    }

    private static func withAddress<T>(_ path: String, _ body: (UnsafePointer<sockaddr>, socklen_t) -> T) -> T {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8.prefix(MemoryLayout.size(ofValue: address.sun_path) - 1))
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
    }
}
