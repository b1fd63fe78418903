import type { RuleSpec } from '../../src/core/rule.js';

/**
 * GitLab's prefixed token kinds (docs.gitlab.com/ee/security/tokens/#token-prefixes; bodies as
 * the fact sheet's §1.1 gives them). No checksum is published: an entropy floor stands in. Each
 * body is captured inside a lookahead and matched back, so the quantifier is never backtracked
 * into (linear time whatever the input).
 */
interface Kind {
  id: string;
  prefix: string;
  kind: string;
  description: string;
  body: string;
  example: string;
  /** A second sample, where the kind has a second form. */
  alsoExample?: string;
}

const KINDS: Kind[] = [
  {
    id: 'gitlab-oauth-secret',
    prefix: 'gloas-',
    kind: 'OAuth application secret',
    description: 'GitLab OAuth application secret (gloas-)',
    body: '[0-9A-Za-z_-]{64}',
    example: 'GITLAB_OAUTH_SECRET=gloas-3f9c0d7a1b2e4f6a8c0e2d4b6f8a0c2e4d6b8f0a2c4e6d8b0f2a4c6e8d0b2f4a',
  },
  {
    id: 'gitlab-deploy-token',
    prefix: 'gldt-',
    kind: 'deploy token',
    description: 'GitLab deploy token (gldt-): git and registry access to one project or group',
    body: '[0-9A-Za-z_-]{20,64}',
    example: 'CI_DEPLOY_PASSWORD=gldt-Qm7xK2pL9vR4tW1zN8cB',
  },
  {
    id: 'gitlab-runner-token',
    prefix: 'glrt-',
    kind: 'runner authentication token',
    description: 'GitLab runner authentication token (glrt-, glrtr-)',
    body: '[0-9A-Za-z_.-]{20,320}',
    example: 'token = "glrt-t1_Hq3Ls8Vd2Nx7Kc1Rw9Jt4Pm6Fb0"',
    alsoExample: 'token = "glrtr-Zp4Kq9Wm2Xr7Lt3Vn8Bc"',
  },
  {
    id: 'gitlab-runner-registration-token',
    prefix: 'GR1348941',
    kind: 'runner registration token',
    description: 'GitLab runner registration token (GR1348941, deprecated)',
    body: '[0-9A-Za-z_-]{20}',
    example: 'REGISTRATION_TOKEN=GR1348941zX8vQ2mK7pL4tR9wB3nC',
  },
  {
    id: 'gitlab-job-token',
    prefix: 'glcbt-',
    kind: 'CI/CD job token',
    description: 'GitLab CI/CD job token (glcbt-): lives for one job',
    body: '[0-9A-Za-z]{1,5}_[0-9A-Za-z_-]{20}',
    example: 'CI_JOB_TOKEN=glcbt-64_Kp3Wn8Zq2Lr7Tv5Xb1Hd',
  },
  {
    id: 'gitlab-trigger-token',
    prefix: 'glptt-',
    kind: 'pipeline trigger token',
    description: 'GitLab pipeline trigger token (glptt-): runs pipelines of one project',
    body: '[0-9a-f]{40}',
    example: 'TRIGGER_TOKEN=glptt-9c4e1a7f3b2d8e6c0a5f4b3e2d1c9a8b7f6e5d4c',
  },
  {
    id: 'gitlab-feed-token',
    prefix: 'glft-',
    kind: 'feed token',
    description: "GitLab feed token (glft-): a user's RSS and calendar feeds",
    body: '[0-9A-Za-z_-]{20}',
    example: 'feed: https://gitlab.example.com/dashboard/projects.atom?feed_token=glft-Zp4Kq9Wm2Xr7Lt3Vn8Bc',
  },
  {
    id: 'gitlab-incoming-mail-token',
    prefix: 'glimt-',
    kind: 'incoming mail token',
    description: 'GitLab incoming mail token (glimt-): opens issues by email',
    body: '[0-9A-Za-z_-]{25}',
    example: 'ISSUE_EMAIL_TOKEN=glimt-Rk8Vq3Zm7Xp2Lw9Tn4Bc6Hd1J',
  },
  {
    id: 'gitlab-agent-token',
    prefix: 'glagent-',
    kind: 'agent for Kubernetes token',
    description: 'GitLab agent for Kubernetes token (glagent-)',
    body: '[0-9A-Za-z_-]{50}',
    example: 'token: glagent-Hq3Ls8Vd2Nx7Kc1Rw9Jt4Pm6Fb0Yg5ZeTq2Wm8Kx4Lp7Rv1Nc3',
  },
  {
    id: 'gitlab-scim-token',
    prefix: 'glsoat-',
    kind: 'SCIM token',
    description: 'GitLab SCIM token (glsoat-): provisions users of a group or instance',
    body: '[0-9A-Za-z_-]{20}',
    example: 'SCIM_TOKEN=glsoat-Wm8Kx4Lp7Rv1Nc3Bd9Zq',
  },
  {
    id: 'gitlab-feature-flags-token',
    prefix: 'glffct-',
    kind: 'feature flags client token',
    description: 'GitLab feature flags client token (glffct-)',
    body: '[0-9A-Za-z_-]{20}',
    example: 'UNLEASH_INSTANCE_ID=glffct-Tn4Bc6Hd1JRk8Vq3Zm7X',
  },
];

