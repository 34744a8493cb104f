import { Metadata, type Client, type ServiceDefinition } from '@grpc/grpc-js';
import { createClient, loadTeamseatProtos } from '@teamseat/grpc';

const protos = loadTeamseatProtos();

export interface Rpc {
  <Res>(method: string, request: object): Promise<Res>;
  close(): void;
}

/**
 * Calls any unary method of the service by its proto name, through the method's definition. The demo names
 * methods as strings, so the response type is the caller's to state.
 */
function rpcOf(client: Client, service: ServiceDefinition): Rpc {
  const rpc = <Res>(method: string, request: object) =>
    new Promise<Res>((resolve, reject) => {
      const definition = service[method];
      if (!definition) return reject(new Error(`no method ${method}`));
      client.makeUnaryRequest(
        definition.path,
        definition.requestSerialize,
        definition.responseDeserialize,
        request,
        new Metadata(),
        { deadline: Date.now() + 10_000 },
        (error, response) => (error ? reject(error) : resolve(response)),
      );
    });
  return Object.assign(rpc, { close: () => client.close() });
}

export function teamService(address: string, token: string): Rpc {
  const { TeamService } = protos.teamseat.team.v1;
  return rpcOf(createClient(TeamService, { address, token }), TeamService.service);
}

export function entitlementService(address: string, token: string): Rpc {
  const { EntitlementService } = protos.teamseat.entitlement.v1;
  return rpcOf(createClient(EntitlementService, { address, token }), EntitlementService.service);
}

/** The emulator's control API (`/_emulator/...`): store actions and the virtual clock. */
export function emulatorControl(baseUrl: string) {
  const root = `${baseUrl.replace(/\/+$/, '')}/_emulator`;
  async function send<T>(method: string, path: string, body?: object): Promise<T> {
    const response = await fetch(root + path, {
      method,
      headers: body ? { 'content-type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`emulator ${method} ${path}: ${response.status} ${text}`);
    return (text ? JSON.parse(text) : {}) as T;
  }
  return {
    health: () => send<{ now_ms: number }>('GET', '/health'),
    store: (action: string, body: object) =>
      send<{ events: Array<{ type: string }> }>('POST', `/store/${action}`, body),
    advance: (body: { days?: number; hours?: number }) =>
      send<{ now_ms: number; events: Array<{ type: string }> }>('POST', '/clock/advance', body),
  };
}
