import Foundation
import Metrics
import TermDashTestSupport
import XCTest

@testable import TermDash

/// A customer's portal shows nothing of another customer: every view reached by every key of its key table, at two
/// sizes, every copy and export, every report and snapshot, every invoice listing are scanned for the other
/// customers' names, codes, DIDs, the carriers' names and the counts only the others' traffic makes.
final class PortalLeakTests: PortalFixtureTestCase {

    /// Everything a session on `engine` shows and hands over when every key of `keys` is pressed in every view of
    /// `views`: the frames, the bytes written to the terminal (OSC 52 payloads decoded) and the files written.
    private func everythingShown(engine: MetricsEngine, keys: [KeyBinding], views: [MonitorView],
                                 width: Int, height: Int, portal: PortalSessionOptions? = nil,
                                 writer: (any MonitorWriter)? = nil) throws -> String {
        let copyFile = folder.appendingPathComponent("copy-\(width).txt").path
        let options = MonitorSession.Options(
            identity: StatusIdentity(version: "0.1.0", zone: "UTC"), zones: [("UTC", TimeZone(identifier: "UTC")!)],
            theme: .default, graphs: "ascii", refreshSeconds: 1, tableRows: 10, mouse: false, keys: keys,
            copy: CopySettings(osc52: .on, file: copyFile), exportDirectory: folder.path, writer: writer, views: views,
            portal: portal)
        var script: [TestBackend.Step] = []
        for view in views {
            guard let show = keys.first(where: { $0.action == .show(view) })?.keys.first else { continue }
            script.append(.event(.key(show)))
            // Every key that means something here, selecting everything before the copies and the export.
            for binding in keys where (binding.view == view || binding.view == nil) && binding.action != .quit {
                if case .show = binding.action { continue }
                // Help is pressed twice, so that the keys after it are not pressed under its overlay.
                let presses = binding.action == .help ? 2 : 1
                for key in binding.keys {
                    for _ in 0..<presses { script += [.event(.key(key)), .tick] }
                    // A form: type into it, try to save, then close it (Esc), so the next keys reach the view.
                    if case .openForm = binding.action {
                        script += "Ann x@y.example +41445550000".map { .event(.key(.character($0))) }
                        script += [.event(.key(.tab)), .event(.key(.enter)), .tick, .event(.key(.escape)), .tick]
                    }
                }
            }
            if view == .summary {
                script += [.character("a"), .character("y"), .character("Y"), .character("e")].map { .event(.key($0)) }
            }
        }
        script.append(.event(.key(.character("q"))))
        let terminal = TestBackend(width: width, height: height, script: script)
        run(terminal, options: options, engine: engine, at: PortalFixture.now)
        var text = terminal.frames.map { $0.joined(separator: "\n") }.joined(separator: "\n")
        text += "\n" + Self.osc52Payloads(terminal.written).joined(separator: "\n")
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where !file.hasSuffix(".pdf") {
            text += "\n" + (try String(contentsOfFile: folder.appendingPathComponent(file).path, encoding: .utf8))
        }
        return text
    }

    /// The decoded text of every OSC 52 sequence in `bytes`.
    static func osc52Payloads(_ bytes: [UInt8]) -> [String] {
        let text = String(decoding: bytes, as: UTF8.self)
        return text.components(separatedBy: "\u{1B}]52;c;").dropFirst().compactMap { part in
            guard let end = part.firstIndex(of: "\u{07}"), let data = Data(base64Encoded: String(part[..<end])) else {
                return nil
            }
            return String(decoding: data, as: UTF8.self)
        }
    }

    private var scopedEngine: MetricsEngine {
        MetricsEngine(store: ScopedStoreReader(fixture.store, scope: CustomerScope(customerID: fixture.targetID)))
    }

    func testEveryViewKeyCopyAndExportOfAScopedSessionShowsNoOtherCustomer() throws {
        for (width, height) in [(80, 24), (200, 50)] {
            let shown = try everythingShown(engine: scopedEngine, keys: KeyBinding.portal,
                                            views: KeyBinding.portalViews, width: width, height: height)
            XCTAssertEqual(fixture.leaks(in: shown), [], "\(width)×\(height)")
            // What they must see: their name and code, their live calls, their routes.
            XCTAssertTrue(shown.contains(PortalFixture.target.name), "\(width)×\(height)")
            XCTAssertTrue(shown.contains("Route 1"), "\(width)×\(height)")
            XCTAssertTrue(shown.contains("INV-000002"), "their invoice, \(width)×\(height)")
            XCTAssertTrue(shown.contains("partly paid"), "\(width)×\(height)")
        }
    }

