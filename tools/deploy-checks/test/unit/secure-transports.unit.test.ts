import { expect } from 'chai';
import { podSpecOf, policyProblems, secretReferences } from '../support/k8s-policies';
import { schemaProblems } from '../support/k8s-schema';
import { ensureKustomize, renderKustomization } from '../support/kustomize';
import { readText, type Manifest } from '../support/repo';
import { configKeys } from '../support/service-config';

const EXAMPLE = 'deploy/k8s/examples/secure-transports';
const SERVICES = ['webhook-gateway', 'team-service', 'entitlement-service'] as const;

/* eslint-disable @typescript-eslint/no-explicit-any -- manifests are untyped YAML */
type Container = {
  env: Array<{ name: string; value?: string; valueFrom?: any }>;
  volumeMounts: Array<{ name: string; mountPath: string }>;
  startupProbe?: any;
  readinessProbe?: any;
};

describe('deploy/k8s/components/secure-transports (docs/adr/0033)', function () {
  let manifests: Manifest[] = [];
  const deployment = (name: string) =>
    manifests.find((m) => m.kind === 'Deployment' && m.metadata.name === name)!;
  const containerOf = (name: string) => podSpecOf(deployment(name))!.containers[0] as Container;
  const envOf = (name: string) =>
    Object.fromEntries(containerOf(name).env.map((e) => [e.name, e.value ?? '(reference)']));

  before(function () {
    this.timeout(600_000);
    ensureKustomize();
    manifests = renderKustomization(EXAMPLE);
  });

  it('when rendered on top of the prod overlay, then every manifest validates and every pod keeps its policies', () => {
    expect(manifests.flatMap(schemaProblems)).to.deep.equal([]);
    expect(policyProblems(manifests)).to.deep.equal([]);
  });

  it('when rendered, then every service reaches Kafka over TLS with SCRAM-SHA-512, its password read from a file', () => {
    for (const name of SERVICES) {
      expect(envOf(name), name).to.include({
        KAFKA_SSL: 'true',
        KAFKA_SASL_MECHANISM: 'scram-sha-512',
        KAFKA_SASL_USERNAME: '(reference)',
        KAFKA_SASL_PASSWORD_FILE: '/etc/teamseat/kafka/password',
      });
    }
  });

  it('when rendered, then every variable set is one the service reads, and every file it names is mounted', () => {
    for (const name of SERVICES) {
      const env = envOf(name);
      const known = configKeys(`services/${name}`);
      expect(
        Object.keys(env).filter((key) => !known.includes(key)),
        name,
      ).to.deep.equal([]);
      const mounts = containerOf(name).volumeMounts.map((mount) => mount.mountPath);
      const files = Object.entries(env).filter(([key]) => key.endsWith('_FILE'));
      expect(files.length, name).to.be.greaterThan(1);
      for (const [key, file] of files) {
        expect(
          mounts.some((mount) => file.startsWith(`${mount}/`)),
          `${name} ${key}=${file}`,
        ).to.equal(true);
      }
    }
  });

  it('when the gRPC ports serve TLS, then their probes use the admin port (kubelet gRPC probes are plaintext)', () => {
    for (const name of ['team-service', 'entitlement-service']) {
      const env = envOf(name);
      expect(env, name).to.have.property('GRPC_TLS_CERT_FILE');
      const { startupProbe, readinessProbe } = containerOf(name);
      for (const probe of [startupProbe, readinessProbe]) {
        expect(probe.grpc, name).to.equal(undefined);
        expect(probe.httpGet, name).to.deep.equal({ path: '/readyz', port: 'admin' });
      }
    }
    expect(envOf('team-service')).to.have.property('GRPC_TLS_CLIENT_CA_FILE');
    expect(envOf('entitlement-service')).to.include({ TEAM_SERVICE_TLS: 'true' });
  });

  it('when it mounts Secrets, then docs/operations.md names every Secret and key to create', () => {
    const operations = readText('docs/operations.md');
    const volumes = SERVICES.flatMap((name) => podSpecOf(deployment(name))!.volumes as any[]);
    const mounted = volumes
      .filter((volume) => volume.secret)
      .flatMap((volume) =>
        (volume.secret.items ?? [{ key: 'tls.crt' }, { key: 'tls.key' }, { key: 'ca.crt' }]).map(
          (item: { key: string }) => ({ secret: volume.secret.secretName as string, key: item.key }),
        ),
      );
    const refs = [...mounted, ...secretReferences(manifests)];
    for (const { secret, key } of refs) {
      expect(operations, `${secret}/${key}`).to.include(secret);
      expect(operations, `${secret}/${key}`).to.include(key);
    }
    expect(mounted.map(({ secret }) => secret)).to.include.members([
      'teamseat-kafka',
      'team-service-grpc-tls',
      'entitlement-service-grpc-tls',
    ]);
  });
});
