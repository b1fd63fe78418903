import type { RuleSpec } from '../../src/core/rule.js';

export const rules: RuleSpec[] = [
  {
    id: 'aws-access-key-id',
    provider: 'aws',
    kind: 'access key',
    description: 'AWS access key id (AKIA long-lived, ASIA temporary), paired with its secret key when nearby',
    // A key id is an identifier, not a secret (AWS logs and shows it freely): alone it is context.
    // Paired with its secret key (providers/aws/combine.ts), the credential is high (a pairing).
    confidence: 'context',
    keywords: ['AKIA', 'ASIA', 'ABIA', 'ACCA'],
    keywordsCaseSensitive: true,
    keywordScope: 'line',
    regex: '\\b(?<secret>(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})\\b',
    entropy: 3,
    examples: {
      truePositives: ['aws_access_key_id = AKIAZ7QN4XW2LRDJ5HGE', 'AWS_ACCESS_KEY_ID=ASIAQNZGKIQY56JQ7WML'],
      falsePositives: [
        'aws_access_key_id = AKIAIOSFODNN7EXAMPLE',
        'id = AKIAAAAAAAAAAAAAAAAA',
        'AKIAZ7QN4XW2LRDJ5HGE1',
      ],
    },
  },
  {
    id: 'aws-secret-access-key',
    provider: 'aws',
    kind: 'secret access key',
    description: 'AWS secret access key, by its name (paired with the key id in the same file when there is one)',
    // Alone it is 40 base64 characters found by its name; paired, the credential is the key id's (high).
    confidence: 'context',
    keywords: ['secret_access_key', 'secretaccesskey', 'aws_secret', 'secret-access-key'],
    keywordScope: 'line',
    regex:
      '(?:aws_?secret_?access_?key|aws_?secret_?key|secret_?access_?key|secret-access-key)["\']?\\s*(?:=|:|=>)\\s*["\']?(?<secret>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])',
    flags: 'i',
    entropy: 4,
    examples: {
      truePositives: [
        'aws_secret_access_key = q8Vd2Lk3nR7tYw0pXz5bJc9mHf4sGa1eUo6iNvQr',
        '"SecretAccessKey": "Zr4/Tn8kWq2Lp6Ys0Vb+Hx3Mj7Dc1Fg5Ka9Ne2Ru"',
      ],
      falsePositives: [
        'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: a shell placeholder is the false positive tested here
        'aws_secret_access_key = ${AWS_SECRET_ACCESS_KEY}',
        'aws_secret_access_key = aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
      ],
    },
  },
  {
    id: 'aws-secret-access-key-nearby',
    provider: 'aws',
    kind: 'secret access key',
    description: 'An unnamed 40-character secret within three lines of an AWS key id',
    confidence: 'context',
    keywords: ['AKIA', 'ASIA'],
    keywordsCaseSensitive: true,
    regex: '(?<![A-Za-z0-9/+])(?<secret>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])',
    entropy: 4.3,
    validator: 'aws-secret-shape',
    context: { pattern: '\\b(?:AKIA|ASIA)[A-Z2-7]{16}\\b', withinLines: 3 },
    examples: {
      truePositives: ['key: AKIAZ7QN4XW2LRDJ5HGE\nsecret: q8Vd2Lk3nR7tYw0pXz5bJc9mHf4sGa1eUo6iNvQr'],
      falsePositives: [
        'key: AKIAZ7QN4XW2LRDJ5HGE\ncommit: 9fceb02d0ae598e95dc970b74767f19372d61af8',
        'commit: q8Vd2Lk3nR7tYw0pXz5bJc9mHf4sGa1eUo6iNvQr',
      ],
    },
  },
  {
    id: 'aws-session-token',
    provider: 'aws',
    kind: 'session token',
    description: 'AWS session token that goes with a temporary (ASIA) key',
    confidence: 'context',
    // The names the regex allows, not any session_token (a web session's).
    keywords: ['aws_session_token', 'awssession_token', 'sessiontoken', 'aws_security_token', 'awssecurity_token'],
    keywordScope: 'line',
    regex:
      '(?:aws_?session_?token|aws_?security_?token|sessiontoken)["\']?\\s*(?:=|:|=>)\\s*["\']?(?<secret>[A-Za-z0-9/+=]{100,2000})',
    flags: 'i',
    entropy: 4,
    examples: {
      truePositives: [
        `aws_session_token = IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQD${'k3Zq8Lw2Rt5Yp9Vn4Bx7Mc1Hd6Jf0Gs'.repeat(4)}`,
      ],
      falsePositives: ['aws_session_token = short'],
    },
  },
];
