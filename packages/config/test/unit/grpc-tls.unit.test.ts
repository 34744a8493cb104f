import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import {
  checkGrpcClientTls,
  checkGrpcServerTls,
  ConfigError,
  grpcClientTls,
  grpcClientTlsSchema,
  grpcServerTls,
  grpcServerTlsSchema,
  loadConfig,
  z,
} from '../../src';

const schema = z
  .object({ ...grpcServerTlsSchema, ...grpcClientTlsSchema('TEAM_SERVICE', 'team-service') })
  .superRefine(checkGrpcServerTls)
  .superRefine(checkGrpcClientTls('TEAM_SERVICE'));

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(schema, env);
  } catch (error) {
    expect(error).to.be.instanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  return expect.fail('expected a ConfigError');
}

describe('gRPC TLS settings', () => {
  let dir: string;
  const file = (name: string) => path.join(dir, name);

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'grpc-tls-'));
    for (const name of ['cert.pem', 'key.pem', 'ca.pem']) fs.writeFileSync(file(name), name);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('when nothing is set, then server and client are plaintext', () => {
    const config = loadConfig(schema, {});
    expect(grpcServerTls(config)).to.equal(undefined);
    expect(grpcClientTls('TEAM_SERVICE', config)).to.equal(undefined);
  });

  it('when the server has a certificate, a key and a client CA, then it does mutual TLS with their contents', () => {
    const config = loadConfig(schema, {
      GRPC_TLS_CERT_FILE: file('cert.pem'),
      GRPC_TLS_KEY_FILE: file('key.pem'),
      GRPC_TLS_CLIENT_CA_FILE: file('ca.pem'),
    });
    expect(grpcServerTls(config)).to.deep.equal({
      cert: Buffer.from('cert.pem'),
      key: Buffer.from('key.pem'),
      clientCa: Buffer.from('ca.pem'),
    });
  });

  it('when the client turns TLS on, then the CA, certificate and server name are passed on', () => {
    const config = loadConfig(schema, {
      TEAM_SERVICE_TLS: 'true',
      TEAM_SERVICE_TLS_CA_FILE: file('ca.pem'),
      TEAM_SERVICE_TLS_CERT_FILE: file('cert.pem'),
      TEAM_SERVICE_TLS_KEY_FILE: file('key.pem'),
      TEAM_SERVICE_TLS_SERVER_NAME: 'team-service.teamseat.svc',
    });
    expect(grpcClientTls('TEAM_SERVICE', config)).to.deep.equal({
      ca: Buffer.from('ca.pem'),
      cert: Buffer.from('cert.pem'),
      key: Buffer.from('key.pem'),
      serverName: 'team-service.teamseat.svc',
    });
    expect(grpcClientTls('TEAM_SERVICE', loadConfig(schema, { TEAM_SERVICE_TLS: 'true' }))).to.deep.equal({});
  });

  it('when settings are incomplete or files missing, then each problem names its variable', () => {
    expect(
      problemsOf({
        GRPC_TLS_KEY_FILE: file('key.pem'),
        GRPC_TLS_CLIENT_CA_FILE: file('ca.pem'),
        TEAM_SERVICE_TLS_CA_FILE: file('ca.pem'),
      }),
    ).to.deep.equal([
      'GRPC_TLS_CERT_FILE: is required with GRPC_TLS_KEY_FILE',
      'GRPC_TLS_CLIENT_CA_FILE: needs GRPC_TLS_CERT_FILE and GRPC_TLS_KEY_FILE (mutual TLS is TLS first)',
      'TEAM_SERVICE_TLS_CA_FILE: is set but TEAM_SERVICE_TLS is not true',
    ]);
    expect(
      problemsOf({ TEAM_SERVICE_TLS: 'true', TEAM_SERVICE_TLS_CERT_FILE: file('cert.pem') }),
    ).to.deep.equal(['TEAM_SERVICE_TLS_KEY_FILE: is required with TEAM_SERVICE_TLS_CERT_FILE']);
    expect(
      problemsOf({ GRPC_TLS_CERT_FILE: file('missing.pem'), GRPC_TLS_KEY_FILE: file('key.pem') }),
    ).to.deep.equal([`GRPC_TLS_CERT_FILE: no readable file at ${file('missing.pem')}`]);
  });
});
