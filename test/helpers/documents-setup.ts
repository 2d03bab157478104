/**
 * What every document API test starts with: a recording HTTPS receiver with an integration behind
 * it (none: every delivery is answered 200), and the free port the CLI's document API mock will
 * listen on, known in advance so the integration can call it.
 *
 *   const documents = await startDocumentsSetup();
 *   documents.use({ apiBase: documents.apiBase, username: USER, password: PASSWORD });
 *   const run = await documents.run(['send-sample', documents.receiver.url, '--documents-api', String(documents.port), ...]);
 */
import {
  documentsIntegration,
  freePort,
  type Integration,
  type IntegrationOptions,
} from './documents-integration.js';
import {
  startReceiver,
  type Receiver,
  type ReceiverOptions,
  type RecordedRequest,
  type Reply,
} from './receiver.js';
import { runMain, type MainOptions, type MainRun } from './run-main.js';

export interface DocumentsSetupOptions {
  /** The receiver's authentication. */
  auth?: ReceiverOptions['auth'];
  /** Answers a delivery before the integration sees it (e.g. refusing doctor's invalid probes). */
  answerFirst?: (request: RecordedRequest) => Reply | undefined;
}

export interface DocumentsSetup {
  receiver: Receiver;
  /** The port for --documents-api. */
  port: number;
  /** http://127.0.0.1:PORT/v2 */
  apiBase: string;
  /** The integration behind the receiver now (undefined: every delivery is answered 200). */
  readonly integration: Integration | undefined;
  /** Puts this integration behind the receiver (undefined: none). */
  use(options: IntegrationOptions | undefined): Integration | undefined;
  /** Runs the CLI in process, then waits until the integration's downloads have ended. */
  run(args: string[], options?: MainOptions): Promise<MainRun>;
  close(): Promise<void>;
}

export async function startDocumentsSetup(options: DocumentsSetupOptions = {}): Promise<DocumentsSetup> {
  let integration: Integration | undefined;
  const receiver = await startReceiver({
    ...(options.auth ? { auth: options.auth } : {}),
    respond: (request) => options.answerFirst?.(request) ?? integration?.respond(request) ?? { status: 200 },
  });
  const port = await freePort();
  return {
    receiver,
    port,
    apiBase: `http://127.0.0.1:${port}/v2`,
    get integration() {
      return integration;
    },
    use: (variant) => (integration = variant ? documentsIntegration(variant) : undefined),
    run: async (args, runOptions) => {
      const run = await runMain(args, runOptions);
      await integration?.settled();
      return run;
    },
    close: () => receiver.close(),
  };
}
