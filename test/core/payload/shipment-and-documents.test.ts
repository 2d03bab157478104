import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EVENT_CATALOG } from '../../../src/core/payload/events.js';
import { generatePayload } from '../../../src/core/payload/generate.js';

/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-return -- payloads are walked as plain JSON here */
const NOW = new Date('2026-03-10T09:30:00.000Z');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const shipmentBody = (event: string): any => generatePayload({ type: 'shipment', event, seed: 3, now: NOW });
const allLines = (s: any): any[] => [...s.loadCarriers.flatMap((c: any) => c.lines), ...s.lines];
const changedLines = (s: any) => allLines(s).filter((l) => l.meta.lastUpdatedAt === s.meta.lastUpdatedAt);

describe('shipment events', () => {
  it('always carry the complete shipment; changed lines share the shipment timestamp', () => {
    const changed: Record<string, number> = {
      ShipmentIssuedBySupplier: 2,
      ShipmentReissuedBySupplier: 1,
      ShipmentApprovedByBuyer: 0,
      ShipmentRejectedByBuyer: 0,
      ShipmentHeaderUpdatedBySupplier: 0,
      ShipmentResentByBuyer: 0,
    };
    for (const [event, count] of Object.entries(changed)) {
      const { shipment } = shipmentBody(event);
      assert.equal(allLines(shipment).length, 2, event);
      assert.equal(changedLines(shipment).length, count, event);
      for (const line of allLines(shipment))
        assert.ok(line.meta.lastUpdatedAt <= shipment.meta.lastUpdatedAt, event);
    }
  });

  it('ShipmentApprovedByBuyer is approved by the buyer', () => {
    const body = shipmentBody('ShipmentApprovedByBuyer');
    assert.deepEqual(body.shipment.status, { processStatus: 'Approved' });
    assert.equal(body.meta.source.companyId, body.shipment.buyerShipment.companyId);
    assert.equal(body.eventName, 'ShipmentApprovedByBuyer');
  });

  it('ShipmentRejectedByBuyer gives a reason; ShipmentIssuedBySupplier is issued', () => {
    assert.equal(shipmentBody('ShipmentRejectedByBuyer').shipment.status.processStatus, 'Rejected');
    assert.ok(shipmentBody('ShipmentRejectedByBuyer').shipment.status.processStatusReason);
    assert.deepEqual(shipmentBody('ShipmentIssuedBySupplier').shipment.status, { processStatus: 'Issued' });
  });

  it('a reissue changes the despatched quantity and reports the backorder', () => {
    const [line] = changedLines(shipmentBody('ShipmentReissuedBySupplier').shipment);
    assert.ok(line.supplierLine.backorderQuantity > 0);
  });

  it('document events add a new document with the shipment timestamp on the right side', () => {
    const byBuyer = shipmentBody('ShipmentDocumentAttachedByBuyer').shipment;
    assert.deepEqual(
      byBuyer.buyerShipment.documents.map((d: any) => d.meta.lastUpdatedAt),
      [byBuyer.meta.lastUpdatedAt],
    );
    const bySupplier = shipmentBody('ShipmentDocumentAttachedBySupplier').shipment;
    const stamps = bySupplier.supplierShipment.documents.map((d: any) => d.meta.lastUpdatedAt);
    assert.equal(stamps.filter((t: string) => t === bySupplier.meta.lastUpdatedAt).length, 1);
    assert.equal(bySupplier.buyerShipment.documents, undefined);
  });

  it('shipment lines point at the order lines of the same purchase order', () => {
    const { shipment } = shipmentBody('ShipmentIssuedBySupplier');
    const [first, second] = allLines(shipment);
    assert.equal(first.purchaseOrderNumber, second.purchaseOrderNumber);
    assert.deepEqual([first.purchaseOrderLinePosition, second.purchaseOrderLinePosition], ['0001', '0002']);
    assert.equal(shipment.buyerShipment.supplierAccountNumber.length, 6);
  });
});

describe('order documents events', () => {
  it('carry document metadata with object-storage ids, never content', () => {
    for (const event of EVENT_CATALOG['order-documents']) {
      const docs = generatePayload({ type: 'order-documents', event, seed: 4, now: NOW })
        .orderDocumentsEvent as any;
      const side = event.endsWith('ByBuyer') ? 'buyer' : 'supplier';
      const header = side === 'buyer' ? docs.buyerOrder : docs.supplierOrder;
      const other = side === 'buyer' ? docs.supplierOrder : docs.buyerOrder;
      const lineDocs =
        side === 'buyer' ? docs.lines[0].buyerLine.documents : docs.lines[0].supplierLine.documents;
      assert.equal(other.documents, undefined, event);
      for (const d of [...header.documents, ...lineDocs]) {
        assert.match(d.objectId, UUID, event);
        assert.deepEqual(Object.keys(d).sort(), [
          'code',
          'description',
          'name',
          'objectId',
          'revision',
          'type',
        ]);
      }
      assert.equal(docs.meta.source.companyId, header.companyId, event);
      assert.equal(docs.lines[0].id, `${docs.orderId}-0001`);
    }
  });
});
