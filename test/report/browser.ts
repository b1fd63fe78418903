import { existsSync } from 'node:fs';

/** Debian's Chromium (installed by .ci/run); puppeteer-core drives it and downloads nothing. */
export const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

export async function launch() {
  if (!CHROMIUM) throw new Error('Chromium is not installed: apt-get install chromium (.ci/run does)');
  const puppeteer = (await import('puppeteer-core')).default;
  // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
  return puppeteer.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
}
