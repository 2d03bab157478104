/**
 * The event names Tradecloud currently documents (docs/webhook-payloads.md §2.1-§2.3), in the documentation's order.
 * Data only, so the CLI can list them in `sample --help` without loading anything else.
 *
 * Not generated: the tolerated older or undocumented names of §2.1
 * (OrderLinesItemDetailsChangedBySupplier, OrderCustomLabelsUpdatedBy*) and the retired names of §2.4. A receiver must accept
 * them, but they cannot be enabled in the portal today, so `--all` should not send them.
 */
export type WebhookType = 'order' | 'single-delivery' | 'order-documents' | 'shipment';

export const ORDER_EVENTS: readonly string[] = Object.freeze([
  'OrderIssuedByBuyer',
  'OrderLinesIssuedByBuyer',
  'OrderLinesReissuedByBuyer',
  'OrderLinesUpdatedByBuyer',
  'OrderLinesAcceptedBySupplier',
  'OrderLinesRejectedBySupplier',
  'OrderLinesConfirmedByBuyer',
  'OrderLinesConfirmedBySupplier',
  'OrderChangesProposedBySupplier',
  'OrderChangesProposalApprovedByBuyer',
  'OrderChangesProposalRejectedByBuyer',
  'OrderLinesUpdatedBySupplier',
  'OrderLinesItemDetailsChanged',
  'OrderLinesReopenRequestedByBuyer',
  'OrderLinesReopenRequestRevertedByBuyer',
  'OrderLinesReopenRequestApprovedBySupplier',
  'OrderLinesReopenRequestRejectedBySupplier',
  'OrderLinesReopenRequestedBySupplier',
  'OrderLinesReopenRequestRevertedBySupplier',
  'OrderLinesReopenRequestApprovedByBuyer',
  'OrderLinesReopenRequestRejectedByBuyer',
  'OrderLinesReconfirmationRequestedByBuyer',
  'OrderLinesReconfirmedBySupplier',
  'OrderLinesCancelledByBuyer',
  'CancelledOrderLinesRevertedByBuyer',
  'OrderLinesCompletedByBuyer',
  'CompletedOrderLinesRevertedByBuyer',
  'OrderLinesMarkedAsOpenByBuyer',
  'OrderLinesMarkedAsOpenBySupplier',
  'OrderLinesShippedByBuyer',
  'OrderLinesMarkedAsDeliveredByBuyer',
  'OrderLinesMarkedAsDeliveredBySupplier',
  'OrderLinesDeliveryHistoryAppendedByBuyer',
  'OrderLinesDeliveryHistorySetByBuyer',
  'OrderLinesDeliveryScheduleLogisticsUpdatedByBuyer',
  'OrderLinesDeliveryScheduleLogisticsUpdatedBySupplier',
  'OrderLinesShipmentRescheduleRequestedBySupplier',
  'OrderLinesShipmentRescheduleApprovedByBuyer',
  'OrderLinesShipmentRescheduleRejectedByBuyer',
  'OrderContactReassignedByBuyer',
  'OrderContactReassignedBySupplier',
  'OrderResentByBuyer',
  'OrderResentBySupplier',
]);

export const ORDER_DOCUMENTS_EVENTS: readonly string[] = Object.freeze([
  'OrderDocumentsAttachedByBuyer',
  'OrderDocumentsAttachedBySupplier',
]);

export const SHIPMENT_EVENTS: readonly string[] = Object.freeze([
  'ShipmentIssuedBySupplier',
  'ShipmentReissuedBySupplier',
  'ShipmentApprovedByBuyer',
  'ShipmentRejectedByBuyer',
  'ShipmentHeaderUpdatedBySupplier',
  'ShipmentDocumentAttachedByBuyer',
  'ShipmentDocumentAttachedBySupplier',
  'ShipmentResentByBuyer',
]);

/** Both order body variants carry the same events; only the line shape differs (§3.2). */
export const EVENT_CATALOG: Readonly<Record<WebhookType, readonly string[]>> = Object.freeze({
  order: ORDER_EVENTS,
  'single-delivery': ORDER_EVENTS,
  'order-documents': ORDER_DOCUMENTS_EVENTS,
  shipment: SHIPMENT_EVENTS,
});
