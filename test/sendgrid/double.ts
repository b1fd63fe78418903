import type { IncomingMessage } from 'node:http';
import { type Answer, type FaultPlan, type LivePlan, RestDouble } from '../helpers/rest-double.js';
import { sendgridProblems } from './spec.js';

/**
 * A loopback SendGrid v3 API: `/v3/scopes` (the calling key's own scopes), `/v3/user/username`
 * and `/v3/user/account`, each success answer checked against SendGrid's descriptions (`problems`);
 * refusals as `{ errors: [{ field, message }] }`, an unknown key 401 "authorization required", a
 * read the key's scopes do not allow 403 "access forbidden".
 */
export interface SendgridPlan extends LivePlan {
  scopes: string[];
}

const USER_READS: Record<string, string> = {
  '/v3/user/username': 'user.username.read',
  '/v3/user/account': 'user.account.read',
};

export class SendgridDouble extends RestDouble<SendgridPlan> {
  readonly problems: string[] = [];

  constructor(tokens: Map<string, SendgridPlan | FaultPlan>) {
    super('sendgrid', tokens);
  }

  protected error(_status: number, message: string): unknown {
    return { errors: [{ field: null, message }] };
  }

  protected override unknownToken(): Answer {
    return { status: 401, body: this.error(401, 'authorization required') };
  }

  protected route(path: string, _q: URLSearchParams, who: SendgridPlan, _h: IncomingMessage['headers']): Answer {
    const ok = (body: unknown): Answer => {
      this.problems.push(...sendgridProblems(path, body));
      return { status: 200, body };
    };
    const needed = USER_READS[path];
    if (needed && !who.scopes.includes(needed)) return { status: 403, body: this.error(403, 'access forbidden') };
    switch (path) {
      case '/v3/scopes':
        return ok({ scopes: who.scopes });
      case '/v3/user/username':
        return ok({ username: 'acme-mail', user_id: 4242 });
      case '/v3/user/account':
        return ok({ type: 'paid', reputation: 99.5 });
      default:
        return { status: 404, body: this.error(404, 'resource not found') };
    }
  }
}
