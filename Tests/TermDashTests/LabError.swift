/// A step of the Kamailio lab that did not happen, with where to look.
struct LabError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
