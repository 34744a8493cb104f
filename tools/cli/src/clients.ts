import { loadPackageDefinition, Metadata, type ServiceError } from '@grpc/grpc-js';
import { createClient, loadEmbeddedDescriptors } from '@teamseat/grpc';
import type { ProtoGrpcType as EntitlementProto } from '@teamseat/grpc/dist/generated/entitlement_service';
import type { ProtoGrpcType as TeamProto } from '@teamseat/grpc/dist/generated/team_service';
import type { EntitlementServiceClient } from '@teamseat/grpc/dist/generated/teamseat/entitlement/v1/EntitlementService';
import type { TeamServiceClient } from '@teamseat/grpc/dist/generated/teamseat/team/v1/TeamService';

const loaded = loadPackageDefinition(loadEmbeddedDescriptors()) as unknown as TeamProto & EntitlementProto;

export interface Rpc {
  <Res>(method: string, request: object): Promise<Res>;
  close(): void;
}

function rpcOf(client: { close(): void }): Rpc {
  const rpc = <Res>(method: string, request: object) =>
    new Promise<Res>((resolve, reject) => {
      type Unary = (
        req: object,
        md: Metadata,
        opts: object,
        cb: (e: ServiceError | null, r: Res) => void,
      ) => void;
      const fn = (client as unknown as Record<string, Unary | undefined>)[method];
      if (!fn) return reject(new Error(`no method ${method}`));
      fn.call(
        client,
        request,
        new Metadata(),
        { deadline: Date.now() + 10_000 },
        (error: ServiceError | null, response: Res) => (error ? reject(error) : resolve(response)),
      );
    });
  return Object.assign(rpc, { close: () => client.close() });
}

export function teamService(address: string, token: string): Rpc {
  return rpcOf(
    createClient(loaded.teamseat.team.v1.TeamService as never, { address, token }) as TeamServiceClient,
  );
}

export function entitlementService(address: string, token: string): Rpc {
  return rpcOf(
    createClient(loaded.teamseat.entitlement.v1.EntitlementService as never, {
      address,
      token,
    }) as EntitlementServiceClient,
  );
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
