import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';

const definition = protoLoader.loadSync(require.resolve('grpc-health-check/proto/health/v1/health.proto'), {
  keepCase: true,
  enums: String,
});
const HealthClient = (
  grpc.loadPackageDefinition(definition) as unknown as {
    grpc: { health: { v1: { Health: grpc.ServiceClientConstructor } } };
  }
).grpc.health.v1.Health;

/** The standard gRPC health check (what Kubernetes' grpc probe asks); no token needed. */
export async function healthStatus(address: string, service = ''): Promise<string> {
  const client = new HealthClient(address, grpc.credentials.createInsecure()) as unknown as grpc.Client & {
    check(
      request: { service: string },
      options: grpc.CallOptions,
      cb: (e: Error | null, r: { status: string }) => void,
    ): void;
  };
  try {
    return await new Promise<string>((resolve, reject) =>
      client.check({ service }, { deadline: Date.now() + 2_000 }, (error, response) =>
        error ? reject(error) : resolve(response.status),
      ),
    );
  } finally {
    client.close();
  }
}

/** Streams health updates of the whole server until `until` returns true for a status; then cancels. */
export function watchHealth(address: string, until: (status: string) => boolean): Promise<string[]> {
  const client = new HealthClient(address, grpc.credentials.createInsecure()) as unknown as grpc.Client & {
    watch(request: { service: string }): grpc.ClientReadableStream<{ status: string }>;
  };
  const seen: string[] = [];
  return new Promise((resolve, reject) => {
    const stream = client.watch({ service: '' });
    stream.on('data', (update: { status: string }) => {
      seen.push(update.status);
      if (until(update.status)) {
        stream.cancel();
        client.close();
        resolve(seen);
      }
    });
    stream.on('error', (error: grpc.ServiceError) => {
      client.close();
      if (error.code === grpc.status.CANCELLED) resolve(seen);
      else reject(Object.assign(error, { seen }));
    });
  });
}
