/// The batches as the writing side sees them.
struct ImportBatches {
    private let full: Handoff<ImportBatch>
    private let empty: Handoff<ImportBatch>

    init(full: Handoff<ImportBatch>, empty: Handoff<ImportBatch>) {
        self.full = full
        self.empty = empty
    }

    /// The next batch; nil at the end of the file.
    func take() -> ImportBatch? { full.take() }

    /// Gives a written batch back, so that its buffers are reused and its strings released on the reading side.
    func recycle(_ batch: ImportBatch) { empty.put(batch) }
}
