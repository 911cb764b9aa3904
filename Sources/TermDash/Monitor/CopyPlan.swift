import Foundation

/// The methods to try, in order, until one works. Decided by `CopyPipeline.plan` without touching anything.
struct CopyPlan: Equatable, Sendable {
    var text: String
    /// What is copied, for the message: "6 cells", "Version and Zone".
    var what: String
    var methods: [CopyMethod]
    /// Why OSC 52 is not among the methods, when it was wanted but could not be used.
    var osc52Note: String?
}
