import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '@/entrypoints/background';

export interface Sender {
  id?: string;
  tab?: { id: number };
  frameId?: number;
  url?: string;
}

/**
 * Starts the background in the fake browser (which has no keyboard commands: their
 * listener is recorded) and returns a way to send it a message as the browser would.
 */
export function startBackground() {
  let onCommand: ((command: string, tab?: { id?: number }) => void) | undefined;
  vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation((listener) => {
    onCommand = listener as typeof onCommand;
  });
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({
    manifest_version: 3,
    name: 'test',
    version: '9.9.9',
  });
  vi.spyOn(console, 'info').mockImplementation(() => {});
  // Dexie says so when another connection deletes its database.
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  background.main();
  const own: Sender = { id: fakeBrowser.runtime.id };
  const send = (message: unknown, sender: Sender = own) =>
    new Promise<unknown>((resolve) => {
      // The fake's trigger is typed (message, sender); the real event passes sendResponse.
      const trigger = fakeBrowser.runtime.onMessage.trigger as (
        ...args: unknown[]
      ) => Promise<unknown>;
      void trigger(message, sender, resolve);
    });
  return { send, own, command: (name: string, tab?: { id?: number }) => onCommand?.(name, tab) };
}
