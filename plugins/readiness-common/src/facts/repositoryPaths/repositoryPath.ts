/*
 * A repository path split for the classifiers of each fact family, and the
 * tests on it that they share.
 */

/** Vendored or generated trees: their files are not the repository's own. */
const IGNORED_DIRS = new Set([
  '.git',
  'node_modules',
  'vendor',
  'third_party',
  'third-party',
  'bower_components',
  '.venv',
  'venv',
]);

export const YAML = /\.ya?ml$/i;
export const YAML_OR_JSON = /\.(?:ya?ml|json)$/i;

/** One repository path, split for matching. */
export interface RepoPath {
  /** As given, normalised: no leading `./` or `/`. */
  path: string;
  /** Lowercased directory names, outermost first. */
  dirs: string[];
  /** File name as given. */
  name: string;
  /** File name lowercased. */
  lower: string;
}

/**
 * The path split, or `undefined` for one with no file name or in a vendored
 * tree.
 */
export function splitPath(path: string): RepoPath | undefined {
  const normalised = path.replace(/^(?:\.\/)+|^\/+/, '');
  const parts = normalised.split('/').filter(p => p !== '' && p !== '.');
  const name = parts.pop();
  if (name === undefined) {
    return undefined;
  }
  const dirs = parts.map(p => p.toLocaleLowerCase('en-US'));
  if (dirs.some(d => IGNORED_DIRS.has(d))) {
    return undefined;
  }
  return {
    path: [...parts, name].join('/'),
    dirs,
    name,
    lower: name.toLocaleLowerCase('en-US'),
  };
}

export function inDir(p: RepoPath, names: ReadonlySet<string>): boolean {
  return p.dirs.some(d => names.has(d));
}

export function atRoot(p: RepoPath): boolean {
  return p.dirs.length === 0;
}

/** Directly in `dir` (a path of lowercased names, e.g. `.github/workflows`). */
export function directlyIn(p: RepoPath, dir: string): boolean {
  return p.dirs.join('/') === dir;
}

/** A file whose lowercased name matches `pattern`, directly in one of `dirs`. */
export function isRootDoc(
  p: RepoPath,
  pattern: RegExp,
  dirs: string[],
): boolean {
  return dirs.includes(p.dirs.join('/')) && pattern.test(p.lower);
}
