import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { createLogger } from '@teamseat/logger';
import { createMetricsRegistry } from '@teamseat/metrics';
import { createTestCertificates, type TestCertificates } from '@teamseat/testing';
import {
  createClient,
  createGrpcServer,
  unary,
  type ClientTls,
  type GrpcServer,
  type ServerTls,
} from '../../src';

const packageDefinition = protoLoader.loadSync(path.join(__dirname, '../fixtures/echo.proto'));
const EchoService = (
  grpc.loadPackageDefinition(packageDefinition) as unknown as {
    teamseat: { test: { v1: { EchoService: grpc.ServiceClientConstructor } } };
  }
).teamseat.test.v1.EchoService;
type EchoClient = grpc.Client & {
  echo(
    request: { text: string },
    options: grpc.CallOptions,
    callback: (error: grpc.ServiceError | null, response?: { text: string }) => void,
  ): void;
};

const TOKEN = 'tls-token';

async function startEcho(tls: ServerTls): Promise<{ server: GrpcServer; port: number }> {
  const server = createGrpcServer({
    logger: createLogger({ service: 'grpc-tls-test', level: 'silent' }),
    registry: createMetricsRegistry('grpc-tls-test'),
    authTokens: [TOKEN],
    packageDefinition,
    tls,
    services: [
      {
        name: 'teamseat.test.v1.EchoService',
        definition: EchoService.service,
        implementation: { echo: unary(async (request: { text: string }) => ({ text: request.text })) },
      },
    ],
  });
  return { server, port: await server.start('127.0.0.1:0') };
}

/** One call with a short deadline: a refused handshake ends as UNAVAILABLE instead of waiting. */
function echo(address: string, tls?: ClientTls): Promise<string> {
  const client = createClient(EchoService as never, { address, token: TOKEN, tls }) as EchoClient;
  return new Promise<string>((resolve, reject) =>
    client.echo({ text: 'hello' }, { deadline: Date.now() + 5_000 }, (error, response) =>
      error ? reject(error) : resolve(response!.text),
    ),
  ).finally(() => client.close());
}

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.fail('the call should have failed'),
    (error: grpc.ServiceError) => error,
  );

describe('gRPC over TLS', function () {
  this.timeout(30_000);
  let certificates: TestCertificates;
  let read: (file: string) => Buffer;
  const servers: GrpcServer[] = [];

  before(() => {
    certificates = createTestCertificates();
    read = (file) => fs.readFileSync(file);
  });
  after(async () => {
    await Promise.all(servers.map((server) => server.stop(1_000)));
    certificates?.remove();
  });

  describe('with a server certificate', () => {
    let address: string;
    before(async () => {
      const { server, port } = await startEcho({
        cert: read(certificates.server.cert),
        key: read(certificates.server.key),
      });
      servers.push(server);
      address = `localhost:${port}`;
    });

    it('when the client trusts the CA, then the call is answered', async () => {
      expect(await echo(address, { ca: read(certificates.ca) })).to.equal('hello');
    });

    it("when the client does not trust the server's CA, then the call fails UNAVAILABLE", async () => {
      const error = await failure(echo(address, { ca: read(certificates.otherCa) }));
      expect(error.code).to.equal(grpc.status.UNAVAILABLE);
      expect(error.details).to.match(/certificate|handshake|ssl|tls/i);
      // No CA given: the system's CAs, which never signed a test certificate.
      expect((await failure(echo(address, {}))).code).to.equal(grpc.status.UNAVAILABLE);
    });

    it('when the client speaks plaintext to a TLS port, then the call fails UNAVAILABLE', async () => {
      expect((await failure(echo(address))).code).to.equal(grpc.status.UNAVAILABLE);
    });

    it('when a server name is set, then the certificate must carry that name instead of the host', async () => {
      const ca = read(certificates.ca);
      expect(await echo(address, { ca, serverName: 'localhost' })).to.equal('hello');
      const error = await failure(echo(address, { ca, serverName: 'team-service.teamseat.svc' }));
      expect(error.code).to.equal(grpc.status.UNAVAILABLE);
    });
  });

  describe('with mutual TLS (a client CA)', () => {
    let address: string;
    before(async () => {
      const { server, port } = await startEcho({
        cert: read(certificates.server.cert),
        key: read(certificates.server.key),
        clientCa: read(certificates.ca),
      });
      servers.push(server);
      address = `localhost:${port}`;
    });

    it('when the client presents no certificate, then it is refused', async () => {
      expect((await failure(echo(address, { ca: read(certificates.ca) }))).code).to.equal(
        grpc.status.UNAVAILABLE,
      );
    });

    it('when the client presents a certificate the CA signed, then the call is answered', async () => {
      const tls = {
        ca: read(certificates.ca),
        cert: read(certificates.client.cert),
        key: read(certificates.client.key),
      };
      expect(await echo(address, tls)).to.equal('hello');
    });
  });
});
