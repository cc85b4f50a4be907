/** Hands a file to the browser's downloads, under `name`. */
export function download(file: Blob, name: string): void {
  const url = URL.createObjectURL(file);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  // The download has started from the URL by now; give it a moment before letting it go.
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 10_000);
}
