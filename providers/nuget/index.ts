import type { Provider } from '../../src/core/provider.js';

/** NuGet: detection only (no read-only inspector yet); docsUrl says how to make a narrower credential. */
export const nuget: Provider = {
  id: 'nuget',
  name: 'NuGet',
  docsUrl: 'https://learn.microsoft.com/en-us/nuget/nuget-org/scoped-api-keys',
  rules: [
    {
      // Format: https://learn.microsoft.com/en-us/nuget/nuget-org/scoped-api-keys (nuget.org keys are 46 characters beginning oy2)
      id: 'nuget-api-key',
      provider: 'nuget',
      kind: 'API key',
      description: 'nuget.org API key (oy2 followed by 43 lowercase characters), named for NuGet',
      confidence: 'context',
      keywords: ['nuget'],
      keywordScope: 'fragment',
      regex: '(?<![A-Za-z0-9+/_-])(?<secret>oy2[a-z0-9]{43})(?![A-Za-z0-9+/=_-])',
      entropy: 3.8,
      context: { pattern: 'nuget', withinLines: 2 },
      examples: {
        truePositives: [
          'NUGET_API_KEY=oy29mvn7l681vddsbz9l4xyw6z6csuwf1b4zxt5pyfdwij',
          'dotnet nuget push pkg.nupkg --api-key oy26uedzfxh5jj4i8yjmts3c59tvkk6fqpf25eabdfeydp --source https://api.nuget.org/v3/index.json',
        ],
        falsePositives: [
          'NUGET_API_KEY=oy2aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
          'blob = "oy2dnr6lhkm4n23a4e1432wbcrppajha10kphi563hwbym"',
        ],
      },
    },
  ],
};
