import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLJSON } from 'graphql-type-json';
import { Allow } from '../access/allow.decorator.js';
import { InTenants, type TenantScope } from '../auth/auth.decorators.js';
import { VnfPackageFilterInput } from './dto/vnf-package-filter.input.js';
import { VnfArtifactContentModel, VnfConnectionPointModel, VnfPackageModel, VnfVduNodeModel } from './models/vnf-package.model.js';
import { VnfPackagesService } from './vnf-packages.service.js';
import { connectionPoints, vduTree } from './vnfd-tree.js';
import { vnfdJsonSchema } from './vnfd.schema.js';

@Resolver(() => VnfPackageModel)
export class VnfPackagesResolver {
  constructor(private readonly packages: VnfPackagesService) {}

  @Allow('vnf:read')
  @Query(() => [VnfPackageModel], { description: "VNF packages of the caller's tenants (seed 4.7.1: query VNF packages)." })
  vnfPackages(
    @InTenants('vnf:read') scope: TenantScope,
    @Args('filter', { type: () => VnfPackageFilterInput, nullable: true }) filter?: VnfPackageFilterInput,
  ): Promise<VnfPackageModel[]> {
    return this.packages.list(scope, filter ?? {});
  }

  @Allow('vnf:read')
  @Query(() => VnfPackageModel, { description: 'One VNF package; NOT_FOUND when there is none the caller may see.' })
  vnfPackage(@InTenants('vnf:read') scope: TenantScope, @Args('id', { type: () => ID }) id: string): Promise<VnfPackageModel> {
    return this.packages.get(id, scope);
  }

  @Allow('vnf:read')
  @Query(() => GraphQLJSON, { description: "The JSON Schema (draft 2020-12) packages' vnfd.yaml are validated against; the references are checked besides." })
  vnfdSchema(): Record<string, unknown> {
    return vnfdJsonSchema();
  }

  @Allow('vnf:read')
  @Query(() => VnfArtifactContentModel, {
    description:
      "A file of a package (an artifact, or vnfd.yaml) at the package's commit, with its size and sha256; NOT_FOUND for a file the package does not list.",
  })
  vnfPackageArtifact(
    @InTenants('vnf:read') scope: TenantScope,
    @Args('id', { type: () => ID }) id: string,
    @Args('path', { description: "Relative to the package's folder, as its artifacts list it." }) path: string,
  ): Promise<VnfArtifactContentModel> {
    return this.packages.artifact(id, path, scope);
  }

  @Allow('vnf:write')
  @Mutation(() => VnfPackageModel, { description: 'Enable a package: it may be deployed. CONFLICT while its deletion is pending.' })
  enableVnfPackage(@InTenants('vnf:write') scope: TenantScope, @Args('id', { type: () => ID }) id: string): Promise<VnfPackageModel> {
    return this.packages.setEnabled(id, true, scope);
  }

  @Allow('vnf:write')
  @Mutation(() => VnfPackageModel, { description: 'Disable a package: it may not be deployed, and may be deleted.' })
  disableVnfPackage(@InTenants('vnf:write') scope: TenantScope, @Args('id', { type: () => ID }) id: string): Promise<VnfPackageModel> {
    return this.packages.setEnabled(id, false, scope);
  }

  @Allow('vnf:write')
  @Mutation(() => VnfPackageModel, {
    description:
      'Delete a disabled package (CONFLICT when enabled): `deleted` is true; one in use waits (deletionState pending) until nothing uses it, unless abortVnfPackageDeletion. A refresh does not bring a deleted package back unless its content changed.',
  })
  deleteVnfPackage(@InTenants('vnf:write') scope: TenantScope, @Args('id', { type: () => ID }) id: string): Promise<VnfPackageModel> {
    return this.packages.delete(id, scope);
  }

  @Allow('vnf:write')
  @Mutation(() => VnfPackageModel, { description: 'Abort a pending deletion: the package stays, disabled. CONFLICT when no deletion is pending.' })
  abortVnfPackageDeletion(@InTenants('vnf:write') scope: TenantScope, @Args('id', { type: () => ID }) id: string): Promise<VnfPackageModel> {
    return this.packages.abortDeletion(id, scope);
  }

  @ResolveField(() => GraphQLJSON, { description: 'The descriptor (vnfd.yaml) as on-boarded.' })
  descriptor(@Parent() pkg: VnfPackageModel): Promise<unknown> {
    return this.packages.descriptor(pkg.id);
  }

  @ResolveField(() => [VnfVduNodeModel], { description: 'The VDUs, each parent followed by the VDUs nested in it (vduParent).' })
  async vdus(@Parent() pkg: VnfPackageModel): Promise<VnfVduNodeModel[]> {
    return vduTree(await this.packages.descriptor(pkg.id));
  }

  @ResolveField(() => [VnfConnectionPointModel], {
    description: "The VDUs' connection points, the Kubernetes services (with their ports) and the external ones.",
  })
  async connectionPoints(@Parent() pkg: VnfPackageModel): Promise<VnfConnectionPointModel[]> {
    return connectionPoints(await this.packages.descriptor(pkg.id));
  }
}
