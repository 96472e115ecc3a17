import type { Readable } from 'node:stream';
import { upstreamResponseTooLarge } from '../errors.js';

export interface BodyText {
  text: string;
  /** Size of the body in bytes, before decoding. */
  sizeBytes: number;
}

/**
 * Reads a response body as UTF-8 text, stopping as soon as it grows past
 * `maxBytes`, so an endless or huge response never fills the memory.
 */
export async function readBodyText(body: Readable, contentLength: string | undefined, maxBytes: number): Promise<BodyText> {
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
  return { text: Buffer.concat(chunks, size).toString('utf8'), sizeBytes: size };
}
