import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { schemaProblems } from '../support/k8s-schema';
import { ensureKustomize, renderKustomization } from '../support/kustomize';
import { promtool, ruleGroupsOf, scratchRules, ensurePromtool } from '../support/promtool';
import { fromRoot, readText, type Manifest } from '../support/repo';

const DIR = 'deploy/k8s/monitoring';
const RULE = `${DIR}/prometheus-rule.yaml`;
const TESTS = `${DIR}/tests/alerts.test.yaml`;
const DASHBOARD = `${DIR}/dashboards/teamseat.json`;
const SERVICES = ['webhook-gateway', 'team-service', 'entitlement-service'];
/** Series other exporters make: Prometheus itself, kube-state-metrics, prom-client's default metrics. */
const EXTERNAL = new Set([
  'up',
  'kube_pod_status_ready',
  'kube_poddisruptionbudget_status_pod_disruptions_allowed',
  'process_resident_memory_bytes',
  'nodejs_eventloop_lag_p99_seconds',
]);

/** Every .ts source file of the services and packages, as one text: where metric names are defined. */
function productSources(): string {
  const texts: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts')) texts.push(readFileSync(full, 'utf8'));
    }
  };
  for (const top of ['services', 'packages']) {
    for (const name of readdirSync(fromRoot(top))) walk(fromRoot(top, name, 'src'));
  }
  return texts.join('\n');
}

/**
 * The metric names a PromQL expression reads: once the label lists of by/without/on/ignoring are gone, a name
 * followed by a selector, a range, a closing parenthesis or a comparison.
 */
function metricNames(expr: string): string[] {
  const withoutLabelLists = expr.replace(/\b(by|without|on|ignoring)\s*\([^)]*\)/g, '');
  const names = [...withoutLabelLists.matchAll(/([a-zA-Z_:][a-zA-Z0-9_:]*)\s*(?=\{|\[|\)|==|>|<)/g)].map(
    (m) => m[1]!,
  );
  return names.map((name) => name.replace(/_(bucket|sum|count)$/, ''));
}

interface Dashboard {
  panels: Array<{ title: string; targets: Array<{ expr: string }> }>;
}

describe('deploy/k8s/monitoring: PodMonitor, alerts and dashboard', function () {
  let manifests: Manifest[];
  const groups = ruleGroupsOf(RULE);
  const alerts = groups.groups.flatMap((g) => g.rules.map((r) => r.alert!));
  const dashboard = JSON.parse(readText(DASHBOARD)) as Dashboard;

  before(function () {
    // The first run builds kustomize and unpacks Debian's promtool (both cached under .local afterwards).
    this.timeout(600_000);
    ensureKustomize();
    ensurePromtool();
    manifests = renderKustomization(DIR);
  });

  it('when rendered, then it holds the PodMonitor, the PrometheusRule and the dashboard, all valid', () => {
    expect(manifests.map((m) => `${m.kind}/${m.metadata.name}`).sort()).to.deep.equal([
      'ConfigMap/teamseat-grafana-dashboard',
      'PodMonitor/teamseat',
      'PrometheusRule/teamseat',
    ]);
    expect(manifests.flatMap(schemaProblems)).to.deep.equal([]);
    const configMap = manifests.find((m) => m.kind === 'ConfigMap')!;
    expect(configMap.metadata.labels).to.include({ grafana_dashboard: '1' });
  });

  it("when the PodMonitor selects pods, then it takes the three services by name on each one's admin port", () => {
    const base = renderKustomization('deploy/k8s/base');
    const monitor = manifests.find((m) => m.kind === 'PodMonitor') as unknown as {
      spec: {
        selector: { matchExpressions: Array<{ key: string; values: string[] }> };
        podMetricsEndpoints: Array<{ port: string; path: string }>;
      };
    };
    const [selector] = monitor.spec.selector.matchExpressions;
    expect(selector!.key).to.equal('app.kubernetes.io/name');
    expect([...selector!.values].sort()).to.deep.equal([...SERVICES].sort());
    for (const service of SERVICES) {
      const deployment = base.find(
        (m) => m.kind === 'Deployment' && m.metadata.name === service,
      ) as unknown as {
        spec: {
          template: {
            metadata: { labels: Record<string, string> };
            spec: { containers: Array<{ ports: Array<{ name: string }> }> };
          };
        };
      };
      expect(deployment.spec.template.metadata.labels['app.kubernetes.io/name']).to.equal(service);
      const ports = deployment.spec.template.spec.containers.flatMap((c) => c.ports.map((p) => p.name));
      expect(ports, service).to.include(monitor.spec.podMetricsEndpoints[0]!.port);
    }
  });

  it('when promtool checks the alerting rules, then they are valid', () => {
    const dir = scratchRules(groups, 'teamseat.rules.yaml');
    const { ok, output } = promtool(['check', 'rules', path.join(dir, 'teamseat.rules.yaml')]);
    expect(ok, output).to.equal(true);
  });

  it('when promtool runs the unit tests of the alerts, then every one passes', () => {
    const dir = scratchRules(groups, 'teamseat.rules.yaml', [TESTS]);
    const { ok, output } = promtool(['test', 'rules', 'alerts.test.yaml'], dir);
    expect(ok, output).to.equal(true);
  });

  it('when an alert exists, then a unit test expects it to fire', () => {
    const tests = parse(readText(TESTS)) as {
      tests: Array<{ alert_rule_test: Array<{ alertname: string; exp_alerts: unknown[] }> }>;
    };
    const firing = new Set(
      tests.tests.flatMap((t) =>
        t.alert_rule_test.filter((a) => a.exp_alerts.length > 0).map((a) => a.alertname),
      ),
    );
    expect(alerts.filter((alert) => !firing.has(alert))).to.deep.equal([]);
  });

  it("when the dashboard's queries are parsed by promtool, then each is valid PromQL", () => {
    const records = dashboard.panels.flatMap((panel, i) =>
      panel.targets.map((target, j) => ({
        record: `dashboard:panel_${i}_${j}`,
        // Grafana's variables become what they stand for.
        expr: target.expr.replaceAll('$namespace', '.*'),
      })),
    );
    const dir = scratchRules({ groups: [{ name: 'dashboard', rules: records }] }, 'dashboard.rules.yaml');
    const { ok, output } = promtool(['check', 'rules', path.join(dir, 'dashboard.rules.yaml')]);
    expect(ok, output).to.equal(true);
  });

  it('when an alert or a panel reads a metric, then a service defines it or a known exporter makes it', () => {
    const sources = productSources();
    const exprs = [
      ...groups.groups.flatMap((g) => g.rules.map((r) => r.expr)),
      ...dashboard.panels.flatMap((p) => p.targets.map((t) => t.expr)),
    ];
    const unknown = [...new Set(exprs.flatMap(metricNames))].filter(
      (name) => !EXTERNAL.has(name) && !sources.includes(`'${name}'`),
    );
    expect(unknown).to.deep.equal([]);
  });
});
