import { inDir, RepoPath } from './repositoryPath';

/* What AI/ML components need: evaluations, prompts, red-team tests, data quality. */

const EVAL_DIRS = new Set(['evals', 'evaluations', 'promptfoo']);
const PROMPT_DIRS = new Set([
  'prompts',
  'prompt-templates',
  'prompt_templates',
]);
const RED_TEAM_DIRS = new Set([
  'redteam',
  'red-team',
  'red_team',
  'prompt-injection',
  'prompt_injection',
  'jailbreak',
  'jailbreaks',
  'adversarial',
]);
const DATA_QUALITY_DIRS = new Set([
  'great_expectations',
  'gx',
  'soda',
  'expectations',
]);

export function isEvalSuite(p: RepoPath): boolean {
  return (
    inDir(p, EVAL_DIRS) ||
    p.lower.startsWith('promptfooconfig.') ||
    /\.eval\.(?:[cm]?[jt]s|py)$/.test(p.lower)
  );
}

export function isPrompt(p: RepoPath): boolean {
  return (
    inDir(p, PROMPT_DIRS) ||
    p.lower.endsWith('.prompt') ||
    p.lower.endsWith('.prompty') ||
    /\.prompt\.(?:ya?ml|md)$/.test(p.lower)
  );
}

export function isPromptInjectionTest(p: RepoPath): boolean {
  return (
    inDir(p, RED_TEAM_DIRS) ||
    p.lower.includes('redteam') ||
    p.lower.includes('red-team')
  );
}

export function isDataQuality(p: RepoPath): boolean {
  return inDir(p, DATA_QUALITY_DIRS) || /\.soda\.ya?ml$/.test(p.lower);
}
