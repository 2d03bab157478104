/**
 * The CI side of a run on GitHub Actions (docs/ci.md): with GITHUB_ACTIONS=true, secrets announced
 * with `::add-mask::` first, findings as annotations on stderr, text from outside fenced against
 * workflow commands; with GITHUB_STEP_SUMMARY set, a Markdown summary appended to that file. Every
 * text passes the run's secret masker first. Loaded only on GitHub Actions.
 */
import { randomBytes } from 'node:crypto';
import { appendFile } from 'node:fs/promises';
import { describeFsError } from '../core/files/describe-fs-error.js';
import { createSecretMasker, type SecretMasker } from '../core/http/mask-secrets.js';
import { annotationsOf, answerBodiesOf } from '../report/github/annotations.js';
import { markdownCell } from '../report/github/markdown-text.js';
import { stepSummaryOf } from '../report/github/step-summary.js';
import {
  addMaskLines,
  annotationLine,
  escapeData,
  fenceCommands,
  neutralizeJson,
  type Annotation,
} from '../report/github/workflow-commands.js';
import type { Workspace } from '../report/github/workspace-path.js';
import type { ReportKind, ReportOf } from '../report/render.js';
import type { ProcessIo } from './runtime.js';
import { secretsOfRun } from './run-secrets.js';

/** A secret as given, and its base64 and base64url text. */
const secretTexts = (secret: string) => [
  secret,
  Buffer.from(secret, 'utf8').toString('base64').replace(/=+$/, ''),
  Buffer.from(secret, 'utf8').toString('base64url'),
];

export interface GithubRun {
  /** GITHUB_ACTIONS=true: annotations, masks and fences. */
  readonly annotate: boolean;
  /** Where payload paths are made relative for annotations and SARIF (GITHUB_WORKSPACE). */
  readonly workspace: Workspace;
  /**
   * The report for stdout, masked: human text fenced (it quotes answers, subjects, payload values),
   * JSON kept pure but unable to carry a command.
   */
  guardStdout(text: string, json: boolean): string;
  /** A warning, or the one error line, as an annotation: the log shows it, escaped to its one line. */
  annotation(annotation: Annotation): string;
  /** After the report: the annotations on stderr, then the summary appended to its file. */
  publishReport<K extends ReportKind>(kind: K, report: ReportOf[K]): Promise<void>;
  /**
   * Secrets learnt at run time (an OAuth access token, a documents API token): `::add-mask::` for
   * each and its derived forms, on the unmasked stderr, before anything can print them.
   */
  announceSecrets(fresh: readonly string[]): void;
  /** A command that could not run still leaves a line in the summary, saying why. */
  publishFailure(command: string | undefined, message: string): Promise<void>;
}

/**
 * Every form a secret may take in what the tool prints or a server echoes: as given, base64 and
 * base64url, percent-encoded, JSON-escaped, and a password inside the Basic credential.
 */
export function derivedSecretForms(secrets: readonly string[], username: string | undefined): string[] {
  const forms = new Set<string>();
  for (const secret of secrets) {
    for (const text of secretTexts(secret)) forms.add(text);
    forms.add(encodeURIComponent(secret));
    forms.add(JSON.stringify(secret).slice(1, -1));
    if (username) forms.add(Buffer.from(`${username}:${secret}`, 'utf8').toString('base64'));
  }
  return [...forms];
}

/** The user name a Basic credential is built from, if the run has one. */
function usernameOf(args: readonly string[], env: NodeJS.ProcessEnv): string | undefined {
  const i = args.indexOf('--username');
  if (i !== -1) return args[i + 1];
  const inline = args.find((a) => a.startsWith('--username='));
  return inline !== undefined ? inline.slice('--username='.length) : env.TC_WEBHOOK_USERNAME;
}

function token(): string {
  return randomBytes(16).toString('hex');
}

/**
 * Starts the GitHub side of a run: with GITHUB_ACTIONS=true, the first lines printed announce every
 * secret the run knows (and its derived forms) with `::add-mask::`.
 */
export function startGithubRun(
  io: ProcessIo,
  args: readonly string[],
  shared?: SecretMasker,
  /** stderr before the masker: the `::add-mask::` lines must carry the secrets themselves. */
  unmaskedStderr: ProcessIo['stderr'] = io.stderr,
): GithubRun {
  const secrets = secretsOfRun(args, io.env).map((s) => s.value);
  const masker: SecretMasker = shared ?? createSecretMasker(secrets);
  const annotate = io.env.GITHUB_ACTIONS === 'true';
  const summaryFile = io.env.GITHUB_STEP_SUMMARY || undefined;
  const workspace: Workspace = { cwd: io.cwd, root: io.env.GITHUB_WORKSPACE || io.cwd };
  const announce = (values: readonly string[], username: string | undefined) => {
    const lines = addMaskLines(derivedSecretForms(values, username));
    if (lines.length > 0) unmaskedStderr.write(`${lines.join('\n')}\n`);
  };
  if (annotate) announce(secrets, usernameOf(args, io.env));
  const annotation = (a: Annotation) => `${annotationLine({ ...a, message: masker.mask(a.message) })}\n`;

  /** Appended, as GitHub asks (steps and commands share the file); a failure is a warning only. */
  const appendSummary = async (file: string, markdown: string) => {
    try {
      await appendFile(file, `${masker.mask(markdown)}\n`);
    } catch (error) {
      const message = `could not append the step summary to ${file}: ${describeFsError(error)}`;
      io.stderr.write(annotate ? annotation({ level: 'warning', message }) : `warning: ${message}\n`);
    }
  };

  return {
    annotate,
    workspace,
    guardStdout: (text, json) => {
      const masked = masker.mask(text);
      if (!annotate) return masked;
      return json ? neutralizeJson(masked) : fenceCommands(masked, token());
    },
    annotation,
    announceSecrets: (fresh) => {
      if (annotate) announce(fresh, undefined);
    },
    publishReport: async (kind, unmasked) => {
      // Masked before it is escaped for a command or for Markdown, which could split a secret's text.
      const report = JSON.parse(masker.mask(JSON.stringify(unmasked))) as typeof unmasked;
      if (annotate) {
        const lines = annotationsOf(kind, report, workspace).map(annotation);
        if (lines.length > 0) io.stderr.write(lines.join(''));
        // Each body folded in its own group, fenced: whatever it holds, the runner runs none of it.
        for (const { title, text } of answerBodiesOf(kind, report)) {
          io.stderr.write(`::group::${escapeData(title)}\n${fenceCommands(text, token())}::endgroup::\n`);
        }
      }
      if (summaryFile) {
        const markdown = await stepSummaryOf(kind, report);
        if (markdown !== undefined) await appendSummary(summaryFile, markdown);
      }
    },
    publishFailure: async (command, message) => {
      if (!summaryFile || command === undefined) return;
      const markdown = `### tc-webhook ${command}\n\n**Could not run**: ${markdownCell(message)}\n`;
      await appendSummary(summaryFile, markdown);
    },
  };
}
