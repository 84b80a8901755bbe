import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/**
 * A local HTTP server implementing only the documented subset of the Kubernetes API that
 * Superfluid's code and playbooks use — no real API server can run on the test machines.
 * It is exactly that subset, named as such:
 *   GET /version, GET /readyz
 *   GET /api/v1/namespaces
 *   GET /apis/apps/v1/deployments, GET|PUT|DELETE /apis/apps/v1/namespaces/{ns}/deployments/{name},
 *   POST /apis/apps/v1/namespaces/{ns}/deployments
 *   GET /api/v1/services, GET|PUT|DELETE /api/v1/namespaces/{ns}/services/{name},
 *   POST /api/v1/namespaces/{ns}/services
 * with bearer-token authentication (401), 404 / 409 / 422 Status objects as the real API
 * answers them, and a LoadBalancer service given an ingress IP (203.0.113.x) at once.
 */
export interface KubeApiSubset {
  url: string;
  token: string;
  objects(kind: 'deployments' | 'services'): Record<string, unknown>[];
  stop(): Promise<void>;
  start(): Promise<void>;
}

type Obj = {
  apiVersion?: string;
  kind?: string;
  metadata?: { name?: string; namespace?: string };
  spec?: Record<string, unknown>;
  status?: Record<string, unknown>;
};

const status = (code: number, reason: string, message: string) => ({ kind: 'Status', apiVersion: 'v1', status: 'Failure', message, reason, code });

