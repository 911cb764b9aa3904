import ArgumentParser
import Foundation
import Metrics

/// `termdash exporter`: the store's figures for Prometheus at http://ADDRESS/metrics (docs/prometheus.md).
struct ExporterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exporter",
        abstract: "Serve the store's figures to Prometheus at http://ADDRESS/metrics until stopped.",
        discussion: """
            Counters (attempts, answered, billed seconds, DTMF, spend, provider cost) are the store's totals per \
            customer and per carrier, so rate() and increase() give exact ASR, ACD and CPS over any window. The \
            first --max-accounts customers and carriers (by creation order) get series of their own, the rest are \
            summed under "other". Listens on loopback only unless --allow-remote is given.
            """)

    @Option(help: ArgumentHelp("Address and port to listen on.", valueName: "host:port"))
    var listen = ListenAddress(argument: ListenAddress.defaultValueDescription)!

    @Flag(help: "Allow an address other than 127.0.0.0/8 (the figures carry no authentication).")
    var allowRemote = false

    @Option(help: "Customers and carriers with series of their own; the rest are summed under \"other\".")
    var maxAccounts = 50

    @OptionGroup var options: CommonOptions

    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        try Self.check(listen, allowRemote: allowRemote)
        guard maxAccounts >= 0 else { throw ValidationError("--max-accounts must be 0 or more") }
    }

    static func check(_ address: ListenAddress, allowRemote: Bool) throws {
        if !address.isLoopback && !allowRemote {
            throw ValidationError("\(address) is not a loopback address: give --allow-remote to listen on it")
        }
    }

    func run() throws {
        let settings = try options.settings()
        let engine = MetricsEngine(store: try settings.openStore(readOnly: true),
                                   retention: settings.config.retention)
        let server = try MetricsHTTPServer(address: listen)
        let exposition = PrometheusExposition(accountLimit: maxAccounts)
        logging.logger(label: "termdash.exporter").notice("serving http://\(listen)/metrics")
        // A closure value, not a trailing closure: Swift 6.3's optimizer failed its ownership check on the latter
        // here (a release build crashed in CopyPropagation).
        let scrape: () throws -> String = {
            exposition.text(try engine.exporterFigures(at: Int64(Date().timeIntervalSince1970)))
        }
        server.serve(scrape)
    }
}
