import { describe, expect, it, vi } from 'vitest';
import { watchTextChanges } from '@/lib/page/watch';

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
});
