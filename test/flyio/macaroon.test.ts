import { describe, expect, it } from '@jest/globals';
import { describeFlyOffline, flyClaims } from '../../providers/flyio/claims.js';
import { decodeFlyMacaroons, MacaroonFormatError } from '../../providers/flyio/macaroon.js';
import { unpack } from '../../providers/flyio/msgpack.js';
import { apps, deployToken, flyMacaroon, macaroon, org, orgToken, pack, thirdParty, validity } from './tokens.js';

// Caveats are read offline, before any call: what the token itself says about org, apps, actions
// and expiry. The tokens come from test/flyio/tokens.ts's own encoder.
describe('Fly.io macaroons decoded offline', () => {
  it('reads an organization token: one organization, every action, every app, its expiry', () => {
    const token = flyMacaroon([org(4242, 'rwcdC'), validity(1_700_000_000, 2_300_000_000)]);
    const claims = flyClaims(token);
    expect(claims).toMatchObject({
      kind: 'organization',
      organizations: ['4242'],
      actions: 'rwcdC',
      expiresAt: new Date(2_300_000_000 * 1000).toISOString(),
    });
    expect('apps' in claims && claims.apps).toBe(false);
  });

  it('reads a deploy token: one app, with its actions', () => {
    const claims = flyClaims(deployToken(4242, 903));
    expect(claims).toMatchObject({ kind: 'deploy', organizations: ['4242'], apps: [{ id: '903', actions: 'rwcdC' }] });
  });

  it('reads a read-only token', () => {
    expect(flyClaims(orgToken(4242, 'r'))).toMatchObject({ kind: 'readonly', actions: 'r' });
  });

  it('intersects two Apps caveats, and the organization mask bounds every app', () => {
    const claims = flyClaims(flyMacaroon([org(7, 'rwc'), apps({ 1: 'rwcdC', 2: 'rw' }), apps({ 1: 'rd' })]));
    expect(claims).toMatchObject({ kind: 'deploy', apps: [{ id: '1', actions: 'r' }] });
  });

  it('accepts the token without the FlyV1 scheme, and the earliest expiry of its discharges wins', () => {
    const token = flyMacaroon(
      [org(1, 'rwcdC'), validity(0, 2_300_000_000), thirdParty('https://api.fly.io/aaa/v1')],
      [[validity(0, 2_000_000_000)]],
    );
    const claims = flyClaims(token.replace(/^FlyV1 /, ''));
    expect(claims).toMatchObject({ kind: 'organization', expiresAt: new Date(2_000_000_000 * 1000).toISOString() });
    expect(claims.unknowns.map((u) => u.what)).not.toContain('discharge');
  });

  it('says so when a third-party caveat has no discharge, and when a caveat type is unknown', () => {
    const token = flyMacaroon([org(1, 'rwcdC'), thirdParty('https://api.fly.io/aaa/v1'), [999, [1]]]);
    const unknowns = flyClaims(token).unknowns;
    expect(unknowns.find((u) => u.what === 'discharge')?.reason).toContain('https://api.fly.io/aaa/v1');
    expect(unknowns.find((u) => u.what === 'caveats')?.reason).toContain('999');
    expect(unknowns.find((u) => u.what === 'expiry')?.reason).toContain('no ValidityWindow');
    expect(unknowns.map((u) => u.what)).toContain('signature');
  });

  it('describes a token offline, with no network: type, permissions, expiry', () => {
    const offline = describeFlyOffline(deployToken(4242, 903));
    expect(offline.tokenType).toBe('app-scoped macaroon (deploy token)');
    expect(offline.permissions).toEqual(['organization 4242: rwcdC', 'app 903: rwcdC']);
    expect(offline.expiresAt).toMatch(/^20[4-9]\d-/);
  });

  it('leaves a fo1_ token opaque, and says why', () => {
    const claims = flyClaims('fo1_Qx7bK2mZp9LrT4vW8nYc3HsJd6GfA1eUoXiB5lNqRtM');
    expect(claims.kind).toBe('user');
    expect(claims.unknowns[0]?.what).toBe('expiry');
  });

  describe('hostile text', () => {
    const b64 = (b: Buffer) => `FlyV1 fm2_${b.toString('base64')}`;

    it('a discharge alone is no permission token', () => {
      const token = `FlyV1 fm2_${macaroon([validity(0, 1)], 'https://api.fly.io/aaa/v1').toString('base64')}`;
      expect(flyClaims(token).kind).toBe('undecodable');
    });

    it('refuses random base64, truncation, lying lengths and deep nesting, quickly', () => {
      const good = macaroon([org(1, 'r')]);
      const lies = Buffer.from([0x94, 0xdd, 0xff, 0xff, 0xff, 0xff]); // an array claiming 4 billion items
      let deep = Buffer.from([0xc0]);
      for (let i = 0; i < 10_000; i++) deep = Buffer.concat([Buffer.from([0x91]), deep]);
      const started = Date.now();
      for (const text of [
        'FlyV1 fm2_bm90IGEgbWFjYXJvb24gYXQgYWxs',
        b64(good.subarray(0, good.length - 5)),
        b64(lies),
        b64(deep),
        b64(pack([1, 2, 3])),
        'FlyV1 fm9_AAAA',
      ]) {
        expect(() => decodeFlyMacaroons(text)).toThrow(MacaroonFormatError);
        expect(flyClaims(text).kind).toBe('undecodable');
      }
      expect(Date.now() - started).toBeLessThan(1000);
    });

    it('the reader rejects trailing bytes', () => {
      expect(() => unpack(Buffer.from([0x01, 0x02]))).toThrow(/trailing/);
    });
  });
});
