import { InputError } from '@backstage/errors';
import express from 'express';
import { spec } from '../schema/openapi/spec';

/**
 * The largest JSON body that can carry a scorecard document of
 * `maxDocumentBytes`, however the client escapes it: `\uXXXX` takes six
 * bytes for a character of one to three, and the rest of the body is small.
 */
export function jsonBodyLimit(maxDocumentBytes: number): number {
  return 6 * maxDocumentBytes + 64 * 1024;
}

/**
 * `express.json` with a body limit that admits a preview document of the
 * configured size; a larger body answers 400 naming the limit (the
 * contract's validator turns every error before a route into a 400).
 */
export function jsonBodyParser(
  maxDocumentBytes: number,
): express.RequestHandler {
  const limit = jsonBodyLimit(maxDocumentBytes);
  const parse = express.json({ limit });
  return (req, res, next) =>
    parse(req, res, (error?: unknown) => {
      if (
        (error as { type?: string } | undefined)?.type === 'entity.too.large'
      ) {
        next(
          new InputError(
            `The request body is larger than ${limit} bytes; a scorecard document may have at most ${maxDocumentBytes} bytes (readiness.limits.scorecards.maxBytes)`,
          ),
        );
      } else {
        next(error);
      }
    });
}

/**
 * The contract with the preview document's `maxLength` set to the
 * configured limit; openapi.yaml states the default.
 */
export function specWithDocumentLimit(maxDocumentBytes: number): typeof spec {
  const limited = structuredClone(spec) as unknown as {
    paths: Record<string, any>;
  };
  limited.paths['/scorecards/preview'].post.requestBody.content[
    'application/json'
  ].schema.properties.document.maxLength = maxDocumentBytes;
  return limited as unknown as typeof spec;
}
