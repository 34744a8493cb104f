import * as models from 'kubernetes-models';
import * as prometheusOperator from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1';
import type { Manifest } from './repo';

type ModelClass = new (data: unknown) => { validate(): void };

/** 'networking.k8s.io/v1' → models.networkingK8sIo.v1, 'v1' → models.v1, as kubernetes-models names them. */
function modelFor(apiVersion: string, kind: string): ModelClass | undefined {
  // The Prometheus Operator's kinds (deploy/k8s/monitoring), from its CRDs' schemas.
  if (apiVersion === 'monitoring.coreos.com/v1') {
    return (prometheusOperator as unknown as Record<string, ModelClass>)[kind];
  }
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  const groupKey = group ? group.replace(/\.(\w)/g, (_, c: string) => c.toUpperCase()) : undefined;
  const tree = models as unknown as Record<string, Record<string, Record<string, ModelClass>>>;
  const versions = groupKey === undefined ? { [version!]: tree[version!] } : tree[groupKey];
  return (versions?.[version!] as Record<string, ModelClass> | undefined)?.[kind];
}

/**
 * Validates a manifest offline against the Kubernetes OpenAPI schemas that kubernetes-models 4.x carries
 * (Kubernetes 1.27), and the Prometheus Operator's kinds against its CRDs' schemas. Returns the problems, empty when valid; a kind without a schema is a problem too.
 */
export function schemaProblems(manifest: Manifest): string[] {
  const where = `${manifest.kind}/${manifest.metadata?.name ?? '?'}`;
  const Model = modelFor(manifest.apiVersion, manifest.kind);
  if (!Model) return [`${where}: no Kubernetes schema for ${manifest.apiVersion} ${manifest.kind}`];
  try {
    new Model(manifest).validate();
    return [];
  } catch (error) {
    return [`${where}: ${(error as Error).message}`];
  }
}
