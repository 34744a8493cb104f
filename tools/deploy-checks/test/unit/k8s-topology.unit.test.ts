import { expect } from 'chai';
import { secretReferences } from '../support/k8s-policies';
import { schemaProblems } from '../support/k8s-schema';
import { renderKustomization } from '../support/kustomize';
import { dlqTopic, loadCatalogFile, parseCatalog, TOPICS } from '@teamseat/contracts';
import { fromRoot, parseYaml, readText, type Manifest } from '../support/repo';

/* eslint-disable @typescript-eslint/no-explicit-any -- reading rendered YAML */
type Obj = Record<string, any>;

const find = (manifests: Manifest[], kind: string, name: string) => {
  const found = manifests.find((m) => m.kind === kind && m.metadata.name === name);
  if (!found) throw new Error(`${kind}/${name} is not rendered`);
  return found as Obj;
};
const configValue = (manifests: Manifest[], key: string): string => {
  const config = manifests.find(
    (m) => m.kind === 'ConfigMap' && m.metadata.name.startsWith('teamseat-config-'),
  );
  return (config as Obj).data[key];
};

// The topics entitlement-service consumes: its replicas share their partitions, one consumer group per topic.
const CONSUMED_TOPICS = [TOPICS.revenueCatWebhooks, TOPICS.memberGrants];
// What all entitlement-service replicas together may ask of RevenueCat: 75 % of 480/min (docs/adr/0006).
const REVENUECAT_BUDGET_PER_SECOND = 6;

