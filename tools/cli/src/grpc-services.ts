import type { CallOptions, ServiceError } from '@grpc/grpc-js';
import { createClient, loadTeamseatProtos } from '@teamseat/grpc';
import type { Connection, ServiceTarget } from './connection';
import { CliError, grpcFailure } from './errors';

const protos = loadTeamseatProtos();

function requireToken(target: ServiceTarget): string {
  if (target.token === undefined) throw new CliError(`no token for ${target.name}: set ${target.tokenFrom}`);
  return target.token;
}

type Callback<T> = (error: ServiceError | null, value?: T) => void;

/**
 * Typed clients of both services. `call` runs one unary call with the deadline of `--timeout` and turns a
 * failure into one line naming the service (errors.ts).
 */
export function openServices(connection: Connection) {
  const clients: Array<{ close(): void }> = [];
  const options = (): CallOptions => ({ deadline: Date.now() + connection.timeoutMs });

  function open<C extends { close(): void }>(target: ServiceTarget, make: (token: string) => C) {
    let client: C | undefined;
    return {
      target,
      /** The client, made on first use (a command that needs only one service needs only its token). */
      client(): C {
        if (!client) {
          client = make(requireToken(target));
          clients.push(client);
        }
        return client;
      },
      call<T>(start: (client: C, options: CallOptions, callback: Callback<T>) => unknown): Promise<T> {
        return new Promise<T>((resolve, reject) => {
          start(this.client(), options(), (error, value) =>
            error || value === undefined ? reject(grpcFailure(error, target)) : resolve(value),
          );
        });
      },
    };
  }

  return {
    teams: open(connection.teamService, (token) =>
      createClient(protos.teamseat.team.v1.TeamService, { address: connection.teamService.address, token }),
    ),
    entitlements: open(connection.entitlementService, (token) =>
      createClient(protos.teamseat.entitlement.v1.EntitlementService, {
        address: connection.entitlementService.address,
        token,
      }),
    ),
    close() {
      for (const client of clients) client.close();
    },
  };
}

export type Services = ReturnType<typeof openServices>;
