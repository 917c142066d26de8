import type { Browser, CDPSession } from 'playwright-core';

/** One request seen by DevTools' `Network` domain in some target of the browser. */
export interface RecordedRequest {
  /** The target that made it: `service_worker`, `page`, `iframe`, `worker`... */
  targetType: string;
  /** The target's URL when it was attached (a page's is often `about:blank` then). */
  targetUrl: string;
  url: string;
  /** The document the request is loaded for (a service worker's script, for its own). */
  documentUrl: string;
  method: string;
  /** `Network.Initiator.type`: parser, script, preload, other... */
  initiator: string;
  /** The script URLs on the initiator's stack, innermost first (empty when none). */
  initiatorScripts: string[];
}

export interface AttachedTarget {
  type: string;
  url: string;
}

export interface NetworkRecorder {
  /** Every request recorded so far, in order. */
  requests(): RecordedRequest[];
  /** Every target the recorder attached to, in order (a service worker restart adds one). */
  targets(): AttachedTarget[];
  stop(): Promise<void>;
}

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

interface CdpMessage {
  id?: number;
  method?: string;
  sessionId?: string;
  params?: Record<string, unknown>;
  error?: { message: string };
}

interface StackTrace {
  callFrames: { url: string }[];
  parent?: StackTrace;
}

function stackUrls(stack: StackTrace | undefined): string[] {
  const urls: string[] = [];
  for (let s = stack; s; s = s.parent)
    for (const frame of s.callFrames) if (frame.url) urls.push(frame.url);
  return urls;
}

/**
 * Records every request that any target of `browser` makes from now on, through DevTools'
 * `Network` domain: pages, frames, extension pages, dedicated workers and service workers,
 * each from its very start.
 *
 * Playwright's own CDP sessions cannot address a child target, so the recorder opens one
 * non-flat session to the browser target and, through it, auto-attaches (flat, waiting
 * for the debugger) to every target: each new target is paused until `Network.enable`
 * has been sent to it, so not even a service worker's first request at install escapes.
 */
export async function recordNetwork(browser: Browser): Promise<NetworkRecorder> {
  const cdp: CDPSession = await browser.newBrowserCDPSession();
  const { targetInfo } = (await cdp.send('Target.getTargetInfo')) as { targetInfo: TargetInfo };
  const { sessionId: outer } = (await cdp.send('Target.attachToTarget', {
    targetId: targetInfo.targetId,
    flatten: false,
  })) as { sessionId: string };

  const requests: RecordedRequest[] = [];
  const targets: AttachedTarget[] = [];
  const sessions = new Map<string, AttachedTarget>();
  const seen = new Set<string>();
  let nextId = 1;
  let stopped = false;

  const send = (method: string, params: object, sessionId?: string): void => {
    if (stopped) return;
    const message = JSON.stringify({
      id: nextId++,
      method,
      params,
      ...(sessionId ? { sessionId } : {}),
    });
    // A target may go away at any moment (a closed page, a stopped worker): its sends fail.
    void cdp.send('Target.sendMessageToTarget', { sessionId: outer, message }).catch(() => {});
  };
  const autoAttach = (sessionId?: string) =>
    send(
      'Target.setAutoAttach',
      { autoAttach: true, waitForDebuggerOnStart: true, flatten: true },
      sessionId,
    );

  const onMessage = ({ sessionId, message }: { sessionId: string; message: string }) => {
    if (sessionId !== outer) return;
    const parsed = JSON.parse(message) as CdpMessage;
    if (parsed.method === 'Target.attachedToTarget') {
      const { sessionId: child, targetInfo: info } = parsed.params as {
        sessionId: string;
        targetInfo: TargetInfo;
      };
      const target = { type: info.type, url: info.url };
      sessions.set(child, target);
      targets.push(target);
      // In order: recording on, the target's own children, then let it run.
      send('Network.enable', {}, child);
      autoAttach(child);
      send('Runtime.runIfWaitingForDebugger', {}, child);
      return;
    }
    if (parsed.method === 'Network.requestWillBeSent' && parsed.sessionId) {
      const params = parsed.params as {
        requestId: string;
        request: { url: string; method: string };
        documentURL?: string;
        initiator: { type: string; stack?: StackTrace };
      };
      // A worker can be attached twice (from the browser and from a page): count it once.
      const key = `${params.requestId} ${params.request.url}`;
      if (seen.has(key)) return;
      seen.add(key);
      const target = sessions.get(parsed.sessionId) ?? { type: 'unknown', url: '' };
      requests.push({
        targetType: target.type,
        targetUrl: target.url,
        url: params.request.url,
        documentUrl: params.documentURL ?? '',
        method: params.request.method,
        initiator: params.initiator.type,
        initiatorScripts: stackUrls(params.initiator.stack),
      });
    }
  };
  cdp.on('Target.receivedMessageFromTarget', onMessage);
  autoAttach();
  // The auto-attach answers once it holds every existing target: wait for that answer.
  await new Promise<void>((done) => {
    const id = nextId - 1;
    const onReply = ({ message }: { message: string }) => {
      if ((JSON.parse(message) as CdpMessage).id !== id) return;
      cdp.off('Target.receivedMessageFromTarget', onReply);
      done();
    };
    cdp.on('Target.receivedMessageFromTarget', onReply);
  });

  return {
    requests: () => [...requests],
    targets: () => [...targets],
    async stop() {
      stopped = true;
      cdp.off('Target.receivedMessageFromTarget', onMessage);
      await cdp.detach().catch(() => {});
    },
  };
}
