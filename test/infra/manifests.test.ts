// infra/ read as the tools would read it (no container engine or kubectl exists here): the YAML
// parses (test/infra/yaml-subset.ts), and the deployment keeps the properties the product relies
// on — non-root, probes on /healthz and /readyz, DATABASE_URL only from a Secret, replicas that
// share one PostgreSQL, a disruption budget below the replica count, and no secret in git.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseYamlDocuments, type Yaml } from './yaml-subset.ts';

const infra = new URL('../../infra/', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, infra), 'utf8');
type Obj = { [key: string]: Yaml };
const obj = (v: Yaml | undefined): Obj => {
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw new Error(`not a mapping: ${JSON.stringify(v)}`);
  return v as Obj;
};
const list = (v: Yaml | undefined): Yaml[] => {
  if (!Array.isArray(v)) throw new Error(`not a sequence: ${JSON.stringify(v)}`);
  return v;
};

const k8sFiles = readdirSync(new URL('k8s/', infra)).filter((f) => f.endsWith('.yaml'));
const k8s = k8sFiles.flatMap((f) => parseYamlDocuments(read(`k8s/${f}`)).map((d) => ({ file: f, doc: obj(d) })));
const kind = (k: string) => k8s.filter((d) => d.doc.kind === k).map((d) => d.doc);

/** Every env var of every container: a Secret's value never appears as a literal. */
function envOf(container: Obj): Map<string, Obj> {
  return new Map(list(container.env ?? []).map((e) => [String(obj(e).name), obj(e)]));
}

describe('the YAML subset parser', () => {
  it('reads mappings, sequences, sequences of mappings, flow collections, quoting and documents', () => {
    const docs = parseYamlDocuments(
      [
        '# comment',
        'a: 1',
        'b: "two # not a comment"',
        "c: 'it''s'",
        'd:',
        '  - x',
        '  - name: web',
        '    port: 80',
        '  - [1, "2", three]',
        'e: {}',
        'f: { k: v }',
        'g: true',
        'h: ~',
        'i: url:with:colons',
        '---',
        '- only',
        '-',
        '  nested: 1',
      ].join('\n'),
    );
    expect(docs).toEqual([
      {
        a: 1,
        b: 'two # not a comment',
        c: "it's",
        d: ['x', { name: 'web', port: 80 }, [1, '2', 'three']],
        e: {},
        f: { k: 'v' },
        g: true,
        h: null,
        i: 'url:with:colons',
      },
      ['only', { nested: 1 }],
    ]);
  });

  it('refuses what it does not know rather than guess', () => {
    for (const bad of ['a: &anchor 1', 'a: *alias', 'a: !!str 1', 'a: |\n  text', 'a: yes', 'a: b: c', 'a: 1\na: 2', 'a:\n\t- x', 'a: [1, 2']) {
      expect(() => parseYamlDocuments(bad), bad).toThrow(/line \d+/);
    }
  });
});

