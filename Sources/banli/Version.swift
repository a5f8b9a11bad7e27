/// banli's version, as `banli --version` prints it. This is the one place it is written (the
/// README says so): raise it here when a release changes what banli does.
enum Version {
    static let current = "0.12.0"
}
