/**
 * `tokenscope inspect --provider aws` reads `ACCESS_KEY_ID SECRET [SESSION_TOKEN]` (whitespace or
 * newlines between them). The key id is the credential; the rest become its parts, as if a scan had
 * found them together.
 */
export function parseAwsInspectInput(text: string): { secret: string; parts?: Record<string, string> } | undefined {
  const [keyId, secretAccessKey, sessionToken] = text.trim().split(/\s+/);
  if (!keyId) return undefined;
  const parts: Record<string, string> = {};
  if (secretAccessKey) parts['secretAccessKey'] = secretAccessKey;
  if (sessionToken) parts['sessionToken'] = sessionToken;
  return { secret: keyId, parts };
}
