import { describe, expect, it, vi } from 'vitest';
import { createTextWatch, watchTextChanges } from '@/lib/page/watch';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('watchTextChanges', () => {
  it('reports added paragraphs and edited text', async () => {
    document.body.innerText = '';
    const onChange = vi.fn();
    const stop = watchTextChanges(document.body, onChange);
    const paragraph = document.createElement('p');
    paragraph.textContent = 'new text';
    document.body.append(paragraph);
    await flush();
    expect(onChange).toHaveBeenCalledTimes(1);
    paragraph.firstChild!.nodeValue = 'edited';
    await flush();
    expect(onChange).toHaveBeenCalledTimes(2);
    stop();
    paragraph.textContent = 'after stop';
    await flush();
    expect(onChange).toHaveBeenCalledTimes(2);
  });

  it('ignores changes inside ignored nodes and attribute changes', async () => {
    const own = document.createElement('context-cards-ui');
    document.body.append(own);
    const onChange = vi.fn();
    const stop = watchTextChanges(document.body, onChange, (node) => own.contains(node));
    own.append(document.createElement('div'));
    document.body.setAttribute('data-theme', 'dark');
    await flush();
    expect(onChange).not.toHaveBeenCalled();
    stop();
  });

  it('watches shadow roots added to it (the document does not see inside them)', async () => {
    document.body.replaceChildren();
    const host = document.createElement('fact-box');
    const root = host.attachShadow({ mode: 'open' });
    document.body.append(host);
    const onChange = vi.fn();
    const watch = createTextWatch(onChange);
    watch.observe(document.body);
    const p = document.createElement('p');
    root.append(p);
    await flush();
    expect(onChange).not.toHaveBeenCalled();
    watch.observe(root);
    watch.observe(root);
    p.textContent = 'now seen';
    await flush();
    expect(onChange).toHaveBeenCalledTimes(1);
    watch.stop();
    p.textContent = 'after stop';
    watch.observe(root);
    await flush();
    expect(onChange).toHaveBeenCalledTimes(1);
  });
});
