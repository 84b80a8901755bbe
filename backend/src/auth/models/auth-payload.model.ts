import { Field, ObjectType } from '@nestjs/graphql';
import { UserModel } from '../../users/models/user.model.js';

@ObjectType('AuthPayload')
export class AuthPayloadModel {
  @Field({ description: 'Bearer token: send it as `Authorization: Bearer <token>`.' }) token: string;
  @Field(() => UserModel) user: UserModel;
  @Field() expiresAt: Date;
}
