import { Server, type ServiceDefinition, type UntypedServiceImplementation } from '@grpc/grpc-js';
import type { PackageDefinition } from '@grpc/proto-loader';
import { HealthImplementation, type ServingStatus } from 'grpc-health-check';
import { ReflectionService } from '@grpc/reflection';
import type { Logger } from '@teamseat/logger';
import type { Registry } from '@teamseat/metrics';
import { serverCredentials, type ServerTls } from './credentials';
import { createServerInterceptor } from './interceptors';

export interface GrpcServer {
  readonly server: Server;
  /** Sets the standard health status of '' (the whole server) and of each registered service. */
  setServing(serving: boolean): void;
  start(address: string): Promise<number>;
  /** tryShutdown, then forceShutdown when in-flight calls outlast the grace period. */
  stop(graceMs: number): Promise<void>;
}

export function createGrpcServer({
  logger,
  registry,
  authTokens,
  packageDefinition,
  services,
  tls,
}: {
  logger: Logger;
  registry: Registry;
  authTokens: string[];
  packageDefinition: PackageDefinition;
  /** Unset: plaintext (a mesh may add mTLS around it). */
  tls?: ServerTls;
  services: Array<{
    name: string;
    definition: ServiceDefinition;
    implementation: UntypedServiceImplementation;
  }>;
}): GrpcServer {
  const server = new Server({
    interceptors: [createServerInterceptor({ tokens: authTokens, logger, registry })],
  });
  const names = ['', ...services.map((service) => service.name)];
  const health = new HealthImplementation(
    Object.fromEntries(names.map((name) => [name, 'NOT_SERVING' as ServingStatus])),
  );
  health.addToServer(server);
  new ReflectionService(packageDefinition).addToServer(server);
  for (const { definition, implementation } of services) server.addService(definition, implementation);

  return {
    server,
    setServing(serving) {
      for (const name of names) health.setStatus(name, serving ? 'SERVING' : 'NOT_SERVING');
    },
    start: (address) =>
      new Promise<number>((resolve, reject) => {
        server.bindAsync(address, serverCredentials(tls), (error, port) =>
          error ? reject(error) : resolve(port),
        );
      }),
    stop: (graceMs) =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          server.forceShutdown();
          resolve();
        }, graceMs);
        server.tryShutdown(() => {
          clearTimeout(timer);
          resolve();
        });
      }),
  };
}
