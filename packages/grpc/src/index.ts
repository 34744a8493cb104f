export * from './server';
export * from './unary';
export * from './client';
export * from './interceptors';
export * from './status-details';
export { status, Metadata } from '@grpc/grpc-js';
export * from './proto-options';
export * from './generated-types';
export * from './teamseat-protos';
