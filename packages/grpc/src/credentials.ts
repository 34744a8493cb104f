import { credentials, ServerCredentials, type ChannelCredentials } from '@grpc/grpc-js';

/** TLS of a gRPC port, as @teamseat/config's grpcServerTls() reads it (docs/adr/0033). */
export interface ServerTls {
  cert: Buffer;
  key: Buffer;
  /** Set: mutual TLS; a caller without a certificate this CA signed is refused during the handshake. */
  clientCa?: Buffer;
}

/** TLS of a channel, as @teamseat/config's grpcClientTls() reads it. */
export interface ClientTls {
  /** Unset: the system's CAs. */
  ca?: Buffer;
  /** A client certificate, for servers requiring mutual TLS. */
  cert?: Buffer;
  key?: Buffer;
  /** The name the server's certificate must carry when the address's host differs. */
  serverName?: string;
}

export function serverCredentials(tls?: ServerTls): ServerCredentials {
  if (tls === undefined) return ServerCredentials.createInsecure();
  return ServerCredentials.createSsl(
    tls.clientCa ?? null,
    [{ cert_chain: tls.cert, private_key: tls.key }],
    tls.clientCa !== undefined,
  );
}

export function channelCredentials(tls?: ClientTls): ChannelCredentials {
  if (tls === undefined) return credentials.createInsecure();
  return credentials.createSsl(tls.ca ?? null, tls.key ?? null, tls.cert ?? null);
}

/** Channel options that go with channelCredentials: the expected server name, when overridden. */
export function channelTlsOptions(tls?: ClientTls): Record<string, string> {
  return tls?.serverName === undefined ? {} : { 'grpc.ssl_target_name_override': tls.serverName };
}
