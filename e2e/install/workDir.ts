/*
 * The install test's folder in the system's temporary folder, claimed with
 * a lock so that two runs never remove each other's apps or the @readiness
 * tarballs in Yarn's shared cache; the folders of earlier runs are removed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const WORK_DIR_PREFIX = 'readiness-install-';
const LOCK_FILE = path.join(os.tmpdir(), 'readiness-install.lock');

function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function lock() {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(LOCK_FILE, String(process.pid), { flag: 'wx' });
      process.on('exit', () => fs.rmSync(LOCK_FILE, { force: true }));
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw error;
      }
      const holder = Number(fs.readFileSync(LOCK_FILE, 'utf8'));
      if (holder && isAlive(holder)) {
        throw new Error(
          `another yarn test:install is running (process ${holder}, ${LOCK_FILE}); wait for it or stop it`,
        );
      }
      fs.rmSync(LOCK_FILE, { force: true });
    }
  }
  throw new Error(`could not take ${LOCK_FILE}`);
}

/** Takes the lock, removes earlier runs' folders and makes a new one. */
export function claimWorkDir() {
  lock();
  for (const old of fs
    .readdirSync(os.tmpdir())
    .filter(f => f.startsWith(WORK_DIR_PREFIX))) {
    fs.rmSync(path.join(os.tmpdir(), old), { recursive: true, force: true });
  }
  return fs.mkdtempSync(path.join(os.tmpdir(), WORK_DIR_PREFIX));
}
