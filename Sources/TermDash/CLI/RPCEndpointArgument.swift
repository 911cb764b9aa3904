import ArgumentParser
import Metrics

/// `--rpc`: a JSON-RPC endpoint, checked when parsed (bad usage exits 64).
struct RPCEndpointArgument: ExpressibleByArgument {
    var endpoint: RPCEndpoint

    init?(argument: String) {
        guard let endpoint = RPCEndpoint(argument) else { return nil }
        self.endpoint = endpoint
    }
}
