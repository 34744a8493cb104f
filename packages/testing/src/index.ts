export {
  getInfrastructure,
  selectInfrastructure,
  parseBrokers,
  type Endpoints,
  type Infrastructure,
  type InfrastructureProviders,
  type InfrastructureSource,
  type Needs,
} from './infrastructure';
export { startLocalStack, findRepoRoot, parseStackEnv } from './local-stack';
export { isDockerAvailable, startContainers } from './containers';
export {
  createTestTopic,
  consumeMessages,
  messagesOnTopic,
  type ConsumedMessage,
  type ConsumeOptions,
  type TestTopicOptions,
} from './kafka-helpers';
export { randomName, randomDatabaseUri } from './names';
export { isMadeUpName, listNames, removeLeftovers, type Names } from './leftovers';
export { waitFor, type WaitForOptions } from './wait-for';
export { startThrowawayBroker, type SecureListeners, type ThrowawayBroker } from './throwaway-broker';
export { createTestCertificates, type CertificateFiles, type TestCertificates } from './test-certificates';
export { startThrowawayFerretDb, type ThrowawayFerretDb } from './throwaway-ferretdb';
export { freePort } from './child-processes';
export { healthStatus, watchHealth, listServices } from './grpc-probes';
export { startServiceProcess, type ServiceProcess } from './service-process';
export { startInMemoryTracing, type InMemoryTracing } from './in-memory-tracing';
export { productionSecretChecks } from './production-secrets';
