import { expect } from 'chai';
import {
  companionProblems,
  configMapReferenceProblems,
  hpaReplicaProblems,
  policyProblems,
  probeProblems,
} from '../support/k8s-policies';
import { schemaProblems } from '../support/k8s-schema';
import { ensureKustomize, renderKustomization } from '../support/kustomize';
import type { Manifest } from '../support/repo';

const TARGETS = ['deploy/k8s/base', 'deploy/k8s/overlays/dev', 'deploy/k8s/overlays/prod'] as const;

describe('deploy/k8s: base and overlays', function () {
  const rendered = new Map<string, Manifest[]>();

  before(function () {
    // The first run builds kustomize from the Go module proxy (cached under .local/bin afterwards).
    this.timeout(600_000);
    ensureKustomize();
    for (const target of TARGETS) rendered.set(target, renderKustomization(target));
  });

  for (const target of TARGETS) {
    describe(target, () => {
      const manifests = () => rendered.get(target)!;

      it('when rendered, then it holds a Deployment, Service and ServiceAccount per service', () => {
        const names = (kind: string) =>
          manifests()
            .filter((m) => m.kind === kind)
            .map((m) => m.metadata.name);
        for (const kind of ['Deployment', 'Service', 'ServiceAccount']) {
          expect(names(kind)).to.include.members(['webhook-gateway', 'team-service', 'entitlement-service']);
        }
      });

      it('when rendered, then every manifest validates against the Kubernetes schemas', () => {
        expect(manifests().length).to.be.greaterThan(15);
        expect(manifests().flatMap(schemaProblems)).to.deep.equal([]);
      });

      it('when rendered, then every pod is non-root, read-only, capability-free, resourced and probed', () => {
        expect(policyProblems(manifests())).to.deep.equal([]);
      });

      it('when rendered, then gRPC services use gRPC health probes and HTTP services HTTP probes', () => {
        expect(probeProblems(manifests())).to.deep.equal([]);
      });

      it('when rendered, then each workload has its ServiceAccount, Service, PDB and NetworkPolicy', () => {
        // The emulator (dev only) keeps its state in memory and runs as one replica: no disruption budget.
        expect(companionProblems(manifests(), { withoutPdb: ['revenuecat-emulator'] })).to.deep.equal([]);
      });

      it('when rendered, then every ConfigMap reference resolves to a generated ConfigMap and key', () => {
        expect(configMapReferenceProblems(manifests())).to.deep.equal([]);
      });

      it('when rendered, then every HorizontalPodAutoscaler targets a Deployment of the same render', () => {
        const deployments = manifests()
          .filter((m) => m.kind === 'Deployment')
          .map((m) => m.metadata.name);
        const hpas = manifests().filter((m) => m.kind === 'HorizontalPodAutoscaler') as Array<
          Manifest & { spec: { scaleTargetRef: { name: string }; minReplicas: number; maxReplicas: number } }
        >;
        expect(hpas).to.have.length(3);
        expect(hpaReplicaProblems(manifests())).to.deep.equal([]);
        for (const hpa of hpas) {
          expect(deployments).to.include(hpa.spec.scaleTargetRef.name);
          expect(hpa.spec.minReplicas).to.be.at.most(hpa.spec.maxReplicas);
        }
      });
    });
  }

  it('when the overlays are rendered, then each puts everything in its own restricted namespace', () => {
    for (const [target, namespace] of [
      ['deploy/k8s/overlays/dev', 'teamseat-dev'],
      ['deploy/k8s/overlays/prod', 'teamseat'],
    ] as const) {
      const manifests = rendered.get(target)!;
      const ns = manifests.find((m) => m.kind === 'Namespace');
      expect(ns?.metadata.name, target).to.equal(namespace);
      expect(ns?.metadata.labels?.['pod-security.kubernetes.io/enforce'], target).to.equal('restricted');
      for (const m of manifests.filter((x) => x.kind !== 'Namespace')) {
        expect(m.metadata.namespace, `${target} ${m.kind}/${m.metadata.name}`).to.equal(namespace);
      }
    }
  });

  it('when prod is rendered, then images come from the registry with a release tag and run 3 replicas or more', () => {
    const prod = rendered.get('deploy/k8s/overlays/prod')!;
    const deployments = prod.filter((m) => m.kind === 'Deployment') as Array<
      Manifest & { spec: { template: { spec: { containers: Array<{ image: string }> } } } }
    >;
    for (const d of deployments) {
      const hpa = prod.find(
        (m) => m.kind === 'HorizontalPodAutoscaler' && m.metadata.name === d.metadata.name,
      ) as (Manifest & { spec: { minReplicas: number } }) | undefined;
      expect(hpa?.spec.minReplicas, d.metadata.name).to.equal(3);
      expect(d.spec.template.spec.containers[0]!.image).to.match(
        new RegExp(`^registry\\.example\\.com/teamseat/${d.metadata.name}:\\d+\\.\\d+\\.\\d+$`),
      );
    }
  });
});
