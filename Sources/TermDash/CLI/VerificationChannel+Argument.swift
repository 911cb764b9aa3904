import ArgumentParser
import Metrics

extension VerificationChannel: ExpressibleByArgument {}
