import type { Log } from 'sarif';
import type { Workspace } from '../github/workspace-path.js';
import type { ReportKind, ReportOf } from '../render.js';

/** The commands with `--sarif <file>`, each with the renderer of its report. */
export type SarifKind = Extract<ReportKind, 'validate' | 'check-tls'>;

type RenderSarif<K extends SarifKind> = (report: ReportOf[K], where: Workspace, version: string) => Log;

const RENDERERS: { [K in SarifKind]: () => Promise<RenderSarif<K>> } = {
  validate: async () => (await import('./validate-sarif.js')).validateSarif,
  'check-tls': async () => {
    const { checkTlsSarif } = await import('./check-tls-sarif.js');
    return (report, _where, version) => checkTlsSarif(report, version);
  },
};

function isSarifKind(kind: ReportKind): kind is SarifKind {
  return kind in RENDERERS;
}

/** The SARIF 2.1.0 log of a report, as the text of a `.sarif` file. */
export async function renderSarif<K extends ReportKind>(
  kind: K,
  report: ReportOf[K],
  where: Workspace,
  version: string,
): Promise<string> {
  if (!isSarifKind(kind)) throw new Error(`no SARIF rendering for ${kind}`);
  const render = (await RENDERERS[kind]()) as RenderSarif<SarifKind>;
  return `${JSON.stringify(render(report as ReportOf[SarifKind], where, version), null, 2)}\n`;
}
