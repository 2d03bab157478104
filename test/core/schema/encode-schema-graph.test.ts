import assert from 'node:assert/strict';
import { it } from 'node:test';
import { decodeSchemaGraph, encodeSchemaGraph } from '../../../src/core/schema/encode-schema-graph.js';

it('encodeSchemaGraph/decodeSchemaGraph keep shared objects shared and cycles cyclic', () => {
  const party = { type: 'object', properties: { name: { type: 'string' } } };
  const node: Record<string, unknown> = { type: 'object' };
  node.properties = { children: { type: 'array', items: node }, owner: party };
  const root = { buyer: party, supplier: party, tree: node, list: [party, 1, 'x', null] };

  const back = decodeSchemaGraph(encodeSchemaGraph(root)) as typeof root;
  assert.equal(back.buyer, back.supplier);
  assert.deepEqual(back.buyer, party);
  assert.equal(back.list[0], back.buyer);
  assert.deepEqual(back.list.slice(1), [1, 'x', null]);
  const tree = back.tree as { properties: { children: { items: unknown }; owner: unknown } };
  assert.equal(tree.properties.children.items, tree);
  assert.equal(tree.properties.owner, back.buyer);
});
