import { Field, InputType } from 'type-graphql';
import { Equals, IsBoolean, IsEmail, IsOptional, IsString, Length, Matches, MaxLength, MinLength } from 'class-validator';

@InputType()
export class SignUpInput {
  @Field()
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email: string;

  @Field()
  @IsString()
  @MinLength(10, { message: 'password must be at least 10 characters' })
  @MaxLength(200, { message: 'password must be at most 200 characters' })
  password: string;

  @Field()
  @Matches(/\S/, { message: 'displayName must not be blank' })
  @Length(1, 80, { message: 'displayName must be 1 to 80 characters' })
  displayName: string;
}

@InputType()
export class LoginInput {
  @Field()
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email: string;

  @Field()
  @IsString()
  @Length(1, 200)
  password: string;
}

@InputType()
export class DeveloperProfileInput {
  @Field()
  @Matches(/\S/, { message: 'organizationName must not be blank' })
  @Length(2, 100, { message: 'organizationName must be 2 to 100 characters' })
  organizationName: string;

  @Field()
  @IsEmail({}, { message: 'contactEmail must be an email address' })
  @MaxLength(254)
  contactEmail: string;

  @Field({ description: 'Must be true: the developer terms are accepted' })
  @IsBoolean()
  @Equals(true, { message: 'acceptTerms must be true to become a developer' })
  acceptTerms: boolean;
}

@InputType({ description: 'Only the fields given change' })
export class UpdateDeveloperProfileInput {
  @Field({ nullable: true })
  @IsOptional()
  @Matches(/\S/, { message: 'organizationName must not be blank' })
  @Length(2, 100, { message: 'organizationName must be 2 to 100 characters' })
  organizationName?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsEmail({}, { message: 'contactEmail must be an email address' })
  @MaxLength(254)
  contactEmail?: string;

  @Field({ nullable: true, description: 'Show the contact email on your public profile as the support contact' })
  @IsOptional()
  @IsBoolean()
  contactPublic?: boolean;
}
