/**
 * The default for a collector's `maxResponseBytes`: 5 MiB, far above any
 * answer a collector needs, far below what would strain the backend.
 *
 * @public
 */
export const DEFAULT_MAX_RESPONSE_BYTES = 5 * 1024 * 1024;

/**
 * A response body was larger than the collector accepts; the rest of it
 * was not read.
 *
 * @public
 */
export class ResponseTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`the response is larger than ${maxBytes} bytes`);
    this.name = 'ResponseTooLargeError';
  }
}

/**
 * A response body as UTF-8 text, read as a stream and cancelled as soon as
 * it passes `maxBytes` (or at once, when `Content-Length` says it will),
 * with a {@link ResponseTooLargeError}: a huge or endless body never fills
 * the memory of the backend or the CLI that reads it.
 *
 * @public
 */
export async function readResponseText(
  response: Response,
  maxBytes: number,
): Promise<string> {
  if (Number(response.headers.get('content-length')) > maxBytes) {
    await response.body?.cancel();
    throw new ResponseTooLargeError(maxBytes);
  }
  if (!response.body) {
    return '';
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) {
      break;
    }
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new ResponseTooLargeError(maxBytes);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(body);
}
