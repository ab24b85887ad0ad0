import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { run } from './run';

const tempDirs: string[] = [];

// Registered in every test file that imports this module.
afterAll(() => {
  for (const dir of tempDirs.splice(0)) {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

/**
 * Writes `files` (relative path → content) into a new temporary directory,
 * removed after the test file.
 */
export function writeTempFiles(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'readiness-cli-'));
  tempDirs.push(dir);
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), content);
  }
  return dir;
}

export interface CliOutcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process in `cwd`, capturing its output. */
export async function runCli(
  args: string[],
  cwd: string,
  options: { debug?: boolean; env?: Record<string, string | undefined> } = {},
): Promise<CliOutcome> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, {
    cwd,
    stdout: text => {
      stdout += text;
    },
    stderr: text => {
      stderr += text;
    },
    now: new Date('2026-11-25T10:00:00Z'),
    debug: options.debug ?? false,
    env: options.env ?? {},
  });
  return { code, stdout, stderr };
}

/** Three levels over catalog and repository facts, for `service`s. */
export const SCORECARD_YAML = `apiVersion: readiness/v1
kind: Scorecard
metadata:
  name: basic
  title: Basic
  description: The basics of a service.
spec:
  appliesTo:
    kind: component
    spec.type: service
  levels:
    - id: bronze
      title: Bronze
    - id: silver
      title: Silver
    - id: gold
      title: Gold
  categories:
    - id: ownership
      title: Ownership
  checks:
    - id: owner-resolved
      title: The owner is in the catalog
      category: ownership
      level: bronze
      weight: 1
      condition:
        fact: catalog.ownerResolved
        equals: true
      remediation:
        text: Set spec.owner to a group in the catalog.
        docsUrl: https://example.com/owner
    - id: described
      title: Has a description
      category: ownership
      level: bronze
      weight: 1
      condition:
        fact: catalog.description
        exists: true
      remediation:
        text: Add metadata.description.
    - id: owner-staffed
      title: The owner has members
      category: ownership
      level: silver
      weight: 1
      condition:
        fact: catalog.ownerMembers
        gte: 1
      remediation:
        text: Add members to the owning group.
    - id: in-system
      title: Belongs to a system in the catalog
      category: ownership
      level: silver
      weight: 1
      condition:
        fact: catalog.systemResolved
        equals: true
      remediation:
        text: Set spec.system.
    - id: readme
      title: Has a README
      category: ownership
      level: gold
      weight: 1
      condition:
        fact: repository.readme
        equals: true
      remediation:
        text: Add a README.md.
`;

/**
 * A group with a member of its own and one by `memberOf`, a user, a system,
 * a bare service (unknown owner, nothing else) and a rich one.
 */
export const CATALOG_YAML = `apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: team-a
spec:
  type: team
  children: []
  members: [bob]
---
apiVersion: backstage.io/v1alpha1
kind: User
metadata:
  name: alice
spec:
  memberOf: [team-a]
---
apiVersion: backstage.io/v1alpha1
kind: System
metadata:
  name: payments
spec:
  owner: team-a
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: bare-service
spec:
  type: service
  lifecycle: experimental
  owner: team-nobody
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: rich-service
  description: Takes payments.
spec:
  type: service
  lifecycle: production
  owner: group:default/team-a
  system: payments
`;

/**
 * A Scaffolder skeleton as found in catalog repositories: not YAML until the
 * template is filled in (line 5 breaks it).
 */
export const SKELETON_YAML = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: \${{ values.name }}
{%- if values.description %}
  description: \${{ values.description }}
{%- endif %}
spec:
  type: service
`;
