import type { EntityPredicate } from '@readiness/plugin-readiness-common';
import {
  collectEach,
  describeError,
  type CollectedFacts,
  type FactCollector,
  type FactCollectorContext,
  type FactDefinition,
} from '@readiness/plugin-readiness-node';
import { HttpClient } from './HttpClient';
import {
  parseTemplate,
  parseUrlTemplate,
  renderJsonTemplate,
  renderUrlTemplate,
  Template,
  UrlTemplate,
} from './renderUrlTemplate';
import { query, selectFact } from './selectFact';
import type { Entity, HttpCollectorSpec, HttpPagination } from './types';

/** Where the next page is, or undefined when this was the last. */
function nextPage(
  pagination: HttpPagination,
  url: string,
  json: unknown,
  page: { index: number; listItems: number },
): string | undefined {
  if (pagination.kind === 'next-url') {
    const [next] = query(pagination.nextUrlPath, json);
    if (typeof next !== 'string' || next === '') {
      return undefined;
    }
    const resolved = new URL(next, url);
    if (resolved.origin !== new URL(url).origin) {
      throw new Error(
        `the next page is on another host (${resolved.origin}), where the configured headers are not sent`,
      );
    }
    return resolved.href === url ? undefined : resolved.href;
  }
  const { pageSize, totalPath } = pagination;
  if (totalPath !== undefined) {
    const total = Number(query(totalPath, json)[0]);
    if (!Number.isFinite(total) || (page.index + 1) * pageSize! >= total) {
      return undefined;
    }
  } else if (
    page.listItems === 0 ||
    (pageSize !== undefined && page.listItems < pageSize)
  ) {
    return undefined;
  }
  const next = new URL(url);
  next.searchParams.set(
    pagination.pageParam,
    String(pagination.firstPage + page.index + 1),
  );
  return next.href;
}

/**
 * A fact collector for any JSON API, made from one entry of
 * `readiness.http.collectors`: for each entity it fills the URL template,
 * fetches the response (following pages), and maps it to typed facts with
 * JSONPath. Requests of all batches share one concurrency limit and one rate
 * limiter. A fact whose path matches nothing, or whose value does not
 * convert to its type, is left out, never made up.
 */
export class HttpCollector implements FactCollector {
  readonly id: string;
  readonly facts: FactDefinition[];
  readonly appliesTo?: EntityPredicate;
  private readonly url: UrlTemplate;
  private readonly body?: Template;

  constructor(
    private readonly spec: HttpCollectorSpec,
    private readonly client = new HttpClient(spec),
  ) {
    this.id = spec.id;
    this.facts = spec.facts.map(({ name, type, description }) => ({
      name,
      type,
      description,
    }));
    this.appliesTo = spec.appliesTo;
    this.url = parseUrlTemplate(spec.url);
    this.body = spec.body === undefined ? undefined : parseTemplate(spec.body);
  }

  /**
   * Entities are collected concurrently (within the collector's limits). One
   * that fails is left out and logged; when every entity fails, the first
   * error is thrown so that its reason reaches the checks.
   */
  async collect(
    entities: Entity[],
    context: FactCollectorContext,
  ): Promise<Map<string, CollectedFacts>> {
    const remaining = Math.max(0, context.deadline.getTime() - Date.now());
    const signal = AbortSignal.any([
      context.signal,
      AbortSignal.timeout(remaining),
    ]);
    return collectEach(
      entities,
      {
        logger: context.logger,
        warning: (ref, error) => `${ref}: ${describeError(error)}`,
      },
      (entity, ref) => this.collectOne(entity, ref, { ...context, signal }),
    );
  }

  private async collectOne(
    entity: Entity,
    ref: string,
    context: FactCollectorContext,
  ): Promise<CollectedFacts> {
    const { pagination } = this.spec;
    const body = this.body && renderJsonTemplate(this.body, entity);
    const lists = this.spec.facts.filter(f => f.type === 'string-list');
    const facts: CollectedFacts = {};
    let url: string | undefined = renderUrlTemplate(this.url, entity);
    const maxPages = pagination?.maxPages ?? 1;
    if (pagination?.kind === 'page-number') {
      const first = new URL(url);
      first.searchParams.set(
        pagination.pageParam,
        String(pagination.firstPage),
      );
      if (pagination.pageSizeParam && pagination.pageSize !== undefined) {
        first.searchParams.set(
          pagination.pageSizeParam,
          String(pagination.pageSize),
        );
      }
      url = first.href;
    }
    for (let index = 0; url !== undefined; index += 1) {
      if (index === maxPages) {
        context.logger.warn(
          `${ref}: more than ${maxPages} pages (pagination.maxPages); ${
            lists.map(f => f.name).join(', ') || 'no list fact'
          } left out as incomplete`,
        );
        lists.forEach(fact => delete facts[fact.name]);
        break;
      }
      const json = await this.client.getJson(
        { url, method: this.spec.method, headers: this.spec.headers, body },
        context,
      );
      let listItems = 0;
      for (const fact of this.spec.facts) {
        const value = selectFact(json, fact);
        const previous = facts[fact.name];
        if (Array.isArray(value)) {
          listItems = Math.max(listItems, value.length);
          facts[fact.name] = Array.isArray(previous)
            ? [...previous, ...value]
            : value;
        } else if (value !== undefined && !(fact.name in facts)) {
          facts[fact.name] = value;
        }
      }
      url = pagination && nextPage(pagination, url, json, { index, listItems });
    }
    return facts;
  }
}
