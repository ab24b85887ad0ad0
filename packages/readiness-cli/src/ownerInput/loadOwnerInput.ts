import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import {
  AppliedAttestation,
  AppliedExemption,
  OwnerInput,
  OwnerInputStatus,
} from '@readiness/plugin-readiness-common';
import { ItemReader } from './ItemReader';
import { readExportedItems } from './readExportedItems';

const STATUSES: readonly OwnerInputStatus[] = [
  'pending',
  'active',
  'rejected',
  'revoked',
  'expired',
];

/** The files of `--exemptions` and `--attestations`. */
export interface OwnerInputFiles {
  exemptions?: string;
  attestations?: string;
}

/**
 * The owners' input for one entity (ref as `stringifyEntityRef` writes it)
 * and scorecard.
 */
export type OwnerInputLookup = (
  entityRef: string,
  scorecardId: string,
) => OwnerInput;

/** Entity refs compare without regard to case, as in the catalog. */
function keyOf(entityRef: string, scorecardId: string): string {
  return `${entityRef.toLocaleLowerCase('en-US')}\u0000${scorecardId}`;
}

interface RecordFields {
  /** Where it applies, if its status is one that does. */
  key?: string;
  status: OwnerInputStatus;
  /** What the engine reads of every record. */
  shared: { id: string; requestedBy: string; link?: string };
}

/**
 * The fields every exported exemption and attestation has; `key` when its
 * status is one of `applying`.
 */
function readRecord(
  reader: ItemReader,
  applying: readonly OwnerInputStatus[],
): RecordFields {
  const id = reader.string('id');
  const ref = reader.string('entityRef');
  let entityRef: string;
  try {
    entityRef = stringifyEntityRef(parseEntityRef(ref));
  } catch (error) {
    throw reader.error(
      'entityRef',
      `must be an entity ref such as component:default/my-service: ${
        (error as Error).message
      }`,
    );
  }
  const scorecard = reader.string('scorecard');
  const status = reader.choice('status', STATUSES);
  const requestedBy = reader.string('requestedBy');
  const link = reader.optionalString('link');
  return {
    ...(applying.includes(status) && { key: keyOf(entityRef, scorecard) }),
    status,
    shared: { id, requestedBy, ...(link !== undefined && { link }) },
  };
}

const DAY = 24 * 60 * 60 * 1000;

function readExemption(
  reader: ItemReader,
  now: Date,
): { key: string; exemption: AppliedExemption } | undefined {
  // An expired one waives nothing, but the check's reason names it: unless
  // its end date is still to come here, where it would waive again.
  const { key, status, shared } = readRecord(reader, ['active', 'expired']);
  const checks = reader.strings('checks');
  const reason = reader.string('reason');
  const expiresAt = reader.day('expiresAt');
  const ended = Date.parse(expiresAt) + DAY <= now.getTime();
  if (key === undefined || (status === 'expired' && !ended)) {
    return undefined;
  }
  // Only an approved exemption has (and needs) its approver.
  const approvedBy = reader.string('decidedBy');
  return {
    key,
    exemption: { ...shared, checks, reason, expiresAt, approvedBy },
  };
}

function readAttestation(
  reader: ItemReader,
): { key: string; attestation: AppliedAttestation } | undefined {
  const { key, shared } = readRecord(reader, ['active']);
  const attestation = reader.string('attestation');
  const statement = reader.string('statement');
  // It counts from when it was given.
  const attestedAt = reader.time('requestedAt');
  return key === undefined
    ? undefined
    : { key, attestation: { ...shared, attestation, statement, attestedAt } };
}

/**
 * Reads exported exemptions and attestations (`GET /api/readiness/exemptions`
 * and `/attestations`, or bare lists), so that the CLI applies what the
 * Readiness tab shows. Every item is checked; active ones apply, to the
 * entity and scorecard they name, and expired exemptions are named in the
 * reasons of the checks they no longer waive. A broken file is an `InputError` naming
 * it, the item and the field.
 */
export function loadOwnerInput(
  files: OwnerInputFiles,
  cwd: string,
  now: Date,
): OwnerInputLookup {
  const byKey = new Map<string, OwnerInput>();
  const inputOf = (key: string) => {
    let input = byKey.get(key);
    if (input === undefined) {
      input = { exemptions: [], attestations: [] };
      byKey.set(key, input);
    }
    return input;
  };
  if (files.exemptions !== undefined) {
    const file = files.exemptions;
    for (const { path, value } of readExportedItems(file, cwd, 'exemptions')) {
      const read = readExemption(new ItemReader(file, path, value), now);
      if (read) {
        inputOf(read.key).exemptions.push(read.exemption);
      }
    }
  }
  if (files.attestations !== undefined) {
    const file = files.attestations;
    for (const { path, value } of readExportedItems(
      file,
      cwd,
      'attestations',
    )) {
      const read = readAttestation(new ItemReader(file, path, value));
      if (read) {
        inputOf(read.key).attestations.push(read.attestation);
      }
    }
  }
  const none: OwnerInput = { exemptions: [], attestations: [] };
  return (entityRef, scorecardId) =>
    byKey.get(keyOf(entityRef, scorecardId)) ?? none;
}
