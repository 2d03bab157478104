import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { describe, it } from 'node:test';
import { readShippedFile, shippedPath } from '../../../src/core/files/shipped-files.js';

describe('shipped files (npm installation)', () => {
  it('reads a file the package ships by its path inside the package', async () => {
    const yaml = await readShippedFile('src/schemas/order-webhook.yaml');
    assert.ok(yaml?.toString('utf8').includes('swagger'));
    assert.ok(existsSync(shippedPath('src/schemas/order-webhook.yaml')));
  });

  it('finds the build outputs next to the code', async () => {
    assert.ok((await readShippedFile('dist/src/schemas/types/order-webhook.d.ts'))?.length);
  });

  it('a file this installation lacks is undefined, not an error', async () => {
    assert.equal(await readShippedFile('src/schemas/no-such-webhook.yaml'), undefined);
  });
});
