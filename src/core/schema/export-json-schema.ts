import type { BodyKind, JsonSchema } from './body-schema-types.js';
import { scalarText } from './describe-value.js';
import { isPlainObject, mapSubschemas, type SchemaNode } from './map-subschemas.js';
import { withNullableOptionals } from './nullable-optionals.js';
import { applyVendorExtensions } from './vendor-extensions.js';

/**
 * A bundled Swagger 2.0 document's webhook body as one self-contained JSON Schema (draft 2020-12)
 * for the user's own code (docs/schema-policy.md, "Documented enums in exports"): the definitions
 * become `$defs` under their own names, the documented enums stay enums, the vendor extensions
 * become plain JSON Schema, the null rule of the bundled schemas is applied, and dates and times
 * carry a `pattern` besides (or, for Tradecloud's zone-less forms, instead of) their `format`.
 */
export function exportJsonSchema(document: unknown, kind: BodyKind): JsonSchema {
  const doc = isPlainObject(document) ? document : {};
  const definitions = isPlainObject(doc.definitions) ? doc.definitions : {};
  const bodyName = bodyDefinitionName(doc);
  const display = `bundled ${kind} schema`;
  const defs: SchemaNode = {};
  for (const [name, schema] of Object.entries(definitions)) {
    if (name !== bodyName) defs[name] = withPatterns(translate(schema, display));
  }
  const info = isPlainObject(doc.info) ? doc.info : {};
  const body = withPatterns(translate(definitions[bodyName] ?? {}, display));
  const note = [
    `The POST body of Tradecloud's ${kind} webhook, exported by tc-webhook from its bundled schema (${scalarText(info.title)}, version ${scalarText(info.version)}).`,
    "Reconstructed from Tradecloud's public documentation; it is not Tradecloud's own specs.yaml.",
    'Documented enums are enums here: Tradecloud may add values, which this schema then rejects.',
    'Any optional field may be null. See docs/schema-policy.md and docs/webhook-payloads.md in tc-webhook.',
  ];
  const formats = formatsUsed([body, defs]);
  const formatNote = formats.length > 0 ? formatsNote(formats) : undefined;
  const root: SchemaNode = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: bodyName,
    ...(formatNote ? { $comment: formatNote } : {}),
    ...body,
    description: [typeof body.description === 'string' ? body.description : '', ...note, formatNote ?? '']
      .join(' ')
      .trim(),
    $defs: defs,
  };
  delete root.xml;
  return withNullableOptionals(root, 'anyOf');
}

/**
 * Ajv (and other validators) ignore or refuse `format` unless told what it means: the note tells a
 * reader which formats they need ajv-formats for, and which keep a `pattern` that works without it.
 */
function formatsNote(formats: string[]): string {
  const patterned = formats.filter((f) => PATTERNS[f]);
  const list = (names: string[]) => names.map((f) => `"${f}"`).join(', ');
  return [
    `Formats used: ${list(formats)}. Ajv checks them only with the ajv-formats package (\`addFormats(ajv)\`; without it, Ajv's strict mode refuses the schema).`,
    patterned.length > 0 ? `${list(patterned)} also carry a \`pattern\`, checked without it.` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

function formatsUsed(node: unknown, found = new Set<string>()): string[] {
  if (Array.isArray(node)) node.forEach((item) => formatsUsed(item, found));
  else if (isPlainObject(node)) {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'format' && typeof value === 'string') found.add(value);
      else if (typeof value === 'object') formatsUsed(value, found);
    }
  }
  return [...found].sort();
}

/** The definition the POST operation's body parameter refers to. */
function bodyDefinitionName(doc: SchemaNode): string {
  for (const path of Object.values(isPlainObject(doc.paths) ? doc.paths : {})) {
    const post = isPlainObject(path) && isPlainObject(path.post) ? path.post : undefined;
    const parameters = Array.isArray(post?.parameters) ? (post.parameters as unknown[]) : [];
    for (const p of parameters) {
      const ref = isPlainObject(p) && isPlainObject(p.schema) ? p.schema.$ref : undefined;
      if (typeof ref === 'string') return ref.replace('#/definitions/', '');
    }
  }
  return 'WebhookBody';
}

