import type { ComponentChildren } from 'preact';

/** True for an https: address without credentials: the only links the page renders. */
export function isSafeHref(href: string): boolean {
  try {
    const url = new URL(href);
    return url.protocol === 'https:' && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

/** A link to an https: page in a new tab, or plain text for anything else. */
export function SafeLink({ href, children }: { href: string; children: ComponentChildren }) {
  if (!isSafeHref(href)) return <span>{children}</span>;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  );
}

export type Download = (name: string, mime: string, text: string) => void;

/** Saves text as a file through a temporary object URL. */
export const downloadText: Download = (name, mime, text) => {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
};

export function Section({
  id,
  title,
  children,
}: {
  id: string;
  title: string;
  children: ComponentChildren;
}) {
  return (
    <section id={id} aria-labelledby={`${id}-title`} class="opt-section">
      <h2 id={`${id}-title`}>{title}</h2>
      {children}
    </section>
  );
}

export const errorText = (error: unknown) =>
  error instanceof Error ? error.message : String(error);
