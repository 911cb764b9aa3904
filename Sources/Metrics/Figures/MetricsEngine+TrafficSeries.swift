/// Network-wide series over any interval: CPS, average channels in use and registrations.
extension MetricsEngine {
    /// CPS over [from, to): from the per-second table inside its retention at `now`, from the CDRs before it.
    public func cps(from: Int64, to: Int64, at now: Int64) throws -> CPSFigures {
        guard from < to else { return CPSFigures(attempts: 0, seconds: 0, peak: 0, peakSecond: nil) }
        return try store.read { session in
            let horizon = retention.minuteHorizon(at: now)
            var total: Int64 = 0
            var busiest = BusiestSecond.none
            func consider(_ second: Int64, _ attempts: Int64) {
                total += attempts
                busiest.merge(BusiestSecond(attempts: attempts, second: second))
            }
            let split = min(max(from, horizon), to)
            if from < split {
                try session.callAttempts(by: .total, seconds: from..<split) { _, second, attempts in
                    consider(second, attempts)
                }
            }
            if split < to {
                try session.attemptsPerSecond(split..<to) { second, attempts in consider(second, attempts) }
            }
            return CPSFigures(attempts: total, seconds: to - from, busiest: busiest)
        }
    }

    /// Average channels in use per bucket of `step` (minute or coarser) over [from, to): finished calls from the
    /// occupancy table, calls still in progress from their start to `now`.
    public func channelHistory(from: Int64, to: Int64, step: Int64, now: Int64) throws -> [SeriesPoint] {
        guard from < to, step >= 60, step % 60 == 0 else { return [] }
        return try store.read { session in
            let first = TimeBucket.minute.start(of: from)
            let count = Int((to - first + step - 1) / step)
            var seconds = [Int64](repeating: 0, count: count)
            try session.channelSeconds(minutes: first..<to) { minute, channelSeconds in
                seconds[Int((minute - first) / step)] += channelSeconds
            }
            // A running call occupies [start, now): add its seconds to each bucket it overlaps.
            let end = min(now, to)
            for (start, calls) in try session.liveSummary().byStart {
                var cursor = max(start, first)
                while cursor < end {
                    let index = Int((cursor - first) / step)
                    let bucketEnd = first + Int64(index + 1) * step
                    seconds[index] += Int64(calls) * (min(end, bucketEnd) - cursor)
                    cursor = bucketEnd
                }
            }
            return seconds.enumerated().map { index, total in
                SeriesPoint(bucket: first + Int64(index) * step,
                            value: Occupancy(channelSeconds: total, seconds: step).averageChannels)
            }
        }
    }

    /// Registrations per bucket of `step` over [from, to): the highest sample in each bucket, nil-free (a bucket
    /// without a sample repeats the previous one, as a gauge does).
    public func registrationHistory(from: Int64, to: Int64, step: Int64) throws -> [SeriesPoint] {
        guard from < to, step > 0 else { return [] }
        return try store.read { session in
            let count = Int((to - from + step - 1) / step)
            // The highest sample per bucket (Int64.min where none).
            var highest = [Int64](repeating: .min, count: count)
            try session.registrationSamples(minutes: from..<to) { minute, registrations in
                let index = Int((minute - from) / step)
                highest[index] = max(highest[index], registrations)
            }
            var last = Double(try session.registrationSample(before: from) ?? 0)
            return (0..<count).map { index in
                if highest[index] != .min { last = Double(highest[index]) }
                return SeriesPoint(bucket: from + Int64(index) * step, value: last)
            }
        }
    }
}
