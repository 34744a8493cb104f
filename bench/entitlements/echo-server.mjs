// The baseline of the CheckAccess benchmark: a bare grpc-js unary echo (raw bytes, no interceptors, no
// protobuf work) on this machine. Prints {"port": n} once listening.
import grpc from '@grpc/grpc-js';

const identity = (value) => value;
const definition = {
  Echo: {
    path: '/bench.Echo/Echo',
    requestStream: false,
    responseStream: false,
    requestSerialize: identity,
    requestDeserialize: identity,
    responseSerialize: identity,
    responseDeserialize: identity,
  },
};
const server = new grpc.Server();
server.addService(definition, { Echo: (call, callback) => callback(null, call.request) });
server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, port) => {
  if (error) throw error;
  console.log(JSON.stringify({ port }));
});
process.on('SIGTERM', () => server.tryShutdown(() => process.exit(0)));
export { definition };
