/** A document with one <article> of paragraphs (each text set as text, never markup). */
export function articleDocument(
  title: string,
  paragraphs: readonly string[],
  lang = 'en',
): Document {
  const doc = document.implementation.createHTMLDocument(title);
  doc.documentElement.setAttribute('lang', lang);
  const article = doc.createElement('article');
  for (const text of paragraphs) {
    const p = doc.createElement('p');
    p.textContent = text;
    article.append(p);
  }
  doc.body.append(article);
  return doc;
}
