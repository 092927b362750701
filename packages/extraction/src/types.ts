/** Options for {@link extractArticle}. */
export interface ExtractOptions {
  /**
   * Largest input accepted, in UTF-8 bytes (default 5 MB). Larger input is cut at this size
   * (on a character boundary) before parsing instead of being rejected.
   */
  maxHtmlBytes?: number;
  /**
   * Content-Type header of the response, used when the page is given as bytes: its charset is
   * the declared one (then the document's <meta charset>, else UTF-8).
   */
  contentType?: string | null;
}

/** Where the publication date was found, most trusted first. */
export type DateSource = 'json-ld' | 'meta' | 'time' | 'url' | 'text';

/** A credit line such as "This is reported by The Washington Post, according to UNN". */
export interface Attribution {
  /** The sentence that carries the credit, as found in the text. */
  text: string;
  /** Outlets named, in credit order: the original source first. */
  outlets: string[];
}

/** The JSON-LD object that describes the article (NewsArticle, Article, BlogPosting, ...). */
export interface ArticleJsonLd {
  type: string;
  headline?: string;
  articleBody?: string;
  [key: string]: unknown;
}

/** An article as a reader sees it, with its metadata and signals. */
export interface ExtractedArticle {
  title: string;
  subtitle: string | null;
  /** Body text: paragraphs separated by a blank line ("\n\n"). */
  text: string;
  authors: string[];
  /** ISO-8601 with timezone. */
  publishedAt: string | null;
  /** ISO-8601 with timezone. */
  modifiedAt: string | null;
  dateSource: DateSource | null;
  /** ISO 639-1 code: the declared language when it agrees with the text, else the detected one. */
  language: string | null;
  languageDeclared: string | null;
  languageDetected: string | null;
  canonicalUrl: string;
  siteName: string | null;
  image: string | null;
  section: string | null;
  tags: string[];
  wordCount: number;
  /** The page says the full text is for subscribers only. */
  isPaywalled: boolean;
  /** The text looks like a teaser cut short of the full article. */
  isTruncated: boolean;
  attribution: Attribution | null;
  jsonLd: ArticleJsonLd | null;
  /**
   * The page was given as bytes that were not valid in their declared charset, and was decoded
   * with the charset a detector found instead.
   */
  encodingRepaired: boolean;
}

/** Result of {@link extractArticle}: an article, or the reason the page is not one. */
export type ExtractResult =
  | { kind: 'article'; article: ExtractedArticle }
  | { kind: 'not-article'; reason: string; partial?: Partial<ExtractedArticle> };
