import { describe, expect, it } from 'vitest';
import { extractArticle } from './index.js';

/** windows-1251 bytes of a text made of ASCII and the Russian alphabet (ё aside). */
function cp1251(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0) as number;
    if (c < 0x80) out.push(c);
    else if (c >= 0x410 && c <= 0x44f) out.push(c - 0x410 + 0xc0);
    else throw new Error(`no windows-1251 byte for ${ch} in this helper`);
  }
  return Uint8Array.from(out);
}

const ru = (title: string, paragraph: string): string =>
  `<html><head><meta charset="utf-8"><title>${title}</title></head><body><article><h1>${title}</h1>` +
  `${Array.from({ length: 5 }, () => `<p>${paragraph}</p>`).join('')}</article></body></html>`;

describe('extractArticle given bytes', () => {
  it('reads a windows-1251 page labelled UTF-8 correctly and marks the repair', () => {
    const title = 'Паром пойдет по новому расписанию';
    const paragraph =
      'Городской совет утвердил новое расписание паромов, и жители острова смогут добираться до центра быстрее.';
    const res = extractArticle(cp1251(ru(title, paragraph)), 'https://port.example/ru/parom', {
      contentType: 'text/html; charset=utf-8',
    });
    if (res.kind !== 'article') throw new Error(res.reason);
    expect(res.article.title).toBe(title);
    expect(res.article.text).toContain(paragraph);
    expect(res.article.text).not.toContain('\ufffd');
    expect(res.article.encodingRepaired).toBe(true);
  });

  it('reads a Latin-1 page labelled UTF-8 correctly', () => {
    const paragraph =
      'Le conseil a approuvé un nouvel horaire des traversées, et les élèves du lycée arriveront plus tôt en classe.';
    const html = `<html><head><meta charset="utf-8"><title>Traversées à l'heure d'été</title></head><body><article>${'<p>'.concat(paragraph, '</p>').repeat(5)}</article></body></html>`;
    const res = extractArticle(Buffer.from(html, 'latin1'), 'https://port.example/fr/horaire');
    if (res.kind !== 'article') throw new Error(res.reason);
    expect(res.article.title).toBe("Traversées à l'heure d'été");
    expect(res.article.text).toContain(paragraph);
    expect(res.article.encodingRepaired).toBe(true);
  });

  it('decodes valid UTF-8 bytes as they are, without a repair mark', () => {
    const paragraph =
      'Die Fähre fährt künftig öfter, und die Schüler der Insel kommen früher zur Schule in der Stadt.';
    const html = `<html><head><title>Neue Fährzeiten</title></head><body><article>${`<p>${paragraph}</p>`.repeat(5)}</article></body></html>`;
    const res = extractArticle(new TextEncoder().encode(html), 'https://port.example/de/faehre');
    if (res.kind !== 'article') throw new Error(res.reason);
    expect(res.article.text).toContain(paragraph);
    expect(res.article.encodingRepaired).toBe(false);
  });
});
