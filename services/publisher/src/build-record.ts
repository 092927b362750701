import { createHash } from 'node:crypto';
import { compareInstants } from '@wirehose/dates';
import type { StoryState } from '@wirehose/dedup';
import {
  RECORD_SCHEMA_ID,
  RECORD_SCHEMA_URL,
  StoryRecordSchema,
  type Article,
  type StoryEvent,
  type StoryRecord,
} from '@wirehose/schemas';
import { toPlainText, toPlainTextOrNull } from '@wirehose/text';
import { mentionsSentence } from './mentions.js';
import { storyEventKey } from './story-events.js';

export type RecordContent = Omit<StoryRecord, 'version' | 'publishedAt' | 'contentHash'>;

/** sha256 of a record's content: equal content, equal hash, whatever the version. */
export function hashContent(content: RecordContent): string {
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

/**
 * An article's text fields as plain text: the last guard, so no record field ever carries markup. The
 * body text is left to the one place it is published (`story.text`), to spare parsing every copy's.
 */
function plainFields(article: Article): Article {
  const list = (values: readonly string[]): string[] => values.map((v) => toPlainText(v)).filter(Boolean);
  return {
    ...article,
    source: toPlainText(article.source) || article.source,
    sourceName: toPlainTextOrNull(article.sourceName),
    title: toPlainText(article.title),
    subtitle: toPlainTextOrNull(article.subtitle),
    authors: list(article.authors),
    siteName: toPlainTextOrNull(article.siteName),
    section: toPlainTextOrNull(article.section),
    tags: list(article.tags),
  };
}

/**
 * The content of a story's record from the dedup state, the stored copies and the story's events.
 * Copies whose article has expired from the store are left out; the best copy must be present.
 */
export function buildRecordContent(
  story: StoryState,
  stored: ReadonlyMap<string, Article>,
  events: readonly StoryEvent[],
): RecordContent {
  const articles = new Map([...stored].map(([id, article]) => [id, plainFields(article)]));
  const best = articles.get(story.bestCopyId);
  if (!best) throw new Error(`best copy ${story.bestCopyId} of story ${story.storyId} is not in the store`);
  const copies = story.copies.flatMap((copy) => {
    const article = articles.get(copy.articleId);
    if (!article) return [];
    const { text: _text, subtitle: _subtitle, ...meta } = article;
    return [{ ...meta, matchedBy: copy.matchedBy, similarity: Math.round(copy.similarity * 1000) / 1000 }];
  });
  const copyArticles = story.copies.flatMap((c) => articles.get(c.articleId) ?? []);
  const outlets = [...new Set(copyArticles.map((a) => a.source))];
  const dates = copyArticles
    .map((a) => a.publishedAt)
    .filter((d): d is string => d !== null)
    .sort(compareInstants);
  return {
    $schema: RECORD_SCHEMA_URL,
    schema: RECORD_SCHEMA_ID,
    id: story.storyId,
    status: 'active',
    mergedInto: null,
    story: {
      title: best.title,
      text: toPlainText(best.text, { multiline: true }),
      url: best.canonicalUrl,
      language: best.language,
      firstPublishedAt: dates[0] ?? null,
      bestCopyId: best.articleId,
      original: story.original,
      attributionChain: story.attributionChain,
      copyCount: copies.length,
      outlets,
      mergedFrom: story.mergedFrom,
    },
    copies,
    events: pickEvents(events, copyArticles),
  };
}

/**
 * The story's events with their mentions across the copies, each event once: when the same event (type,
 * source, targets) was coded from several copies, the version whose evidence sentence most copies state
 * is kept (then the one stated most often in its copy, then the first).
 */
function pickEvents(events: readonly StoryEvent[], copyArticles: readonly Article[]): StoryEvent[] {
  const best = new Map<string, StoryEvent>();
  for (const event of events) {
    const statements = [event.evidence.sentence, ...event.evidence.otherSentences];
    const mentioning = copyArticles.filter((a) => statements.some((s) => mentionsSentence(a.text, s)));
    const scored: StoryEvent = {
      ...event,
      mentions: {
        sentences: event.mentions.sentences,
        copies: mentioning.length,
        outlets: new Set(mentioning.map((a) => a.source)).size,
      },
    };
    const key = storyEventKey(event);
    const seen = best.get(key);
    if (
      !seen ||
      scored.mentions.copies > seen.mentions.copies ||
      (scored.mentions.copies === seen.mentions.copies && scored.mentions.sentences > seen.mentions.sentences)
    )
      best.set(key, scored);
  }
  return [...best.values()];
}

/** A full record at `version`, validated against the published schema. */
export function finishRecord(content: RecordContent, version: number, now: Date): StoryRecord {
  return StoryRecordSchema.parse({
    ...content,
    version,
    contentHash: hashContent(content),
    publishedAt: now.toISOString(),
  });
}
