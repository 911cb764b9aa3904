import Foundation

/// The last terminating signal received (SIGINT, SIGTERM, SIGHUP), or 0. Written from a signal handler, so it is a
/// plain word, read by the event loop after every wake-up.
nonisolated(unsafe) private var receivedSignal: sig_atomic_t = 0

enum SignalTrap {
    /// Installs handlers that only record the signal; the loops check `pending` and unwind normally, which is
    /// what restores the terminal.
    static func install() {
        for number in [SIGINT, SIGTERM, SIGHUP] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { receivedSignal = $0 }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0  // no SA_RESTART: a blocking read returns so the loop sees the signal at once
            sigaction(number, &action, nil)
        }
    }

    static var pending: Int32 { receivedSignal }
}
