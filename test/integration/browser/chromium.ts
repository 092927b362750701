import { accessSync, constants } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** Flags for a quiet, sandbox-free headless run that talks to nothing but the pages it is sent to. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Debian's chromium: `CHROMIUM_PATH`, else /usr/bin/chromium, else `chromium` on PATH. Null when none is
 * installed (scripts/ensure-services.sh installs it as root: `apt-get install -y chromium`).
 */
export function findChromium(env: Record<string, string | undefined> = process.env): string | null {
  const candidates = [
    env['CHROMIUM_PATH'],
    '/usr/bin/chromium',
    ...(env['PATH'] ?? '').split(delimiter).map((dir) => join(dir, 'chromium')),
  ];
  return candidates.find((p): p is string => Boolean(p) && isExecutable(p as string)) ?? null;
}

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Launch chromium with a fresh profile folder (removed on close). */
export async function launchChromium(
  executablePath: string,
  options: { httpCredentials?: { username: string; password: string } } = {},
): Promise<Browser> {
  const profile = await mkdtemp(join(tmpdir(), 'wh-chromium-'));
  try {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      args: CHROMIUM_ARGS,
      ...options,
    });
    // Page loads and waits on a busy machine: generous, but still an end.
    context.setDefaultTimeout(60_000);
    return {
      context,
      async close() {
        await context.close();
        await rm(profile, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await rm(profile, { recursive: true, force: true });
    throw err;
  }
}
