import { describe, expect, it } from '@jest/globals';
import { addressKind } from '../../providers/database/address.js';

describe('addressKind', () => {
  const cases: Array<[string, string]> = [
    ['127.0.0.1', 'loopback'],
    ['127.42.0.9', 'loopback'],
    ['::1', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['169.254.169.254', 'link-local'],
    ['169.254.0.1', 'link-local'],
    ['fe80::1', 'link-local'],
    ['febf:ffff::1', 'link-local'],
    ['::ffff:169.254.169.254', 'link-local'],
    ['::ffff:a9fe:a9fe', 'link-local'],
    ['64:ff9b::a9fe:a9fe', 'link-local'],
    ['fd00:ec2::254', 'metadata'],
    ['100.100.100.200', 'metadata'], // Alibaba Cloud
    ['168.63.129.16', 'metadata'], // Azure WireServer
    ['::ffff:100.100.100.200', 'metadata'],
    ['::ffff:a83f:8110', 'metadata'], // 168.63.129.16, IPv4-mapped in hex
    ['100.100.100.201', 'other'],
    ['168.63.129.17', 'other'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['ff02::1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    // Private networks and public hosts are places an audited database lives.
    ['10.0.0.5', 'other'],
    ['192.168.1.20', 'other'],
    ['172.16.0.3', 'other'],
    ['fd12:3456::1', 'other'],
    ['fec0::1', 'other'],
    ['2001:db8::1', 'other'],
    ['203.0.113.7', 'other'],
    ['not-an-ip', 'other'],
  ];
  for (const [address, kind] of cases) {
    it(`${address} is ${kind}`, () => {
      expect(addressKind(address)).toBe(kind);
    });
  }
});
