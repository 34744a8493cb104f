import {
  credentials,
  type Client,
  type Interceptor,
  InterceptingCall,
  type ChannelOptions,
} from '@grpc/grpc-js';
import { traceInterceptor } from './tracing';

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
  creds: ReturnType<typeof credentials.createInsecure>,
  options?: ChannelOptions & { interceptors?: Interceptor[] },
) => C;

export function createClient<C extends Client>(
  Ctor: ClientConstructor<C>,
  { address, token }: { address: string; token?: string },
): C {
  return new Ctor(address, credentials.createInsecure(), {
    interceptors: token === undefined ? [traceInterceptor()] : [bearerInterceptor(token), traceInterceptor()],
  });
}
