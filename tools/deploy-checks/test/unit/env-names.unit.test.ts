import { expect } from 'chai';
import { readCompose } from '../support/compose';
import { podSpecOf } from '../support/k8s-policies';
import { renderKustomization } from '../support/kustomize';
import type { Manifest } from '../support/repo';
import { configKeys, localProcesses } from '../support/service-config';

// The services whose environment the deployment files set; each must name only variables its config reads.
const CHECKED = [
  { name: 'webhook-gateway', dir: 'services/webhook-gateway' },
  { name: 'team-service', dir: 'services/team-service' },
  { name: 'entitlement-service', dir: 'services/entitlement-service' },
  { name: 'revenuecat-emulator', dir: 'tools/revenuecat-emulator' },
] as const;

const compose = readCompose();

function k8sEnv(manifests: Manifest[], name: string): Record<string, unknown> | undefined {
  const deployment = manifests.find((m) => m.kind === 'Deployment' && m.metadata.name === name);
  if (!deployment) return undefined;
  const container = (
    podSpecOf(deployment)!.containers as Array<{ env: Array<{ name: string; value?: string }> }>
  )[0]!;
  return Object.fromEntries(container.env.map((e) => [e.name, e.value ?? '(reference)']));
}

describe('deployment environment matches what the services read', function () {
  this.timeout(600_000);
  let rendered: Manifest[] = [];
  before(() => {
    // dev holds every service, the emulator included.
    rendered = renderKustomization('deploy/k8s/overlays/dev');
  });

  for (const { name, dir } of CHECKED) {
    it(`when ${name} is configured by Compose or Kubernetes, then every variable is one its config reads`, () => {
      const known = configKeys(dir);
      expect(known, `${dir}/src/config.ts`).to.include('LOG_LEVEL');
      const composeEnv = Object.keys(compose.services[name]!.environment);
      expect(
        composeEnv.filter((key) => !known.includes(key)),
        'docker-compose.yml',
      ).to.deep.equal([]);
      const env = k8sEnv(rendered, name)!;
      expect(
        Object.keys(env).filter((key) => !known.includes(key)),
        'deploy/k8s',
      ).to.deep.equal([]);
    });

    it(`when ${name} listens in a container, then its host variable opens it beyond loopback`, () => {
      const hostKeys = configKeys(dir).filter((key) => /(^|_)HOST$/.test(key));
      expect(hostKeys, dir).to.have.length(1);
      expect(compose.services[name]!.environment[hostKeys[0]!], 'docker-compose.yml').to.equal('0.0.0.0');
      expect(k8sEnv(rendered, name)![hostKeys[0]!], 'deploy/k8s').to.equal('0.0.0.0');
    });

    it(`when ${name} runs in Compose, then it gets every variable npm start gives it, on the same ports`, async () => {
      const local = (await localProcesses()).find((p) => p.name === name)!;
      const known = configKeys(dir);
      const needed = Object.keys(local.env).filter((key) => known.includes(key));
      const composeEnv = compose.services[name]!.environment as Record<string, string>;
      expect(needed.filter((key) => !(key in composeEnv))).to.deep.equal([]);
      for (const key of needed.filter((k) => /PORT$/.test(k))) {
        expect(String(composeEnv[key]), key).to.equal(local.env[key]);
      }
    });
  }
});
