import { expect } from 'chai';
import {
  companionProblems,
  configMapReferenceProblems,
  hpaReplicaProblems,
  imageProblem,
  policyProblems,
  probeProblems,
} from '../support/k8s-policies';
import { schemaProblems } from '../support/k8s-schema';
import type { Manifest } from '../support/repo';

// The checks the manifests pass must also catch what they exist to catch: each test breaks one thing.

function deployment(container: Record<string, unknown>, pod: Record<string, unknown> = {}): Manifest {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'bad' },
    spec: {
      selector: { matchLabels: { app: 'bad' } },
      template: {
        metadata: { labels: { app: 'bad' } },
        spec: { containers: [{ name: 'bad', ...container }], ...pod },
      },
    },
  };
}

const compliantContainer = {
  image: 'teamseat/bad:1.0.0',
  securityContext: {
    runAsNonRoot: true,
    readOnlyRootFilesystem: true,
    allowPrivilegeEscalation: false,
    capabilities: { drop: ['ALL'] },
  },
  resources: { requests: { cpu: '10m', memory: '10Mi' }, limits: { memory: '20Mi' } },
  readinessProbe: { httpGet: { path: '/readyz', port: 1 } },
  livenessProbe: { httpGet: { path: '/livez', port: 1 } },
};
const compliantPod = {
  serviceAccountName: 'bad',
  automountServiceAccountToken: false,
  securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
};

describe('deploy-checks: Kubernetes policy checks', () => {
  it('when a Deployment follows every rule, then no problem is reported', () => {
    expect(policyProblems([deployment(compliantContainer, compliantPod)])).to.deep.equal([]);
  });

  it('when a container is left with the defaults, then every missing protection is named', () => {
    const problems = policyProblems([deployment({ image: 'teamseat/bad' })]).join('\n');
    for (const expected of [
      'runAsNonRoot is not set',
      'root filesystem is not read-only',
      'allowPrivilegeEscalation is not false',
      'does not drop ALL capabilities',
      'no cpu request',
      'no memory request',
      'no memory limit',
      'no readiness probe',
      'no liveness probe',
      'has no tag (means latest)',
      'no RuntimeDefault seccomp profile',
      'mounts a service account token',
      'runs as the default service account',
    ]) {
      expect(problems).to.include(expected);
    }
  });

  it('when a secret-like variable is a literal or comes from a ConfigMap, then it is reported', () => {
    const env = [
      { name: 'REVENUECAT_API_KEY', value: 'sk_live_123' },
      { name: 'MONGODB_URI', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'uri' } } },
      { name: 'INTERNAL_AUTH_TOKENS', valueFrom: { secretKeyRef: { name: 's', key: 'k' } } },
    ];
    const problems = policyProblems([deployment({ ...compliantContainer, env }, compliantPod)]);
    expect(problems).to.deep.equal([
      'Deployment/bad container bad: REVENUECAT_API_KEY is not taken from a Secret',
      'Deployment/bad container bad: MONGODB_URI is not taken from a Secret',
    ]);
  });

  it('when a Secret is defined in the manifests, then it is reported', () => {
    const secret = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'leak' }, stringData: { a: 'b' } };
    expect(policyProblems([secret])).to.deep.equal([
      'Secret/leak: Secrets are referenced, never defined in manifests',
    ]);
  });

  it('when the grace period does not exceed the in-app shutdown timeout, then it is reported', () => {
    const env = [
      { name: 'SHUTDOWN_TIMEOUT_MS', value: '20000' },
      { name: 'SHUTDOWN_DELAY_MS', value: '5000' },
    ];
    const pod = { ...compliantPod, terminationGracePeriodSeconds: 25 };
    expect(policyProblems([deployment({ ...compliantContainer, env }, pod)])).to.deep.equal([
      "Deployment/bad: terminationGracePeriodSeconds 25 is not above the app's shutdown (25000 ms)",
    ]);
    expect(
      policyProblems([
        deployment({ ...compliantContainer, env }, { ...pod, terminationGracePeriodSeconds: 26 }),
      ]),
    ).to.be.empty;
  });

  it('when an image is tagged latest, untagged or pinned by digest, then only the first two are problems', () => {
    expect(imageProblem('registry:5000/teamseat/x:latest')).to.include('latest tag');
    expect(imageProblem('registry:5000/teamseat/x')).to.include('no tag');
    expect(imageProblem('registry:5000/teamseat/x:1.2.3')).to.equal(undefined);
    expect(imageProblem(`teamseat/x@sha256:${'a'.repeat(64)}`)).to.equal(undefined);
  });

  it('when a gRPC container is probed over HTTP, then the probe check reports it', () => {
    const grpc = { ...compliantContainer, ports: [{ name: 'grpc', containerPort: 50051 }] };
    expect(probeProblems([deployment(grpc, compliantPod)])).to.deep.equal([
      'Deployment/bad container bad: readiness is not gRPC health on 50051',
    ]);
  });

  it('when a workload has no Service, PDB, NetworkPolicy or ServiceAccount, then each is reported', () => {
    expect(companionProblems([deployment(compliantContainer, compliantPod)])).to.deep.equal([
      'Deployment/bad: ServiceAccount bad is not in the manifests',
      'Deployment/bad: no Service',
      'Deployment/bad: no PodDisruptionBudget',
      'Deployment/bad: no NetworkPolicy of its own',
    ]);
  });

  it('when an env var or volume names a ConfigMap that is not rendered, then it is reported', () => {
    const env = [{ name: 'LOG_LEVEL', valueFrom: { configMapKeyRef: { name: 'gone', key: 'LOG_LEVEL' } } }];
    const pod = { ...compliantPod, volumes: [{ name: 'catalog', configMap: { name: 'gone-too' } }] };
    expect(configMapReferenceProblems([deployment({ ...compliantContainer, env }, pod)])).to.deep.equal([
      'Deployment/bad: LOG_LEVEL refers to missing ConfigMap gone',
      'Deployment/bad: volume catalog has no ConfigMap',
    ]);
  });

  it('when a Deployment scaled by an HPA also sets replicas, then it is reported', () => {
    const hpa = {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'bad' },
      spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'bad' }, maxReplicas: 2 },
    };
    const scaled = deployment(compliantContainer, compliantPod);
    expect(hpaReplicaProblems([scaled, hpa])).to.deep.equal([]);
    (scaled.spec as Record<string, unknown>).replicas = 2;
    expect(hpaReplicaProblems([scaled, hpa])).to.deep.equal([
      'Deployment/bad: sets replicas although a HorizontalPodAutoscaler scales it',
    ]);
  });

  it('when a manifest has a wrongly typed or missing field, then the schema check reports it', () => {
    const service = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'x' },
      spec: { ports: [{ port: 'eighty' }] },
    };
    expect(schemaProblems(service)).to.deep.equal(['Service/x: data/spec/ports/0/port must be integer']);
    const noSelector = { ...deployment(compliantContainer), spec: { template: {} } } as Manifest;
    expect(schemaProblems(noSelector)[0]).to.match(/selector/);
  });

  it('when a kind has no Kubernetes schema, then it is a problem rather than silently accepted', () => {
    const unknown = { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' } };
    expect(schemaProblems(unknown)).to.deep.equal([
      'Widget/w: no Kubernetes schema for example.com/v1 Widget',
    ]);
  });
});
