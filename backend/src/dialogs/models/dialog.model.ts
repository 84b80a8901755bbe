import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GraphQLJSON } from 'graphql-type-json';
import type { DialogEntity } from '../dialog.entity.js';
import { dialogFields } from '@superfluid/dialogs';
import { DialogImportFormat } from '../dialogs.service.js';

registerEnumType(DialogImportFormat, {
  name: 'DialogImportFormat',
  description: 'MANAGEIQ: a ManageIQ service dialog export (YAML). AWX_SURVEY: an AWX job template survey spec (JSON).',
});

@ObjectType('DialogFieldInfo', { description: 'One field of a dialog, in short; `definition` has everything.' })
export class DialogFieldInfoModel {
  @Field() name: string;
  @Field() label: string;
  @Field({ description: 'text, textarea, password, checkbox, radio, dropdown, integer, float, date, datetime or tags.' }) type: string;
  @Field() required: boolean;
  @Field({ description: 'Its choices come from a data source.' }) dynamic: boolean;
  @Field({ description: 'Imported with a ManageIQ automate method: the dialog cannot be ordered until an administrator binds it.' }) pending: boolean;
  @Field(() => [String], { description: 'Fields whose values its choices are computed from.' }) dependsOn: string[];
  @Field(() => String, {
    nullable: true,
    description: 'The ManageIQ automate method the field was imported with, once bindDialogField bound it to a data source (it may be bound again).',
  })
  boundFrom: string | null;
}

@ObjectType('Dialog', { description: 'An order form: tabs → boxes → fields.' })
export class DialogModel {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field() label: string;
  @Field(() => String, { nullable: true }) description: string | null;
  @Field({ description: '"catalog" (a file under catalog/dialogs), "imported" (importDialog) or "editor" (saveDialog).' }) origin: string;
  @Field(() => ID, { description: 'The tenant it belongs to: its designers change it.' }) tenantId: string;
  @Field(() => [DialogFieldInfoModel]) fields: DialogFieldInfoModel[];
  @Field(() => GraphQLJSON, { description: 'The definition as stored, dynamic choices not filled in.' }) definition: unknown;
  @Field() updatedAt: Date;
  @Field(() => [String], {
    description:
      "In importDialog's answer: what the import changed to take the dialog (a default that broke its own field's rules, dropped), " +
      'each naming its field; empty elsewhere.',
  })
  importWarnings: string[];
}

@ObjectType('DialogChoice')
export class DialogChoiceModel {
  @Field() value: string;
  @Field() label: string;
}

@ObjectType('DialogFieldRefresh', { description: "A dependent field's choices and default for the values of the fields it depends on." })
export class DialogFieldRefreshModel {
  @Field(() => [DialogChoiceModel]) choices: DialogChoiceModel[];
  @Field(() => GraphQLJSON, { nullable: true }) default: unknown;
}

export function toDialogModel(entity: DialogEntity): DialogModel {
  return {
    id: entity.id,
    name: entity.name,
    label: entity.label,
    description: entity.definition.description ?? null,
    origin: entity.origin,
    tenantId: entity.tenantId,
    definition: entity.definition,
    updatedAt: entity.updatedAt,
    importWarnings: [],
    fields: dialogFields(entity.definition).map((f) => ({
      name: f.name,
      label: f.label,
      type: f.type,
      required: f.required === true,
      dynamic: f.dataSource !== undefined,
      pending: f.dataSource?.type === 'pending',
      dependsOn: f.dependsOn ?? [],
      boundFrom: f.dataSource?.type === 'pending' ? null : (entity.bindings?.[f.name]?.automateMethod ?? null),
    })),
  };
}
