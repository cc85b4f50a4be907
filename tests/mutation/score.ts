// Prints the mutation score per folder from Stryker's JSON report (npm run test:mutation).
// Run alone (npx tsx tests/mutation/score.ts) it reads the last report without mutating again;
// given report files, it reads those together (runs over different folders, kept aside);
// with --survivors it also lists each planted bug no test caught, where it is and what it was.
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';

const DEFAULT_REPORT = 'reports/mutation/mutation.json';

interface Mutant {
  status: string;
  mutatorName: string;
  replacement?: string;
  location: { start: { line: number; column: number } };
}

interface Report {
  files: Record<string, { mutants: Mutant[] }>;
}

interface Tally {
  killed: number;
  survived: number;
  noCoverage: number;
  timeout: number;
}

/** lib/timeline/dhgate.ts counts under lib/timeline; a single module such as lib/money.ts, alone. */
function unitOf(file: string): string {
  const folder = dirname(file);
  return folder === 'lib' ? file : folder;
}

/** Stryker's own formula: detected (killed or timed out) over all valid mutants. */
function score({ killed, survived, noCoverage, timeout }: Tally): string {
  const valid = killed + survived + noCoverage + timeout;
  return valid === 0 ? '–' : `${(((killed + timeout) / valid) * 100).toFixed(1)} %`;
}

const givenReports = process.argv.slice(2).filter((argument) => !argument.startsWith('--'));
// A file measured in several reports counts as the last one given says.
const files: Report['files'] = {};
for (const path of givenReports.length > 0 ? givenReports : [DEFAULT_REPORT]) {
  Object.assign(files, (JSON.parse(readFileSync(path, 'utf8')) as Report).files);
}
const tallies = new Map<string, Tally>();
for (const [file, { mutants }] of Object.entries(files)) {
  const tally = tallies.get(unitOf(file)) ?? { killed: 0, survived: 0, noCoverage: 0, timeout: 0 };
  for (const { status } of mutants) {
    if (status === 'Killed') tally.killed += 1;
    else if (status === 'Survived') tally.survived += 1;
    else if (status === 'NoCoverage') tally.noCoverage += 1;
    else if (status === 'Timeout') tally.timeout += 1;
    // CompileError, RuntimeError and Ignored mutants are not valid: Stryker leaves them out too.
  }
  tallies.set(unitOf(file), tally);
}

const rows = [...tallies].sort(([a], [b]) => a.localeCompare(b));
const header = ['Folder', 'Killed', 'Survived', 'No coverage', 'Timeout', 'Score'];
const table = [
  header,
  ...rows.map(([unit, tally]) => [
    unit,
    String(tally.killed),
    String(tally.survived),
    String(tally.noCoverage),
    String(tally.timeout),
    score(tally),
  ]),
];
const widths = header.map((_, column) => Math.max(...table.map((row) => row[column]?.length ?? 0)));
for (const row of table) {
  console.log(
    row
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd(),
  );
}

if (process.argv.includes('--survivors')) {
  for (const [file, { mutants }] of Object.entries(files)) {
    for (const { status, mutatorName, replacement, location } of mutants) {
      if (status !== 'Survived' && status !== 'NoCoverage') continue;
      const { line, column } = location.start;
      const planted = replacement === undefined ? '' : `: ${replacement.replace(/\s+/g, ' ')}`;
      console.log(`${file}:${String(line)}:${String(column)} ${status} ${mutatorName}${planted}`);
    }
  }
}
