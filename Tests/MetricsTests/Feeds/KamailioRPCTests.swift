import XCTest
@testable import Metrics

/// What the feed reads from Kamailio's JSON-RPC answers, on answers as Kamailio 5.6 gave them (the lab).
final class KamailioRPCTests: XCTestCase {
    private func json(_ text: String) throws -> Any { try JSONSerialization.jsonObject(with: Data(text.utf8)) }

    func testDialogsOfDlgList() throws {
        let dialogs = KamailioDialog.list(try json("""
            [{"h_entry":561,"call-id":"1-30915@127.0.0.1","from_uri":"sip:2000@bravo.example",
              "to_uri":"sip:9001@127.0.0.1:15060","state":5,"start_ts":0,"init_ts":1796347894,"profiles":[],"variables":[]},
             {"h_entry":1771,"call-id":"2-30917@127.0.0.1","from_uri":"sip:1000@acme.example",
              "to_uri":"sip:1001@127.0.0.1:15060","state":4,"start_ts":1796347895,"init_ts":1796347894,
              "profiles":[{"carrier":"alpha"},{"customer":"acme"}],
              "variables":[{"code":"200"},{"answer_ts":"1796347894.204454"},{"carrier":"alpha"},{"dtmf":"2"}]},
             {"state":1}]
            """))
        XCTAssertEqual(dialogs.count, 2, "an entry without a call-id is skipped")
        XCTAssertFalse(dialogs[0].isInProgress, "state 5 has ended")
        XCTAssertEqual(dialogs[1], KamailioDialog(
            callID: "2-30917@127.0.0.1", state: 4, initTime: 1_796_347_894, startTime: 1_796_347_895,
            profiles: ["carrier": "alpha", "customer": "acme"],
            variables: ["code": "200", "answer_ts": "1796347894.204454", "carrier": "alpha", "dtmf": "2"],
            fromURI: "sip:1000@acme.example", toURI: "sip:1001@127.0.0.1:15060"))
        XCTAssertTrue(dialogs[1].isConfirmed)
        XCTAssertEqual(dialogs[1].value("customer"), "acme")
        XCTAssertEqual(dialogs[1].value("dtmf"), "2", "a dialog variable when no profile has the name")
        XCTAssertEqual(dialogs[1].value("nothing"), "")
        XCTAssertEqual(KamailioFeed.user(dialogs[1].fromURI), "1000")
        XCTAssertEqual(KamailioFeed.user("sips:alice@example.com;transport=tls"), "alice")
        XCTAssertEqual(KamailioFeed.user("sip:example.com"), "")
    }

    func testContactsOfULDump() throws {
        let contacts = KamailioContact.dump(try json("""
            {"Domains":[{"Domain":{"Domain":"location","Size":1024,"AoRs":[
              {"Info":{"AoR":"102@acme.example","HashID":3612366,"Contacts":[
                {"Contact":{"Address":"sip:102@127.0.0.1:15091","Expires":300,"Q":-1}},
                {"Contact":{"Address":"sip:102@10.0.0.2:5060","Expires":20}}]}},
              {"Info":{"AoR":"7","Contacts":[{"Contact":{"Address":"sip:7@127.0.0.1","Expires":60}}]}}],
              "Stats":{"Records":2,"Max-Slots":1}}}]}
            """))
        XCTAssertEqual(contacts, [
            KamailioContact(aor: "102@acme.example", contact: "sip:102@127.0.0.1:15091", expires: 300),
            KamailioContact(aor: "7", contact: "sip:7@127.0.0.1", expires: 60),
        ])
        XCTAssertEqual(contacts.map(\.customer), ["acme", ""])
    }

    func testEndpoints() {
        XCTAssertEqual(RPCEndpoint("http://127.0.0.1:5080/RPC"), .http(host: "127.0.0.1", port: 5080, path: "/RPC"))
        XCTAssertEqual(RPCEndpoint("http://localhost:5080"), .http(host: "localhost", port: 5080, path: "/RPC"))
        XCTAssertEqual(RPCEndpoint("unix:/run/kamailio/rpc.sock"), .datagram(path: "/run/kamailio/rpc.sock"))
        XCTAssertEqual(RPCEndpoint("/run/kamailio/rpc.sock"), .datagram(path: "/run/kamailio/rpc.sock"))
        for bad in ["", "https://x:1/", "http://host/RPC", "http://:80/", "http://h:99999/", "unix:", "rpc.sock"] {
            XCTAssertNil(RPCEndpoint(bad), bad)
        }
        XCTAssertEqual(RPCEndpoint("http://127.0.0.1:5080/RPC")?.description, "http://127.0.0.1:5080/RPC")
    }

    func testBackoffDoublesWhileDownUpToItsCeiling() {
        var backoff = FeedBackoff(period: 1, ceiling: 30)
        XCTAssertEqual([true, false, false, false, false, false, false, true].map { backoff.next(ok: $0) },
                       [1, 2, 4, 8, 16, 30, 30, 1])
    }

    func testUTCTimes() {
        XCTAssertEqual(utcTime(0), "1970-01-01 00:00:00 UTC")
        XCTAssertEqual(utcTime(1_700_000_000), "2023-11-14 22:13:20 UTC")
        XCTAssertEqual(utcTime(951_782_400), "2000-02-29 00:00:00 UTC")
        XCTAssertEqual(utcTime(-1), "1969-12-31 23:59:59 UTC")
    }
}
