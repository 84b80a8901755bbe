import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('ServiceTemplate', { description: 'A catalog item: what can be ordered.' })
export class ServiceTemplateModel {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => String, { nullable: true }) description: string | null;
  @Field({ description: 'ansible_playbook or bundle.' }) type: string;
  @Field() published: boolean;
  /** Not exposed: the dialog is resolved by a field resolver. */
  dialogName: string;
}
