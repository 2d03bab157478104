/** What each shipment event looks like (docs/webhook-payloads.md §2.3, §3.4). */
export interface ShipmentEventRule {
  by: 'buyer' | 'supplier';
  processStatus: 'Issued' | 'Approved' | 'Rejected';
  processStatusReason?: string;
  /**
   * What the event changed. The shipment body is always complete; a changed line or document is
   * recognised by its meta.lastUpdatedAt equalling shipment.meta.lastUpdatedAt (§1.7).
   */
  changed: 'everything' | 'first-line' | 'header' | 'buyer-document' | 'supplier-document' | 'nothing';
}

export const SHIPMENT_EVENT_RULES: Readonly<Record<string, ShipmentEventRule>> = {
  ShipmentIssuedBySupplier: { by: 'supplier', processStatus: 'Issued', changed: 'everything' },
  ShipmentReissuedBySupplier: { by: 'supplier', processStatus: 'Issued', changed: 'first-line' },
  ShipmentApprovedByBuyer: { by: 'buyer', processStatus: 'Approved', changed: 'nothing' },
  ShipmentRejectedByBuyer: {
    by: 'buyer',
    processStatus: 'Rejected',
    processStatusReason: 'Despatched quantity of line 0002 exceeds the open order quantity',
    changed: 'nothing',
  },
  ShipmentHeaderUpdatedBySupplier: { by: 'supplier', processStatus: 'Approved', changed: 'header' },
  ShipmentDocumentAttachedByBuyer: { by: 'buyer', processStatus: 'Approved', changed: 'buyer-document' },
  ShipmentDocumentAttachedBySupplier: {
    by: 'supplier',
    processStatus: 'Approved',
    changed: 'supplier-document',
  },
  ShipmentResentByBuyer: { by: 'buyer', processStatus: 'Approved', changed: 'nothing' },
};
