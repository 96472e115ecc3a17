import type { Readable } from 'node:stream';
import { upstreamResponseTooLarge } from '../errors.js';

/**
 * Reads a response body into one buffer, stopping as soon as it grows past
 * `maxBytes`, so an endless or huge response never fills the memory.
 */
export async function readBody(body: Readable, contentLength: string | undefined, maxBytes: number): Promise<Buffer> {
  if (contentLength !== undefined && Number(contentLength) > maxBytes) {
    body.destroy();
    throw upstreamResponseTooLarge(maxBytes);
  }

  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) {
      body.destroy();
      throw upstreamResponseTooLarge(maxBytes);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size);
}