function prefixedRule(k: Kind): RuleSpec {
  // A runner created with a registration token has `glrtr-` rather than `glrt-`.
  const prefix = k.prefix === 'glrt-' ? 'glrtr?-' : k.prefix;
  return {
    id: k.id,
    provider: 'gitlab',
    kind: k.kind,
    description: k.description,
    confidence: 'high',
    keywords: k.prefix === 'glrt-' ? ['glrt-', 'glrtr-'] : [k.prefix],
    keywordsCaseSensitive: true,
    keywordScope: 'line',
    regex: `(?<![0-9A-Za-z_.-])(?<secret>${prefix}(?=(?<body>${k.body}))\\k<body>)(?![0-9A-Za-z_.-])`,
    entropy: 3.2,
    examples: {
      truePositives: [k.example, ...(k.alsoExample ? [k.alsoExample] : [])],
      falsePositives: [`GITLAB_TOKEN=${k.prefix}${'x'.repeat(k.id === 'gitlab-job-token' ? 0 : 20)}`, `${k.prefix}`],
    },
  };
}

export const rules: RuleSpec[] = [
  {
    id: 'gitlab-pat',
    provider: 'gitlab',
    kind: 'personal access token',
    description: 'GitLab personal, project, group or impersonation access token (glpat-)',
    confidence: 'high',
    keywords: ['glpat-'],
    keywordsCaseSensitive: true,
    keywordScope: 'line',
    // Legacy bodies are 20 characters; "routable" ones (17.x) up to 300 plus `.<2><7>`.
    regex: '(?<![0-9A-Za-z_.-])(?<secret>glpat-(?=(?<body>[0-9A-Za-z_.-]{20,320}))\\k<body>)(?![0-9A-Za-z_.-])',
    entropy: 3.5,
    examples: {
      truePositives: [
        'GITLAB_TOKEN=glpat-JiqI1qtCDYTAh2W4mbKG',
        'GITLAB_TOKEN=glpat-Hq3Ls8Vd2Nx7Kc1Rw9Jt4Pm6Fb0Yg5Ze.01.1a2b3c4d5',
      ],
      falsePositives: ['GITLAB_TOKEN=glpat-xxxxxxxxxxxxxxxxxxxx', 'glpat-aaaaaaaaaaaaaaaaaaaa'],
    },
  },
  ...KINDS.map(prefixedRule),
];

/** The rule ids whose tokens GitLab can describe read-only (the rest are never sent). */
export const INSPECTABLE_RULE = 'gitlab-pat';
