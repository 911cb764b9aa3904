import ArgumentParser
import Foundation

/// What identifies this build: the release number and a hash of the sources it was built from.
enum BuildInfo {
    static let version = "\(BuildStamp.release)+\(BuildStamp.sourceHash)"
}
