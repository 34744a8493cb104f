import path from 'node:path';
import { Writable } from 'node:stream';
import { expect } from 'chai';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { Root } from 'protobufjs';
import { AppError, toAppError } from '@teamseat/errors';
import { createLogger } from '@teamseat/logger';
import { createMetricsRegistry } from '@teamseat/metrics';
import { createClient, createGrpcServer, reasonOf, unary, type GrpcServer } from '../../src';

const packageDefinition = protoLoader.loadSync(path.join(__dirname, '../fixtures/echo.proto'));
const loaded = grpc.loadPackageDefinition(packageDefinition) as unknown as {
  teamseat: { test: { v1: { EchoService: grpc.ServiceClientConstructor } } };
};
const EchoService = loaded.teamseat.test.v1.EchoService;
type EchoClient = grpc.Client & {
  echo(
    request: { text: string },
    callback: (error: grpc.ServiceError | null, response?: { text: string }) => void,
  ): void;
};

const healthProto = protoLoader.loadSync(require.resolve('grpc-health-check/proto/health/v1/health.proto'), {
  enums: String,
});
const HealthClient = (
  grpc.loadPackageDefinition(healthProto) as unknown as {
    grpc: { health: { v1: { Health: grpc.ServiceClientConstructor } } };
  }
).grpc.health.v1.Health;

function call(client: EchoClient, text: string): Promise<{ text: string }> {
  return new Promise((resolve, reject) =>
    client.echo({ text }, (error, response) => (error ? reject(error) : resolve(response!))),
  );
}

