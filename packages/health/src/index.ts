export * from './readiness';
export * from './admin-server';
export * from './shutdown';
