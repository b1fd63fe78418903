import { describe, expect, it } from '@jest/globals';
import { allowed, DRYRUN_ONLY, FIXED, PROBES } from '../../providers/redis/commands.js';
import { encodeCommand, ProtocolError, RedisError, ReplyReader } from '../../providers/redis/resp.js';

const me = { user: 'app', password: 'pw-Lr6tY2mQ9z', whoami: 'app' };

describe('the Redis command allowlist', () => {
  it('the fixed commands read nothing and change nothing', () => {
    expect(Object.values(FIXED)).toEqual([['HELLO', '2'], ['ACL', 'WHOAMI'], ['MULTI'], ['DISCARD']]);
  });

  it('allows AUTH only with the URL’s own credentials, and DRYRUN only for the user the server named', () => {
    expect(allowed(['AUTH', 'app', me.password], me, false)).toBe(true);
    expect(allowed(['AUTH', me.password], me, false)).toBe(true);
    expect(allowed(['AUTH', 'app', 'other-Kx2vB7nQ4m'], me, false)).toBe(false);
    expect(allowed(['AUTH', me.password], { ...me, user: undefined }, false)).toBe(true);
    expect(allowed(['AUTH', 'admin', me.password], me, false)).toBe(false);
    expect(allowed(['ACL', 'DRYRUN', 'app', 'FLUSHALL'], me, false)).toBe(true);
    expect(allowed(['ACL', 'DRYRUN', 'admin', 'FLUSHALL'], me, false)).toBe(false);
    expect(allowed(['ACL', 'DRYRUN', 'app', 'FLUSHALL'], { ...me, whoami: undefined }, false)).toBe(false);
    expect(allowed(['ACL', 'DRYRUN', 'app', 'GET', 'x'], me, false)).toBe(false);
  });

  it('a dangerous command itself only inside MULTI, and SHUTDOWN never', () => {
    for (const probe of Object.values(PROBES)) expect(allowed(probe, me, false)).toBe(false);
    expect(allowed(['FLUSHALL'], me, true)).toBe(true);
    expect(allowed(['SHUTDOWN', 'NOSAVE'], me, true)).toBe(false);
    expect(DRYRUN_ONLY).toEqual(['shutdown']);
  });

  it('refuses what runs queued commands, reveals secrets or reads values, inside MULTI or not', () => {
    const refused = [
      ['EXEC'],
      ['CONFIG', 'GET', 'requirepass'],
      ['CONFIG', 'GET', '*'],
      ['ACL', 'LIST'],
      ['ACL', 'GETUSER', 'app'],
      ['GET', 'session:1'],
      ['KEYS', '*', 'extra'],
      ['DEBUG', 'DIGEST'],
      ['EVAL', 'return 1', '0'],
      ['FLUSHALL', 'ASYNC'],
      ['flushall'],
      ['QUIT'],
    ];
    for (const c of refused) {
      expect(allowed(c, me, false)).toBe(false);
      expect(allowed(c, me, true)).toBe(false);
    }
  });
});

describe('RESP2', () => {
  it('encodes a command as an array of bulk strings (lengths in bytes)', () => {
    expect(encodeCommand(['AUTH', 'é']).toString()).toBe('*2\r\n$4\r\nAUTH\r\n$2\r\né\r\n');
  });

  it('reads replies split across chunks, in order', () => {
    const r = new ReplyReader();
    const bytes = Buffer.from('+OK\r\n-NOPERM no\r\n:42\r\n$3\r\nabc\r\n$-1\r\n*2\r\n$1\r\na\r\n*1\r\n:1\r\n');
    const out = [];
    for (let i = 0; i < bytes.length; i += 3) {
      r.push(bytes.subarray(i, i + 3));
      for (let n = r.next(); n; n = r.next()) out.push(n.reply);
    }
    expect(out).toEqual(['OK', new RedisError('NOPERM no'), 42, 'abc', null, ['a', [1]]]);
  });

  it('refuses bytes that are not RESP, and replies past the bounds, without buffering them', () => {
    const cases: Array<[string, string]> = [
      ['HTTP/1.1 200 OK\r\n', 'unexpected type byte 0x48'],
      ['$99999999\r\n', 'bulk string too long'],
      ['*99999\r\n', 'array too long'],
      ['*1\r\n*1\r\n*1\r\n*1\r\n*1\r\n:1\r\n', 'arrays nested too deep'],
      [`+${'x'.repeat(5000)}`, 'line too long'],
      ['$abc\r\n', 'bad length'],
      ['$2\r\nabcd\r\n', 'bad bulk string end'],
    ];
    for (const [bytes, why] of cases) {
      const r = new ReplyReader();
      r.push(Buffer.from(bytes));
      expect(() => r.next()).toThrow(new ProtocolError(why));
    }
  });
});
