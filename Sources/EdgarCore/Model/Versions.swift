/// Versions stamped on every output, so a warehouse can reprocess by version.
public enum Versions {
    /// Bumped whenever a change to parsing could change a row.
    public static let parser = "edgar-etl/0.1.0"
    /// The manifests' `contract_version` (docs/TABLES.md, "Files on disk").
    public static let contract = 1
}
