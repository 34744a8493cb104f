import fs from 'node:fs';
import path from 'node:path';
import { freePort } from './child-processes';
import type { TestCertificates } from './test-certificates';

/** What a test asks of a throwaway broker's extra listeners (startThrowawayBroker({ secure })). */
export interface SecureListeners {
  /** From createTestCertificates(): the broker presents `server`, trusts `ca` for client certificates. */
  certificates: TestCertificates;
  /** SCRAM-SHA-512 credentials, stored in the cluster metadata when the storage is formatted. */
  scramUsers?: Array<{ username: string; password: string }>;
  /** PLAIN credentials, in the listener's JAAS configuration. */
  plainUsers?: Array<{ username: string; password: string }>;
}

export interface SecureListenerSetup {
  saslSslPort: number;
  mutualTlsPort: number;
  /** Entries for the broker's `listeners`, `advertised.listeners` and `listener.security.protocol.map`. */
  listeners: string;
  protocolMap: string;
  /** Every other server property the two listeners need. */
  properties: Record<string, string>;
  /** Arguments for `kafka-storage format` that create the SCRAM users. */
  formatArgs: string[];
}

/**
 * A SASL_SSL listener (SCRAM-SHA-512 and PLAIN) and an SSL listener requiring a client certificate, both with
 * the test CA's server certificate in a PEM keystore written to `dir`.
 */
export async function prepareSecureListeners(
  secure: SecureListeners,
  dir: string,
): Promise<SecureListenerSetup> {
  const [saslSslPort, mutualTlsPort] = [await freePort(), await freePort()];
  const keystore = path.join(dir, 'keystore.pem');
  const { key, cert } = secure.certificates.server;
  fs.writeFileSync(keystore, fs.readFileSync(key, 'utf8') + fs.readFileSync(cert, 'utf8'));
  const tls = (listener: string) => ({
    [`listener.name.${listener}.ssl.keystore.type`]: 'PEM',
    [`listener.name.${listener}.ssl.keystore.location`]: keystore,
    [`listener.name.${listener}.ssl.truststore.type`]: 'PEM',
    [`listener.name.${listener}.ssl.truststore.location`]: secure.certificates.ca,
  });
  const plainUsers = (secure.plainUsers ?? [])
    .map(({ username, password }) => ` user_${username}=${JSON.stringify(password)}`)
    .join('');
  return {
    saslSslPort,
    mutualTlsPort,
    listeners: `SASL_SSL://127.0.0.1:${saslSslPort},SSL://127.0.0.1:${mutualTlsPort}`,
    protocolMap: 'SASL_SSL:SASL_SSL,SSL:SSL',
    properties: {
      'sasl.enabled.mechanisms': 'SCRAM-SHA-512,PLAIN',
      'listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config':
        'org.apache.kafka.common.security.scram.ScramLoginModule required;',
      'listener.name.sasl_ssl.plain.sasl.jaas.config': `org.apache.kafka.common.security.plain.PlainLoginModule required${plainUsers};`,
      ...tls('sasl_ssl'),
      ...tls('ssl'),
      'listener.name.ssl.ssl.client.auth': 'required',
    },
    formatArgs: (secure.scramUsers ?? []).flatMap(({ username, password }) => [
      '--add-scram',
      `SCRAM-SHA-512=[name=${username},password=${password}]`,
    ]),
  };
}
