/// Versions stamped on every output, so a warehouse can reprocess by version.
public enum Versions {
    /// Bumped whenever a change to parsing could change a row.
    public static let parser = "edgar-etl/0.1.0"
    /// OUTPUT.md's `contract_version`.
    public static let contract = 1
}
