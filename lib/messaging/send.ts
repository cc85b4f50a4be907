import { browser } from 'wxt/browser';
import type { Message, Reply } from './protocol';

/** Sends a message to the background and returns its typed reply. */
export async function sendToBackground<M extends Message>(message: M): Promise<Reply<M>> {
  return browser.runtime.sendMessage<M, Reply<M>>(message);
}
