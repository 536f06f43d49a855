import EdgarCore

/// One JSON Schema (draft 2020-12) document with a self-contained schema per table under `$defs` (keyed by
/// `Table.warehouseName`): validate an NDJSON row of table T against `$defs.T`. Strict: every key required, no
/// other key allowed, null only where the encoder writes null.
enum JSONSchemaDialect {
    static let draft = "https://json-schema.org/draft/2020-12/schema"

    static func render(_ tables: [Table]) -> String {
        let document = SchemaJSON.object([
            ("$schema", .string(draft)),
            ("title", .string("edgar-etl output rows, contract version \(Versions.contract)")),
            ("description", .string("One schema per table in $defs: validate a row of table T against $defs/T.")),
            ("$defs", .object(tables.map { ($0.warehouseName, schema(of: $0)) })),
        ])
        return document.pretty() + "\n"
    }

    static func schema(of table: Table) -> SchemaJSON {
        let list = Columns.of(table)
        let columns = list.columns
        return .object([
            ("title", .string(table.warehouseName)),
            ("type", .string("object")),
            ("additionalProperties", .bool(false)),
            ("required", .strings(columns.map(\.name))),
            ("properties", .object(columns.map { ($0.name, schema(of: $0, in: list)) })),
        ])
    }

    static func schema(of column: Column, in list: ColumnList) -> SchemaJSON {
        var members = members(of: column.type, in: list)
        guard column.nullable else { return .object(members) }
        // Nullable: `null` joins the type, and the closed set when there is one.
        for (i, (key, value)) in members.enumerated() {
            switch (key, value) {
            case ("type", .string(let type)): members[i].1 = .strings([type, "null"])
            case ("enum", .array(let values)): members[i].1 = .array(values + [.null])
            default: break
            }
        }
        return .object(members)
    }

    private static func members(of type: ColumnType, in list: ColumnList) -> [(String, SchemaJSON)] {
        func string(pattern: String? = nil, format: String? = nil) -> [(String, SchemaJSON)] {
            [("type", .string("string"))] + (format.map { [("format", .string($0))] } ?? [])
                + (pattern.map { [("pattern", .string($0))] } ?? [])
        }
        func closed(_ values: [String]) -> [(String, SchemaJSON)] {
            [("type", .string("string")), ("enum", .strings(values))]
        }
        switch type {
        case .filingID: return string(pattern: "^([0-9]{10}-[0-9]{2}-[0-9]{6}|sha256:[0-9a-f]{20})$")
        case .accessionNumber: return string(pattern: "^[0-9]{10}-[0-9]{2}-[0-9]{6}$")
        case .string, .code: return string()
        case .formType: return closed(FormType.spellings)
        case .layout: return closed([Layout.xml, .text].map(\.rawValue))
        case .rejectStage: return closed([RejectStage.read, .extract, .transform].map(\.rawValue))
        case .rejectCode: return closed(RejectCode.allCases.map(\.rawValue))
        case .cik: return string(pattern: "^[0-9]{10}$")
        case .date: return string(pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", format: "date")
        case .timestamp:
            return string(pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}[-+][0-9]{2}:[0-9]{2}$",
                          format: "date-time")
        case .decimal: return [("type", .string("number"))]
        case .boolean: return [("type", .string("boolean"))]
        case .index: return [("type", .string("integer")), ("minimum", .int(1))]
        case .source:
            return strictObject([
                ("archive", [("type", .string("string"))]),
                ("member", [("type", .strings(["string", "null"]))]),
                ("document_sequence", [("type", .strings(["string", "null"]))]),
            ])
        case .footnoteIDs:
            return [
                ("type", .string("object")),
                ("propertyNames", .object([("enum", .strings(list.footnoteKeys))])),
                ("additionalProperties", .object([
                    ("type", .string("array")), ("minItems", .int(1)), ("items", .object([("type", .string("string"))])),
                ])),
            ]
        case .issues:
            let valueCodes = ValueIssueCode.allCases.filter { $0 != .unknownElement && $0 != .recoveredXML }.map(\.rawValue)
            let issue = strictObject([
                ("field", [("type", .string("string")), ("enum", .strings(list.documentColumns))]),
                ("code", [("type", .string("string")), ("enum", .strings(valueCodes))]),
                ("raw", [("type", .string("string"))]),
            ])
            guard list.hasElementIssues else { return [("type", .string("array")), ("items", .object(issue))] }
            // An unknown element's issue names its path below the root (`issuer/issuerNewThing`), not a column.
            let element = strictObject([
                ("field", [("type", .string("string")), ("pattern", .string(#"^[^/\s]+(/[^/\s]+)*$"#))]),
                ("code", [("const", .string(ValueIssueCode.unknownElement.rawValue))]),
                ("raw", [("type", .string("string")), ("maxLength", .int(UnknownElement.maxTextCharacters))]),
            ])
            // A document read in recover mode says so on the filings row, under the field `document`.
            let recovered = strictObject([
                ("field", [("const", .string("document"))]),
                ("code", [("const", .string(ValueIssueCode.recoveredXML.rawValue))]),
                ("raw", [("type", .string("string"))]),
            ])
            let kinds: [SchemaJSON] = [.object(issue), .object(element), .object(recovered)]
            return [("type", .string("array")), ("items", .object([("anyOf", .array(kinds))]))]
        }
    }

    private static func strictObject(_ properties: [(String, [(String, SchemaJSON)])]) -> [(String, SchemaJSON)] {
        [
            ("type", .string("object")),
            ("additionalProperties", .bool(false)),
            ("required", .strings(properties.map(\.0))),
            ("properties", .object(properties.map { ($0.0, .object($0.1)) })),
        ]
    }
}
