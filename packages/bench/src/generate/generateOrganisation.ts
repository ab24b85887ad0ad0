import { Entity } from '@backstage/catalog-model';
import { OrganisationProfile } from '../profile/OrganisationProfile';
import { pickWeighted, seededRandom } from './random';

const API_VERSION = 'backstage.io/v1alpha1';

function entity(kind: string, name: string, extra: Partial<Entity>): Entity {
  return {
    apiVersion: API_VERSION,
    kind,
    ...extra,
    metadata: { name, namespace: 'default', ...extra.metadata },
  };
}

/** How many of `count` entities are of this kind, at least one. */
function countOf(profile: OrganisationProfile, kind: string, count: number) {
  return Math.max(1, Math.round(profile.kinds[kind] * count));
}

/**
 * A synthetic organisation of about `count` entities shaped like the corpus:
 * kinds in its proportions, and Components with its field, annotation, link,
 * type, lifecycle and tag frequencies. Components with a project slug also
 * get a source location, as a catalog fed from repositories sets it.
 * Deterministic for a seed.
 */
export function generateOrganisation(
  profile: OrganisationProfile,
  count: number,
  seed = 1,
): Entity[] {
  const next = seededRandom(seed);
  const has = (share: number | undefined) => next() < (share ?? 0);
  const one = <T>(items: T[]) => items[Math.floor(next() * items.length)];

  const groups = Array.from(
    { length: countOf(profile, 'Group', count) },
    (_, i) =>
      entity('Group', `team-${i}`, { spec: { type: 'team', children: [] } }),
  );
  const users = Array.from(
    { length: countOf(profile, 'User', count) },
    (_, i) =>
      entity('User', `user-${i}`, {
        spec: { memberOf: [`team-${i % groups.length}`] },
      }),
  );
  const domains = Array.from(
    { length: countOf(profile, 'Domain', count) },
    (_, i) =>
      entity('Domain', `domain-${i}`, {
        spec: { owner: one(groups).metadata.name },
      }),
  );
  const systems = Array.from(
    { length: countOf(profile, 'System', count) },
    (_, i) =>
      entity('System', `system-${i}`, {
        spec: {
          owner: one(groups).metadata.name,
          domain: one(domains).metadata.name,
        },
      }),
  );
  const apis = Array.from({ length: countOf(profile, 'API', count) }, (_, i) =>
    entity('API', `api-${i}`, {
      spec: {
        type: 'openapi',
        lifecycle: 'production',
        owner: one(groups).metadata.name,
        definition: 'openapi: 3.0.0',
      },
    }),
  );
  const resources = Array.from(
    { length: countOf(profile, 'Resource', count) },
    (_, i) =>
      entity('Resource', `resource-${i}`, {
        spec: { type: 'database', owner: one(groups).metadata.name },
      }),
  );
  const fields = profile.componentFields;
  const components = Array.from(
    { length: countOf(profile, 'Component', count) },
    (_, i) => {
      const name = `component-${i}`;
      const annotations: Record<string, string> = {};
      for (const [key, share] of Object.entries(profile.annotations)) {
        if (has(share)) {
          annotations[key] = `${key.split('/')[0]}-${i}`;
        }
      }
      // A source location is a URL, whether it comes with a slug or alone.
      if (
        annotations['github.com/project-slug'] ||
        annotations['backstage.io/source-location']
      ) {
        annotations[
          'backstage.io/source-location'
        ] = `url:https://github.com/acme/${name}/tree/main/`;
      }
      if (annotations['github.com/project-slug']) {
        annotations['github.com/project-slug'] = `acme/${name}`;
      }
      const links = Object.entries(profile.linkTypes)
        .filter(([, share]) => has(share))
        .map(([type]) => ({
          url: `https://example.com/${name}/${type}`,
          type,
        }));
      const tags = Object.entries(profile.tags)
        .filter(([, share]) => has(share))
        .map(([tag]) => tag.toLowerCase().replace(/[^a-z0-9:+#-]/g, '-'));
      return entity('Component', name, {
        metadata: {
          name,
          ...(has(fields.description) && { description: `Component ${i}` }),
          annotations,
          ...(links.length > 0 && { links }),
          ...(tags.length > 0 && { tags }),
        },
        spec: {
          type: pickWeighted(profile.types, next) || 'service',
          lifecycle: pickWeighted(profile.lifecycles, next) || 'production',
          owner: one(groups).metadata.name,
          ...(has(fields.system) && { system: one(systems).metadata.name }),
          ...(has(fields.providesApis) && {
            providesApis: [one(apis).metadata.name],
          }),
          ...(has(fields.consumesApis) && {
            consumesApis: [one(apis).metadata.name],
          }),
          ...(has(fields.dependsOn) && {
            dependsOn: [`resource:${one(resources).metadata.name}`],
          }),
        },
      });
    },
  );
  return [
    ...groups,
    ...users,
    ...domains,
    ...systems,
    ...apis,
    ...resources,
    ...components,
  ].map((e, i) => ({
    ...e,
    metadata: { ...e.metadata, etag: `etag-${seed}-${i}` },
  }));
}
