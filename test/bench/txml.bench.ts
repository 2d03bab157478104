/**
 * `tc-webhook validate` of a 100 MB tXML body against the same kind of order body as 100 MB of JSON
 * (time, CPU time, peak memory), and, for the choice of parser, fast-xml-parser's validator and
 * parser alone on the same tXML file (well-formedness and a tree only: no conversion, no schema).
 * Run after building: `node dist/test/bench/txml.bench.js`. Prints figures; always exits 0.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBodySchema } from '../../src/core/schema/load-body-schema.js';
import { toTxml } from '../../src/core/txml/index.js';
import { median } from './bench-support.js';
import { runCliWithMemory, runWithMemory, type Measured } from './run-measured.js';
import { buildLargeOrderPayload } from './validate-fixtures.js';

const f = (ms: number) => `${ms.toFixed(0)} ms`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
const verdict = (value: number, target: number) => (value <= target ? 'target met' : 'TARGET MISSED');

/** What any reader built on fast-xml-parser does at least: check the document, then build its tree. */
const FAST_XML_PARSER = (file: string) => `
  const { readFileSync } = await import('node:fs');
  const { XMLParser, XMLValidator } = await import('fast-xml-parser');
  const text = readFileSync(${JSON.stringify(file)}, 'utf8');
  const verdict = XMLValidator.validate(text);
  if (verdict !== true) process.exitCode = 1;
  new XMLParser({ preserveOrder: true, parseTagValue: false, trimValues: false, ignoreDeclaration: true, maxNestedTags: 200 }).parse(text);`;

const work = mkdtempSync(join(tmpdir(), 'tcw-txml-bench-'));
try {
  const body = await loadBodySchema({ kind: 'order', cacheDir: false });
  const target = 100_000_000;
  const jsonFile = join(work, 'big-100.json');
  writeFileSync(jsonFile, buildLargeOrderPayload(target));
  // tXML is wordier than JSON: the body is scaled so that the XML file is 100 MB as well.
  const xmlOf = (minBytes: number) => toTxml(JSON.parse(buildLargeOrderPayload(minBytes)), body.schema);
  const xmlFile = join(work, 'big-100.xml');
  const scale = target / xmlOf(target * 0.75).length;
  writeFileSync(xmlFile, xmlOf(target * 0.75 * scale));
  const sizes = [jsonFile, xmlFile].map((file) => (statSync(file).size / 1e6).toFixed(0));
  const jsonRuns: Measured[] = [];
  const xmlRuns: Measured[] = [];
  const fxpRuns: Measured[] = [];
  // Interleaved, so that a busy moment of the machine weighs on every variant alike.
  for (let i = 0; i < 3; i++) {
    jsonRuns.push(runCliWithMemory(['validate', jsonFile]));
    xmlRuns.push(runCliWithMemory(['validate', xmlFile]));
    fxpRuns.push(runWithMemory(FAST_XML_PARSER(xmlFile)));
  }
  const pick = (runs: Measured[], key: 'ms' | 'cpuMs' | 'maxRssMb') => median(runs.map((r) => r[key]));
  const [jsonMs, xmlMs, fxpMs] = [pick(jsonRuns, 'ms'), pick(xmlRuns, 'ms'), pick(fxpRuns, 'ms')];
  const [jsonCpu, xmlCpu, fxpCpu] = [pick(jsonRuns, 'cpuMs'), pick(xmlRuns, 'cpuMs'), pick(fxpRuns, 'cpuMs')];
  const [jsonRss, xmlRss, fxpRss] = [
    pick(jsonRuns, 'maxRssMb'),
    pick(xmlRuns, 'maxRssMb'),
    pick(fxpRuns, 'maxRssMb'),
  ];
  console.log(
    `tXML against JSON, the same kind of order body (median of 3, interleaved); node ${process.version}`,
  );
  console.log(
    `   JSON  ${sizes[0]} MB   ${f(jsonMs)}   CPU ${f(jsonCpu)}   peak ${jsonRss.toFixed(0)} MB   exit ${jsonRuns[0]!.status}`,
  );
  console.log(
    `   tXML  ${sizes[1]} MB   ${f(xmlMs)}   CPU ${f(xmlCpu)}   peak ${xmlRss.toFixed(0)} MB   exit ${xmlRuns[0]!.status}`,
  );
  console.log(
    `   tXML / JSON: time ${ratio(xmlMs, jsonMs)}  (${verdict(xmlMs / jsonMs, 3)}: ≤ 3×), CPU ${ratio(xmlCpu, jsonCpu)}, peak memory ${ratio(xmlRss, jsonRss)}  (${verdict(xmlRss / jsonRss, 3)}: ≤ 3×)`,
  );
  console.log(
    `   fast-xml-parser alone (XMLValidator + XMLParser, no conversion, no schema) on the tXML file: ${f(fxpMs)}   CPU ${f(fxpCpu)}   peak ${fxpRss.toFixed(0)} MB   exit ${fxpRuns[0]!.status}` +
      `   (${ratio(fxpMs, xmlMs)} the time and ${ratio(fxpRss, xmlRss)} the memory of the whole tc-webhook run, which parses with saxes)`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
