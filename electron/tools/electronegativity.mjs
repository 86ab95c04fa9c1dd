#!/usr/bin/env node
// Electronegativity on the shell and the renderer, failing on any finding of HIGH or MEDIUM severity
// (the tool itself exits 0 whatever it finds). It runs through the tool's documented programmatic entry,
// which returns each finding with its severity: the CLI's CSV writer races its own header against the rows
// (two unawaited writeFile calls), and its SARIF carries no severity. The SARIF is still written, for CI.
//
//   node electron/tools/electronegativity.mjs [--out test-output/electronegativity]
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const run = require('@doyensec/electronegativity');
const root = fileURLToPath(new URL('../..', import.meta.url));
const outArg = process.argv.indexOf('--out');
const out = outArg > 0 ? resolve(process.argv[outArg + 1]) : join(root, 'test-output/electronegativity');

// The folder it scans: the shell, the renderer and package.json (where it reads the Electron version from).
const scan = mkdtempSync(join(tmpdir(), 'yz-eng-'));
cpSync(join(root, 'electron'), join(scan, 'electron'), { recursive: true });
cpSync(join(root, 'renderer'), join(scan, 'renderer'), { recursive: true });
cpSync(join(root, 'package.json'), join(scan, 'package.json'));
mkdirSync(out, { recursive: true });

let result;
try {
  result = await run({
    input: scan,
    output: join(out, 'report.sarif'),
    isSarif: true,
    // Needs the internet (it fetches Electron's release list); the version check below stands in for it.
    excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
    isRelative: true,
    isVerbose: false,
    parserPlugins: [],
  });
} finally {
  rmSync(scan, { recursive: true, force: true });
}

const findings = result.issues.map((i) => ({
  id: i.id,
  severity: i.severity.name,
  confidence: i.confidence.name,
  file: i.file,
  line: i.location?.line ?? 0,
  manualReview: Boolean(i.manualReview),
  description: i.description,
}));
writeFileSync(join(out, 'findings.json'), `${JSON.stringify({ checks: result.globalChecks + result.atomicChecks, findings, errors: result.errors }, null, 2)}\n`);

console.log(`Electronegativity: ${result.atomicChecks} atomic and ${result.globalChecks} global checks`);
for (const f of findings) console.log(`  ${f.severity.padEnd(13)} ${f.confidence.padEnd(9)} ${f.id}  ${f.file}:${f.line}  ${f.description}`);
const blocking = findings.filter((f) => f.severity === 'HIGH' || f.severity === 'MEDIUM');
const parseErrors = result.errors.filter((e) => !e.tolerable);
for (const e of parseErrors) console.error(`  could not parse ${e.file}: ${e.message}`);
if (result.atomicChecks + result.globalChecks < 30) {
  console.error('Electronegativity ran fewer checks than expected: is the installation complete?');
  process.exit(1);
}
if (blocking.length || parseErrors.length) {
  console.error(`\n${blocking.length} finding(s) of HIGH or MEDIUM severity, ${parseErrors.length} file(s) not parsed: see ${out}`);
  process.exit(1);
}
console.log(`no HIGH or MEDIUM finding (${findings.length} of lower severity listed above); report in ${out}`);
