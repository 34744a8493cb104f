import type { Manifest } from './repo';

/* eslint-disable @typescript-eslint/no-explicit-any -- manifests are untyped YAML; checks read them loosely */
type Obj = Record<string, any>;

const WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet']);

/** Env names that carry credentials: they must come from a Secret, never a literal or a ConfigMap. */
export const SECRET_ENV =
  /(KEY|KEYS|TOKEN|TOKENS|SECRET|PASSWORD|AUTHORIZATION|AUTHORIZATION_PREVIOUS|MONGODB_URI)$/;

const DEFAULT_SHUTDOWN_TIMEOUT_MS = 20_000;

export const podSpecOf = (m: Manifest): Obj | undefined =>
  WORKLOAD_KINDS.has(m.kind) ? (m as Obj).spec?.template?.spec : undefined;

const name = (m: Manifest) => `${m.kind}/${m.metadata.name}`;

/** "image:tag" or "image@sha256:…" with a tag that is not latest. */
export function imageProblem(image: string | undefined): string | undefined {
  if (!image) return 'has no image';
  if (image.includes('@sha256:')) return undefined;
  const lastSegment = image.slice(image.lastIndexOf('/') + 1);
  const tag = lastSegment.includes(':') ? lastSegment.slice(lastSegment.indexOf(':') + 1) : undefined;
  if (!tag) return `image ${image} has no tag (means latest)`;
  if (tag === 'latest') return `image ${image} uses the latest tag`;
  return undefined;
}

function containerProblems(where: string, c: Obj, pod: Obj, isInit: boolean): string[] {
  const problems: string[] = [];
  const at = `${where} container ${c.name}`;
  const sc: Obj = c.securityContext ?? {};
  const podSc: Obj = pod.securityContext ?? {};
  if (sc.runAsNonRoot !== true && podSc.runAsNonRoot !== true)
    problems.push(`${at}: runAsNonRoot is not set`);
  if (sc.runAsUser === 0 || podSc.runAsUser === 0) problems.push(`${at}: runs as uid 0`);
  if (sc.readOnlyRootFilesystem !== true) problems.push(`${at}: root filesystem is not read-only`);
  if (sc.allowPrivilegeEscalation !== false) problems.push(`${at}: allowPrivilegeEscalation is not false`);
  if (sc.privileged === true) problems.push(`${at}: is privileged`);
  if (!(sc.capabilities?.drop ?? []).includes('ALL')) problems.push(`${at}: does not drop ALL capabilities`);
  if ((sc.capabilities?.add ?? []).length > 0) problems.push(`${at}: adds capabilities`);
  const imageIssue = imageProblem(c.image);
  if (imageIssue) problems.push(`${at}: ${imageIssue}`);
  for (const key of ['cpu', 'memory']) {
    if (!c.resources?.requests?.[key]) problems.push(`${at}: no ${key} request`);
  }
  if (!c.resources?.limits?.memory) problems.push(`${at}: no memory limit`);
  if (!isInit) {
    if (!c.readinessProbe) problems.push(`${at}: no readiness probe`);
    if (!c.livenessProbe) problems.push(`${at}: no liveness probe`);
  }
  for (const env of c.env ?? []) {
    if (!SECRET_ENV.test(env.name)) continue;
    if (!env.valueFrom?.secretKeyRef) problems.push(`${at}: ${env.name} is not taken from a Secret`);
  }
  for (const from of c.envFrom ?? []) {
    if (from.configMapRef) problems.push(`${at}: envFrom a ConfigMap hides which variables are set`);
  }
  return problems;
}

/** The rules every rendered manifest set must satisfy; returns the violations (empty when compliant). */
export function policyProblems(manifests: Manifest[]): string[] {
  const problems: string[] = [];
  for (const m of manifests) {
    if (m.kind === 'Secret') problems.push(`${name(m)}: Secrets are referenced, never defined in manifests`);
    const pod = podSpecOf(m);
    if (!pod) continue;
    const where = name(m);
    const podSc: Obj = pod.securityContext ?? {};
    if (!['RuntimeDefault', 'Localhost'].includes(podSc.seccompProfile?.type)) {
      problems.push(`${where}: no RuntimeDefault seccomp profile`);
    }
    if (pod.hostNetwork || pod.hostPID || pod.hostIPC) problems.push(`${where}: shares a host namespace`);
    if (pod.automountServiceAccountToken !== false) problems.push(`${where}: mounts a service account token`);
    if (!pod.serviceAccountName) problems.push(`${where}: runs as the default service account`);
    for (const c of pod.containers ?? []) problems.push(...containerProblems(where, c, pod, false));
    for (const c of pod.initContainers ?? []) problems.push(...containerProblems(where, c, pod, true));
    const shutdownMs = Math.max(
      ...(pod.containers ?? []).map((c: Obj) => {
        const env = (key: string) => Number(c.env?.find((e: Obj) => e.name === key)?.value ?? NaN);
        const timeout = env('SHUTDOWN_TIMEOUT_MS');
        const delay = env('SHUTDOWN_DELAY_MS');
        return (
          (Number.isNaN(timeout) ? DEFAULT_SHUTDOWN_TIMEOUT_MS : timeout) + (Number.isNaN(delay) ? 0 : delay)
        );
      }),
    );
    const grace = pod.terminationGracePeriodSeconds ?? 30;
    if (grace * 1000 <= shutdownMs) {
      problems.push(
        `${where}: terminationGracePeriodSeconds ${grace} is not above the app's shutdown (${shutdownMs} ms)`,
      );
    }
  }
  return problems;
}

