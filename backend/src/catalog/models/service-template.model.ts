import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('ServiceTemplate', { description: 'A catalog item: what can be ordered.' })
export class ServiceTemplateModel {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => String, { nullable: true }) description: string | null;
  @Field({ description: 'The catalog (folder) it is shown in.' }) catalog: string;
  @Field(() => String, { nullable: true, description: 'Markdown.' }) longDescription: string | null;
  @Field(() => String, { nullable: true, description: 'A Material icon name, or an https:// image URL.' }) icon: string | null;
  @Field({ description: 'ansible_playbook or bundle.' }) type: string;
  @Field() published: boolean;
  /** Not exposed: the dialog is resolved by a field resolver. */
  dialogName: string;
}

@ObjectType('ServiceCatalog', { description: 'A catalog (folder) of published items.' })
export class ServiceCatalogModel {
  @Field() name: string;
  @Field(() => Int) count: number;
}
