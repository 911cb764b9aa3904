/// `[exporter]`: the Prometheus endpoint a monitor serves beside its screen (docs/prometheus.md).
struct ExporterSettings: Equatable {
    /// `HOST:PORT`; nil: none.
    var listen: String?
    var allowRemote = false
    /// Customers and carriers with series of their own.
    var maxAccounts = 50
}