const DROPPED = new Set(['xml', 'example', 'discriminator', 'readOnly', 'externalDocs']);

function translate(node: unknown, display: string): SchemaNode {
  if (!isPlainObject(node)) return {};
  if (typeof node.$ref === 'string') return { $ref: node.$ref.replace('#/definitions/', '#/$defs/') };
  // Swagger 2.0's way to name an array item element beside a $ref: allOf of one plus `xml`.
  const all = node.allOf;
  if (
    Array.isArray(all) &&
    all.length === 1 &&
    Object.keys(node).every((k) => k === 'allOf' || DROPPED.has(k))
  ) {
    return translate(all[0], display);
  }
  const out: SchemaNode = {};
  for (const [key, value] of Object.entries(node)) {
    if (!DROPPED.has(key) && !key.startsWith('x-')) out[key] = value;
  }
  // The bundled descriptions cite sections of tc-webhook's docs/webhook-payloads.md as "§N".
  if (typeof out.description === 'string')
    out.description = out.description.replaceAll('(§', '(docs/webhook-payloads.md §');
  if (node['x-nullable'] === true && typeof out.type === 'string') {
    out.type = [out.type, 'null'];
    if (Array.isArray(out.enum)) out.enum = [...(out.enum as unknown[]), null];
  }
  const { 'x-any-of-formats': formats, ...rest } = node;
  applyVendorExtensions(rest, out, display);
  if (Array.isArray(formats)) anyOfFormats(out, formats);
  return mapSubschemas(out, (child) => (typeof child === 'boolean' ? child : translate(child, display)));
}

const DATE = '^\\d{4}-\\d{2}-\\d{2}$';
const CLOCK = '\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?';

/** Per format: the pattern added, and whether JSON Schema's `format` of that name means the same. */
const PATTERNS: Record<string, { pattern: string; keepFormat: boolean; note?: string }> = {
  date: { pattern: DATE, keepFormat: true },
  'date-time': { pattern: `^\\d{4}-\\d{2}-\\d{2}[Tt]${CLOCK}([Zz]|[+-]\\d{2}:\\d{2})$`, keepFormat: true },
  'local-date-time': {
    pattern: `^\\d{4}-\\d{2}-\\d{2}[Tt]${CLOCK}$`,
    keepFormat: false,
    note: 'A local date-time without a time zone (yyyy-MM-ddTHH:mm:ss).',
  },
  time: {
    pattern: `^${CLOCK}$`,
    keepFormat: false,
    note: "A local time (HH:mm:ss); JSON Schema's `time` format would demand a zone.",
  },
};

/**
 * `x-any-of-formats` as one pattern that admits each format: code generators read an `anyOf` of
 * bare formats as an object type, and a `null` would fail every branch.
 */
function anyOfFormats(out: SchemaNode, formats: unknown[]): void {
  const patterns = formats.map((f) => PATTERNS[String(f)]?.pattern);
  if (patterns.some((p) => p === undefined)) {
    out.anyOf = formats.map((format) => ({ type: 'string', format }));
    return;
  }
  delete out.format;
  out.pattern = patterns.map((p) => `(?:${p})`).join('|');
  const note = `One of the formats ${formats.join(', ')}.`;
  out.description = [out.description, note].filter(Boolean).join(' ');
}

function withPatterns(node: SchemaNode): SchemaNode {
  const out = mapSubschemas(node, (child) => (isPlainObject(child) ? withPatterns(child) : child));
  const format = typeof out.format === 'string' ? PATTERNS[out.format] : undefined;
  if (!format) return out;
  out.pattern ??= format.pattern;
  if (!format.keepFormat) {
    delete out.format;
    if (format.note) out.description = [out.description, format.note].filter(Boolean).join(' ');
  }
  return out;
}