describe('infra/k8s', () => {
  it('parses, every document with apiVersion, kind and a name', () => {
    expect(k8sFiles.sort()).toEqual(['backup-cronjob.yaml', 'deployment.yaml', 'hpa.yaml', 'kustomization.yaml', 'pdb.yaml', 'service.yaml']);
    for (const { file, doc } of k8s) {
      expect(doc.apiVersion, file).toEqual(expect.any(String));
      expect(doc.kind, file).toEqual(expect.any(String));
      if (doc.kind !== 'Kustomization') expect(obj(doc.metadata).name, file).toEqual(expect.any(String));
    }
    const kustomization = kind('Kustomization')[0]!;
    expect(list(kustomization.resources).sort()).toEqual(k8sFiles.filter((f) => f !== 'kustomization.yaml').sort());
  });

  const deployment = kind('Deployment')[0]!;
  const spec = obj(deployment.spec);
  const pod = obj(obj(spec.template).spec);
  const [gateway] = list(pod.containers).map(obj);
  const labels = obj(obj(spec.selector).matchLabels);

  it('runs three stateless gateway replicas as a non-root user, rolling without losing capacity', () => {
    expect(spec.replicas).toBe(3);
    expect(obj(obj(obj(spec.template).metadata).labels)).toMatchObject(labels);
    expect(obj(obj(spec.strategy).rollingUpdate)).toMatchObject({ maxUnavailable: 0 });
    expect(obj(pod.securityContext)).toMatchObject({ runAsNonRoot: true, runAsUser: 1000 });
    expect(obj(gateway!.securityContext)).toMatchObject({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } });
    // Writable places are volumes: /tmp (temporary files) and the data directory (mail files).
    expect(
      list(gateway!.volumeMounts)
        .map((m) => obj(m).mountPath)
        .sort(),
    ).toEqual(['/tmp', '/var/lib/tsukasa']);
    expect(envOf(gateway!).get('HOST')?.value).toBe('0.0.0.0');
    expect(envOf(gateway!).get('TSUKASA_SEED_DEMO')?.value).toBe('false');
  });

  it('probes liveness on /healthz and readiness on /readyz, with a readiness timeout above the gateway’s own 2 s', () => {
    const probe = (name: string) => obj(obj(gateway![name]).httpGet);
    expect(probe('livenessProbe')).toMatchObject({ path: '/healthz', port: 'http' });
    expect(probe('startupProbe')).toMatchObject({ path: '/healthz' });
    expect(probe('readinessProbe')).toMatchObject({ path: '/readyz', port: 'http' });
    expect(Number(obj(gateway!.readinessProbe).timeoutSeconds)).toBeGreaterThan(2);
    expect(list(gateway!.ports).map((p) => obj(p))).toContainEqual({ name: 'http', containerPort: 4000 });
    expect(Number(pod.terminationGracePeriodSeconds)).toBeGreaterThan(15); // 5 s preStop + 10 s drain (main.ts)
  });

  it("takes DATABASE_URL (and the optional read replica's DATABASE_READ_URL) from a Secret, never as a value", () => {
    const env = envOf(gateway!);
    expect(obj(obj(env.get('DATABASE_URL')!.valueFrom).secretKeyRef)).toMatchObject({ name: 'tsukasa-database', key: 'url' });
    expect(obj(obj(env.get('DATABASE_APP_PASSWORD')!.valueFrom).secretKeyRef)).toMatchObject({ name: 'tsukasa-database', key: 'app-password' });
    expect(obj(obj(env.get('DATABASE_READ_URL')!.valueFrom).secretKeyRef)).toMatchObject({ name: 'tsukasa-database', key: 'read-url', optional: true });
    for (const { file, doc } of k8s) {
      expect(doc.kind, `${file} commits a Secret`).not.toBe('Secret');
      const text = JSON.stringify(doc);
      expect(text, file).not.toMatch(/postgres(ql)?:\/\/[^"]*:[^"@]*@/); // a URL with a password
    }
    const literal = [...kind('Deployment'), ...kind('CronJob')].flatMap(
      (d) => JSON.stringify(d).match(/"name":"(DATABASE_URL|DATABASE_APP_PASSWORD|DATABASE_READ_URL|SMTP_URL)","value"/g) ?? [],
    );
    expect(literal).toEqual([]);
  });

  it('the Service, PodDisruptionBudget and HorizontalPodAutoscaler select and target that Deployment', () => {
    const service = obj(kind('Service')[0]!.spec);
    expect(obj(service.selector)).toEqual(labels);
    expect(list(service.ports).map(obj)[0]).toMatchObject({ targetPort: 'http' });
    const pdb = obj(kind('PodDisruptionBudget')[0]!.spec);
    expect(obj(obj(pdb.selector).matchLabels)).toEqual(labels);
    expect(Number(pdb.minAvailable)).toBeLessThan(Number(spec.replicas));
    const hpa = obj(kind('HorizontalPodAutoscaler')[0]!.spec);
    expect(obj(hpa.scaleTargetRef)).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: obj(deployment.metadata).name });
    expect(Number(hpa.minReplicas)).toBe(3);
    expect(Number(hpa.maxReplicas)).toBeGreaterThan(3);
  });

  it('backs up nightly with the product’s own db:backup, as a non-root job', () => {
    const cron = kind('CronJob')[0]!;
    const job = obj(obj(obj(obj(obj(cron.spec).jobTemplate).spec).template).spec);
    const [container] = list(job.containers).map(obj);
    // The command of the production build (npm run build): the image has no TypeScript sources.
    expect(list(container!.command).join(' ')).toMatch(/^sh -c node apps\/gateway\/dist\/db-backup\.js /);
    expect(obj(job.securityContext)).toMatchObject({ runAsNonRoot: true });
    expect(obj(cron.spec).concurrencyPolicy).toBe('Forbid');
  });
});

