/*
 * README.md as the install test reads it: the code blocks of one section,
 * each with the prose that leads to it, which says where the code goes.
 */
import fs from 'node:fs';

export type GuideStep = {
  /** The fence's language: sh, ts, tsx. */
  lang: string;
  code: string;
  /** The prose between the previous block (or the heading) and this one. */
  lead: string;
};

/** The code blocks of the section under `heading`, up to the next heading. */
export function readGuide(readmeFile: string, heading: string): GuideStep[] {
  const lines = fs.readFileSync(readmeFile, 'utf8').split('\n');
  const start = lines.findIndex(
    l => l.replace(/^#+\s*/, '') === heading && l.startsWith('#'),
  );
  if (start < 0) {
    throw new Error(`${readmeFile} has no section "${heading}"`);
  }
  const steps: GuideStep[] = [];
  let lead: string[] = [];
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i];
    if (/^#+\s/.test(line)) {
      break;
    }
    const fence = line.match(/^\s*```(\w*)\s*$/);
    if (!fence) {
      lead.push(line);
      continue;
    }
    const indent = line.indexOf('`');
    const code: string[] = [];
    for (i++; i < lines.length && !/^\s*```\s*$/.test(lines[i]); i++) {
      code.push(lines[i].slice(indent));
    }
    steps.push({
      lang: fence[1],
      code: code.join('\n'),
      lead: lead.join(' ').replace(/\s+/g, ' ').trim(),
    });
    lead = [];
  }
  if (steps.length === 0) {
    throw new Error(`README section "${heading}" has no code blocks`);
  }
  return steps;
}
