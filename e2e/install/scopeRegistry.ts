/*
 * A read-only npm registry on loopback for the @readiness scope only,
 * serving the packed tarballs as if they were published: the fresh app's
 * Yarn and npx resolve @readiness/* here and everything else from their
 * usual registry, so the README's `yarn add` lines run unchanged.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { PackedPackage } from './packPackages';

export type ScopeRegistry = {
  url: string;
  close(): Promise<void>;
};

function packument(pkg: PackedPackage, baseUrl: string) {
  const tarball = fs.readFileSync(pkg.tarball);
  const file = path.basename(pkg.tarball);
  const version = pkg.manifest.version as string;
  const published = new Date().toISOString();
  return {
    name: pkg.name,
    'dist-tags': { latest: version },
    time: { created: published, modified: published, [version]: published },
    versions: {
      [version]: {
        ...pkg.manifest,
        dist: {
          tarball: `${baseUrl}/-/${encodeURIComponent(file)}`,
          shasum: crypto.createHash('sha1').update(tarball).digest('hex'),
          integrity: `sha512-${crypto
            .createHash('sha512')
            .update(tarball)
            .digest('base64')}`,
        },
      },
    },
  };
}

export async function startScopeRegistry(
  packages: PackedPackage[],
): Promise<ScopeRegistry> {
  const byName = new Map(packages.map(p => [p.name, p]));
  const byFile = new Map(packages.map(p => [path.basename(p.tarball), p]));
  let baseUrl = '';
  const server = http.createServer((req, res) => {
    // Yarn asks for `@readiness%2fname`, npm for `@readiness%2Fname`.
    const requested = decodeURIComponent(
      new URL(req.url ?? '/', 'http://x').pathname.slice(1),
    );
    if (req.method !== 'GET') {
      res.writeHead(405).end();
      return;
    }
    if (requested.startsWith('-/')) {
      const pkg = byFile.get(requested.slice(2));
      if (!pkg) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      fs.createReadStream(pkg.tarball).pipe(res);
      return;
    }
    const pkg = byName.get(requested);
    if (!pkg) {
      res
        .writeHead(404, { 'content-type': 'application/json' })
        .end(JSON.stringify({ error: `${requested} is not a packed package` }));
      return;
    }
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify(packument(pkg, baseUrl)));
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: baseUrl,
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
