import { UsageError } from '../../errors.js';
import type { GenerateRequestsOptions } from './generated-requests.js';
import type { PayloadRequest } from './payload-request.js';

export interface RequestSetOptions extends GenerateRequestsOptions {
  files: string[];
  cwd: string;
  /** Size limit of each replayed file, in bytes. */
  maxBytes?: number;
  /** Bodies prepared by the caller (doctor): sent as they are. */
  requests?: PayloadRequest[];
}

/** The bodies to send: stored files replayed as they are, or one generated payload per selected event. */
export async function loadRequestSet(
  options: RequestSetOptions,
): Promise<{ requests: PayloadRequest[]; warnings: string[] }> {
  if (options.requests) return { requests: options.requests, warnings: [] };
  if (options.files.length > 0) {
    if (options.overrides) {
      throw new UsageError(
        '--overlay and --set change generated payloads; a replayed file is sent as it is',
        'Edit the file instead, or leave out --file',
      );
    }
    if (options.all || options.type || options.seed !== undefined) {
      throw new UsageError(
        '--file replays stored payloads; --type, --all and --seed choose generated ones',
        'Use one or the other (--event picks among the replayed files)',
      );
    }
    if (options.format !== 'json') {
      throw new UsageError(
        '--format applies to generated payloads; a replayed file is sent as it is',
        'Its extension (.json or .xml) decides the Content-Type',
      );
    }
    const { loadReplayFiles } = await import('./replay-files.js');
    const replayed = await loadReplayFiles(options.files, options.cwd, options.maxBytes);
    if (options.events === undefined) return replayed;
    const { selectReplayedEvents } = await import('./replay-events.js');
    return { ...replayed, requests: selectReplayedEvents(replayed.requests, options.events) };
  }
  const { generateRequests } = await import('./generated-requests.js');
  const warnings: string[] = [];
  return { requests: await generateRequests({ ...options, onWarning: (w) => warnings.push(w) }), warnings };
}