describe('grpc server', () => {
  let server: GrpcServer;
  let address: string;
  const aborted: unknown[] = [];
  const contexts: object[] = [];
  const registry = createMetricsRegistry('grpc-test');
  const logged: Array<{ level: string; msg: string; err?: { message: string; stack: string } }> = [];
  const logLines = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logged.push(JSON.parse(chunk.toString()));
      done();
    },
  });

  before(async () => {
    server = createGrpcServer({
      logger: createLogger({ service: 'grpc-test', level: 'error', destination: logLines }),
      registry,
      authTokens: ['token-a', 'token-b'],
      packageDefinition,
      services: [
        {
          name: 'teamseat.test.v1.EchoService',
          definition: EchoService.service,
          implementation: {
            echo: unary(async (request: { text: string }, context) => {
              const { signal } = context;
              if (request.text === 'context') contexts.push(context);
              if (request.text === 'wait-for-cancel') {
                await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
                aborted.push(signal.reason);
                return { text: 'aborted' };
              }
              if (request.text === 'bug') throw new Error('connect to mongodb://admin:hunter2@db failed');
              if (request.text === 'wrapped-bug') {
                throw toAppError(new Error('connect to mongodb://admin:hunter2@db failed'));
              }
              if (request.text === 'known-internal') {
                throw new AppError('INTERNAL', 'grant ledger out of step', { reason: 'LEDGER_OUT_OF_STEP' });
              }
              if (request.text === 'full') {
                throw new AppError('RESOURCE_EXHAUSTED', '3 of 3 seats used', {
                  reason: 'SEAT_LIMIT_REACHED',
                });
              }
              return { text: request.text };
            }),
          },
        },
      ],
    });
    address = `127.0.0.1:${await server.start('127.0.0.1:0')}`;
  });

  after(() => server.stop(1_000));

  it("when the client cancels a call, then the handler's signal aborts", async () => {
    const client = createClient(EchoService as never, { address, token: 'token-a' }) as EchoClient;
    const pending = client.echo(
      { text: 'wait-for-cancel' },
      () => undefined,
    ) as unknown as grpc.ClientUnaryCall;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(aborted, 'aborted before the cancel').to.have.length(0);
    pending.cancel();
    const started = Date.now();
    while (aborted.length === 0 && Date.now() - started < 5_000) await new Promise((r) => setTimeout(r, 20));
    expect(aborted, 'handlers whose signal aborted').to.have.length(1);
    client.close();
  });

  it('when a handler runs, then its context has no accessor of its own', async () => {
    // An object literal with a getter gets an accessor pair per call, which V8 allocates in old space: it
    // kept every call's objects alive through young-generation collections (ADR 0011).
    const client = createClient(EchoService as never, { address, token: 'token-a' }) as EchoClient;
    await call(client, 'context');
    client.close();
    expect(contexts).to.have.length(1);
    const context = contexts[0]!;
    const accessors = Object.entries(Object.getOwnPropertyDescriptors(context))
      .filter(([, descriptor]) => descriptor.get !== undefined || descriptor.set !== undefined)
      .map(([name]) => name);
    expect(accessors, 'own accessor properties').to.deep.equal([]);
    expect((context as { signal: AbortSignal }).signal.aborted).to.equal(false);
  });

  it('when calls are served or refused, then each is counted once by service, method and status code', async () => {
    // The labels of go-grpc-prometheus, which common gRPC dashboards read.
    const count = async (code: string) =>
      (await registry.getSingleMetric('grpc_server_handled_total')!.get()).values
        .filter(
          (v) =>
            v.labels.grpc_service === 'teamseat.test.v1.EchoService' &&
            v.labels.grpc_method === 'Echo' &&
            v.labels.grpc_type === 'unary' &&
            v.labels.grpc_code === code,
        )
        .reduce((sum, v) => sum + v.value, 0);
    const [okBefore, refusedBefore] = [await count('OK'), await count('UNAUTHENTICATED')];
    const good = createClient(EchoService as never, { address, token: 'token-a' }) as EchoClient;
    const bad = createClient(EchoService as never, { address, token: 'token-x' }) as EchoClient;
    await call(good, 'hi');
    await call(bad, 'hi').catch(() => undefined);
    await call(bad, 'hi').catch(() => undefined);
    expect(await count('OK')).to.equal(okBefore + 1);
    expect(await count('UNAUTHENTICATED')).to.equal(refusedBefore + 2);
    good.close();
    bad.close();
  });

  it('when a call carries no token, then it is refused with UNAUTHENTICATED', async () => {
    const client = createClient(EchoService as never, { address }) as EchoClient;
    const error = await call(client, 'hi').catch((e: grpc.ServiceError) => e);
    expect(error).to.include({
      code: grpc.status.UNAUTHENTICATED,
      details: 'authorization: missing bearer token',
    });
    client.close();
  });

  it('when a call carries an unknown token, then it is refused with UNAUTHENTICATED', async () => {
    const client = createClient(EchoService as never, { address, token: 'token-c' }) as EchoClient;
    const error = await call(client, 'hi').catch((e: grpc.ServiceError) => e);
    expect(error).to.include({
      code: grpc.status.UNAUTHENTICATED,
      details: 'authorization: unknown bearer token',
    });
    client.close();
  });

  it('when a call carries any configured token, then it is served', async () => {
    const client = createClient(EchoService as never, { address, token: 'token-b' }) as EchoClient;
    expect(await call(client, 'hi')).to.deep.equal({ text: 'hi' });
    client.close();
  });

  it('when the handler throws an AppError, then the status, message and reason reach the client', async () => {
    const client = createClient(EchoService as never, { address, token: 'token-a' }) as EchoClient;
    const error = (await call(client, 'full').catch((e: grpc.ServiceError) => e)) as grpc.ServiceError;
    expect(error.code).to.equal(grpc.status.RESOURCE_EXHAUSTED);
    expect(error.details).to.equal('3 of 3 seats used');
    expect(reasonOf(error)).to.equal('SEAT_LIMIT_REACHED');
    const statusBytes = error.metadata.get('grpc-status-details-bin')[0] as Buffer;
    const root = Root.fromJSON({
      nested: {
        Status: {
          fields: {
            code: { type: 'int32', id: 1 },
            message: { type: 'string', id: 2 },
            details: { rule: 'repeated', type: 'Any', id: 3 },
          },
        },
        Any: { fields: { type_url: { type: 'string', id: 1 }, value: { type: 'bytes', id: 2 } } },
        ErrorInfo: { fields: { reason: { type: 'string', id: 1 }, domain: { type: 'string', id: 2 } } },
      },
    });
    const decoded = root.lookupType('Status').decode(statusBytes) as unknown as {
      code: number;
      details: Array<{ type_url: string; value: Uint8Array }>;
    };
    expect(decoded.code).to.equal(grpc.status.RESOURCE_EXHAUSTED);
    expect(decoded.details[0]!.type_url).to.equal('type.googleapis.com/google.rpc.ErrorInfo');
    const info = root.lookupType('ErrorInfo').decode(decoded.details[0]!.value) as unknown as {
      reason: string;
    };
    expect(info.reason).to.equal('SEAT_LIMIT_REACHED');
    client.close();
  });

  it('when a handler throws an unknown error, then the caller gets only INTERNAL "internal error" and the log has the error with its stack', async () => {
    const client = createClient(EchoService as never, { address, token: 'token-a' }) as EchoClient;
    const error = (await call(client, 'bug').catch((e: grpc.ServiceError) => e)) as grpc.ServiceError;
    client.close();
    expect(error.code).to.equal(grpc.status.INTERNAL);
    expect(error.details).to.equal('internal error');
    expect(reasonOf(error)).to.equal('INTERNAL');
    const statusBytes = error.metadata.get('grpc-status-details-bin')[0] as Buffer;
    expect(statusBytes.toString('latin1')).to.not.include('hunter2');
    const entry = logged.find((line) => line.err?.message.includes('hunter2'));
    expect(entry, 'a log line with the original error').to.not.equal(undefined);
    expect(entry!.level).to.equal('error');
    expect(entry!.err!.stack).to.include('grpc-server.int.test.ts');
  });

  it('when a handler throws an unknown error wrapped by toAppError, then the caller still gets only INTERNAL "internal error"', async () => {
    const client = createClient(EchoService as never, { address, token: 'token-a' }) as EchoClient;
    const error = (await call(client, 'wrapped-bug').catch((e: grpc.ServiceError) => e)) as grpc.ServiceError;
    client.close();
    expect(error.code).to.equal(grpc.status.INTERNAL);
    expect(error.details).to.equal('internal error');
    expect(reasonOf(error)).to.equal('INTERNAL');
    const statusBytes = error.metadata.get('grpc-status-details-bin')[0] as Buffer;
    expect(statusBytes.toString('latin1')).to.not.include('hunter2');
  });

  it('when a handler throws an AppError with code INTERNAL, then its own message and reason reach the caller', async () => {
    const client = createClient(EchoService as never, { address, token: 'token-a' }) as EchoClient;
    const error = (await call(client, 'known-internal').catch(
      (e: grpc.ServiceError) => e,
    )) as grpc.ServiceError;
    client.close();
    expect(error.code).to.equal(grpc.status.INTERNAL);
    expect(error.details).to.equal('grant ledger out of step');
    expect(reasonOf(error)).to.equal('LEDGER_OUT_OF_STEP');
  });

  it('when the health service is asked without a token, then it answers, NOT_SERVING until set to serving', async () => {
    const health = new HealthClient(address, grpc.credentials.createInsecure()) as unknown as grpc.Client & {
      check(
        request: { service: string },
        callback: (error: grpc.ServiceError | null, response?: { status: string }) => void,
      ): void;
    };
    const check = (service: string) =>
      new Promise<string>((resolve, reject) =>
        health.check({ service }, (error, response) =>
          error ? reject(error) : resolve(String(response!.status)),
        ),
      );
    expect(await check('')).to.equal('NOT_SERVING');
    server.setServing(true);
    expect(await check('teamseat.test.v1.EchoService')).to.equal('SERVING');
    server.setServing(false);
    expect(await check('')).to.equal('NOT_SERVING');
    health.close();
  });
});
