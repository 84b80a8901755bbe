import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('ApiToken', { description: 'A named API token; the token itself is shown once, when created.' })
export class ApiTokenModel {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true, description: 'Null only for a token made before tokens expired by default: valid until revoked.' })
  expiresAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'Last authenticated use, to the minute.' }) lastUsedAt: Date | null;
  @Field(() => [String], { description: 'What it may be used for: read, order, git:read, git:push, admin (never more than its owner may do).' })
  scopes: string[];
}

@ObjectType('CreatedApiToken')
export class CreatedApiTokenModel {
  @Field({ description: 'The token: keep it now, it is never shown again. Use it as a bearer token or as the password of `git push`.' })
  token: string;
  @Field(() => ApiTokenModel) apiToken: ApiTokenModel;
}
