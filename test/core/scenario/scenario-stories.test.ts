import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BUILTIN_SCENARIOS } from '../../../src/core/scenario/builtin-scenarios.js';
import { buildScenarioRequests } from '../../../src/core/scenario/build-scenario-requests.js';
import { loadBodySchema } from '../../../src/core/schema/load-body-schema.js';
import { createBodyValidator } from '../../../src/core/schema/create-body-validator.js';
import { UsageError } from '../../../src/errors.js';
/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-return -- payloads and reports are walked as plain JSON here */

const NOW = new Date('2026-03-10T09:30:00.000Z');
type Obj = Record<string, any>;

const bodiesOf = async (name: string, seed?: number) => {
  const definition = BUILTIN_SCENARIOS.find((s) => s.name === name)!;
  const requests = await buildScenarioRequests(definition, {
    format: 'json',
    now: NOW,
    ...(seed ? { seed } : {}),
  });
  return requests.map((r) => ({ ...r, parsed: JSON.parse(r.body as string) as Obj }));
};

const nonDecreasing = (values: string[]) => values.every((v, i) => i === 0 || values[i - 1]! <= v);

describe('built-in scenarios: one coherent story each', () => {
  for (const scenario of BUILTIN_SCENARIOS) {
    it(`${scenario.name}: every body is valid against the bundled schema`, async () => {
      const kind = scenario.type === 'shipment' ? 'shipment' : 'order';
      const validator = await createBodyValidator(await loadBodySchema({ kind, cacheDir: false }), {
        strict: false,
      });
      for (const request of await bodiesOf(scenario.name)) {
        const { errors } = await validator.validate(request.parsed);
        assert.deepEqual(errors, [], `${scenario.name} step ${request.step} ${request.event}`);
        assert.equal(request.parsed.eventName, request.event);
      }
    });
  }

  for (const name of ['order-lifecycle', 'single-delivery']) {
    it(`${name}: same order and line ids, only the affected lines, versions up, dates forward`, async () => {
      const field = name === 'order-lifecycle' ? 'orderEvent' : 'singleDeliveryOrderEvent';
      const steps = await bodiesOf(name);
      const events = steps.map((s) => s.parsed[field] as Obj);
      assert.equal(new Set(events.map((e) => e.orderId)).size, 1);
      assert.deepEqual(
        steps.map((s) => s.lines),
        [[1, 2, 3], [2], [2], [1, 3], [1], [1], [3], [1]],
      );
      const lineIds = new Map<string, string>();
      for (const [i, e] of events.entries()) {
        assert.equal(e.lines.length, steps[i]!.lines.length);
        for (const line of e.lines as Obj[]) {
          const known = lineIds.get(line.buyerLine.position);
          if (known) assert.equal(line.id, known);
          lineIds.set(line.buyerLine.position, line.id);
        }
      }
      const versions = events.map((e) => e.version as number);
      assert.ok(
        versions.every((v, i) => i === 0 || v > versions[i - 1]!),
        String(versions),
      );
      assert.ok(nonDecreasing(events.map((e) => e.lastUpdatedAt)));
      assert.ok(nonDecreasing(events.map((e) => e.meta.createdDateTime)));
      assert.equal(new Set(events.map((e) => e.meta.messageId)).size, events.length);
      // The proposal on line 2 changes its quantity and date; the approval agrees to them.
      const proposal = events[1]!.lines[0].supplierLine.requests.proposal;
      assert.equal(proposal.status, 'Open');
      const approved = events[2]!.lines[0];
      assert.equal(approved.status.processStatus, 'Confirmed');
      assert.equal(events[6]!.lines[0].status.processStatus, 'Cancelled');
      assert.equal(events[7]!.lines[0].status.processStatus, 'Completed');
    });
  }

  it("shipment-updates: all lines every time; lastUpdatedAt equals the shipment's only on changed lines", async () => {
    const steps = await bodiesOf('shipment-updates');
    const shipments = steps.map((s) => s.parsed.shipment as Obj);
    assert.equal(new Set(shipments.map((s) => s.id)).size, 1);
    const linesOf = (s: Obj): Obj[] => [...s.loadCarriers.flatMap((c: Obj) => c.lines), ...s.lines];
    for (const [i, shipment] of shipments.entries()) {
      const lines = linesOf(shipment);
      assert.equal(lines.length, 3);
      const changed = lines.flatMap((l, n) =>
        l.meta.lastUpdatedAt === shipment.meta.lastUpdatedAt ? [n + 1] : [],
      );
      assert.deepEqual(changed, steps[i]!.lines, `step ${i + 1}`);
    }
    assert.deepEqual(
      shipments.map((s) => s.status.processStatus),
      ['Issued', 'Issued', 'Issued', 'Approved'],
    );
    assert.ok(nonDecreasing(shipments.map((s) => s.meta.lastUpdatedAt)));
  });

  it('the same seed gives the same bytes; txml is refused for a shipment scenario', async () => {
    const a = await bodiesOf('order-lifecycle', 7);
    const b = await bodiesOf('order-lifecycle', 7);
    assert.deepEqual(
      a.map((r) => r.body),
      b.map((r) => r.body),
    );
    const shipment = BUILTIN_SCENARIOS.find((s) => s.type === 'shipment')!;
    await assert.rejects(buildScenarioRequests(shipment, { format: 'txml', now: NOW }), UsageError);
  });
});
