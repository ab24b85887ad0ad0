import { BackendError } from '../errors';

/**
 * The body of a response as text, at most `maxBytes` of it: a larger body
 * is refused as soon as it passes the cap, without reading the rest.
 */
export async function readCappedText(
  response: Response,
  maxBytes: number,
  /** What answered, for the message. */
  from: string,
): Promise<string> {
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
      throw new BackendError(
        `${from} answered with more than ${maxBytes} bytes; not the Readiness backend?`,
      );
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
