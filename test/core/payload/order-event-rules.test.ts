import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generatePayload } from '../../../src/core/payload/generate.js';

/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-return -- payloads are walked as plain JSON here */
const NOW = new Date('2026-03-10T09:30:00.000Z');
const order = (event: string, seed = 5): any =>
  generatePayload({ type: 'order', event, seed, now: NOW }).orderEvent;
const plain = (schedule: any[]) =>
  schedule.map(({ position, date, quantity }) => ({ position, date, quantity }));

describe('order events: lines and statuses follow the event', () => {
  it('OrderIssuedByBuyer: every line issued, nothing from the supplier yet, version 1', () => {
    const o = order('OrderIssuedByBuyer');
    assert.deepEqual(
      o.lines.map((l: any) => l.buyerLine.position),
      ['0001', '0002', '0003'],
    );
    for (const line of o.lines) {
      assert.deepEqual(line.status, { processStatus: 'Issued', logisticsStatus: 'Open' });
      assert.equal(line.supplierLine, undefined);
      assert.equal(line.confirmedLine, undefined);
      assert.equal(line.id, `${o.orderId}-${line.buyerLine.position}`);
      assert.deepEqual(plain(line.deliverySchedule), plain(line.buyerLine.deliverySchedule));
    }
    assert.deepEqual(o.lines[2].lineType, 'Charge');
    assert.equal(o.lines[2].chargeReasonCode, 'FC');
    assert.equal(o.version, 1);
    assert.equal(o.orderId, `${o.buyerOrder.companyId}-${o.buyerOrder.purchaseOrderNumber}`);
    assert.equal(o.buyerOrder.erpIssueDateTime, o.buyerOrder.erpLastChangeDateTime);
  });

  it('OrderLinesAcceptedBySupplier: confirmed lines whose confirmedLine repeats the issued schedule and prices', () => {
    const o = order('OrderLinesAcceptedBySupplier');
    assert.equal(o.lines.length, 3);
    for (const line of o.lines) {
      assert.deepEqual(line.status, { processStatus: 'Confirmed', logisticsStatus: 'Open' });
      assert.deepEqual(line.confirmedLine.deliverySchedule, plain(line.buyerLine.deliverySchedule));
      assert.deepEqual(line.confirmedLine.prices, line.buyerLine.prices);
      assert.deepEqual(plain(line.deliverySchedule), line.confirmedLine.deliverySchedule);
      assert.deepEqual(line.deliveryScheduleIncludingRequests, line.deliverySchedule);
      assert.deepEqual(line.prices, line.confirmedLine.prices);
      assert.deepEqual(line.pricesIncludingRequests, line.prices);
      assert.equal(line.supplierLine.indicators.accepted, true);
      assert.equal(line.supplierLine.requests, undefined);
    }
    assert.deepEqual(o.status, { processStatus: 'Confirmed', logisticsStatus: 'Open' });
    assert.equal(o.supplierOrder.indicators.accepted, true);
    assert.equal(o.meta.source.companyId, o.supplierOrder.companyId);
  });

  it('OrderChangesProposedBySupplier: an open proposal, visible only in the IncludingRequests values', () => {
    const [line, ...rest] = order('OrderChangesProposedBySupplier').lines;
    assert.equal(rest.length, 0);
    assert.deepEqual(line.status, {
      processStatus: 'InProgress',
      inProgressStatus: 'OpenSupplierProposal',
      logisticsStatus: 'Open',
    });
    const proposal = line.supplierLine.requests.proposal;
    assert.equal(proposal.status, 'Open');
    assert.ok(proposal.reason.length > 0);
    assert.equal(line.confirmedLine, undefined);
    assert.deepEqual(plain(line.deliverySchedule), plain(line.buyerLine.deliverySchedule));
    assert.deepEqual(line.prices, line.buyerLine.prices);
    assert.deepEqual(plain(line.deliveryScheduleIncludingRequests), proposal.deliverySchedule);
    assert.deepEqual(line.pricesIncludingRequests, proposal.prices);
    proposal.deliverySchedule.forEach((d: any, i: number) =>
      assert.ok(d.date > line.deliverySchedule[i].date),
    );
    assert.notDeepEqual(proposal.prices, line.prices);
  });

  it('OrderLinesCancelledByBuyer: only the cancelled line, cancelled, deliveries without a status', () => {
    const o = order('OrderLinesCancelledByBuyer');
    assert.deepEqual(
      o.lines.map((l: any) => l.buyerLine.position),
      ['0002'],
    );
    const [line] = o.lines;
    assert.deepEqual(line.status, { processStatus: 'Cancelled', logisticsStatus: 'Cancelled' });
    assert.equal(line.buyerLine.indicators.cancelled, true);
    for (const d of line.deliverySchedule) assert.equal(d.status, undefined);
    assert.deepEqual(o.status, { processStatus: 'Cancelled', logisticsStatus: 'Cancelled' });
  });

  it('OrderLinesReopenRequestedByBuyer: confirmed values stay current, the request shows as IncludingRequests', () => {
    const [line] = order('OrderLinesReopenRequestedByBuyer').lines;
    assert.equal(line.status.inProgressStatus, 'OpenBuyerReopenRequest');
    const request = line.buyerLine.requests.reopenRequest;
    assert.equal(request.status, 'Open');
    assert.deepEqual(plain(line.deliverySchedule), line.confirmedLine.deliverySchedule);
    assert.deepEqual(plain(line.deliveryScheduleIncludingRequests), request.deliverySchedule);
    assert.equal(line.supplierLine.requests, undefined);
  });

  it('reopen outcomes, reconfirmation and shipment reschedules carry their in-progress status', () => {
    const expected: Record<string, string | undefined> = {
      OrderLinesReopenRequestedBySupplier: 'OpenSupplierReopenRequest',
      OrderLinesReopenRequestApprovedByBuyer: undefined,
      OrderLinesReconfirmationRequestedByBuyer: 'OpenBuyerReconfirmationRequest',
      OrderLinesShipmentRescheduleRequestedBySupplier: 'OpenSupplierShipmentRescheduleRequest',
      OrderLinesShipmentRescheduleApprovedByBuyer: 'ApprovedDeliverySchedule',
      OrderLinesShipmentRescheduleRejectedByBuyer: 'RejectedDeliverySchedule',
      CancelledOrderLinesRevertedByBuyer: 'RevertedCancelledLine',
      CompletedOrderLinesRevertedByBuyer: 'RevertedCompletedLine',
      OrderLinesReissuedByBuyer: undefined,
    };
    for (const [event, status] of Object.entries(expected)) {
      assert.equal(order(event).lines[0].status.inProgressStatus, status, event);
    }
    const approved = order('OrderLinesReopenRequestApprovedByBuyer').lines[0];
    assert.equal(approved.supplierLine.requests.reopenRequest.status, 'Approved');
    assert.deepEqual(
      approved.confirmedLine.deliverySchedule,
      approved.supplierLine.requests.reopenRequest.deliverySchedule,
    );
    assert.equal(
      order('OrderLinesReopenRequestRevertedBySupplier').lines[0].supplierLine.requests.reopenRequest.status,
      'Closed',
    );
    const reschedule = order('OrderLinesShipmentRescheduleRequestedBySupplier').lines[0];
    assert.deepEqual(reschedule.deliveryScheduleIncludingRequests.map((d: any) => d.status).slice(0, 1), [
      'Shipped',
    ]);
    assert.equal(reschedule.deliveryScheduleIncludingRequests.length, reschedule.deliverySchedule.length + 1);
  });
});
