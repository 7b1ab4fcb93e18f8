import { Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { authed, type RequestContext } from '../../context';
import { Role } from '../../shared/auth/roles';
import type { PackagesService } from './packages.service';
import { PackageUpload } from './packages.types';

@Resolver()
export class PackagesResolver {
  constructor(private readonly packages: PackagesService) {}

  @Authorized(Role.DEVELOPER)
  @Mutation(() => PackageUpload, { description: 'A slot to PUT a zip package to (expires unused)' })
  async createPackageUpload(@Ctx() ctx: RequestContext): Promise<PackageUpload> {
    return PackageUpload.from(await this.packages.createUpload(authed(ctx)), ctx.origin);
  }
}
