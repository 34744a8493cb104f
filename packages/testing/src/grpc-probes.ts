import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';

// The standard services every teamseat gRPC server carries, asked the way tools and Kubernetes ask:
// without a token. Calls go through each method's definition from the official protos, so no client
// type has to be asserted.

function methodOf(file: string, service: string, method: string) {
  const definition = protoLoader.loadSync(file, { keepCase: true, enums: String })[service];
  // Message and enum definitions carry `format`; a service definition is a map of methods.
  const found = definition === undefined || 'format' in definition ? undefined : definition[method];
  if (!found) throw new Error(`${file} has no ${service}.${method}`);
  return found;
}

const healthProto = require.resolve('grpc-health-check/proto/health/v1/health.proto');
const Check = methodOf(healthProto, 'grpc.health.v1.Health', 'Check');
const Watch = methodOf(healthProto, 'grpc.health.v1.Health', 'Watch');
const ServerReflectionInfo = methodOf(
  require.resolve('@grpc/reflection/build/proto/grpc/reflection/v1/reflection.proto'),
  'grpc.reflection.v1.ServerReflection',
  'ServerReflectionInfo',
);

const newClient = (address: string) => new grpc.Client(address, grpc.credentials.createInsecure());

function statusOf(response: object | undefined): string {
  return response !== undefined && 'status' in response ? String(response.status) : 'UNKNOWN';
}

export async function healthStatus(address: string, service = ''): Promise<string> {
  const client = newClient(address);
  try {
    return await new Promise<string>((resolve, reject) =>
      client.makeUnaryRequest(
        Check.path,
        Check.requestSerialize,
        Check.responseDeserialize,
        { service },
        { deadline: Date.now() + 2_000 },
        (error, response) => (error ? reject(error) : resolve(statusOf(response))),
      ),
    );
  } finally {
    client.close();
  }
}

/** Streams health updates of the whole server until `until` accepts one; resolves with all seen. */
export function watchHealth(address: string, until: (status: string) => boolean): Promise<string[]> {
  const client = newClient(address);
  const seen: string[] = [];
  return new Promise((resolve, reject) => {
    const stream = client.makeServerStreamRequest(
      Watch.path,
      Watch.requestSerialize,
      Watch.responseDeserialize,
      {
        service: '',
      },
    );
    stream.on('data', (update: object) => {
      const status = statusOf(update);
      seen.push(status);
      if (until(status)) {
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

function serviceNamesOf(response: object): string[] {
  const list = 'list_services_response' in response ? response.list_services_response : undefined;
  const services = typeof list === 'object' && list !== null && 'service' in list ? list.service : [];
  return Array.isArray(services)
    ? services.map((service: unknown) =>
        typeof service === 'object' && service !== null && 'name' in service ? String(service.name) : '',
      )
    : [];
}

/** The service names the server's reflection lists. */
export function listServices(address: string): Promise<string[]> {
  const client = newClient(address);
  return new Promise((resolve, reject) => {
    const stream = client.makeBidiStreamRequest(
      ServerReflectionInfo.path,
      ServerReflectionInfo.requestSerialize,
      ServerReflectionInfo.responseDeserialize,
    );
    stream.on('data', (response: object) => {
      resolve(serviceNamesOf(response));
      stream.end();
      client.close();
    });
    stream.on('error', reject);
    stream.write({ list_services: '' });
  });
}
