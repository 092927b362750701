import { z } from 'zod';
import { PushedArticleSchema } from '@wirehose/schemas';

const HttpUrl = z.url({ protocol: /^https?$/, error: 'must be an absolute http(s) URL' });
/** BullMQ priority: 0 (the default) runs first; 1 … 2097152 run after, lowest number first. */
const Priority = z.int().min(0).max(2_097_152);
const SourceName = z.string().min(1).max(200);

const Common = {
  sourceName: SourceName.optional(),
  priority: Priority.optional(),
};

/** A URL to fetch. */
export const UrlItemSchema = z.strictObject({ url: HttpUrl, ...Common });
/** A fetched page: its HTML goes straight to the extractor. */
export const HtmlItemSchema = z.strictObject({
  url: HttpUrl,
  html: z.string().min(1, 'must not be empty'),
  ...Common,
});
/** An article already extracted: it goes straight to dedup. */
export const ArticleItemSchema = PushedArticleSchema.extend({
  url: HttpUrl,
  title: z.string().min(1, 'must not be empty'),
  text: z.string().min(1, 'must not be empty'),
  ...Common,
});

export type UrlItem = z.infer<typeof UrlItemSchema>;
export type HtmlItem = z.infer<typeof HtmlItemSchema>;
export type ArticleItem = z.infer<typeof ArticleItemSchema>;

export type IngestItem =
  { kind: 'url'; item: UrlItem } | { kind: 'html'; item: HtmlItem } | { kind: 'article'; item: ArticleItem };

export const IngestBodySchema = z.strictObject({
  items: z.array(z.unknown()).min(1, 'must hold at least one item'),
  /** Default source name for items without one. */
  sourceName: SourceName.optional(),
  /** Default priority for items without one. */
  priority: Priority.optional(),
});

/** One problem with a request body: which item (if any), which field, what is wrong. */
export interface BodyIssue {
  item: number | null;
  field: string;
  message: string;
}

export type ParsedIngest = { ok: true; items: IngestItem[] } | { ok: false; issues: BodyIssue[] };

function kindOf(raw: unknown): IngestItem['kind'] {
  if (raw !== null && typeof raw === 'object') {
    if ('html' in raw) return 'html';
    if ('title' in raw || 'text' in raw) return 'article';
  }
  return 'url';
}

function toIssues(item: number | null, error: z.ZodError): BodyIssue[] {
  return error.issues.map((i) => ({
    item,
    field: i.path.length > 0 ? i.path.join('.') : item === null ? '(body)' : '(item)',
    message: i.message,
  }));
}

/**
 * Validate a whole ingest body. An item is an article when it has `title` or `text`, a page when it has
 * `html`, else a URL to fetch; request-level `sourceName` and `priority` fill the items that lack them.
 * Any issue rejects the whole request.
 */
export function parseIngestBody(body: unknown, maxItems: number): ParsedIngest {
  const envelope = IngestBodySchema.safeParse(body);
  if (!envelope.success) return { ok: false, issues: toIssues(null, envelope.error) };
  const { items: rawItems, sourceName, priority } = envelope.data;
  if (rawItems.length > maxItems) {
    return {
      ok: false,
      issues: [
        {
          item: null,
          field: 'items',
          message: `holds ${rawItems.length} items; at most ${maxItems} are accepted per request`,
        },
      ],
    };
  }
  const items: IngestItem[] = [];
  const issues: BodyIssue[] = [];
  rawItems.forEach((raw, index) => {
    const kind = kindOf(raw);
    const withDefaults =
      raw !== null && typeof raw === 'object' && !Array.isArray(raw)
        ? {
            ...(sourceName === undefined ? {} : { sourceName }),
            ...(priority === undefined ? {} : { priority }),
            ...raw,
          }
        : raw;
    if (kind === 'html') {
      const r = HtmlItemSchema.safeParse(withDefaults);
      if (r.success) items.push({ kind, item: r.data });
      else issues.push(...toIssues(index, r.error));
    } else if (kind === 'article') {
      const r = ArticleItemSchema.safeParse(withDefaults);
      if (r.success) items.push({ kind, item: r.data });
      else issues.push(...toIssues(index, r.error));
    } else {
      const r = UrlItemSchema.safeParse(withDefaults);
      if (r.success) items.push({ kind, item: r.data });
      else issues.push(...toIssues(index, r.error));
    }
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, items };
}

/** `items[2].url: must be an absolute http(s) URL; …` */
export function describeIssues(issues: readonly BodyIssue[]): string {
  return issues
    .map((i) => `${i.item === null ? i.field : `items[${i.item}].${i.field}`}: ${i.message}`)
    .join('; ');
}
