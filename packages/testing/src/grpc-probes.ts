import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';

// The standard services every teamseat gRPC server carries, asked the way tools and Kubernetes ask:
// without a token.

function load(file: string) {
  return grpc.loadPackageDefinition(protoLoader.loadSync(file, { keepCase: true, enums: String }));
}

const HealthClient = (
  load(require.resolve('grpc-health-check/proto/health/v1/health.proto')) as unknown as {
    grpc: { health: { v1: { Health: grpc.ServiceClientConstructor } } };
  }
).grpc.health.v1.Health;

const ReflectionClient = (
  load(require.resolve('@grpc/reflection/build/proto/grpc/reflection/v1/reflection.proto')) as unknown as {
    grpc: { reflection: { v1: { ServerReflection: grpc.ServiceClientConstructor } } };
  }
).grpc.reflection.v1.ServerReflection;

export async function healthStatus(address: string, service = ''): Promise<string> {
  const client = new HealthClient(address, grpc.credentials.createInsecure()) as unknown as grpc.Client & {
    check(
      r: { service: string },
      o: grpc.CallOptions,
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

/** Streams health updates of the whole server until `until` accepts one; resolves with all seen. */
export function watchHealth(address: string, until: (status: string) => boolean): Promise<string[]> {
  const client = new HealthClient(address, grpc.credentials.createInsecure()) as unknown as grpc.Client & {
    watch(r: { service: string }): grpc.ClientReadableStream<{ status: string }>;
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
      if (error.code === grpc.status.CANCELLED || error.code === grpc.status.UNAVAILABLE) resolve(seen);
      else reject(error);
    });
  });
}

/** The service names the server's reflection lists. */
export function listServices(address: string): Promise<string[]> {
  const client = new ReflectionClient(
    address,
    grpc.credentials.createInsecure(),
  ) as unknown as grpc.Client & {
    ServerReflectionInfo(): grpc.ClientDuplexStream<
      object,
      { list_services_response?: { service: Array<{ name: string }> } }
    >;
  };
  return new Promise((resolve, reject) => {
    const stream = client.ServerReflectionInfo();
    stream.on('data', (response) => {
      resolve(response.list_services_response?.service.map((s: { name: string }) => s.name) ?? []);
      stream.end();
      client.close();
    });
    stream.on('error', reject);
    stream.write({ list_services: '' });
  });
}
