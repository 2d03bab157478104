/**
 * The state an order line is in after an event: statuses (docs/webhook-payloads.md §4.13), which values the
 * agreed, current and requested schedules and prices show, and which flags and requests are set.
 * The event table (event-rules.ts) names one of these per affected line.
 */
export type ProcessStatus = 'Issued' | 'InProgress' | 'Confirmed' | 'Rejected' | 'Completed' | 'Cancelled';
export type InProgressStatus =
  | 'OpenSupplierProposal'
  | 'RejectedSupplierProposal'
  | 'ReissuedRejectedLine'
  | 'OpenBuyerReopenRequest'
  | 'OpenSupplierReopenRequest'
  | 'OpenBuyerReconfirmationRequest'
  | 'OpenSupplierShipmentRescheduleRequest'
  | 'ApprovedDeliverySchedule'
  | 'RejectedDeliverySchedule'
  | 'RevertedCompletedLine'
  | 'RevertedCancelledLine';
export type LogisticsStatus = 'Open' | 'Produced' | 'ReadyToShip' | 'Shipped' | 'Delivered' | 'Cancelled';
export type RequestStatus = 'Open' | 'Approved' | 'Rejected' | 'Closed';
export type BuyerFlag =
  'confirmed' | 'requestReconfirmation' | 'shipped' | 'delivered' | 'completed' | 'cancelled';

/**
 * One set of delivery dates, quantities and prices: as the buyer issued them, an alternative
 * (a supplier proposal or a reopen request: later dates, other prices), or the issued schedule with
 * its first delivery split after a short shipment.
 */
export type ValueSet = 'issued' | 'alternative' | 'split';

export interface LineRequest {
  side: 'buyerLine' | 'supplierLine';
  kind: 'proposal' | 'reopenRequest';
  status: RequestStatus;
}

export interface LineState {
  process: ProcessStatus;
  inProgress?: InProgressStatus;
  logistics: LogisticsStatus;
  /** Agreed values (confirmedLine); absent until the line has been confirmed. */
  confirmed?: ValueSet;
  /** Current values excluding open requests; defaults to the agreed, else the issued values. */
  current?: ValueSet;
  /** Current values including open requests; defaults to `current`. */
  includingRequests?: ValueSet;
  /** A proposal or reopen request; it always asks for the alternative values. */
  request?: LineRequest;
  buyerFlags?: readonly BuyerFlag[];
  supplierFlag?: 'accepted' | 'rejected';
  /** Deliveries the buyer received: part of the first delivery, or everything. */
  history?: 'partial' | 'full';
  /** The supplier corrected the item details (supplierLine.itemDetails, merged details). */
  supplierItemDetails?: boolean;
}

const supplierProposal = (status: RequestStatus): LineRequest => ({
  side: 'supplierLine',
  kind: 'proposal',
  status,
});

export const ISSUED: LineState = { process: 'Issued', logistics: 'Open' };
export const ACCEPTED: LineState = {
  process: 'Confirmed',
  logistics: 'Open',
  confirmed: 'issued',
  supplierFlag: 'accepted',
};
export const REJECTED: LineState = { process: 'Rejected', logistics: 'Open', supplierFlag: 'rejected' };
export const REISSUED_REJECTED: LineState = {
  process: 'InProgress',
  inProgress: 'ReissuedRejectedLine',
  logistics: 'Open',
};
export const CONFIRMED_BY_BUYER: LineState = {
  process: 'Confirmed',
  logistics: 'Open',
  confirmed: 'issued',
  buyerFlags: ['confirmed'],
};
export const PROPOSAL_OPEN: LineState = {
  process: 'InProgress',
  inProgress: 'OpenSupplierProposal',
  logistics: 'Open',
  includingRequests: 'alternative',
  request: supplierProposal('Open'),
};
export const PROPOSAL_APPROVED: LineState = {
  process: 'Confirmed',
  logistics: 'Open',
  confirmed: 'alternative',
  request: supplierProposal('Approved'),
};
export const PROPOSAL_REJECTED: LineState = {
  process: 'InProgress',
  inProgress: 'RejectedSupplierProposal',
  logistics: 'Open',
  request: supplierProposal('Rejected'),
};

/** A reopen request on a confirmed line, by either party, in each of its outcomes. */
export function reopen(side: LineRequest['side'], status: RequestStatus): LineState {
  const request: LineRequest = { side, kind: 'reopenRequest', status };
  if (status === 'Open') {
    const inProgress = side === 'buyerLine' ? 'OpenBuyerReopenRequest' : 'OpenSupplierReopenRequest';
    return {
      process: 'InProgress',
      inProgress,
      logistics: 'Open',
      confirmed: 'issued',
      includingRequests: 'alternative',
      request,
    };
  }
  const confirmed = status === 'Approved' ? 'alternative' : 'issued';
  return { process: 'Confirmed', logistics: 'Open', confirmed, request };
}

/** A confirmed line whose goods are on their way or arrived. */
export function logistics(status: LogisticsStatus, extra: Partial<LineState> = {}): LineState {
  return { process: 'Confirmed', logistics: status, confirmed: 'issued', ...extra };
}
