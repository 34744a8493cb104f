import { expect } from 'chai';
import { status, type ServiceError } from '@grpc/grpc-js';
import { createClient, createGrpcServer, reasonOf, type GrpcServer } from '@teamseat/grpc';
import { createMetricsRegistry } from '@teamseat/metrics';
import { SERVICE_NAME } from '../../src/entitlement-service';
import { createChangeHub } from '../../src/application/change-hub';
import { createEntitlementGrpcService } from '../../src/entry-points/grpc/entitlement-grpc-service';
import { EntitlementServiceClient, packageDefinition } from '../support/protos';
import type { CustomerSync } from '../../src/application/customer-sync';
import { call, testLogger, TOKEN } from '../support/service-harness';

/** A use case none of these calls should reach. */
const unused = <T>(): T =>
  new Proxy(
    {},
    {
      get: () => () => {
        throw new Error('not used by this test');
      },
    },
  ) as T;

describe('gRPC API, unknown errors', function () {
  let server: GrpcServer;
  let address: string;

  before(async () => {
    const logger = testLogger();
    server = createGrpcServer({
      logger,
      registry: createMetricsRegistry('entitlement-unknown-errors'),
      authTokens: [TOKEN],
      packageDefinition,
      services: [
        {
          name: SERVICE_NAME,
          definition: EntitlementServiceClient.service,
          implementation: createEntitlementGrpcService({
            access: unused(),
            sync: {
              ...unused<CustomerSync>(),
              sync: async () => {
                throw new TypeError("Cannot read properties of undefined (reading 'mongodb://admin:pw@db')");
              },
            },
            reconciler: unused(),
            reports: unused(),
            members: unused(),
            sweepStatus: unused(),
            hub: createChangeHub(),
            now: () => Date.now(),
            logger,
          }),
        },
      ],
    });
    address = `127.0.0.1:${await server.start('127.0.0.1:0')}`;
  });

  after(() => server.stop(1_000));

  it('when SyncCustomer meets an unknown error, then the caller gets INTERNAL "internal error" and nothing of it', async () => {
    const client = createClient(EntitlementServiceClient, { address, token: TOKEN });
    const error = (await call(client, 'SyncCustomer', { userId: 'u-1' }).catch(
      (e: unknown) => e,
    )) as ServiceError;
    client.close();
    expect(error.code).to.equal(status.INTERNAL);
    expect(error.details).to.equal('internal error');
    expect(reasonOf(error)).to.equal('INTERNAL');
  });
});