    /// The portal session with its writes on: the Account view's forms (opened, typed into, saved, closed), the
    /// language switch, drafts for their own account, invoice PDF/CSV and summary CSV exports, at both sizes.
    func testEveryKeyFormAndExportOfAPortalSessionShowsNoOtherCustomer() throws {
        let scoped = ScopedStoreReader(fixture.store, scope: CustomerScope(customerID: fixture.targetID))
        let store = fixture.store
        let sender = folder.appendingPathComponent("send-code").path
        try "#!/bin/sh\nexit 0\n".write(toFile: sender, atomically: true, encoding: .utf8)
        chmod(sender, 0o755)
        try store.updateProfile(customerID: fixture.targetID, [.email: "ann@acme.example", .mobile: "+41791234567"],
                                by: "operator", at: PortalFixture.now)
        for (width, height) in [(80, 24), (200, 50)] {
            // The language key switched to Polish in the run before.
            try store.updateProfile(customerID: fixture.targetID, [.language: "en"], by: "operator", at: PortalFixture.now)
            let portal = PortalSessionOptions(
                customerID: fixture.targetID, accountCode: PortalFixture.target.code, exportDirectory: folder.path,
                reader: scoped, ledger: { store }, notify: NotifySettings(emailCommand: [sender], smsCommand: [sender]))
            let keys = KeyBinding.portalSession(customerDrafts: true)
            let shown = try everythingShown(
                engine: MetricsEngine(store: scoped), keys: keys, views: KeyBinding.portalViews, width: width,
                height: height, portal: portal,
                writer: ScopedMonitorWriter(customerID: fixture.targetID, base: StoreWriter(open: { store })))
            XCTAssertEqual(fixture.leaks(in: shown), [], "\(width)×\(height)")
            // The invoice under the cursor: theirs, or the draft `i` made in the run before.
            XCTAssertTrue(shown.contains("Exported INV-000002") || shown.contains("Exported draft"), "\(width)×\(height)")
            XCTAssertTrue(shown.contains("Enable two-factor authentication") || shown.contains("Disable two-factor"),
                          "\(width)×\(height)")
            XCTAssertTrue(shown.contains("Verify your email address"), "\(width)×\(height)")
        }
        // The PDF's text is compressed; its presence is what is checked here (PortalSessionTests reads the CSV).
        XCTAssertTrue(try FileManager.default.contentsOfDirectory(atPath: folder.path).contains { $0.hasSuffix(".pdf") })
    }

    /// The same harness on the operator's monitor finds the others: the scan can fail.
    func testTheScanFindsTheOthersInAnUnscopedSession() throws {
        let shown = try everythingShown(engine: MetricsEngine(store: fixture.store), keys: KeyBinding.defaults,
                                        views: MonitorView.allCases, width: 200, height: 50)
        let leaks = fixture.leaks(in: shown)
        XCTAssertTrue(leaks.contains(PortalFixture.others[0].name), "\(leaks)")
        XCTAssertTrue(leaks.contains(PortalFixture.carrierNames[2]), "\(leaks)")
    }

    func testThePortalKeyTableHasNoNetworkViewAndNoWritingKey() {
        let actions = KeyBinding.portal.map(\.action)
        XCTAssertFalse(actions.contains(.show(.billing)))
        XCTAssertFalse(actions.contains(.show(.channels)))
        XCTAssertFalse(actions.contains(.openTicket))
        XCTAssertFalse(actions.contains(.grid(.generateInvoices)))
        var state = MonitorState()
        state.views = KeyBinding.portalViews
        _ = state.apply(.show(.billing), zoneCount: 1, lists: .init())
        XCTAssertEqual(state.view, .overview, "no action reaches a view the portal leaves out")
        var seen: [MonitorView] = []
        for _ in 0..<12 {
            _ = state.apply(.nextView, zoneCount: 1, lists: .init())
            seen.append(state.view)
        }
        XCTAssertEqual(Set(seen), Set(KeyBinding.portalViews))
    }

