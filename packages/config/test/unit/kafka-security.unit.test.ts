import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import {
  checkKafkaSecurity,
  commonSchema,
  ConfigError,
  kafkaSecurity,
  kafkaSecuritySchema,
  loadConfig,
  z,
} from '../../src';

const schema = z.object({ ...commonSchema, ...kafkaSecuritySchema }).superRefine(checkKafkaSecurity);

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(schema, env);
  } catch (error) {
    expect(error).to.be.instanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  return expect.fail('expected a ConfigError');
}

describe('Kafka TLS and SASL settings', () => {
  let dir: string;
  let ca: string;
  let passwordFile: string;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kafka-security-'));
    ca = path.join(dir, 'ca.pem');
    fs.writeFileSync(ca, 'PEM');
    passwordFile = path.join(dir, 'password');
    fs.writeFileSync(passwordFile, 'from-a-file\n');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('when nothing is set, then the connection is plaintext without authentication', () => {
    expect(kafkaSecurity(loadConfig(schema, {}))).to.deep.equal({});
  });

  it('when TLS and SCRAM are set, then the CA is read and the credentials are passed on', () => {
    const security = kafkaSecurity(
      loadConfig(schema, {
        KAFKA_SSL: 'true',
        KAFKA_SSL_CA_FILE: ca,
        KAFKA_SASL_MECHANISM: 'scram-sha-512',
        KAFKA_SASL_USERNAME: 'svc',
        KAFKA_SASL_PASSWORD: 'secret',
      }),
    );
    expect(security).to.deep.equal({
      tls: { ca: Buffer.from('PEM') },
      sasl: { mechanism: 'scram-sha-512', username: 'svc', password: 'secret' },
    });
  });

  it('when the password comes from a file, then its trailing newline is not part of it', () => {
    const security = kafkaSecurity(
      loadConfig(schema, {
        KAFKA_SSL: 'true',
        KAFKA_SASL_MECHANISM: 'plain',
        KAFKA_SASL_USERNAME: 'svc',
        KAFKA_SASL_PASSWORD_FILE: passwordFile,
      }),
    );
    expect(security.sasl?.password).to.equal('from-a-file');
    expect(security.tls).to.deep.equal({});
  });

  it('when a file does not exist, then the problem names the variable and the path', () => {
    expect(problemsOf({ KAFKA_SSL: 'true', KAFKA_SSL_CA_FILE: '/nowhere/ca.pem' })).to.deep.equal([
      'KAFKA_SSL_CA_FILE: no readable file at /nowhere/ca.pem',
    ]);
  });

  it('when SASL is set without TLS in production, then it is refused unless explicitly allowed', () => {
    const env = {
      NODE_ENV: 'production',
      KAFKA_SASL_MECHANISM: 'scram-sha-512',
      KAFKA_SASL_USERNAME: 'svc',
      KAFKA_SASL_PASSWORD: 'secret',
    };
    const [problem] = problemsOf(env);
    expect(problem).to.match(/^KAFKA_SASL_MECHANISM: SASL without TLS is refused with NODE_ENV=production/);
    expect(() => loadConfig(schema, { ...env, KAFKA_ALLOW_SASL_PLAINTEXT: 'true' })).not.to.throw();
    expect(() => loadConfig(schema, { ...env, NODE_ENV: 'development' })).not.to.throw();
  });

  it('when settings are missing their partners, then every problem is listed, each naming its variable', () => {
    expect(
      problemsOf({
        KAFKA_SSL_CERT_FILE: ca,
        KAFKA_SASL_MECHANISM: 'plain',
      }),
    ).to.deep.equal([
      'KAFKA_SSL_CERT_FILE: is set but KAFKA_SSL is not true',
      'KAFKA_SSL_KEY_FILE: is required with KAFKA_SSL_CERT_FILE',
      'KAFKA_SASL_USERNAME: is required with KAFKA_SASL_MECHANISM=plain',
      'KAFKA_SASL_PASSWORD: is required with KAFKA_SASL_MECHANISM=plain (or KAFKA_SASL_PASSWORD_FILE)',
    ]);
    expect(problemsOf({ KAFKA_SASL_USERNAME: 'svc', KAFKA_SSL: 'yes' })).to.deep.equal([
      "KAFKA_SSL: Invalid enum value. Expected 'true' | 'false', received 'yes'",
    ]);
    expect(
      problemsOf({
        KAFKA_SSL: 'true',
        KAFKA_SASL_MECHANISM: 'scram-sha-512',
        KAFKA_SASL_USERNAME: 'svc',
        KAFKA_SASL_PASSWORD: 'a',
        KAFKA_SASL_PASSWORD_FILE: passwordFile,
      }),
    ).to.deep.equal(['KAFKA_SASL_PASSWORD_FILE: and KAFKA_SASL_PASSWORD are both set; set one']);
    expect(problemsOf({ KAFKA_SASL_MECHANISM: 'scram-sha-256' })[0]).to.match(/^KAFKA_SASL_MECHANISM: /);
  });
});
