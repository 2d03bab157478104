import type { DocumentReport, DocumentsSummary } from './assess-documents.js';

export type { DocumentReport, DocumentsSummary };

/** What a sending command's report says about the documents (JSON: `documentsApi`, `documents`, `documentsSummary`). */
export interface DocumentsResult {
  /** The mock the run used: the base URL the integration had to call, the link lifetime, the login it accepted. */
  documentsApi: { apiBase: string; linkTtlSeconds: number; username: string };
  documents: DocumentReport[];
  documentsSummary: DocumentsSummary;
}