    func testReportsAndSnapshotsWithCustomerShowNoOtherCustomer() throws {
        let path = fixture.path
        var outputs: [String] = []
        for kind in ReportCommand.Kind.allCases {
            for format in ["table", "csv", "json"] {
                let result = try EndToEnd.termdash(["report", kind.rawValue, "--format", format, "--db", path,
                                                    "--customer", PortalFixture.target.code])
                XCTAssertEqual(result.status, 0, "\(kind) \(format): \(result.stderr)")
                outputs.append(result.stdout + result.stderr)
            }
        }
        for view in KeyBinding.portalViews {
            for (width, height) in [(80, 24), (200, 50)] {
                let result = try EndToEnd.termdash([
                    "snapshot", "--db", path, "--customer", PortalFixture.target.code, "--view",
                    view.title.lowercased(), "--width", "\(width)", "--height", "\(height)", "--ascii"])
                XCTAssertEqual(result.status, 0, "\(view): \(result.stderr)")
                outputs.append(result.stdout + result.stderr)
            }
        }
        let refused = try EndToEnd.termdash(["snapshot", "--db", path, "--customer", PortalFixture.target.code,
                                             "--view", "billing"])
        XCTAssertEqual(refused.status, 64, "the billing view is not a customer's")
        let all = outputs.joined(separator: "\n")
        XCTAssertEqual(fixture.leaks(in: all), [])
        XCTAssertTrue(all.contains(PortalFixture.target.name))
    }

    func testInvoiceListingsAndReadsOfAScopedSessionAreTheirsAlone() throws {
        let scoped = ScopedStoreReader(fixture.store, scope: CustomerScope(customerID: fixture.targetID))
        let all = try fixture.store.read { try $0.invoices(InvoiceFilter()) }
        XCTAssertEqual(all.count, 3)
        try scoped.read { session in
            let own = try session.invoices(InvoiceFilter())
            XCTAssertEqual(own.map(\.customerID), [fixture.targetID])
            for invoice in all where invoice.customerID != fixture.targetID {
                XCTAssertNil(try session.invoice(id: invoice.id))
                XCTAssertEqual(try session.invoicedCDRs(invoiceID: invoice.id), [])
                XCTAssertEqual(try session.invoices(InvoiceFilter(customerID: invoice.customerID)), [])
                XCTAssertNil(try session.billingProfile(customerID: invoice.customerID))
            }
            XCTAssertThrowsError(try session.billingFigures(at: PortalFixture.now))
            let text = own.map { InvoiceText.render($0) }.joined() + InvoiceListCommand.table(own).csv()
            XCTAssertEqual(fixture.leaks(in: text), [])
        }
        // The commands with --customer: their own invoice shown and exported (PDF and CSV), another's not found.
        let code = PortalFixture.target.code
        var outputs: [String] = []
        for invoice in all {
            let pdf = folder.appendingPathComponent("\(invoice.id).pdf").path
            let csv = folder.appendingPathComponent("\(invoice.id).csv").path
            let show = try EndToEnd.termdash(["invoice", "show", "\(invoice.id)", "--db", fixture.path, "--customer", code])
            let json = try EndToEnd.termdash(["invoice", "show", invoice.number ?? "\(invoice.id)", "--format", "json",
                                              "--db", fixture.path, "--customer", code])
            let export = try EndToEnd.termdash(["invoice", "export", "\(invoice.id)", "--pdf", pdf, "--csv", csv,
                                                "--db", fixture.path, "--customer", code])
            let list = try EndToEnd.termdash(["invoice", "list", "--format", "json", "--db", fixture.path,
                                              "--customer", code])
            let mine = invoice.customerID == fixture.targetID
            for result in [show, json, export] {
                XCTAssertEqual(result.status == 0, mine, "\(invoice.id): \(result.stderr)")
            }
            XCTAssertEqual(FileManager.default.fileExists(atPath: pdf), mine)
            outputs += [show.stdout, show.stderr, json.stdout, export.stdout, export.stderr, list.stdout]
            if mine {
                outputs.append(try String(contentsOfFile: csv, encoding: .utf8))
                let text = try EndToEnd.run("/usr/bin/pdftotext", [pdf, "-"])
                XCTAssertTrue(text.stdout.contains(PortalFixture.target.name), text.stdout)
                outputs.append(text.stdout)
            }
        }
        XCTAssertEqual(fixture.leaks(in: outputs.joined(separator: "\n")), [])
    }
}
