/** What the SendGrid inspector learns, kept in Scope.facts.sendgrid for the risks and the remediation. */
export const KEY_DOCS_URL = 'https://www.twilio.com/docs/sendgrid/ui/account-and-settings/api-keys';

export interface SendgridFacts {
  scopes: string[];
  username?: string;
  /** `free` or `paid` (GET /v3/user/account), when the key may read it. */
  accountType?: string;
}

export function sendgridFacts(facts: Record<string, unknown> | undefined): SendgridFacts | undefined {
  return facts?.sendgrid as SendgridFacts | undefined;
}

const changes = (s: string) => /\.(create|update|delete)$/.test(s);
/** Scopes that create, change or delete API keys: a key that mints keys outlives its own revocation. */
export const keyManagement = (f: SendgridFacts) => f.scopes.filter((s) => s.startsWith('api_keys.') && changes(s));
/** Scopes that manage teammates or subusers: who may use the account. */
export const userManagement = (f: SendgridFacts) =>
  f.scopes.filter((s) => (s.startsWith('teammates.') || s.startsWith('subusers.')) && changes(s));
export const sendsMail = (f: SendgridFacts) => f.scopes.includes('mail.send');
