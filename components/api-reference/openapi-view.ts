// Reading the OpenAPI document for the reference page: operations by tag, and the fields, types
// and rules of a schema in words a reader scans (resolving $ref into components.schemas).

export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  additionalProperties?: JsonSchema | boolean;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  maxItems?: number;
  examples?: unknown[];
}

export interface ParameterObject {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required?: boolean;
  description?: string;
  schema?: JsonSchema;
}

export interface OperationObject {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  security?: Record<string, string[]>[];
  parameters?: ParameterObject[];
  requestBody?: { required?: boolean; content: Record<string, { schema?: JsonSchema }> };
  responses: Record<string, { description: string; content?: Record<string, { schema?: JsonSchema }> }>;
}

export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string; description?: string };
  tags?: { name: string; description?: string }[];
  paths: Record<string, Record<string, OperationObject>>;
  components?: { schemas?: Record<string, JsonSchema>; securitySchemes?: Record<string, { description?: string }> };
}

export interface Operation extends OperationObject {
  method: string;
  path: string;
}

export interface TagGroup {
  name: string;
  description?: string;
  operations: Operation[];
}

const METHOD_ORDER = ["get", "post", "put", "patch", "delete"];

/** Operations grouped by their first tag, in the document's tag order and path order. */
export function groupByTag(doc: OpenApiDocument): TagGroup[] {
  const groups = new Map<string, TagGroup>((doc.tags ?? []).map((tag) => [tag.name, { ...tag, operations: [] }]));
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHOD_ORDER) {
      const operation = item[method];
      if (!operation) continue;
      const name = operation.tags[0] ?? "Other";
      if (!groups.has(name)) groups.set(name, { name, operations: [] });
      groups.get(name)?.operations.push({ ...operation, method, path });
    }
  }
  return [...groups.values()].filter((group) => group.operations.length > 0);
}

/** Case-insensitive match on method, path, summary, operation id and tag. */
export function matchesFilter(operation: Operation, filter: string): boolean {
  const words = filter.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const text = [operation.method, operation.path, operation.summary, operation.operationId, ...operation.tags].join(" ").toLowerCase();
  return words.every((word) => text.includes(word));
}

const SCHEME_LABELS: Record<string, string> = {
  bearerAuth: "personal token",
  cookieAuth: "session cookie",
  pipelineKey: "pipeline API key",
};

/** "Personal token or session cookie", "Pipeline API key", "None". */
export function authLabel(operation: OperationObject): string {
  const schemes = (operation.security ?? []).flatMap((requirement) => Object.keys(requirement));
  if (schemes.length === 0) return "None";
  const label = schemes.map((scheme) => SCHEME_LABELS[scheme] ?? scheme).join(" or ");
  return label.charAt(0).toUpperCase() + label.slice(1);
}

export function refName(ref: string): string {
  return ref.split("/").pop() ?? ref;
}

export function resolve(doc: OpenApiDocument, schema: JsonSchema | undefined): JsonSchema | undefined {
  if (!schema?.$ref) return schema;
  return doc.components?.schemas?.[refName(schema.$ref)];
}

/** A short type: `string (uuid)`, `"ETL" | "TASK"`, `Pipeline[]`, `string | null`. */
export function typeLabel(schema: JsonSchema | undefined): string {
  if (!schema) return "any";
  if (schema.$ref) return refName(schema.$ref);
  const options = schema.anyOf ?? schema.oneOf;
  if (options) return options.map(typeLabel).join(" | ");
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.enum) return schema.enum.length <= 8 ? schema.enum.map((v) => JSON.stringify(v)).join(" | ") : "enum";
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (types.length === 0) return "any";
  return types
    .map((type) => {
      if (type === "array") return `${wrap(typeLabel(schema.items))}[]`;
      const values = schema.additionalProperties;
      // A map of named values reads as one; a map of anything is just an object.
      if (type === "object" && values && typeof values === "object" && Object.keys(values).length > 0) {
        return `map of ${typeLabel(values)}`;
      }
      return schema.format && type === "string" ? `string (${schema.format})` : type;
    })
    .join(" | ");
}

const wrap = (label: string) => (label.includes(" | ") ? `(${label})` : label);

/** The rules beside a type: lengths, bounds, default. */
export function constraints(schema: JsonSchema | undefined): string[] {
  if (!schema) return [];
  const inner = (schema.anyOf ?? []).find((option) => option.type !== "null") ?? schema;
  const rules: string[] = [];
  const { minLength, maxLength, minimum, maximum, maxItems } = inner;
  if (minLength !== undefined && maxLength !== undefined) rules.push(`${minLength}–${maxLength} characters`);
  else if (maxLength !== undefined) rules.push(`at most ${maxLength} characters`);
  else if (minLength !== undefined && minLength > 1) rules.push(`at least ${minLength} characters`);
  if (minimum !== undefined && maximum !== undefined) rules.push(`${minimum}–${maximum}`);
  else if (maximum !== undefined) rules.push(`≤ ${maximum}`);
  else if (minimum !== undefined) rules.push(`≥ ${minimum}`);
  if (maxItems !== undefined) rules.push(`at most ${maxItems} items`);
  if (schema.default !== undefined) rules.push(`default ${JSON.stringify(schema.default)}`);
  return rules;
}

export interface Field {
  name: string;
  type: string;
  required: boolean;
  /** Where a parameter goes: path or query. */
  location?: string;
  description?: string;
  rules: string[];
  /** The fields of an inline object (or list of objects) inside this one. */
  children: Field[];
}

/** The object inside a property: unwrapping `| null` and lists; a named schema only near the top. */
function objectWithin(doc: OpenApiDocument, property: JsonSchema, depth: number): JsonSchema | undefined {
  let inner = property;
  const options = (inner.anyOf ?? []).filter((option) => option.type !== "null");
  if (options.length === 1 && options[0]) inner = options[0];
  if (inner.items) inner = inner.items;
  if (inner.$ref) return depth === 0 ? resolve(doc, inner) : undefined;
  return inner.properties ? inner : undefined;
}

/** The fields of an object schema (or of a list's items), with the objects inside them nested. */
export function fieldsOf(doc: OpenApiDocument, schema: JsonSchema | undefined, depth = 0): Field[] {
  let object = resolve(doc, schema);
  if (object?.type === "array" && object.items) object = resolve(doc, object.items);
  if (!object?.properties || depth > 3) return [];
  const required = new Set(object.required ?? []);
  return Object.entries(object.properties).map(([name, property]) => {
    const inner = objectWithin(doc, property, depth);
    return {
      name,
      type: typeLabel(property),
      required: required.has(name),
      description: property.description,
      rules: constraints(property),
      children: inner ? fieldsOf(doc, inner, depth + 1) : [],
    };
  });
}

export function parameterFields(operation: OperationObject): Field[] {
  return (operation.parameters ?? []).map((parameter) => ({
    name: parameter.name,
    type: typeLabel(parameter.schema),
    required: parameter.required ?? false,
    location: parameter.in,
    description: parameter.description,
    rules: constraints(parameter.schema),
    children: [],
  }));
}

/** The schema an answer or body names, if any, and its media type. */
export function contentOf(content: Record<string, { schema?: JsonSchema }> | undefined) {
  const [mediaType, media] = Object.entries(content ?? {})[0] ?? [];
  return mediaType ? { mediaType, schema: media?.schema } : undefined;
}
