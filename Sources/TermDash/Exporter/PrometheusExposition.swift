import Metrics
import Prometheus

/// The exporter's figures in the Prometheus text format, written by swift-prometheus (which escapes label values).
/// A fresh registry per scrape: every counter is set from the store's cumulative totals, so what a scrape shows does
/// not depend on earlier scrapes. The series are bounded: the first `accountLimit` customers and carriers by id get
/// their own series, the rest are summed under the label value "other" (docs/prometheus.md). Id order is stable as
/// accounts are added, so an account never moves between its own series and "other", and "other" stays monotonic.
struct PrometheusExposition {
    /// The label value of the accounts past the limit.
    static let otherLabel = "other"
    /// The label value of calls of no known customer or carrier.
    static let unknownLabel = "unknown"

    var accountLimit: Int

    func text(_ figures: ExporterFigures) -> String {
        let registry = PrometheusCollectorRegistry()
        registry.makeGauge(descriptor: Self.name(nil, "calls_in_progress", "", "Calls in progress now."))
            .set(Int64(figures.inProgress))
        for (kind, accounts) in [("customer", figures.customers), ("carrier", figures.carriers)] {
            for account in bounded(accounts) {
                let labels = [(kind, account.name)]
                func gauge(_ name: String, _ help: String, _ value: Int) {
                    registry.makeGauge(descriptor: Self.name(kind, name, "", help), labels: labels).set(Int64(value))
                }
                func counter(_ name: String, _ help: String, _ value: Int64) {
                    registry.makeCounter(descriptor: Self.name(kind, name, "total", help), labels: labels)
                        .increment(by: value)
                }
                func money(_ name: String, _ help: String, _ micros: Int64) {
                    registry.makeCounter(descriptor: Self.name(kind, name, "total", help), labels: labels)
                        .increment(by: Double(micros) / 1_000_000)
                }
                gauge("calls_in_progress", "Calls in progress now, per \(kind).", account.inProgress)
                gauge("channels_configured", "Channels configured, per \(kind).", account.channelsConfigured)
                let counts = account.counts
                counter("attempts", "Finished calls (attempts), per \(kind).", counts.attempts)
                counter("answered", "Answered calls, per \(kind).", counts.answered)
                counter("billed_seconds", "Billed seconds of answered calls, per \(kind).", counts.billsec)
                counter("dtmf_calls", "Answered calls with at least one DTMF digit, per \(kind).", counts.dtmfCalls)
                counter("dtmf_digits", "DTMF digits sent, per \(kind).", counts.dtmfDigits)
                money("spend", "What customers were charged for rated calls, in currency units, per \(kind).",
                      counts.sellMicros)
                money("provider_cost", "What carriers charge for rated calls, in currency units, per \(kind).",
                      counts.buyMicros)
            }
        }
        for (status, files) in [("success", figures.filesSuccess), ("error", figures.filesError),
                                ("waiting", figures.filesWaiting)] {
            registry.makeGauge(descriptor: Self.name(nil, "cdr_files", "", "CDR files recorded, by import status."),
                               labels: [("status", status)]).set(Int64(files))
        }
        for (status, invoices) in [("draft", figures.draftInvoices), ("unpaid", figures.unpaidInvoices)] {
            registry.makeGauge(
                descriptor: Self.name(nil, "invoices", "", "Draft invoices, and issued invoices not paid in full."),
                labels: [("status", status)]).set(Int64(invoices))
        }
        return registry.emitToString()
    }

    /// `termdash_KIND_NAME_UNIT`, the empty parts left out.
    private static func name(_ kind: String?, _ metric: String, _ unit: String, _ help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(namespace: "termdash", subsystem: kind, metricName: metric, unitName: unit, helpText: help)
    }

    /// `accounts` (in id order) with those past the limit summed into one "other" row. Figures of the unknown
    /// account (id 0) keep a series of their own whatever the limit.
    func bounded(_ accounts: [ExporterFigures.Account]) -> [ExporterFigures.Account] {
        var rows: [ExporterFigures.Account] = []
        var other = ExporterFigures.Account(id: -1, name: Self.otherLabel, inProgress: 0, channelsConfigured: 0,
                                            counts: .zero)
        var named = 0
        for account in accounts {
            if account.id == 0 {
                var unknown = account
                unknown.name = Self.unknownLabel
                rows.append(unknown)
            } else if named < accountLimit {
                named += 1
                rows.append(account)
            } else {
                other.inProgress += account.inProgress
                other.channelsConfigured += account.channelsConfigured
                other.counts += account.counts
            }
        }
        if accounts.count(where: { $0.id != 0 }) > accountLimit { rows.append(other) }
        return rows
    }
}
