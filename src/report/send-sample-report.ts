import type { AuthMethod } from '../core/http/auth-credentials.js';
import type { DeliveryRecord } from '../core/delivery/delivery-record.js';
import type { DeliverySummary } from '../core/delivery/deliver-payloads.js';
import type { DryRunRequest, DryRunTokenRequest } from '../core/delivery/describe-dry-run.js';
import type { DocumentsResult } from '../core/documents/documents-result.js';
import type { PrivateTrust } from '../core/tls/private-trust.js';

/** The contract's JSON result for `send-sample`: one record per request (bursts keep some). */
export type SendSampleRequestRecord = DeliveryRecord;

interface ReportBase {
  url: string;
  ok: boolean;
  auth: AuthMethod;
  /** Present when --auth was absent and the method was inferred from the credential flags named. */
  authInferred?: true;
  authInferredFrom?: string[];
  count: number;
  concurrency: number;
  /** Tradecloud facts about this setup, also printed on stderr. */
  warnings: string[];
  /** The proxy the requests went through (never its credentials); absent on a direct connection. */
  proxy?: string;
}

export interface SendSampleDeliveryReport extends ReportBase, Partial<DocumentsResult> {
  dryRun: false;
  /** Ctrl-C stopped the run: the summary covers the requests answered before it (exit 130). */
  interrupted?: true;
  requests: SendSampleRequestRecord[];
  /** Requests run but not listed (bursts keep the first 20 and the first of each other outcome). */
  requestsOmitted: number;
  summary: DeliverySummary;
  /** Present when the endpoint's chain was trusted only through --ca or NODE_EXTRA_CA_CERTS. */
  trust?: PrivateTrust;
}

export interface SendSampleDryRunReport extends ReportBase {
  dryRun: true;
  ok: true;
  /** The OAuth token request that would be sent first. */
  token?: DryRunTokenRequest;
  requests: DryRunRequest[];
}

export type SendSampleReport = SendSampleDeliveryReport | SendSampleDryRunReport;
