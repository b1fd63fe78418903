import { describe, expect, it } from '@jest/globals';
import { findingsBody } from '../../src/action/comment.js';
import { summaryMarkdown } from '../../src/action/summary.js';
import { renderOrgMarkdown } from '../../src/org/markdown.js';
import type { OrgReport } from '../../src/org/types.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import type { Report } from '../../src/report/model.js';

/**
 * Names a pull request's author or an org's members choose, as GitHub would render them in a job
 * summary or a PR comment: links, images, HTML, mentions, issue references, bare URLs, a fence
 * of backticks and table pipes.
 */
const HOSTILE = [
  '[click me](https://evil.example/login)',
  '![x](https://evil.example/pixel.png)',
  '<img src=x onerror=alert(1)>',
  'cc @octocat and @org/team',
  'fixes #1 and org/repo#2',
  'see https://evil.example and www.evil.example',
  '```` `` ` | col | **bold** ~~gone~~ $x^2$ &amp;',
].join(' ');

const ZWJ = '\u200d';

function report(): Report {
  return {
    tool: { name: 'tokenscope', version: '0.0.0' },
    target: `/repo/${HOSTILE}`,
    generatedAt: new Date(0).toISOString(),
    endpoints: { railway: 'https://backboard.railway.com/graphql/v2' },
    summary: {
      credentials: 1,
      bySeverity: { critical: 1, high: 0, medium: 0, low: 0, info: 0 },
      failOn: 'high',
      failing: 1,
    },
    findings: [
      {
        id: 'abc',
        provider: `custom ${HOSTILE}`,
        kind: HOSTILE,
        ruleId: 'custom-rule',
        secret: { redacted: 'ab``****|cd' },
        locations: [
          { path: `src/${HOSTILE}.env`, line: 2, source: 'tracked', section: HOSTILE },
          { path: `other/${HOSTILE}`, line: 3, source: 'history', commit: 'a'.repeat(40) },
        ],
        verification: 'verified',
        verificationReason: HOSTILE,
        scope: {
          identity: HOSTILE,
          tokenType: 'account token',
          permissions: [],
          capabilities: [{ action: 'delete', resource: `volume ${HOSTILE}`, environment: HOSTILE, production: true }],
          reach: { projects: [HOSTILE] },
          expiresAt: null,
          unknowns: [],
        },
        risks: [{ id: 'destructive-production-access', severity: 'critical', message: HOSTILE }],
        severity: 'critical',
        breadth: 'broad',
        exposure: 'committed',
        remediation: HOSTILE,
      },
    ],
    notes: [HOSTILE],
  };
}

function orgReport(): OrgReport {
  const base = report();
  const name = `repo${HOSTILE}`;
  return {
    ...base,
    findings: base.findings.map((f) => ({
      ...f,
      locations: f.locations.map((l) => ({ ...l, path: `${name}/${l.path}` })),
      repositories: [name],
    })),
    org: { name: HOSTILE, shard: null, repositoriesListed: 2 },
    repositories: [
      { name, fullName: `org/${name}`, defaultBranch: HOSTILE, size: 1, status: 'scanned', findings: ['abc'] },
      {
        name: `down${HOSTILE}`,
        fullName: 'org/down',
        defaultBranch: 'main',
        size: 1,
        status: 'unreachable',
        reason: HOSTILE,
        findings: [],
      },
    ],
  };
}

/** Markdown with the code spans taken out (nothing inside one renders), for the checks below. */
function outsideCode(md: string): string {
  return md.replace(/(?<![\\`])(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/g, ' ');
}

/** What GitHub would turn into a link, image, tag, mention, reference or emphasis. */
function expectInertMarkdown(md: string): void {
  const text = outsideCode(md);
  // Our own tags: <details>, <summary>, <br>, <sub> and the marker comment.
  const tags = text.replace(/<\/?(details|summary|br|sub)>|<!-- tokenscope(:resolved)? -->/g, '');
  expect(tags).not.toMatch(/(?<!\\)</);
  expect(text).not.toMatch(/(?<!\\)\[/);
  // A mention needs a non-word character before the @ (`file:2@abc1234` names a commit, ours).
  expect(text).not.toMatch(/(?:^|[^\w])@[A-Za-z0-9]/m);
  expect(text).not.toMatch(/#\d/);
  expect(text).not.toMatch(/https?:\/\//);
  expect(text).not.toMatch(/www\./i);
  expect(text).not.toMatch(/(?<!\\)\*\*bold/);
  expect(text).not.toMatch(/(?<!\\)~~gone/);
  expect(text).not.toMatch(/(?<!\\)\$x/);
  expect(text).not.toMatch(/(?<!\\)&amp;/);
  // Table rows keep their columns: unescaped pipes only as cell borders (5 columns, 6 borders).
  for (const row of md.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| severity'))) {
    expect(row.match(/(?<!\\)\|/g)).toHaveLength(6);
  }
}

describe('Markdown from hostile names renders as plain text', () => {
  it('the report (job summary and PR comment body)', () => {
    const md = renderMarkdown(report());
    expectInertMarkdown(md);
    // The words are all still there to read.
    expect(md).toContain('octocat');
    expect(md).toContain(`@${ZWJ}octocat`);
  });

  it('the job summary, with its description and notes', () => {
    expectInertMarkdown(summaryMarkdown(report(), `the commits main${HOSTILE} adds to main`));
  });

  it('the pull-request comment', () => {
    expectInertMarkdown(findingsBody(report(), `the commits of ${HOSTILE}`, 'f'.repeat(40)));
  });

  it('the org report', () => {
    expectInertMarkdown(renderOrgMarkdown(orgReport()));
  });

  it('a code span cannot be closed by backticks inside it', () => {
    const md = renderMarkdown(report());
    // The redacted value holds two backticks: its fence is three.
    expect(md).toContain('```ab``****\\|cd```');
  });
});
