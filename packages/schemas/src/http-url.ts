import { z } from 'zod';

/** An absolute http(s) URL: the only kind wirehose fetches, stores or publishes. */
export const HttpUrlSchema = z.url({ protocol: /^https?$/, error: 'expected an absolute http(s) URL' });
