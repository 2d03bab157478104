import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EVENT_CATALOG } from '../../../src/core/payload/events.js';
import { generatePayload } from '../../../src/core/payload/generate.js';

/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-return -- payloads are walked as plain JSON here */
const NOW = new Date('2026-03-10T09:30:00.000Z');
const order = (event: string, seed = 5): any =>
  generatePayload({ type: 'order', event, seed, now: NOW }).orderEvent;
const single = (event: string): any =>
  generatePayload({ type: 'single-delivery', event, seed: 5, now: NOW }).singleDeliveryOrderEvent;

describe('order events: logistics, history and modes', () => {
  it('logistics events set the line and delivery statuses, with etd before eta', () => {
    const expected: Record<string, string> = {
      OrderLinesShippedByBuyer: 'Shipped',
      OrderLinesMarkedAsDeliveredBySupplier: 'Delivered',
      OrderLinesMarkedAsOpenByBuyer: 'Open',
      OrderLinesDeliveryScheduleLogisticsUpdatedByBuyer: 'ReadyToShip',
      OrderLinesDeliveryScheduleLogisticsUpdatedBySupplier: 'Produced',
    };
    for (const [event, status] of Object.entries(expected)) {
      const o = order(event);
      const [line] = o.lines;
      assert.equal(line.status.logisticsStatus, status, event);
      assert.equal(o.status.logisticsStatus, status, event);
      for (const d of line.deliverySchedule) {
        assert.equal(d.status, status, event);
        if (status !== 'Open') assert.ok(d.etd < d.eta && d.eta <= d.date, event);
        else assert.equal(d.etd, undefined, event);
      }
    }
    const o = order('OrderLinesMarkedAsDeliveredByBuyer');
    const today = o.meta.createdDateTime.slice(0, 10);
    assert.ok(
      o.lines[0].deliverySchedule.every((d: any) => d.date < today),
      'delivered goods were due in the past',
    );
    assert.ok(
      order('OrderLinesMarkedAsOpenByBuyer').lines[0].deliverySchedule.every((d: any) => d.date > today),
    );
    assert.equal(o.lines[0].buyerLine.indicators.delivered, true);
  });

  it('delivery history events report what the buyer received', () => {
    const appended = order('OrderLinesDeliveryHistoryAppendedByBuyer').lines[0];
    assert.equal(appended.buyerLine.deliveryHistory.length, 1);
    assert.ok(
      appended.buyerLine.deliveryHistory[0].quantity < appended.buyerLine.deliverySchedule[0].quantity,
    );
    const set = order('OrderLinesDeliveryHistorySetByBuyer').lines[0];
    const sum = (list: any[]) => list.reduce((acc, d) => acc + d.quantity, 0);
    assert.equal(sum(set.buyerLine.deliveryHistory), sum(set.buyerLine.deliverySchedule));
    assert.equal(set.status.logisticsStatus, 'Delivered');
    assert.equal(order('OrderLinesShippedByBuyer').lines[0].buyerLine.deliveryHistory, undefined);
  });

  it('every order event: lines changed at the order moment, meta.source is the acting party', () => {
    for (const event of EVENT_CATALOG.order) {
      const o = order(event, 8);
      for (const line of o.lines) assert.equal(line.lastUpdatedAt, o.lastUpdatedAt, event);
      const actor = event.endsWith('BySupplier') ? o.supplierOrder : o.buyerOrder;
      if (/By(Buyer|Supplier)$/.test(event)) assert.equal(o.meta.source.companyId, actor.companyId, event);
      assert.ok(o.meta.createdDateTime > o.lastUpdatedAt, event);
    }
  });

  it('single-delivery events use statusLine and scheduledDelivery instead of schedules', () => {
    const [line] = single('OrderChangesProposedBySupplier').lines;
    assert.equal(line.deliverySchedule, undefined);
    assert.equal(line.prices, undefined);
    assert.equal(line.buyerLine.deliverySchedule, undefined);
    assert.ok(line.buyerLine.scheduledDelivery.date);
    const proposal = line.supplierLine.requests.proposal;
    assert.deepEqual(line.statusLine.scheduledDeliveryInclRequests, {
      ...proposal.scheduledDelivery,
      status: 'Open',
    });
    assert.deepEqual(line.statusLine.pricesInclRequests, proposal.prices);
    assert.deepEqual(line.statusLine.prices, line.buyerLine.prices);
    const history = single('OrderLinesDeliveryHistorySetByBuyer').lines[0].buyerLine;
    assert.equal(history.actualDelivery.quantity, history.scheduledDelivery.quantity);
  });
});
