import { Field, ID, InputType } from '@nestjs/graphql';
import { VnfPackageStateEnum } from '../models/vnf-package.model.js';

@InputType()
export class VnfPackageFilterInput {
  @Field(() => VnfPackageStateEnum, { nullable: true }) state?: VnfPackageStateEnum | null;
  @Field(() => ID, { nullable: true, description: 'Only the packages of this repository.' }) repoId?: string | null;
}
