/*
 * Follows README.md's "Adding Readiness to an existing Backstage app" in a
 * fresh app, block by block: shell lines run as they are; code goes into
 * the file and at the place that the prose before the block names. What
 * the prose says is the only instruction, so a step the app needs and the
 * README does not say fails here.
 */
import fs from 'node:fs';
import path from 'node:path';
import { run } from './commands';
import { readGuide, type GuideStep } from './readmeGuide';

export const GUIDE_SECTION = 'Adding Readiness to an existing Backstage app';

export type GuideApp = {
  dir: string;
  env: NodeJS.ProcessEnv;
  /** A legacy-system app (`create-app --legacy`) follows the tsx blocks. */
  legacy: boolean;
};

type Applied = { step: number; what: string };

/** Where a place-naming phrase of the prose puts code in a file. */
const ANCHOR_LINES: Record<string, string> = {
  'after the catalog plugin': "import('@backstage/plugin-catalog-backend')",
  'after the Readiness plugin': "import('@readiness/plugin-readiness-backend')",
};

function backticked(lead: string) {
  return [...lead.matchAll(/`([^`]+)`/g)].map(m => m[1]);
}

function indentLike(code: string, indent: string) {
  return code
    .split('\n')
    .map(l => (l ? indent + l : l))
    .join('\n');
}

/** Inserts code after the statement holding `anchor` (ends at a `;`). */
function insertAfterStatement(source: string, anchor: string, code: string) {
  const lines = source.split('\n');
  let i = lines.findIndex(l => l.includes(anchor));
  if (i < 0) {
    return undefined;
  }
  while (i < lines.length && !lines[i].trimEnd().endsWith(';')) {
    i++;
  }
  lines.splice(i + 1, 0, code);
  return lines.join('\n');
}

function insertAfterImports(source: string, code: string) {
  const lines = source.split('\n');
  let last = -1;
  lines.forEach((line, i) => {
    if (/^} from '|^import .* from '|^import '/.test(line)) {
      last = i;
    }
  });
  lines.splice(last + 1, 0, code);
  return lines.join('\n');
}

/**
 * Inserts code before the last `closing` tag inside `const name = ( … );`,
 * indented like the line before it.
 */
function insertAtEndOf(
  source: string,
  name: string,
  closing: string,
  code: string,
) {
  const start = source.indexOf(`const ${name} = (`);
  if (start < 0) {
    return undefined;
  }
  const end = source.indexOf('\n);', start);
  const at = source.lastIndexOf(closing, end);
  if (end < 0 || at < start) {
    return undefined;
  }
  return insertLineBefore(source, at, code);
}

/**
 * Inserts code as lines of their own before the line holding offset `at`,
 * indented one step deeper than the text before `at` on that line.
 */
function insertLineBefore(source: string, at: number, code: string) {
  const lineStart = source.lastIndexOf('\n', at) + 1;
  const indent = `${source.slice(lineStart, at)}  `;
  return `${source.slice(0, lineStart)}${indentLike(
    code,
    indent,
  )}\n${source.slice(lineStart)}`;
}

function insertBeforeTag(source: string, closing: string, code: string) {
  const at = source.lastIndexOf(closing);
  if (at < 0) {
    return undefined;
  }
  return insertLineBefore(source, at, code);
}

/** Puts one code block where its lead says; throws when it cannot. */
function placeCode(step: GuideStep, file: string, source: string) {
  const lead = step.lead;
  const fail = (why: string) => {
    throw new Error(`README "${GUIDE_SECTION}": "${lead}" — ${why} in ${file}`);
  };
  const anchor = Object.keys(ANCHOR_LINES).find(phrase =>
    lead.includes(phrase),
  );
  if (anchor) {
    return (
      insertAfterStatement(source, ANCHOR_LINES[anchor], step.code) ??
      fail(`no line with ${ANCHOR_LINES[anchor]}`)
    );
  }
  if (/\bimport\b/.test(lead) && step.code.startsWith('import ')) {
    return insertAfterImports(source, step.code);
  }
  const names = backticked(lead);
  if (lead.includes('at the end of its grid')) {
    const name = names.find(n => /^\w+$/.test(n)) ?? fail('no constant named');
    return (
      insertAtEndOf(source, name, '</Grid>', step.code) ??
      fail(`no grid in ${name}`)
    );
  }
  if (lead.includes('at the end of their `EntityLayout`')) {
    let updated = source;
    for (const name of names.filter(n => /EntityPage$/.test(n))) {
      updated =
        insertAtEndOf(updated, name, '</EntityLayout>', step.code) ??
        fail(`no EntityLayout in ${name}`);
    }
    return updated;
  }
  const tag = lead.match(/at the end of `(\w+)`/);
  if (tag) {
    return (
      insertBeforeTag(source, `</${tag[1]}>`, step.code) ??
      fail(`no <${tag[1]}>`)
    );
  }
  return fail('the prose names no place this test knows');
}

async function runShellLines(
  step: GuideStep,
  index: number,
  app: GuideApp,
  applied: Applied[],
) {
  for (const line of step.code.split('\n').map(l => l.trim())) {
    if (!line || line.startsWith('#')) {
      continue;
    }
    const folder = line.match(/--cwd (\S+)/)?.[1];
    if (app.legacy && folder === 'packages/backend') {
      continue; // the legacy check's app has no backend of its own
    }
    await run(line, [], {
      cwd: app.dir,
      env: app.env,
      shell: true,
      timeoutMs: 8 * 60_000,
    });
    applied.push({ step: index, what: line });
  }
}

/**
 * Fails when a code block of the section was followed in neither app: the
 * split between the two frontend systems must not hide a step.
 */
export function assertEveryStepFollowed(
  readmeFile: string,
  ...followed: Applied[][]
) {
  const done = new Set(followed.flat().map(a => a.step));
  const missed = readGuide(readmeFile, GUIDE_SECTION)
    .map((step, index) => ({ step, index }))
    .filter(({ index }) => !done.has(index));
  if (missed.length > 0) {
    throw new Error(
      `README "${GUIDE_SECTION}": followed in neither app: ${missed
        .map(({ step }) => `"${step.code.split('\n')[0]}"`)
        .join(', ')}`,
    );
  }
}

/** Follows the README section in `app`; returns what it did, in order. */
export async function followGuide(readmeFile: string, app: GuideApp) {
  const applied: Applied[] = [];
  let file: string | undefined;
  for (const [index, step] of readGuide(readmeFile, GUIDE_SECTION).entries()) {
    if (step.lang === 'sh') {
      await runShellLines(step, index, app, applied);
      continue;
    }
    if (step.lang !== 'ts' && step.lang !== 'tsx') {
      throw new Error(
        `README "${GUIDE_SECTION}": a \`${step.lang}\` block ("${step.lead}") that this test does not know how to follow`,
      );
    }
    file =
      backticked(step.lead).find(n => /^packages\/.+\.tsx?$/.test(n)) ?? file;
    if (step.code.includes('createApp(')) {
      // Only for an app without package discovery, which create-app's is not.
      const config = fs.readFileSync(
        path.join(app.dir, 'app-config.yaml'),
        'utf8',
      );
      if (!app.legacy && !/^\s+packages: all\s*$/m.test(config)) {
        throw new Error(
          'the fresh app does not discover packages (app.packages: all)',
        );
      }
      if (!app.legacy) {
        applied.push({
          step: index,
          what: 'app-config.yaml has app.packages: all, so no features to add',
        });
      }
      continue;
    }
    if (step.lang === 'tsx' ? !app.legacy : app.legacy) {
      continue; // the other frontend system's block, or the backend's
    }
    if (!file) {
      throw new Error(
        `README "${GUIDE_SECTION}": "${step.lead}" names no file`,
      );
    }
    const target = path.join(app.dir, file);
    const updated = placeCode(step, file, fs.readFileSync(target, 'utf8'));
    fs.writeFileSync(target, updated);
    applied.push({ step: index, what: `${file}: ${step.code.split('\n')[0]}` });
  }
  return applied;
}
