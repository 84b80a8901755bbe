import assert from 'node:assert/strict';
import { newEnv, startTestApp, type TestApp, waitFor } from './harness.js';
import { type SshSites, startSshSites } from './ssh-sites.js';

/**
 * The 5G lab of the slice tests: three SSH sites (epc, mec, cran, and a spare host) in network namespaces, a
 * portal in this process with an SSH key credential and one `ssh` provider per site, and
 * the "5G slice: CRAN + MEC + EPC" template of the shipped catalog.
 */
export type SiteName = 'epc' | 'mec' | 'cran' | 'spare';

export interface SliceItem {
  name: string;
  site: string | null;
  index: number;
  status: string;
  startedAt: string;
  finishedAt: string;
  outputs: Record<string, unknown> | null;
}
export interface SliceRequest {
  id: string;
  status: string;
  message: string | null;
  items: SliceItem[];
  service: { id: string; status: string } | null;
}

export interface SliceLab {
  app: TestApp;
  sites: SshSites;
  /** Provider id per site. */
  providers: Record<SiteName, string>;
  address(site: SiteName): string;
  /** Orders the 5G slice template with the given deployment name; answers the request id. */
  orderSlice(deployment: string): Promise<string>;
  /** The request once it has finished, failed or been canceled. */
  ended(id: string): Promise<SliceRequest>;
  stop(): Promise<void>;
}

const REQUEST =
  'query($id: ID!) { serviceRequest(id: $id) { id status message items { name site index status startedAt finishedAt outputs } service { id status } } }';

export async function startSliceLab(): Promise<SliceLab> {
  // `spare`: a fourth host no slice is ordered on, where a migration can move a part.
  const sites = await startSshSites(['epc', 'mec', 'cran', 'spare']);
  let app: TestApp | undefined;
  try {
    app = await startTestApp(await newEnv());
    const portal = app;
    const key = await portal.gql<{ createCredential: { id: string } }>('mutation($i: CreateCredentialInput!) { createCredential(input: $i) { id } }', {
      i: { name: 'lab-key', type: 'ssh_key', inputs: { username: 'root' }, secrets: { private_key: sites.privateKey } },
    });
    assert.equal(key.errors, undefined, JSON.stringify(key.errors));
    const providers = {} as Record<SiteName, string>;
    for (const site of sites.sites) {
      const made = await portal.gql<{ createProvider: { id: string } }>('mutation($i: ProviderInput!) { createProvider(input: $i) { id } }', {
        i: {
          name: `lab_${site.name}`,
          type: 'ssh',
          credentialId: key.data!.createCredential.id,
          config: { hosts: [{ name: `${site.name}1`, address: site.address }], sshArgs: sites.sshArgs },
        },
      });
      assert.equal(made.errors, undefined, JSON.stringify(made.errors));
      providers[site.name as SiteName] = made.data!.createProvider.id;
    }
    const templates = await portal.gql<{ serviceTemplates: { id: string; name: string }[] }>('{ serviceTemplates(catalog: "5G") { id name } }');
    const templateId = templates.data!.serviceTemplates.find((t) => t.name === '5G slice: CRAN + MEC + EPC')!.id;
    return {
      app: portal,
      sites,
      providers,
      address: (site) => sites.sites.find((s) => s.name === site)!.address,
      orderSlice: async (deployment) => {
        const res = await portal.gql<{ orderService: { id: string } }>('mutation($i: OrderServiceInput!) { orderService(input: $i) { id } }', {
          i: {
            templateId,
            dialogValues: { epc_provider: providers.epc, mec_provider: providers.mec, cran_provider: providers.cran, deployment, plmn: '00101' },
          },
        });
        assert.equal(res.errors, undefined, JSON.stringify(res.errors));
        return res.data!.orderService.id;
      },
      ended: (id) =>
        waitFor(
          `request ${id}`,
          async () => {
            const r = (await portal.gql<{ serviceRequest: SliceRequest }>(REQUEST, { id })).data!.serviceRequest;
            return ['finished', 'failed', 'canceled'].includes(r.status) && r;
          },
          // A waiting limit, not a speed check: a loaded machine runs three sites' playbooks slowly.
          360_000,
        ),
      stop: async () => {
        await portal.stop();
        await sites.destroy();
      },
    };
  } catch (err) {
    await app?.stop();
    await sites.destroy();
    throw err;
  }
}
