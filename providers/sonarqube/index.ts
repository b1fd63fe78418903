import type { Provider } from '../../src/core/provider.js';
import { prefixedToken } from '../rule-shapes.js';

// Format: https://docs.sonarsource.com/sonarqube-server/latest/user-guide/managing-tokens/ (three
// token types) and SonarSource's prefixes since SonarQube 9.5, https://community.sonarsource.com/t/78433
// (user squ_, project analysis sqp_, global analysis sqa_, then 40 hexadecimal characters).
const sonarToken = (prefix: string, kind: string, id: string, sample: string) =>
  prefixedToken({
    id: `sonarqube-${id}`,
    provider: 'sonarqube',
    kind,
    description: `SonarQube ${kind} (${prefix})`,
    prefix,
    body: '[0-9a-f]{40}',
    entropy: 3.2,
    examples: {
      truePositives: [`SONAR_TOKEN=${sample}`, `sonar.token=${sample}`],
      falsePositives: [`SONAR_TOKEN=${prefix}0000000000000000000000000000000000000000`, `SONAR_TOKEN=${prefix}<token>`],
    },
  });

/** SonarQube: detection only (no read-only inspector yet); docsUrl says how to make a narrower credential. */
export const sonarqube: Provider = {
  id: 'sonarqube',
  name: 'SonarQube',
  // A project analysis token can analyse one project only, where a user token can do all its user can.
  docsUrl: 'https://docs.sonarsource.com/sonarqube-server/latest/user-guide/managing-tokens/',
  rules: [
    sonarToken('squ_', 'user token', 'user-token', 'squ_9556f0bfedd4d6473a485340660e79f0b328b544'),
    sonarToken('sqp_', 'project analysis token', 'project-token', 'sqp_98060ef73fd30f0355b85e6ed46d6afd9b4e4fd7'),
    sonarToken('sqa_', 'global analysis token', 'global-token', 'sqa_69d43ac591ebbf9b7d0d78aa233cb90eec01d2e9'),
  ],
};
