import {
  ACCEPTED,
  CONFIRMED_BY_BUYER,
  ISSUED,
  logistics,
  PROPOSAL_APPROVED,
  PROPOSAL_OPEN,
  PROPOSAL_REJECTED,
  REISSUED_REJECTED,
  REJECTED,
  reopen,
  type LineState,
} from './line-states.js';

/**
 * What each order event looks like (docs/webhook-payloads.md §2.1, §3.1): which of the order's three lines
 * (0 and 1 items, 2 a freight charge) it carries, and in which state.
 */
export interface OrderEventRule {
  /** The party whose action the event reports: meta.source names its company and user. */
  by: 'buyer' | 'supplier';
  lines: Readonly<Partial<Record<0 | 1 | 2, LineState>>>;
  /** The buyer lets supplier changes confirm automatically (buyerOrder.indicators.autoConfirm). */
  autoConfirm?: boolean;
}

const all = (state: LineState) => ({ 0: state, 1: state, 2: state });

export const ORDER_EVENT_RULES: Readonly<Record<string, OrderEventRule>> = {
  OrderIssuedByBuyer: { by: 'buyer', lines: all(ISSUED) },
  OrderLinesIssuedByBuyer: { by: 'buyer', lines: { 1: ISSUED } },
  OrderLinesReissuedByBuyer: { by: 'buyer', lines: { 0: ISSUED, 1: REISSUED_REJECTED } },
  OrderLinesUpdatedByBuyer: { by: 'buyer', lines: { 0: ACCEPTED } },
  OrderLinesAcceptedBySupplier: { by: 'supplier', lines: all(ACCEPTED) },
  OrderLinesRejectedBySupplier: { by: 'supplier', lines: { 1: REJECTED } },
  OrderLinesConfirmedByBuyer: { by: 'buyer', lines: { 0: CONFIRMED_BY_BUYER, 1: CONFIRMED_BY_BUYER } },
  OrderLinesConfirmedBySupplier: { by: 'supplier', lines: { 0: PROPOSAL_APPROVED }, autoConfirm: true },
  OrderChangesProposedBySupplier: { by: 'supplier', lines: { 0: PROPOSAL_OPEN } },
  OrderChangesProposalApprovedByBuyer: { by: 'buyer', lines: { 0: PROPOSAL_APPROVED } },
  OrderChangesProposalRejectedByBuyer: { by: 'buyer', lines: { 0: PROPOSAL_REJECTED } },
  OrderLinesUpdatedBySupplier: { by: 'supplier', lines: { 0: ACCEPTED } },
  OrderLinesItemDetailsChanged: { by: 'supplier', lines: { 0: { ...ACCEPTED, supplierItemDetails: true } } },
  OrderLinesReopenRequestedByBuyer: { by: 'buyer', lines: { 0: reopen('buyerLine', 'Open') } },
  OrderLinesReopenRequestRevertedByBuyer: { by: 'buyer', lines: { 0: reopen('buyerLine', 'Closed') } },
  OrderLinesReopenRequestApprovedBySupplier: {
    by: 'supplier',
    lines: { 0: reopen('buyerLine', 'Approved') },
  },
  OrderLinesReopenRequestRejectedBySupplier: {
    by: 'supplier',
    lines: { 0: reopen('buyerLine', 'Rejected') },
  },
  OrderLinesReopenRequestedBySupplier: { by: 'supplier', lines: { 0: reopen('supplierLine', 'Open') } },
  OrderLinesReopenRequestRevertedBySupplier: {
    by: 'supplier',
    lines: { 0: reopen('supplierLine', 'Closed') },
  },
  OrderLinesReopenRequestApprovedByBuyer: { by: 'buyer', lines: { 0: reopen('supplierLine', 'Approved') } },
  OrderLinesReopenRequestRejectedByBuyer: { by: 'buyer', lines: { 0: reopen('supplierLine', 'Rejected') } },
  OrderLinesReconfirmationRequestedByBuyer: {
    by: 'buyer',
    lines: {
      0: {
        process: 'InProgress',
        inProgress: 'OpenBuyerReconfirmationRequest',
        logistics: 'Open',
        confirmed: 'issued',
        buyerFlags: ['requestReconfirmation'],
      },
    },
  },
  OrderLinesReconfirmedBySupplier: { by: 'supplier', lines: { 0: ACCEPTED } },
  OrderLinesCancelledByBuyer: {
    by: 'buyer',
    lines: { 1: { process: 'Cancelled', logistics: 'Cancelled', buyerFlags: ['cancelled'] } },
  },
  CancelledOrderLinesRevertedByBuyer: {
    by: 'buyer',
    lines: { 1: { process: 'InProgress', inProgress: 'RevertedCancelledLine', logistics: 'Open' } },
  },
  OrderLinesCompletedByBuyer: {
    by: 'buyer',
    lines: {
      0: {
        ...logistics('Delivered'),
        process: 'Completed',
        buyerFlags: ['delivered', 'completed'],
        history: 'full',
      },
    },
  },
  CompletedOrderLinesRevertedByBuyer: {
    by: 'buyer',
    lines: {
      0: {
        ...logistics('Delivered', { history: 'full' }),
        process: 'InProgress',
        inProgress: 'RevertedCompletedLine',
      },
    },
  },
  OrderLinesMarkedAsOpenByBuyer: { by: 'buyer', lines: { 0: logistics('Open') } },
  OrderLinesMarkedAsOpenBySupplier: { by: 'supplier', lines: { 0: logistics('Open') } },
  OrderLinesShippedByBuyer: { by: 'buyer', lines: { 0: logistics('Shipped', { buyerFlags: ['shipped'] }) } },
  OrderLinesMarkedAsDeliveredByBuyer: {
    by: 'buyer',
    lines: { 0: logistics('Delivered', { buyerFlags: ['delivered'] }) },
  },
  OrderLinesMarkedAsDeliveredBySupplier: { by: 'supplier', lines: { 0: logistics('Delivered') } },
  OrderLinesDeliveryHistoryAppendedByBuyer: {
    by: 'buyer',
    lines: { 0: logistics('Shipped', { history: 'partial' }) },
  },
  OrderLinesDeliveryHistorySetByBuyer: {
    by: 'buyer',
    lines: { 0: logistics('Delivered', { history: 'full', buyerFlags: ['delivered'] }) },
  },
  OrderLinesDeliveryScheduleLogisticsUpdatedByBuyer: { by: 'buyer', lines: { 0: logistics('ReadyToShip') } },
  OrderLinesDeliveryScheduleLogisticsUpdatedBySupplier: {
    by: 'supplier',
    lines: { 0: logistics('Produced') },
  },
  OrderLinesShipmentRescheduleRequestedBySupplier: {
    by: 'supplier',
    lines: {
      0: logistics('Shipped', {
        process: 'InProgress',
        inProgress: 'OpenSupplierShipmentRescheduleRequest',
        includingRequests: 'split',
      }),
    },
  },
  OrderLinesShipmentRescheduleApprovedByBuyer: {
    by: 'buyer',
    lines: {
      0: logistics('Shipped', {
        process: 'InProgress',
        inProgress: 'ApprovedDeliverySchedule',
        current: 'split',
      }),
    },
  },
  OrderLinesShipmentRescheduleRejectedByBuyer: {
    by: 'buyer',
    lines: { 0: logistics('Shipped', { process: 'InProgress', inProgress: 'RejectedDeliverySchedule' }) },
  },
  OrderContactReassignedByBuyer: { by: 'buyer', lines: all(ACCEPTED) },
  OrderContactReassignedBySupplier: { by: 'supplier', lines: all(ACCEPTED) },
  OrderResentByBuyer: { by: 'buyer', lines: all(ACCEPTED) },
  OrderResentBySupplier: { by: 'supplier', lines: all(ACCEPTED) },
};
