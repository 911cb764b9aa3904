/// The books of CDR files (`StoreLedger`'s file requirements; the `cdr_files` and `cdr_rejects` tables in SQLite):
/// every file an import has seen, how far it got and what it could not use. Its entries, rejected rows and outcomes
/// are the types in the `FileLedger+…` files beside this one.
public enum FileLedger {}
