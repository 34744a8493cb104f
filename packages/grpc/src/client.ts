import {
  type ChannelCredentials,
  type Client,
  type Interceptor,
  InterceptingCall,
  type ChannelOptions,
} from '@grpc/grpc-js';
import { traceInterceptor } from './tracing';
import { channelCredentials, channelTlsOptions, type ClientTls } from './credentials';

/** Adds `authorization: Bearer <token>` to every call; works over insecure channels, unlike call credentials. */
export function bearerInterceptor(token: string): Interceptor {
  return (options, nextCall) =>
    new InterceptingCall(nextCall(options), {
      start: (metadata, listener, next) => {
        metadata.set('authorization', `Bearer ${token}`);
        next(metadata, listener);
      },
    });
}

type ClientConstructor<C extends Client> = new (
  address: string,
  creds: ChannelCredentials,
  options?: ChannelOptions & { interceptors?: Interceptor[] },
) => C;

/** A client with the bearer token on every call, over TLS when `tls` is given (docs/adr/0033). */
export function createClient<C extends Client>(
  Ctor: ClientConstructor<C>,
  { address, token, tls }: { address: string; token?: string; tls?: ClientTls },
): C {
  return new Ctor(address, channelCredentials(tls), {
    ...channelTlsOptions(tls),
    interceptors: token === undefined ? [traceInterceptor()] : [bearerInterceptor(token), traceInterceptor()],
  });
}
