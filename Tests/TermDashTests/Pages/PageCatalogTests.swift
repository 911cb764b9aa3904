import Foundation
import Metrics
import TermDashTestSupport
import XCTest

@testable import TermDash

/// Where a session's pages come from: the config read again only when it changed, a broken one kept with its
/// reason, stored pages picked up and dropped, and a customer's session told nothing of the operator's pages.
final class PageCatalogTests: XCTestCase {
    private func page(_ title: String, key: String, customers: Bool = false) -> String {
        let filter = customers ? " WHERE customer_id = :customer" : ""
        return "[[pages]]\ntitle = \"\(title)\"\nkey = \"\(key)\"\ncustomers = \(customers)\n[[pages.panes]]\nsql = \"SELECT count(*) FROM cdrs\(filter)\"\n"
    }

    func testChangesAreTakenAndABrokenConfigKeepsItsPages() throws {
        let temporary = try TemporaryStore()
        let config = temporary.directory.appendingPathComponent("config.toml")
        try page("Ops", key: "O").write(to: config, atomically: true, encoding: .utf8)
        let operatorCatalog = PageCatalog(configPath: config.path, initialPages: try Config.load(path: config.path).pages,
                                          ledger: temporary.store, customersOnly: false)
        let customerCatalog = PageCatalog(configPath: config.path, initialPages: try Config.load(path: config.path).pages,
                                          ledger: temporary.store, customersOnly: true)
        XCTAssertEqual(operatorCatalog.read(), PageSet(pages: try Config.load(path: config.path).pages, problems: []))
        XCTAssertEqual(customerCatalog.read(), PageSet())

        try temporary.store.pushPage(title: "Theirs", definition: page("Theirs", key: "Y", customers: true), at: 1)
        try temporary.store.pushPage(title: "Bad", definition: "[[pages]]\ntitle = \"Bad\"\n", at: 1)
        XCTAssertEqual(operatorCatalog.read().pages.map(\.title), ["Ops", "Theirs"])
        XCTAssertEqual(operatorCatalog.read().problems, ["stored page Bad:1: [[pages]] #1: key must be one character"])
        XCTAssertEqual(customerCatalog.read(), PageSet(pages: operatorCatalog.read().pages.filter(\.customers), problems: []))

        // Broken: the old pages stay, the operator reads why, the customer only that something is wrong.
        try (page("Ops", key: "O") + "oops = [").write(to: config, atomically: true, encoding: .utf8)
        let broken = operatorCatalog.read()
        XCTAssertEqual(broken.pages.map(\.title), ["Ops", "Theirs"])
        XCTAssertTrue(broken.problems.first?.hasPrefix("config not reloaded: \(config.path):7:") ?? false, "\(broken.problems)")
        XCTAssertEqual(customerCatalog.read().problems, ["pages not reloaded"])
        XCTAssertEqual(customerCatalog.read().pages.map(\.title), ["Theirs"])

        try page("Renamed", key: "O").write(to: config, atomically: true, encoding: .utf8)
        XCTAssertTrue(try temporary.store.removePage(title: "Theirs"))
        XCTAssertEqual(operatorCatalog.read().pages.map(\.title), ["Renamed"])
        XCTAssertEqual(customerCatalog.read(), PageSet())
    }
}
