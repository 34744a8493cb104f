import { expect } from 'chai';
import { kubernetesRelease, kubernetesReleases, type KubernetesRelease } from '../support/k8s-openapi';
import { ensureKustomize, renderKustomization } from '../support/kustomize';
import type { Manifest } from '../support/repo';

// Every target of built-in kinds only (examples/ and monitoring/ hold custom resources, checked by their models).
const TARGETS = ['deploy/k8s/base', 'deploy/k8s/overlays/dev', 'deploy/k8s/overlays/prod'] as const;
const SUPPORTED = ['1.30', '1.31', '1.32', '1.33', '1.34'];

describe('deploy/k8s against the official schemas of Kubernetes 1.30 to 1.34', function () {
  const rendered = new Map<string, Manifest[]>();
  const validators = new Map<string, KubernetesRelease>();

  before(function () {
    // The first run downloads the five releases' OpenAPI documents (and kustomize), cached under .local.
    this.timeout(600_000);
    ensureKustomize();
    for (const [name, dir] of Object.entries(kubernetesReleases()))
      validators.set(name, kubernetesRelease(name, dir));
    for (const target of TARGETS) rendered.set(target, renderKustomization(target));
  });

  it('when the releases are loaded, then they are exactly 1.30 to 1.34', () => {
    expect([...validators.keys()]).to.deep.equal(SUPPORTED);
  });

  for (const version of SUPPORTED) {
    it(`when every target is rendered, then each manifest is valid in Kubernetes ${version}, unknown fields refused`, () => {
      const validator = validators.get(version)!;
      const manifests = TARGETS.flatMap((target) => rendered.get(target)!);
      expect(manifests.length).to.be.greaterThan(40);
      expect(manifests.flatMap((m) => validator.problems(m))).to.deep.equal([]);
    });
  }

  it('when a manifest has a misspelt field, a wrong type or an API no release serves, then each release says so', () => {
    const deployment = rendered.get('deploy/k8s/base')!.find((m) => m.kind === 'Deployment')!;
    const misspelt = structuredClone(deployment) as Manifest & { spec: Record<string, unknown> };
    misspelt.spec.revisionHistoryLimt = 5;
    const wrongType = structuredClone(deployment) as Manifest & { spec: Record<string, unknown> };
    wrongType.spec.revisionHistoryLimit = 'five';
    const removed = { ...deployment, apiVersion: 'autoscaling/v2beta2', kind: 'HorizontalPodAutoscaler' };
    for (const [version, validator] of validators) {
      expect(validator.problems(misspelt).join('\n'), version).to.include('(revisionHistoryLimt)');
      expect(validator.problems(wrongType).join('\n'), version).to.include(
        '/spec/revisionHistoryLimit must be integer',
      );
      expect(validator.problems(removed).join('\n'), version).to.include(
        'autoscaling/v2beta2 HorizontalPodAutoscaler is not served',
      );
    }
  });
});
