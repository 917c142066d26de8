// The `chrome` global as seen inside pages and the service worker, for code passed to
// page.evaluate / worker.evaluate. Only what the tests call.
declare namespace chrome {
  namespace runtime {
    function sendMessage(message: unknown): Promise<unknown>;
    function getManifest(): { name: string; version: string; description?: string };
    const onMessage: {
      addListener(
        listener: (message: unknown, sender: { tab?: { id?: number } }) => boolean | void,
      ): void;
    };
  }
  namespace tabs {
    interface Tab {
      id?: number;
      url?: string;
      active: boolean;
      windowId: number;
      index: number;
    }
    function query(info: object): Promise<Tab[]>;
    function get(tabId: number): Promise<Tab>;
    function create(properties: {
      windowId?: number;
      index?: number;
      url?: string;
      active?: boolean;
    }): Promise<Tab>;
    function sendMessage(tabId: number, message: unknown, options?: object): Promise<unknown>;
  }
  namespace storage {
    const session: { get(key: string | null): Promise<Record<string, unknown>> };
    const local: { get(key: string | null): Promise<Record<string, unknown>> };
  }
  namespace action {
    function getBadgeText(details: { tabId: number }): Promise<string>;
    function openPopup(options?: { windowId?: number }): Promise<void>;
    function getTitle(details: { tabId?: number }): Promise<string>;
  }
  namespace commands {
    function getAll(): Promise<{ name?: string; description?: string }[]>;
  }
}