export async function startKubeApiSubset(token: string, port = 0): Promise<KubeApiSubset> {
  const store = { deployments: new Map<string, Obj>(), services: new Map<string, Obj>() };
  const namespaces = new Set(['default', 'kube-system']);
  let nextIp = 10;

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const send = (code: number, body: unknown) => {
      const data = typeof body === 'string' ? body : JSON.stringify(body);
      res.writeHead(code, { 'content-type': typeof body === 'string' ? 'text/plain' : 'application/json' }).end(data);
    };
    if (req.headers.authorization !== `Bearer ${token}`) return send(401, status(401, 'Unauthorized', 'Unauthorized'));
    const url = new URL(req.url ?? '/', 'http://x');
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    let body: Obj | null = null;
    if (chunks.length) {
      try {
        body = JSON.parse(Buffer.concat(chunks).toString()) as Obj;
      } catch {
        return send(400, status(400, 'BadRequest', 'the body is not JSON'));
      }
    }
    if (url.pathname === '/version') return send(200, { major: '1', minor: '30', gitVersion: 'v1.30.0-superfluid-test-subset' });
    if (url.pathname === '/readyz') return send(200, 'ok');
    if (url.pathname === '/api/v1/namespaces' && req.method === 'GET') {
      return send(200, {
        kind: 'NamespaceList',
        apiVersion: 'v1',
        items: [...namespaces].map((name) => ({ metadata: { name }, status: { phase: 'Active' } })),
      });
    }
    const all = /^\/(api\/v1|apis\/apps\/v1)\/(deployments|services)$/.exec(url.pathname);
    if (all && req.method === 'GET') {
      const kind = all[2] as 'deployments' | 'services';
      return send(200, { kind: kind === 'deployments' ? 'DeploymentList' : 'ServiceList', items: [...store[kind].values()] });
    }
    const one = /^\/(api\/v1|apis\/apps\/v1)\/namespaces\/([a-z0-9-]+)\/(deployments|services)(?:\/([a-z0-9.-]+))?$/.exec(url.pathname);
    if (!one) return send(404, status(404, 'NotFound', `the server could not find the requested resource (${url.pathname})`));
    const [, group, ns, kind, name] = one as unknown as [string, string, string, 'deployments' | 'services', string | undefined];
    if ((kind === 'deployments') !== (group === 'apis/apps/v1')) return send(404, status(404, 'NotFound', 'no such resource in this API group'));
    const key = `${ns}/${name ?? body?.metadata?.name ?? ''}`;
    const expectedKind = kind === 'deployments' ? 'Deployment' : 'Service';
    const validate = (obj: Obj | null): string | null => {
      if (!obj) return 'a body is required';
      if (obj.kind !== expectedKind) return `kind must be ${expectedKind}`;
      if (!obj.metadata?.name) return 'metadata.name: Required value';
      if (kind === 'deployments' && !(obj.spec as { template?: unknown } | undefined)?.template) return 'spec.template: Required value';
      const replicas = (obj.spec as { replicas?: unknown } | undefined)?.replicas;
      if (kind === 'deployments' && replicas !== undefined && !Number.isInteger(replicas)) return 'spec.replicas: Invalid value: must be an integer';
      const ports = (obj.spec as { ports?: { port?: unknown }[] } | undefined)?.ports;
      if (kind === 'services' && !Array.isArray(ports)) return 'spec.ports: Required value';
      if (kind === 'services' && ports?.some((p) => !Number.isInteger(p.port))) return 'spec.ports.port: Invalid value: must be an integer';
      return null;
    };
    const withStatus = (obj: Obj): Obj => {
      const out: Obj = { ...obj, metadata: { ...obj.metadata, namespace: ns } };
      if (kind === 'services' && (obj.spec as { type?: string }).type === 'LoadBalancer') {
        const previous = store.services.get(key)?.status;
        out.status = previous ?? { loadBalancer: { ingress: [{ ip: `203.0.113.${nextIp++}` }] } };
      }
      if (kind === 'deployments') {
        const replicas = Number((obj.spec as { replicas?: number }).replicas ?? 1);
        out.status = { replicas, readyReplicas: replicas, availableReplicas: replicas };
      }
      return out;
    };
    switch (req.method) {
      case 'GET':
        return store[kind].has(key) ? send(200, store[kind].get(key)) : send(404, status(404, 'NotFound', `${kind} "${name}" not found`));
      case 'POST': {
        if (name) return send(405, status(405, 'MethodNotAllowed', 'POST to the collection'));
        const wrong = validate(body);
        if (wrong) return send(422, status(422, 'Invalid', `${expectedKind} is invalid: ${wrong}`));
        if (store[kind].has(key)) return send(409, status(409, 'AlreadyExists', `${kind} "${body?.metadata?.name}" already exists`));
        namespaces.add(ns);
        store[kind].set(key, withStatus(body as Obj));
        return send(201, store[kind].get(key));
      }
      case 'PUT': {
        const wrong = validate(body);
        if (wrong) return send(422, status(422, 'Invalid', `${expectedKind} is invalid: ${wrong}`));
        if (!store[kind].has(key)) return send(404, status(404, 'NotFound', `${kind} "${name}" not found`));
        store[kind].set(key, withStatus(body as Obj));
        return send(200, store[kind].get(key));
      }
      case 'DELETE':
        if (!store[kind].delete(key)) return send(404, status(404, 'NotFound', `${kind} "${name}" not found`));
        return send(200, { kind: 'Status', apiVersion: 'v1', status: 'Success' });
      default:
        return send(405, status(405, 'MethodNotAllowed', `${req.method} is not supported here`));
    }
  };

  let server: Server | null = null;
  let boundPort = port;
  const start = () =>
    new Promise<void>((resolve) => {
      server = createServer((req, res) => void handle(req, res));
      server.listen(boundPort, '127.0.0.1', () => {
        boundPort = (server!.address() as { port: number }).port;
        resolve();
      });
    });
  await start();
  return {
    get url() {
      return `http://127.0.0.1:${boundPort}`;
    },
    token,
    objects: (kind) => [...store[kind].values()] as Record<string, unknown>[],
    start,
    stop: () =>
      new Promise<void>((resolve) => {
        if (!server) return resolve();
        server.closeAllConnections();
        server.close(() => resolve());
        server = null;
      }),
  };
}