describe('deploy/k8s: how the pieces fit', function () {
  // Rendering builds kustomize on the very first run (see k8s-manifests.unit.test.ts).
  this.timeout(600_000);
  const rendered = new Map<string, Manifest[]>();
  const render = (target: string) => {
    if (!rendered.has(target)) rendered.set(target, renderKustomization(target));
    return rendered.get(target)!;
  };
  const targets = ['deploy/k8s/base', 'deploy/k8s/overlays/dev', 'deploy/k8s/overlays/prod'];

  it('when any target is rendered, then entitlement-service can never scale past the partition count', () => {
    for (const target of targets) {
      const manifests = render(target);
      const partitions = Number(configValue(manifests, 'KAFKA_TOPIC_PARTITIONS'));
      const hpa = find(manifests, 'HorizontalPodAutoscaler', 'entitlement-service');
      expect(partitions, target).to.be.greaterThan(0);
      expect(hpa.spec.maxReplicas, target).to.be.at.most(partitions);
    }
  });

  it('when any target is rendered, then the replicas together stay within the RevenueCat budget', () => {
    for (const target of targets) {
      const manifests = render(target);
      const perReplica = Number(configValue(manifests, 'REVENUECAT_RATE_PER_SECOND'));
      const hpa = find(manifests, 'HorizontalPodAutoscaler', 'entitlement-service');
      expect(perReplica, target).to.be.greaterThan(0);
      expect(perReplica * hpa.spec.maxReplicas, target).to.be.at.most(REVENUECAT_BUDGET_PER_SECOND);
    }
  });

  it('when prod is rendered, then its partition count and brokers match the Strimzi example', () => {
    const prod = render('deploy/k8s/overlays/prod');
    const strimzi = render('deploy/k8s/examples/strimzi');
    const kafka = find(strimzi, 'Kafka', 'teamseat');
    for (const topic of CONSUMED_TOPICS) {
      expect(find(strimzi, 'KafkaTopic', topic).spec.partitions, topic).to.equal(
        Number(configValue(prod, 'KAFKA_TOPIC_PARTITIONS')),
      );
    }
    const plain = kafka.spec.kafka.listeners.find((l: Obj) => l.tls === false);
    expect(configValue(prod, 'KAFKA_BROKERS')).to.equal(
      `${kafka.metadata.name}-kafka-bootstrap.${kafka.metadata.namespace}.svc:${plain.port}`,
    );
  });

  it('when prod is rendered, then every service creates missing topics replicated as the Strimzi example', () => {
    const prod = render('deploy/k8s/overlays/prod');
    const strimzi = render('deploy/k8s/examples/strimzi');
    const topic = find(strimzi, 'KafkaTopic', TOPICS.revenueCatWebhooks);
    expect(Number(configValue(prod, 'KAFKA_TOPIC_REPLICATION_FACTOR'))).to.equal(topic.spec.replicas);
    expect(Number(configValue(prod, 'KAFKA_TOPIC_MIN_INSYNC_REPLICAS'))).to.equal(
      topic.spec.config['min.insync.replicas'],
    );
    expect(configValue(prod, 'NODE_ENV')).to.equal('production');
    for (const service of ['webhook-gateway', 'team-service', 'entitlement-service']) {
      const [container] = find(prod, 'Deployment', service).spec.template.spec.containers as Obj[];
      const names = (container!.env as Obj[]).map((variable) => variable.name);
      expect(names, service).to.include.members([
        'NODE_ENV',
        'TOPIC_REPLICATION_FACTOR',
        'TOPIC_MIN_INSYNC_REPLICAS',
      ]);
    }
  });

  it('when the Strimzi example is rendered, then topics survive one broker down with acks=all', () => {
    const strimzi = render('deploy/k8s/examples/strimzi');
    const topics = strimzi.filter((m) => m.kind === 'KafkaTopic') as Obj[];
    const main = Object.values(TOPICS);
    // Parking topics (ADR 0019) for the topics entitlement-service consumes, one partition per parking round.
    const parked = [TOPICS.revenueCatWebhooks, TOPICS.memberGrants].map((t) => `${t}.parked`);
    expect(topics.map((t) => t.spec.topicName)).to.have.members([...main, ...main.map(dlqTopic), ...parked]);
    for (const topic of parked) expect(find(strimzi, 'KafkaTopic', topic).spec.partitions, topic).to.equal(7);
    const pools = strimzi.filter((m) => m.kind === 'KafkaNodePool') as Obj[];
    const brokers = pools
      .filter((p) => p.spec.roles.includes('broker'))
      .reduce((sum, p) => sum + p.spec.replicas, 0);
    for (const topic of topics) {
      expect(topic.apiVersion).to.equal('kafka.strimzi.io/v1');
      expect(topic.metadata.labels['strimzi.io/cluster']).to.equal('teamseat');
      expect(topic.spec.replicas, topic.metadata.name).to.be.at.most(brokers);
      expect(topic.spec.config['min.insync.replicas'], topic.metadata.name).to.equal(topic.spec.replicas - 1);
    }
  });

  it('when base or prod is rendered, then only the ingress controller reaches the webhook port', () => {
    for (const target of ['deploy/k8s/base', 'deploy/k8s/overlays/prod']) {
      const policies = render(target).filter((m) => m.kind === 'NetworkPolicy') as Obj[];
      expect(policies.some((p) => Object.keys(p.spec.podSelector).length === 0)).to.equal(true);
      const toGateway = policies.filter(
        (p) => p.spec.podSelector.matchLabels?.['app.kubernetes.io/name'] === 'webhook-gateway',
      );
      const httpRules = toGateway
        .flatMap((p) => p.spec.ingress)
        .filter((r: Obj) => r.ports.some((x: Obj) => x.port === 'http'));
      expect(
        httpRules.flatMap((r: Obj) => r.from),
        target,
      ).to.deep.equal([
        {
          namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } },
          podSelector: { matchLabels: { 'app.kubernetes.io/name': 'ingress-nginx' } },
        },
      ]);
    }
  });

  it('when base is rendered, then gRPC ports admit only labelled namespaces and entitlement-service', () => {
    const policies = render('deploy/k8s/base').filter((m) => m.kind === 'NetworkPolicy') as Obj[];
    for (const service of ['team-service', 'entitlement-service']) {
      const own = policies.find((p) => p.metadata.name === service)!;
      const sources = own.spec.ingress
        .filter((r: Obj) => r.ports.some((x: Obj) => x.port === 'grpc'))
        .flatMap((r: Obj) => r.from);
      for (const source of sources) {
        const fromLabelledNamespace =
          source.namespaceSelector?.matchLabels?.['teamseat.io/grpc-client'] === 'true';
        const fromEntitlementPods =
          !source.namespaceSelector &&
          source.podSelector?.matchLabels?.['app.kubernetes.io/name'] === 'entitlement-service';
        expect(
          fromLabelledNamespace || fromEntitlementPods,
          `${service}: ${JSON.stringify(source)}`,
        ).to.equal(true);
      }
    }
  });

  it('when base is rendered, then entitlement-service reaches every team-service pod through a headless Service', () => {
    const base = render('deploy/k8s/base');
    const [container] = find(base, 'Deployment', 'entitlement-service').spec.template.spec
      .containers as Obj[];
    const target = (container!.env as Obj[]).find((e) => e.name === 'TEAM_SERVICE_ADDR')!.value as string;
    const match = /^dns:\/\/\/([a-z0-9-]+):(\d+)$/.exec(target);
    expect(match, target).to.not.equal(null);
    const service = find(base, 'Service', match![1]!);
    expect(service.spec.clusterIP).to.equal('None');
    const pods = find(base, 'Deployment', 'team-service').spec.template.metadata.labels;
    expect(pods).to.include(service.spec.selector);
    expect(service.spec.ports.map((p: Obj) => p.port)).to.include(Number(match![2]));
  });

  it('when base is rendered, then the Ingress serves only the webhook path over TLS to the gateway port', () => {
    const base = render('deploy/k8s/base');
    const ingress = find(base, 'Ingress', 'webhook-gateway');
    const hosts = ingress.spec.rules.map((r: Obj) => r.host);
    expect(ingress.spec.tls.flatMap((t: Obj) => t.hosts)).to.include.members(hosts);
    const paths = ingress.spec.rules.flatMap((r: Obj) => r.http.paths);
    expect(paths).to.have.length(1);
    expect(paths[0]).to.deep.include({ path: '/webhooks/revenuecat', pathType: 'Exact' });
    const service = find(base, 'Service', paths[0].backend.service.name);
    expect(service.spec.ports.map((p: Obj) => p.name)).to.include(paths[0].backend.service.port.name);
  });

  it('when the Gateway API example is rendered, then its HTTPRoute is valid and routes as the Ingress does', () => {
    const base = render('deploy/k8s/base');
    const example = render('deploy/k8s/examples/gateway-api');
    expect(example.flatMap(schemaProblems)).to.deep.equal([]);
    const route = find(example, 'HTTPRoute', 'webhook-gateway');
    const ingress = find(base, 'Ingress', 'webhook-gateway');
    expect(route.metadata.namespace).to.equal('teamseat');
    expect(route.spec.hostnames).to.deep.equal(ingress.spec.rules.map((r: Obj) => r.host));
    const [rule] = route.spec.rules as Obj[];
    expect(route.spec.rules).to.have.length(1);
    expect(rule!.matches).to.deep.equal([
      { path: { type: 'Exact', value: '/webhooks/revenuecat' }, method: 'POST' },
    ]);
    const [backend] = rule!.backendRefs as Obj[];
    const service = find(base, 'Service', backend!.name);
    const http = (service.spec.ports as Obj[]).find((p) => p.name === 'http')!;
    expect(backend!.port).to.equal(http.port);
  });

  it('when an HTTPRoute has a path type Gateway API lacks, then the schema check says so', () => {
    const route = find(render('deploy/k8s/examples/gateway-api'), 'HTTPRoute', 'webhook-gateway');
    const broken = structuredClone(route);
    broken.spec.rules[0].matches[0].path.type = 'Exactly';
    expect(schemaProblems(broken as Manifest).join('\n')).to.include('HTTPRoute/webhook-gateway');
  });

  it('when the base catalog is loaded as the services load it, then it is a valid catalog of team products', () => {
    const catalog = loadCatalogFile(fromRoot('deploy/k8s/base/catalog.yaml'));
    expect(catalog.products.length).to.be.greaterThan(0);
    const generator = (
      render('deploy/k8s/base').find((m) => m.metadata.name.startsWith('teamseat-catalog-')) as Obj
    ).data;
    expect(Object.keys(generator)).to.deep.equal(['catalog.yaml']);
    expect(parseCatalog(parseYaml(generator['catalog.yaml']))).to.deep.equal(catalog);
  });

  it('when the dev Secrets script runs, then it creates every Secret and key the dev overlay reads', () => {
    const script = readText('deploy/k8s/overlays/dev/create-dev-secrets.sh').replace(/\\\n\s*/g, ' ');
    const created = [...script.matchAll(/^create (\S+) (.*)$/gm)].flatMap(([, secret, args]) =>
      [...args!.matchAll(/--from-literal=([\w.-]+)=/g)].map(([, key]) => `${secret}/${key}`),
    );
    const needed = secretReferences(render('deploy/k8s/overlays/dev'))
      .filter(({ key }) => key !== 'tls.crt')
      .map(({ secret, key }) => `${secret}/${key}`);
    // `previous` is optional (only during a rotation), so the script need not create it.
    expect(needed.filter((ref) => !created.includes(ref) && !ref.endsWith('/previous'))).to.deep.equal([]);
    expect(created.length).to.be.greaterThan(4);
  });

  it('when the manifests reference Secrets, then docs/operations.md names every Secret and key to create', () => {
    const operations = readText('docs/operations.md');
    const refs = targets.flatMap((t) => secretReferences(render(t)));
    expect(refs.length).to.be.greaterThan(5);
    for (const { secret, key } of refs) {
      expect(operations, `${secret}/${key}`).to.include(secret);
      if (key !== 'tls.crt') expect(operations, `${secret}/${key}`).to.include(key);
    }
  });
});
