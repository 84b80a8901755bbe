import { Field, ID, InputType } from '@nestjs/graphql';

@InputType({ description: 'Where to move a service: a provider for one site of a multi-site item, or (no site) the provider of a single playbook.' })
export class PlacementInput {
  @Field(() => String, { nullable: true, description: 'The site moved (multi-site items); none for a single playbook.' }) site?: string | null;
  @Field(() => ID, { description: 'The provider it moves to.' }) providerId: string;
}
