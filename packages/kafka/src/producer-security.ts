import { isIP } from 'node:net';
import type { KafkaSecurity } from './client';

const MECHANISMS = { 'scram-sha-512': 'SCRAM-SHA-512', plain: 'PLAIN' } as const;

/**
 * The same TLS and SASL settings in @platformatic/kafka's terms (the producer's client, ADR 0014), so one
 * KafkaSecurity drives both clients. kafkajs sends the broker's host name as SNI by itself; this client only
 * when asked, which managed clusters routing by SNI need.
 */
export function producerSecurity(security: KafkaSecurity, firstBroker?: string) {
  const host = firstBroker?.slice(0, firstBroker.lastIndexOf(':')) ?? '';
  return {
    ...(security.tls && {
      tls: { ...security.tls, rejectUnauthorized: true },
      // RFC 6066 forbids an IP address as server name; Node warns when given one.
      ...(isIP(host) === 0 && { tlsServerName: true }),
    }),
    ...(security.sasl && {
      sasl: {
        mechanism: MECHANISMS[security.sasl.mechanism],
        username: security.sasl.username,
        password: security.sasl.password,
      },
    }),
  };
}
