// Bytes as text chunks in a file's encoding (detected by shared/imports/encoding.ts): a local file and
// a desk's upload are decoded the same way, a chunk at a time, so memory stays bounded and a character
// cut between two chunks stays whole.
import { decoderLabel, type FileEncoding } from '../../shared/imports/encoding';

export async function* decodedChunks(bytes: AsyncIterable<Uint8Array>, encoding: FileEncoding): AsyncGenerator<string> {
  const decoder = new TextDecoder(decoderLabel(encoding));
  for await (const chunk of bytes) yield decoder.decode(chunk, { stream: true });
  const rest = decoder.decode();
  if (rest) yield rest;
}
