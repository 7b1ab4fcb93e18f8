import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../../shared/scalars';
import type { PackageUploadEntity } from './packages.entities';

@ObjectType({ simpleResolvers: true })
export class PackageUpload {
  @Field(() => ID)
  id: string;

  @Field({ description: 'PUT the raw zip bytes here with your Authorization header' })
  uploadUrl: string;

  @Field(() => Int)
  maxBytes: number;

  @Field(() => DateTimeScalar)
  expiresAt: Date;

  @Field()
  status: string;

  static from(e: PackageUploadEntity, origin: string): PackageUpload {
    return Object.assign(new PackageUpload(), {
      id: e.id,
      uploadUrl: `${origin}/uploads/${e.id}`,
      maxBytes: Number(e.maxBytes),
      expiresAt: e.expiresAt,
      status: e.status,
    });
  }
}
