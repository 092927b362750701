import { assertUrlAllowed, BlockedUrlError, type UrlPolicy } from '@wirehose/http-fetch';
import type { Source } from '@wirehose/schemas';

/** The verdict of the fetcher's URL policy on one source URL. */
export interface SourceUrlVerdict {
  name: string;
  url: string;
  /**
   * `allowed`; `refused` by the policy (scheme, credentials, a non-public address), with the reason; or
   * `unchecked` when the host could not be resolved (the fetcher would fail on it too, but later).
   */
  status: 'allowed' | 'refused' | 'unchecked';
  reason: string | null;
}

/**
 * Check every source URL with the fetcher's URL policy (`assertUrlAllowed`, the same function and the
 * same options the fetcher uses), so that `ftp://`, `file:///etc/passwd` or `http://127.0.0.1/` are
 * reported before the scheduler queues them. Sources are checked one at a time, in file order.
 */
export async function checkSourceUrls(
  sources: readonly Pick<Source, 'name' | 'url'>[],
  policy: UrlPolicy,
): Promise<SourceUrlVerdict[]> {
  const verdicts: SourceUrlVerdict[] = [];
  for (const { name, url } of sources) {
    try {
      await assertUrlAllowed(url, policy);
      verdicts.push({ name, url, status: 'allowed', reason: null });
    } catch (err) {
      if (err instanceof BlockedUrlError) verdicts.push({ name, url, status: 'refused', reason: err.reason });
      else
        verdicts.push({
          name,
          url,
          status: 'unchecked',
          reason: `host not resolved (${err instanceof Error ? err.message : String(err)})`,
        });
    }
  }
  return verdicts;
}
