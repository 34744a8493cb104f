import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dlqTopic, TOPICS } from '@teamseat/contracts';
import { expect } from 'chai';
import { stringify } from 'yaml';
import { containerPorts, lintCompose, publishedPorts, readCompose } from '../support/compose';
import { imageProblem } from '../support/k8s-policies';
import { portsTable } from '../support/ports-table';
import { existsIn, parseYamlDocuments, readText, SERVICES } from '../support/repo';

const APP_SERVICES = SERVICES.map((s) => s.name);
const compose = readCompose();
const services = compose.services;

describe('docker-compose.yml', () => {
  it('when linted with dclint, then it matches the Compose schema and breaks no enabled rule', () => {
    expect(lintCompose('docker-compose.yml')).to.deep.equal([]);
  });

  it('when a Compose file has a misspelt key, a bad condition or a port open to all, then the lint says so', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'compose-lint-'));
    const lint = (edit: (file: typeof compose) => void) => {
      const broken = structuredClone(compose);
      edit(broken);
      writeFileSync(path.join(dir, 'docker-compose.yml'), stringify(broken));
      return lintCompose(path.join(dir, 'docker-compose.yml')).map((m) => m.rule);
    };
    try {
      expect(lint((f) => (f.services.kafka!.healthcheck.intervall = '5s'))).to.deep.equal(['invalid-schema']);
      expect(
        lint((f) => (f.services['team-service']!.depends_on.mongodb.condition = 'service_happy')),
      ).to.deep.equal(['invalid-schema']);
      // (Re-serialised YAML loses the port quotes, so other rules speak too; this one must be among them.)
      expect(lint((f) => (f.services.mongodb!.ports = ['27017:27017']))).to.include(
        'no-unbound-port-interfaces',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('when read, then it runs Kafka, MongoDB, topic creation, the three services and the dev-only emulator', () => {
    expect(Object.keys(services)).to.have.members(['kafka', 'kafka-topics', 'mongodb', ...APP_SERVICES]);
    for (const [name, service] of Object.entries(services)) {
      expect(service.profiles, name).to.deep.equal(name === 'revenuecat-emulator' ? ['dev'] : undefined);
    }
  });

  it('when read, then Kafka is the official image in KRaft mode and MongoDB a single-node replica set', () => {
    expect(services.kafka!.image).to.match(/^apache\/kafka:\d+\.\d+\.\d+$/);
    expect(services.kafka!.environment.KAFKA_PROCESS_ROLES).to.equal('broker,controller');
    expect(JSON.stringify(compose)).not.to.match(/zookeeper/i);
    expect(services.mongodb!.image).to.match(/^mongo:\d+\.\d+\.\d+$/);
    const replSet = services.mongodb!.command[services.mongodb!.command.indexOf('--replSet') + 1];
    expect(replSet).to.be.a('string');
    expect(services.mongodb!.healthcheck.test.join(' ')).to.include(`rs.initiate({ _id: '${replSet}'`);
    for (const name of ['team-service', 'entitlement-service']) {
      expect(services[name]!.environment.MONGODB_URI, name).to.include(`replicaSet=${replSet}`);
    }
  });

  it('when services start, then each waits for what it needs to be healthy or finished', () => {
    for (const [name, service] of Object.entries(services)) {
      for (const [dependency, { condition }] of Object.entries(service.depends_on ?? {}) as Array<
        [string, { condition: string }]
      >) {
        expect(services[dependency], `${name} → ${dependency}`).to.exist;
        expect(condition, `${name} → ${dependency}`).to.be.oneOf([
          'service_healthy',
          'service_completed_successfully',
        ]);
        if (condition === 'service_healthy') expect(services[dependency]!.healthcheck, dependency).to.exist;
      }
    }
    for (const name of ['webhook-gateway', 'team-service', 'entitlement-service']) {
      expect(services[name]!.depends_on['kafka-topics'].condition, name).to.equal(
        'service_completed_successfully',
      );
      expect(services[name]!.healthcheck, name).to.exist;
    }
    expect(services['entitlement-service']!.depends_on['team-service'].condition).to.equal('service_healthy');
  });

  it('when topics are created, then they are the topics of the Strimzi example, with the same names', () => {
    const script = services['kafka-topics']!.command.join('\n') as string;
    const created = script.match(/[a-z-]+\.[a-z.0-9-]+\.v1(\.dlq|\.parked)?/g) ?? [];
    const strimzi = parseYamlDocuments(readText('deploy/k8s/examples/strimzi/topics.yaml')) as Array<{
      spec: { topicName: string };
    }>;
    expect([...new Set(created)]).to.have.members(strimzi.map((t) => t.spec.topicName));
    expect(created).to.include.members([...Object.values(TOPICS), ...Object.values(TOPICS).map(dlqTopic)]);
    expect(created).to.include.members(
      [TOPICS.revenueCatWebhooks, TOPICS.memberGrants].map((t) => `${t}.parked`),
    );
  });

  it('when the services are built, then each builds the one Dockerfile for its workspace with a pinned tag', () => {
    for (const { name, dir } of SERVICES) {
      const service = services[name]!;
      expect(service.build, name).to.deep.equal({ context: '.', args: { SERVICE: dir } });
      expect(existsIn(`${dir}/package.json`), dir).to.equal(true);
      expect(imageProblem(service.image.replace('${TEAMSEAT_VERSION:-0.1.0}', '0.1.0')), name).to.equal(
        undefined,
      );
      expect(service.read_only, name).to.equal(true);
      expect(service.cap_drop, name).to.deep.equal(['ALL']);
    }
  });

  it('when a service mounts the catalog, then the file exists and CATALOG_FILE points at the mount', () => {
    for (const name of APP_SERVICES) {
      const service = services[name]!;
      if (!service.environment.CATALOG_FILE) continue;
      const [source, target] = (service.volumes as string[])[0]!.split(':');
      expect(existsIn(source!), name).to.equal(true);
      expect(service.environment.CATALOG_FILE, name).to.equal(target);
    }
    expect(existsIn('config/catalog.sample.yaml')).to.equal(true);
  });

  it('when ports are published, then host and container ports agree with the README ports table', () => {
    const readme = portsTable(readText('README.md'), APP_SERVICES);
    const operations = portsTable(readText('docs/operations.md'), APP_SERVICES);
    for (const table of [readme, operations]) {
      expect([...table.keys()]).to.have.members(APP_SERVICES);
      for (const name of APP_SERVICES) {
        expect(publishedPorts(services[name]!), name).to.have.members(table.get(name)!);
        expect(containerPorts(services[name]!), name).to.have.members(table.get(name)!);
      }
    }
  });
});
