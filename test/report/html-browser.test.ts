import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'puppeteer-core';
import { renderHtml } from '../../src/report/html/index.js';
import { cli } from '../helpers/cli.js';
import { awsKeyId, githubToken } from '../helpers/tokens.js';
import { RailwayDouble } from '../railway/double.js';
import { incidentWorld } from '../railway/world.js';
import { launch } from './browser.js';
import { hostileReport } from './hostile.js';

const ARTIFACTS = resolve('test-artifacts');

/** The parts of a DOM element the filter tests read (the tests compile without the DOM library). */
interface Shown {
  hidden: boolean;
  dataset: Record<string, string>;
}

interface Opened {
  page: Page;
  errors: string[];
  requests: string[];
}

async function open(browser: Browser, file: string): Promise<Opened> {
  const page = await browser.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('dialog', (d) => {
    errors.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  return { page, errors, requests };
}

describe('the HTML report in a real browser (Debian Chromium, headless)', () => {
  let browser: Browser;
  let dir: string;
  let double: RailwayDouble;
  let incident: string;

  beforeAll(async () => {
    browser = await launch();
    dir = mkdtempSync(join(tmpdir(), 'tokenscope-html-'));
    const token = randomUUID();
    double = new RailwayDouble(incidentWorld(token));
    const url = await double.start();
    const project = join(dir, 'project');
    mkdirSync(join(project, 'infra', 'domains'), { recursive: true });
    writeFileSync(join(project, 'infra', 'domains', '.env'), `RAILWAY_DOMAIN_TOKEN=${token}\n`);
    writeFileSync(join(project, 'ci.env'), `GITHUB_TOKEN=${githubToken('ghp')}\nAWS_ACCESS_KEY_ID=${awsKeyId()}\n`);
    incident = join(dir, 'incident.html');
    const run = await cli(
      [
        'audit',
        project,
        '--railway-endpoint',
        url,
        '--github-api-url',
        'http://127.0.0.1:1',
        '--aws-endpoint',
        'http://127.0.0.1:1',
        '--format',
        'html',
        '--output',
        incident,
      ],
      {
        cwd: project,
      },
    );
    expect(run.stderr).toBe('');
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await double?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('opens the incident report with no console error and no request but the file itself', async () => {
    const { page, errors, requests } = await open(browser, incident);
    expect(errors).toEqual([]);
    expect(requests).toEqual([pathToFileURL(incident).href]);
    await page.close();
  });

  it("shows the production volume in the incident card's graph, marked production, on a destroy edge", async () => {
    const { page } = await open(browser, incident);
    const prodNodes = await page.$$eval('article[data-provider="railway"] svg.reach g.node.prod text', (ts) =>
      ts.map((t) => t.textContent ?? ''),
    );
    expect(prodNodes.some((t) => t.includes('postgres-data'))).toBe(true);
    expect(
      await page.$$eval('article[data-provider="railway"] svg.reach path.edge.destroy', (p) => p.length),
    ).toBeGreaterThan(0);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.setViewport({ width: 1200, height: 900 });
    await page.screenshot({ path: join(ARTIFACTS, 'incident-report.png'), fullPage: true });
    await page.close();
  });

  it('filters change what is visible', async () => {
    const { page } = await open(browser, incident);
    const visible = () => page.$$eval('article.card', (cs) => cs.filter((c) => !(c as unknown as Shown).hidden).length);
    const all = await visible();
    expect(all).toBeGreaterThan(1);
    await page.select('#f-provider', 'railway');
    expect(await visible()).toBe(1);
    expect(await page.$eval('#shown', (e) => e.textContent)).toBe('1');
    await page.select('#f-provider', '');
    await page.select('#f-severity', 'critical');
    const critical = await page.$$eval('article.card', (cs) =>
      cs.filter((c) => !(c as unknown as Shown).hidden).map((c) => (c as unknown as Shown).dataset.severity),
    );
    expect(critical.length).toBeGreaterThan(0);
    expect(new Set(critical)).toEqual(new Set(['critical']));
    await page.select('#f-severity', '');
    expect(await visible()).toBe(all);
    await page.close();
  });

  it('runs none of the payloads a hostile report carries', async () => {
    const file = join(dir, 'hostile.html');
    writeFileSync(file, renderHtml(hostileReport()));
    const { page, errors, requests } = await open(browser, file);
    expect(await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.$$eval('img, iframe', (e) => e.length)).toBe(0);
    expect(await page.$$eval('script', (e) => e.length)).toBe(1);
    expect(errors).toEqual([]);
    expect(requests).toEqual([pathToFileURL(file).href]);
    await page.close();
  });
});
