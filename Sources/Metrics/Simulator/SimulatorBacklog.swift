/// What the simulator's last writes could not store (the store did not answer): written with the next advance, in
/// the same transaction as what is new, so an outage delays traffic but loses none. A write either stores all of it
/// or none (one transaction), so retrying the whole backlog never doubles anything.
struct SimulatorBacklog {
    var started: [SimulatedCall] = []
    var answered: [SimulatedCall] = []
    var ended: [SimulatedCall] = []
    /// Endpoint indexes to register and to unregister, the latest change of each winning.
    var registering: Set<Int> = []
    var unregistering: Set<Int> = []

    mutating func add(started: [SimulatedCall], answered: [SimulatedCall], ended: [SimulatedCall],
                      churn: (added: [Int], removed: [Int])) {
        self.started += started
        self.answered += answered
        self.ended += ended
        for index in churn.added {
            unregistering.remove(index)
            registering.insert(index)
        }
        for index in churn.removed {
            registering.remove(index)
            unregistering.insert(index)
        }
    }

    var churn: (added: [Int], removed: [Int]) { (registering.sorted(), unregistering.sorted()) }
}
