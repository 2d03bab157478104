import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { InputError } from '../../errors.js';
import { describeFsError, fsErrorCode } from '../files/describe-fs-error.js';
import {
  applyBodyOverrides,
  checkOverlayKeys,
  type BodyOverrides,
  type OverrideTally,
} from './body-overrides.js';
import { createOverrideTally } from './override-tally.js';
import { bodyKindOf, type WebhookType } from './events.js';

/** Bounds loading the bundled schema, which reads local files only. */
const SCHEMA_TIMEOUT_MS = 10_000;

/**
 * Reads `--overlay` files: each must be a JSON object (a partial body). One line, exit 2, when a
 * file cannot be read or is not one.
 */
export async function readOverlays(files: string[], cwd: string): Promise<BodyOverrides['overlays']> {
  const overlays: BodyOverrides['overlays'] = [];
  for (const file of files) {
    const path = resolve(cwd, file);
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      throw new InputError(
        `cannot read the overlay ${file}: ${describeFsError(error)}`,
        'Give a JSON file with a partial body',
        { code: fsErrorCode(error) },
      );
    }
    let body: unknown;
    try {
      body = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      throw new InputError(
        `the overlay ${file} is not JSON (${detail})`,
        'Give a JSON object with a partial body',
      );
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new InputError(
        `the overlay ${file} is not a JSON object`,
        'Give a partial body, e.g. {"orderEvent": {"buyerOrder": {"purchaseOrderNumber": "PO-1"}}}',
      );
    }
    checkOverlayKeys(body, file);
    overlays.push({ file, body: body as Record<string, unknown> });
  }
  return overlays;
}

/**
 * Applies the overrides to a generated body and validates the result against the bundled schema:
 * an override that makes the body invalid is a warning naming the path (the body is still used),
 * as is a field the schema does not know (once per `tally`, which also records what missed).
 */
export async function overrideBody(
  body: Record<string, unknown>,
  type: WebhookType,
  overrides: BodyOverrides,
  tally: OverrideTally = createOverrideTally(),
): Promise<{ body: Record<string, unknown>; warnings: string[] }> {
  const [{ loadBodySchema }, { createBodyValidator }, { withPrecompiledSchemas }] = await Promise.all([
    import('../schema/load-body-schema.js'),
    import('../schema/create-body-validator.js'),
    import('../schema/precompiled-schemas.js'),
  ]);
  const schema = await loadBodySchema({ kind: bodyKindOf(type), timeoutMs: SCHEMA_TIMEOUT_MS, cwd: '.' });
  const said = new Set(tally.unknown);
  const result = applyBodyOverrides(body, overrides, schema.schema, tally);
  const unknown = [...tally.unknown].filter((w) => !said.has(w));
  // The package ships this validator precompiled: no ajv compile here.
  const validator = await createBodyValidator(schema, { strict: false }, withPrecompiledSchemas(undefined));
  const { errors } = await validator.validate(result);
  const event = typeof result.eventName === 'string' ? ` (${result.eventName})` : '';
  const warnings = [
    ...unknown,
    ...errors.map(
      (e) => `after --overlay/--set the body${event} is invalid at ${e.path || '(body)'}: ${e.message}`,
    ),
  ];
  return { body: result, warnings };
}
