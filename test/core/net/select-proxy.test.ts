import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UsageError } from '../../../src/errors.js';
import {
  matchesNoProxy,
  parseProxyUrl,
  selectProxy,
  type ProxySettings,
} from '../../../src/core/net/select-proxy.js';
import { proxySettingsFromEnv } from '../../../src/core/net/proxy-settings.js';

const choose = (target: string, settings: ProxySettings, carriesCredentials = false) =>
  selectProxy(new URL(target), settings, { carriesCredentials });

describe('selectProxy', () => {
  const env = { httpsProxy: 'http://secure:3128', httpProxy: 'http://plain:3128' };

  it('uses the https proxy for https targets and the http proxy for http targets', () => {
    assert.equal(choose('https://hook.example.com/x', env).proxy?.display, 'http://secure:3128');
    assert.equal(choose('http://hook.example.com/x', env).proxy?.display, 'http://plain:3128');
  });

  it('reads lower case first, then upper case, as curl and undici do', () => {
    const settings = proxySettingsFromEnv({
      https_proxy: 'http://lower:1',
      HTTPS_PROXY: 'http://upper:1',
      HTTP_PROXY: 'http://upper-plain:1',
      NO_PROXY: 'internal.example',
    });
    assert.deepEqual(settings, {
      httpsProxy: 'http://lower:1',
      httpProxy: 'http://upper-plain:1',
      noProxy: 'internal.example',
    });
  });

  it('lets --proxy replace the variables, and --proxy "" turn the proxy off', () => {
    assert.equal(
      choose('https://a.example', { ...env, flag: 'http://flag:8080' }).proxy?.display,
      'http://flag:8080',
    );
    assert.deepEqual(choose('https://a.example', { ...env, flag: '' }), {
      proxy: undefined,
      bypass: 'not-configured',
    });
  });

  it('never proxies loopback targets', () => {
    for (const target of [
      'https://localhost:8443',
      'https://127.0.0.1',
      'https://[::1]:9',
      'https://[::ffff:127.0.0.1]:9',
    ]) {
      assert.deepEqual(choose(target, env), { proxy: undefined, bypass: 'loopback' }, target);
    }
    // Names that merely look local are not exempt.
    for (const target of ['https://a.localhost', 'https://localhost.evil.test', 'https://127.evil.test'])
      assert.ok(choose(target, env).proxy, target);
  });

  it('never proxies a plain-http request that carries credentials', () => {
    assert.deepEqual(choose('http://hook.example.com', env, true), {
      proxy: undefined,
      bypass: 'credentials-over-http',
    });
    assert.ok(choose('https://hook.example.com', env, true).proxy);
  });

  it('keeps proxy credentials out of the display form, and prepares Basic proxy authorization', () => {
    const proxy = parseProxyUrl('http://us%40er:p%3Ass%20w@proxy.corp:3128', '--proxy');
    assert.equal(proxy.display, 'http://proxy.corp:3128');
    assert.equal(proxy.password, 'p:ss w');
    assert.equal(proxy.authorization, `Basic ${Buffer.from('us@er:p:ss w').toString('base64')}`);
  });

  it('reads host:port as an http proxy and refuses other schemes in one line', () => {
    assert.equal(parseProxyUrl('proxy.corp:3128', 'HTTPS_PROXY').display, 'http://proxy.corp:3128');
    assert.throws(() => parseProxyUrl('socks5://proxy:1080', '--proxy'), UsageError);
    assert.throws(() => parseProxyUrl('http://', '--proxy'), UsageError);
  });
});

describe('matchesNoProxy', () => {
  const matches = (target: string, list: string) => matchesNoProxy(new URL(target), list);

  it('matches host names and domain suffixes, with or without a leading dot', () => {
    assert.ok(matches('https://example.com', 'example.com'));
    assert.ok(matches('https://hook.example.com', 'example.com'));
    assert.ok(matches('https://hook.example.com', '.example.com'));
    assert.ok(matches('https://hook.example.com', '*.example.com'));
    assert.ok(!matches('https://badexample.com', 'example.com'));
    assert.ok(!matches('https://example.com.evil', 'example.com'));
    assert.ok(matches('https://HOOK.Example.com.', ' other.org , example.com '));
  });

  it('matches IP addresses, CIDR ranges and IPv6 in brackets', () => {
    assert.ok(matches('https://10.1.2.3', '10.1.2.3'));
    assert.ok(matches('https://10.1.2.3', '10.0.0.0/8'));
    assert.ok(!matches('https://11.1.2.3', '10.0.0.0/8'));
    assert.ok(matches('https://[2001:db8::1]', '2001:db8::1'));
    assert.ok(matches('https://[2001:db8::1]:8443', '[2001:db8::1]:8443'));
    assert.ok(matches('https://[2001:db8::1]', '2001:db8::/32'));
  });

  it('honours an optional port, against the default port when the URL has none', () => {
    assert.ok(matches('https://example.com', 'example.com:443'));
    assert.ok(!matches('https://example.com:8443', 'example.com:443'));
    assert.ok(matches('http://example.com', 'example.com:80'));
  });

  it('treats * as everything and ignores empty entries', () => {
    assert.ok(matches('https://anything.example', '*'));
    assert.ok(!matches('https://anything.example', ' , ,'));
    assert.ok(!matches('https://anything.example', ''));
  });
});
