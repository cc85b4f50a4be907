/** Bytes as base64 and back: messages between extension parts carry JSON, not binary. */
export function base64FromBytes(bytes: Uint8Array): string {
  let binary = '';
  // String.fromCharCode takes its arguments on the stack: feed it slices.
  for (let start = 0; start < bytes.length; start += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  }
  return btoa(binary);
}

export function bytesFromBase64(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}
