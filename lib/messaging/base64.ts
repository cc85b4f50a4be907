/** Bytes as base64 and back: messages between extension parts carry JSON, not binary. */

/** The browser's own base64 where it has it (Chrome 140, Firefox 133), rather than a loop per byte. */
const nativeFromBase64 = (Uint8Array as unknown as { fromBase64?: (text: string) => Uint8Array })
  .fromBase64;

export function base64FromBytes(bytes: Uint8Array): string {
  // Typed as always there; older browsers lack it.
  const native = bytes as { toBase64?: () => string };
  if (native.toBase64) return native.toBase64();
  let binary = '';
  // String.fromCharCode takes its arguments on the stack: feed it slices.
  for (let start = 0; start < bytes.length; start += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  }
  return btoa(binary);
}

export function bytesFromBase64(base64: string): Uint8Array {
  if (nativeFromBase64) return nativeFromBase64(base64);
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}