/** gRPC containers (a port named grpc) are probed with gRPC health; HTTP-only containers over HTTP. */
export function probeProblems(manifests: Manifest[]): string[] {
  const problems: string[] = [];
  for (const m of manifests) {
    for (const c of podSpecOf(m)?.containers ?? []) {
      const at = `${name(m)} container ${c.name}`;
      const grpcPort = (c.ports ?? []).find((p: Obj) => p.name === 'grpc')?.containerPort;
      if (grpcPort !== undefined) {
        if (c.readinessProbe?.grpc?.port !== grpcPort)
          problems.push(`${at}: readiness is not gRPC health on ${grpcPort}`);
        if (c.startupProbe && c.startupProbe.grpc?.port !== grpcPort)
          problems.push(`${at}: startup is not gRPC health`);
      } else if (!c.readinessProbe?.httpGet) {
        problems.push(`${at}: an HTTP service without an HTTP readiness probe`);
      }
    }
  }
  return problems;
}

/**
 * Each workload has its ServiceAccount, a Service, a PodDisruptionBudget and a NetworkPolicy selecting it.
 * `withoutPdb` names single-replica development tools, for which a disruption budget means nothing.
 */
export function companionProblems(manifests: Manifest[], { withoutPdb = [] as string[] } = {}): string[] {
  const problems: string[] = [];
  const selects = (selector: Obj | undefined, labels: Obj) =>
    selector !== undefined &&
    Object.keys(selector).length > 0 &&
    Object.entries(selector).every(([k, v]) => labels[k] === v);
  for (const m of manifests.filter((x) => WORKLOAD_KINDS.has(x.kind))) {
    const labels: Obj = (m as Obj).spec.template.metadata?.labels ?? {};
    const pod = podSpecOf(m)!;
    const of = (kind: string) => manifests.filter((x) => x.kind === kind) as Obj[];
    if (!of('ServiceAccount').some((sa) => sa.metadata.name === pod.serviceAccountName)) {
      problems.push(`${name(m)}: ServiceAccount ${pod.serviceAccountName} is not in the manifests`);
    }
    if (!of('Service').some((s) => selects(s.spec?.selector, labels)))
      problems.push(`${name(m)}: no Service`);
    if (
      !withoutPdb.includes(m.metadata.name) &&
      !of('PodDisruptionBudget').some((p) => selects(p.spec?.selector?.matchLabels, labels))
    ) {
      problems.push(`${name(m)}: no PodDisruptionBudget`);
    }
    if (!of('NetworkPolicy').some((p) => selects(p.spec?.podSelector?.matchLabels, labels))) {
      problems.push(`${name(m)}: no NetworkPolicy of its own`);
    }
  }
  return problems;
}

/** Every configMapKeyRef and configMap volume points at a ConfigMap (and key) in the same render. */
export function configMapReferenceProblems(manifests: Manifest[]): string[] {
  const problems: string[] = [];
  const maps = new Map(
    manifests.filter((m) => m.kind === 'ConfigMap').map((m) => [m.metadata.name, (m as Obj).data ?? {}]),
  );
  for (const m of manifests) {
    const pod = podSpecOf(m);
    if (!pod) continue;
    for (const c of pod.containers ?? []) {
      for (const env of c.env ?? []) {
        const ref = env.valueFrom?.configMapKeyRef;
        if (!ref) continue;
        if (!maps.has(ref.name))
          problems.push(`${name(m)}: ${env.name} refers to missing ConfigMap ${ref.name}`);
        else if (!(ref.key in maps.get(ref.name)!))
          problems.push(`${name(m)}: ${env.name}: no key ${ref.key}`);
      }
    }
    for (const v of pod.volumes ?? []) {
      if (v.configMap && !maps.has(v.configMap.name))
        problems.push(`${name(m)}: volume ${v.name} has no ConfigMap`);
    }
  }
  return problems;
}

/** Every (Secret name, key) the manifests read, for the operator's checklist. */
export function secretReferences(manifests: Manifest[]): Array<{ secret: string; key: string }> {
  const found = new Map<string, { secret: string; key: string }>();
  for (const m of manifests) {
    for (const c of podSpecOf(m)?.containers ?? []) {
      for (const env of c.env ?? []) {
        const ref = env.valueFrom?.secretKeyRef;
        if (ref) found.set(`${ref.name}/${ref.key}`, { secret: ref.name, key: ref.key });
      }
    }
    for (const tls of (m.kind === 'Ingress' ? (m as Obj).spec?.tls : undefined) ?? []) {
      found.set(`${tls.secretName}/tls.crt`, { secret: tls.secretName, key: 'tls.crt' });
    }
  }
  return [...found.values()];
}

/** A Deployment scaled by an HPA must not set replicas: every apply would reset the autoscaler's count. */
export function hpaReplicaProblems(manifests: Manifest[]): string[] {
  const scaled = new Set(
    manifests
      .filter((m) => m.kind === 'HorizontalPodAutoscaler')
      .map((m) => `${(m as Obj).spec.scaleTargetRef.kind}/${(m as Obj).spec.scaleTargetRef.name}`),
  );
  return manifests
    .filter((m) => scaled.has(name(m)) && (m as Obj).spec?.replicas !== undefined)
    .map((m) => `${name(m)}: sets replicas although a HorizontalPodAutoscaler scales it`);
}
