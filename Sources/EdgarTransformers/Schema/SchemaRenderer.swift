import EdgarCore

/// The warehouse dialects `edgar-etl schema --format …` prints.
public enum SchemaDialect: String, CaseIterable, Sendable {
    /// One JSON Schema (draft 2020-12) document; `$defs.<table>` is a self-contained schema of one NDJSON row.
    case jsonSchema = "json-schema"
    /// `CREATE TABLE` statements.
    case duckdb
    /// One JSON object `{"<table>": [fields…]}`; each value is the file `bq load --schema` takes
    /// (`edgar-etl schema --format bigquery | jq '.filings' > filings.json`).
    case bigquery
    /// `CREATE TABLE` statements.
    case postgres
    /// One JSON object `{"<table>": "<DDL>"}`; each value is the string `spark.read.schema(…)` takes
    /// (`edgar-etl schema --format spark | jq -r '.filings'`).
    case spark
    /// `docs/TABLES.md`: the files on disk, keys, value rules, layouts, every column, issue and reject codes.
    case markdown
}

/// Renders the output tables of docs/TABLES.md as warehouse schemas. Every schema is derived from `Columns` (the
/// lists the row encoder writes through), so a column cannot be missing, misspelt or out of order.
///
/// How values map (the rows are NDJSON, see `RowWriter`):
///
/// | column kind | JSON | DuckDB | BigQuery | Postgres | Spark |
/// |---|---|---|---|---|---|
/// | string, code, cik, keys | string | VARCHAR | STRING | TEXT | STRING |
/// | date | `"YYYY-MM-DD"` | DATE | DATE | DATE | DATE |
/// | `acceptance_datetime` | RFC 3339 with offset | TIMESTAMPTZ | TIMESTAMP | TIMESTAMPTZ | TIMESTAMP |
/// | decimal | number | DECIMAL(38,18) | BIGNUMERIC | NUMERIC | DECIMAL(38,18) |
/// | boolean | true/false | BOOLEAN | BOOLEAN | BOOLEAN | BOOLEAN |
/// | index | integer ≥ 1 | INTEGER | INTEGER | INTEGER | INT |
/// | `source` | object | STRUCT | RECORD | jsonb | STRUCT |
/// | `footnote_ids` | object of string lists | MAP(VARCHAR, VARCHAR[]) | JSON | jsonb | MAP<STRING, ARRAY<STRING>> |
/// | `issues` | list of {field, code, raw} | STRUCT(…)[] | REPEATED RECORD | jsonb | ARRAY<STRUCT<…>> |
///
/// The rejects table lives under `_rejects/` on disk and is called `rejects` in every schema.
public enum SchemaRenderer {
    /// The schema of `tables` (all of them by default, in `Table` order) in `dialect`, ending in a newline.
    public static func render(_ dialect: SchemaDialect, tables: [Table] = Table.allCases) -> String {
        switch dialect {
        case .jsonSchema: JSONSchemaDialect.render(tables)
        case .duckdb: DuckDBDialect.render(tables)
        case .bigquery: BigQueryDialect.render(tables)
        case .postgres: PostgresDialect.render(tables)
        case .spark: SparkDialect.render(tables)
        case .markdown: TablesDocument.render(tables)
        }
    }

    /// Decimals are stored exactly: a JSON number in the rows keeps the digits filed, and a warehouse type must not
    /// round or refuse real filings.
    ///
    /// - Integer digits: TS3 caps a filed decimal at 999999999999.9999 (12 integer digits), but text-layout and
    ///   pre-validation filings were never checked, so 20 integer digits leave 8 orders of magnitude of headroom.
    /// - Fraction digits: TS3's "EDGAR stores 4 decimals" is EDGAR's database, not the disseminated document; the
    ///   XSD type is `xs:decimal`, so filers type fractional shares (`12629.042`, `196.356`), prices (`3.9459`)
    ///   and computed values with more decimals. 18 fraction digits hold them all; a fixed scale of 4 or even 10
    ///   would round real values.
    ///
    /// 38 digits is the widest fixed-point decimal of DuckDB and Spark (and DECIMAL(38,18) is Spark's own default
    /// decimal). BigQuery's BIGNUMERIC (76 digits, scale 38) and Postgres' unconstrained NUMERIC are wider still,
    /// and exact. A value beyond DECIMAL(38,18) (more than 20 integer digits, possible only from a mistyped
    /// exponent) fails the DuckDB load loudly rather than being stored wrong; a value with more than 18 decimals
    /// would be rounded at the 18th.
    public static let decimalPrecision = 38
    public static let decimalScale = 18
}

extension Table {
    /// The table's name in a warehouse: the folder name, except `rejects` (whose folder is `_rejects`).
    public var warehouseName: String { self == .rejects ? "rejects" : rawValue }

    /// The table of a warehouse or folder name (`rejects` and `_rejects` both name the rejects table).
    public init?(warehouseName name: String) {
        guard let table = Table.allCases.first(where: { $0.warehouseName == name || $0.rawValue == name }) else {
            return nil
        }
        self = table
    }
}
