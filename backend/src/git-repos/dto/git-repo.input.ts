import { Field, InputType } from '@nestjs/graphql';

@InputType()
export class CreateGitRepoInput {
  @Field({ description: 'A name of your choice: letters, digits, . _ -' }) name: string;
  @Field({ description: 'https://host/path, ssh://host/path, user@host:path or file:///path' }) url: string;
  @Field(() => String, { nullable: true, defaultValue: 'main' }) branch?: string | null;
}

@InputType()
export class UpdateGitRepoInput {
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true }) url?: string | null;
  @Field(() => String, { nullable: true }) branch?: string | null;
}