describe('infra/compose.yaml', () => {
  const compose = obj(parseYamlDocuments(read('compose.yaml'))[0]);
  const services = obj(compose.services);

  it('runs PostgreSQL 16, two gateway replicas on it and a reverse proxy in front of both', () => {
    expect(String(obj(services.postgres).image)).toMatch(/^postgres:16\b/);
    const gateways = Object.keys(services).filter((s) => s.startsWith('gateway-'));
    expect(gateways).toHaveLength(2);
    for (const name of gateways) {
      const g = obj(services[name]);
      expect(obj(g.build)).toEqual({ context: '..', dockerfile: 'infra/Dockerfile' });
      expect(String(obj(g.environment).DATABASE_URL)).toMatch(/@postgres:5432\/tsukasa$/);
      expect(String(obj(g.environment).DATABASE_APP_PASSWORD)).toMatch(/^\$\{DATABASE_APP_PASSWORD:\?/);
      expect(obj(obj(g.depends_on).postgres)).toEqual({ condition: 'service_healthy' });
    }
    // Demo data is loaded by one replica at most.
    expect(gateways.filter((n) => obj(obj(services[n]).environment).TSUKASA_SEED_DEMO !== 'false')).toHaveLength(1);
    const caddyfile = read('Caddyfile');
    for (const name of gateways) expect(caddyfile).toContain(`${name}:4000`);
    expect(caddyfile).toMatch(/health_uri \/readyz/);
  });

  it('commits no password: every secret is interpolated from an uncommitted env file', () => {
    const text = read('compose.yaml');
    expect(text).toContain('${POSTGRES_PASSWORD:?');
    expect(obj(obj(services.postgres).environment).POSTGRES_PASSWORD).toMatch(/^\$\{POSTGRES_PASSWORD:\?/);
    expect(text).not.toMatch(/postgres:\/\/[^:\s]+:(?!\$\{)[^@\s]+@/);
  });
});

describe('infra/Dockerfile', () => {
  const dockerfile = read('Dockerfile');
  const stages = [...dockerfile.matchAll(/^FROM\s+(\S+)(?:\s+AS\s+(\S+))?/gim)].map((m) => ({ image: m[1], name: m[2] }));

  it('builds in stages from Node 24, builds the admin app and the gateway, and runs the build as a non-root user with a health check', () => {
    expect(stages.length).toBeGreaterThanOrEqual(3);
    expect(dockerfile).toMatch(/^ARG NODE_IMAGE=node:24[-\w.]*$/m);
    expect(stages.every((s) => s.image === '${NODE_IMAGE}' || stages.some((o) => o.name === s.image))).toBe(true);
    expect(dockerfile).toMatch(/^RUN npm run build \\\n \&\& npm prune --omit=dev$/m);
    const runtime = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
    expect(runtime).toMatch(/^USER node$/m);
    expect(runtime).toMatch(/^HEALTHCHECK .*\n?.*\/healthz/m);
    // Compiled JavaScript (test/infra/production-build.test.ts): no loader, no sources, no dev dependencies.
    expect(runtime).toMatch(/^CMD \["node", "--enable-source-maps", "apps\/gateway\/dist\/main\.js"\]$/m);
    expect(dockerfile).not.toMatch(/tsx|\.ts\b/);
    expect([...runtime.matchAll(/^COPY --from=build (\S+)/gm)].map((m) => m[1]).sort()).toEqual([
      '/app/apps/admin/build',
      '/app/apps/gateway/dist',
      '/app/node_modules',
      '/app/package.json',
    ]);
    // Nothing is set aside around the pruning and put back afterwards.
    expect(dockerfile).not.toMatch(/\bcp\b|\bmv\b/);
    expect(runtime).not.toMatch(/DATABASE_URL=/); // given at run time, never baked in
  });
});
