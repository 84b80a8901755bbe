// VNF packages over GraphQL (seed 4.7.1 table 4): the vnfPackages resource (list with their state,
// show with the VDU tree, connection points and artifacts), enable, disable, delete, abort a
// deletion, fetch an artifact; the whole package is a zip from GET /api/vnf-packages/<id>/package.zip.
import type { GetListParams, Identifier } from 'react-admin';
import { getToken, graphqlRequest } from '../api/graphql';
import { localPage, type ResourceApi } from '../api/resource';
import { graphql } from '../gql';
import type { VnfPackageDetailFieldsFragment, VnfPackageFieldsFragment, VnfPackageState } from '../gql/graphql';

graphql(`
  fragment VnfPackageFields on VnfPackage {
    id
    name
    repoId
    repoName
    path
    vnfdId
    provider
    productName
    softwareVersion
    vnfdVersion
    commit
    onboardingState
    operationalState
    usageState
    usedBy
    deletionState
    deleted
    artifacts {
      path
      size
      sha256
    }
    createdAt
    updatedAt
  }
`);
graphql(`
  fragment VnfPackageDetailFields on VnfPackage {
    ...VnfPackageFields
    vdus {
      vduId
      name
      description
      vduParent
      parentMandatory
      bareMetal
      technology
      image
      descriptors
      depth
    }
    connectionPoints {
      cpdId
      kind
      of
      exposedPods
      ports {
        name
        port
        protocol
        targetPort
      }
    }
  }
`);
const VnfPackagesQuery = graphql(`
  query VnfPackages($filter: VnfPackageFilterInput) {
    vnfPackages(filter: $filter) {
      ...VnfPackageFields
    }
  }
`);
const VnfPackageQuery = graphql(`
  query VnfPackage($id: ID!) {
    vnfPackage(id: $id) {
      ...VnfPackageDetailFields
    }
  }
`);
const EnableVnfPackageMutation = graphql(`
  mutation EnableVnfPackage($id: ID!) {
    enableVnfPackage(id: $id) {
      ...VnfPackageDetailFields
    }
  }
`);
const DisableVnfPackageMutation = graphql(`
  mutation DisableVnfPackage($id: ID!) {
    disableVnfPackage(id: $id) {
      ...VnfPackageDetailFields
    }
  }
`);
const DeleteVnfPackageMutation = graphql(`
  mutation DeleteVnfPackage($id: ID!) {
    deleteVnfPackage(id: $id) {
      ...VnfPackageFields
    }
  }
`);
const AbortVnfPackageDeletionMutation = graphql(`
  mutation AbortVnfPackageDeletion($id: ID!) {
    abortVnfPackageDeletion(id: $id) {
      ...VnfPackageDetailFields
    }
  }
`);
const VnfPackageArtifactQuery = graphql(`
  query VnfPackageArtifact($id: ID!, $path: String!) {
    vnfPackageArtifact(id: $id, path: $path) {
      path
      size
      sha256
      encoding
      content
    }
  }
`);

export type VnfPackage = VnfPackageFieldsFragment & Partial<Pick<VnfPackageDetailFieldsFragment, 'vdus' | 'connectionPoints'>>;

export const VNF_PACKAGE_STATES: Record<VnfPackageState, string> = {
  enabled: 'Enabled',
  disabled: 'Disabled',
  in_use: 'In use',
  deletion_pending: 'Deletion pending',
};

/** Saves bytes as a file, as a link the user clicked would. */
const save = (blob: Blob, name: string) => {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
};

export const vnfPackagesApi = {
  getList: (params: GetListParams) => {
    const state = (params.filter as Record<string, unknown> | undefined)?.state;
    const filter = typeof state === 'string' && state in VNF_PACKAGE_STATES ? { state: state as VnfPackageState } : {};
    return localPage<VnfPackage>(params, async () => (await graphqlRequest(VnfPackagesQuery, { filter })).vnfPackages);
  },
  getOne: async (id: Identifier): Promise<VnfPackage> => (await graphqlRequest(VnfPackageQuery, { id: String(id) })).vnfPackage,
  /** It may be deployed again. CONFLICT while its deletion is pending. */
  enable: async (id: Identifier): Promise<VnfPackage> => (await graphqlRequest(EnableVnfPackageMutation, { id: String(id) })).enableVnfPackage,
  disable: async (id: Identifier): Promise<VnfPackage> => (await graphqlRequest(DisableVnfPackageMutation, { id: String(id) })).disableVnfPackage,
  /** Deletes a disabled package; one in use comes back with deletionState pending. */
  remove: async (id: Identifier): Promise<VnfPackage> => (await graphqlRequest(DeleteVnfPackageMutation, { id: String(id) })).deleteVnfPackage,
  abortDeletion: async (id: Identifier): Promise<VnfPackage> =>
    (await graphqlRequest(AbortVnfPackageDeletionMutation, { id: String(id) })).abortVnfPackageDeletion,
  /** Downloads one file of the package (an artifact or vnfd.yaml). */
  downloadArtifact: async (id: Identifier, path: string): Promise<void> => {
    const file = (await graphqlRequest(VnfPackageArtifactQuery, { id: String(id), path })).vnfPackageArtifact;
    const bytes = file.encoding === 'base64' ? Uint8Array.from(atob(file.content), (c) => c.charCodeAt(0)) : new TextEncoder().encode(file.content);
    save(new Blob([bytes]), path.split('/').pop() ?? path);
  },
  /** Downloads the whole package as a zip. */
  downloadZip: async (id: Identifier, name: string): Promise<void> => {
    const res = await fetch(`/api/vnf-packages/${encodeURIComponent(String(id))}/package.zip`, { headers: { authorization: `Bearer ${getToken() ?? ''}` } });
    if (!res.ok) throw new Error(res.status === 404 ? 'This package no longer exists.' : `The download failed (HTTP ${res.status}).`);
    save(await res.blob(), `${name}.zip`);
  },
} satisfies ResourceApi<VnfPackage> & Record<string, unknown>;
