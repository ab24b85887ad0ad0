import {
  isChildPath,
  resolveSafeChildPath,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  DEFAULT_SCORECARD_LIMITS,
  isRecord,
} from '@readiness/plugin-readiness-common';
import fs from 'node:fs/promises';
import { yamlValues } from './boundedYaml';

/**
 * A catalog-info.yaml is a few kilobytes. The readiness backend takes a
 * draft entity of at most this much JSON by default
 * (`readiness.limits.scorecards.maxBytes`), so a larger file is refused
 * unread rather than parsed to be refused there.
 */
export const MAX_CATALOG_INFO_BYTES = DEFAULT_SCORECARD_LIMITS.maxBytes;
/** A path in the workspace is short; a longer input is refused unread. */
const MAX_INPUT_PATH_LENGTH = 1024;

/** The kinds a draft's scorecards apply to, in their catalog spelling. */
export const DRAFT_KINDS = ['Component', 'API', 'Resource', 'System'];

/**
 * The file's absolute path, if it stays inside the workspace, symbolic
 * links followed: a template must not read the backend's own files.
 */
async function pathInside(workspacePath: string, file: string) {
  if (file.length > MAX_INPUT_PATH_LENGTH || file.includes('\0')) {
    throw new InputError(
      `catalogInfoPath must be a path of at most ${MAX_INPUT_PATH_LENGTH} characters`,
    );
  }
  let resolved: string;
  try {
    resolved = resolveSafeChildPath(workspacePath, file);
  } catch {
    throw new InputError(
      `catalogInfoPath "${file}" points outside the workspace; it is not read`,
    );
  }
  const [root, real] = await Promise.all([
    fs.realpath(workspacePath),
    fs.realpath(resolved).catch(error => {
      throw new InputError(
        error?.code === 'ENOENT'
          ? `${file} is not in the workspace; did an earlier step (fetch:template) write it?`
          : `${file} cannot be read: ${error?.code ?? error}`,
      );
    }),
  ]);
  if (!isChildPath(root, real)) {
    throw new InputError(
      `catalogInfoPath "${file}" points outside the workspace; it is not read`,
    );
  }
  return real;
}

function tooLarge(file: string, bytes: number | string): InputError {
  return new InputError(
    `${file} is ${bytes} bytes; a catalog-info file may have at most ${MAX_CATALOG_INFO_BYTES}`,
  );
}

/**
 * Bounded, so that a huge file is refused unread, even one that grows
 * after it was measured.
 */
async function readText(path: string, file: string): Promise<string> {
  const stat = await fs.stat(path);
  if (!stat.isFile()) {
    // Not opened: opening a named pipe would wait for a writer.
    throw new InputError(`${file} is not a file`);
  }
  if (stat.size > MAX_CATALOG_INFO_BYTES) {
    throw tooLarge(file, stat.size);
  }
  const handle = await fs.open(path, 'r');
  try {
    const buffer = Buffer.alloc(MAX_CATALOG_INFO_BYTES + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(
        buffer,
        length,
        buffer.length - length,
        length,
      );
      if (bytesRead === 0) {
        break;
      }
      length += bytesRead;
      if (length > MAX_CATALOG_INFO_BYTES) {
        throw tooLarge(file, `more than ${MAX_CATALOG_INFO_BYTES}`);
      }
    }
    return buffer.toString('utf8', 0, length);
  } finally {
    await handle.close();
  }
}

/**
 * Whether the value's JSON has more than `max` characters, walking at most
 * that much of it: aliases make a small file stand for a large value, whose
 * JSON is not built to be measured.
 */
function jsonLongerThan(value: unknown, max: number): boolean {
  let length = 0;
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const next = pending.pop();
    if (typeof next === 'string') {
      length += next.length + 2;
    } else if (Array.isArray(next)) {
      length += 2 + next.length;
      for (const item of next) {
        pending.push(item);
      }
    } else if (isRecord(next)) {
      for (const [key, item] of Object.entries(next)) {
        length += key.length + 4;
        pending.push(item);
      }
      length += 2;
    } else {
      length += String(next).length;
    }
    if (length > max) {
      return true;
    }
  }
  return false;
}

function isDraftKind(value: unknown): boolean {
  return (
    typeof value === 'string' &&
    DRAFT_KINDS.some(kind => kind.toLowerCase() === value.toLowerCase())
  );
}

/**
 * The first entity of kind Component, API, Resource or System in the
 * workspace's catalog-info file (which may hold several YAML documents),
 * read safely; an `InputError` naming the file when it is missing, outside
 * the workspace, too large, not YAML or without such an entity.
 */
export async function readDraftEntity(
  workspacePath: string,
  file: string,
): Promise<Entity> {
  const text = await readText(await pathInside(workspacePath, file), file);
  // Documents are parsed one at a time, up to the first draft entity.
  for (const value of yamlValues(text, file)) {
    if (isRecord(value) && isDraftKind(value.kind)) {
      if (jsonLongerThan(value, MAX_CATALOG_INFO_BYTES)) {
        throw new InputError(
          `${file} holds an entity of more than ${MAX_CATALOG_INFO_BYTES} characters of JSON, aliases expanded; the readiness backend takes at most ${MAX_CATALOG_INFO_BYTES} bytes`,
        );
      }
      return value as unknown as Entity;
    }
  }
  throw new InputError(
    `${file} holds no entity of kind ${DRAFT_KINDS.join(', ')}`,
  );
}
