import { Transform } from 'class-transformer';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { trim } from '../../common/rest/transforms';
import { MIN_PASSWORD_LENGTH } from '../../auth/password';
import { ReadOnlyField } from '../../common/rest/read-only-field';
import { LANGUAGES, type Language } from '../../requests/request.entity';
import { ROLES, type Role } from '../user.entity';

export class UpdateUserDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsEmail({}, { message: 'must be an e-mail address' })
  @MaxLength(320)
  email?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1, { message: 'must not be empty' })
  @MaxLength(200)
  fullName?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES, { message: `must be one of ${ROLES.join(', ')}` })
  role?: Role;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  active?: boolean;

  /** The language of the e-mails the console sends them (the reminders digest); null: REMINDER_LANGUAGE. */
  @ApiPropertyOptional({ enum: LANGUAGES, nullable: true })
  @IsOptional()
  @IsIn(LANGUAGES, { message: `must be one of ${LANGUAGES.join(', ')}` })
  language?: Language | null;

  /** Empty or absent: unchanged. */
  @ApiPropertyOptional({ minLength: MIN_PASSWORD_LENGTH })
  @ValidateIf((o: UpdateUserDto) => o.password !== undefined && o.password !== null && o.password !== '')
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH, { message: `must be at least ${MIN_PASSWORD_LENGTH} characters` })
  @MaxLength(1000)
  password?: string | null;

  @ReadOnlyField() id?: unknown;
  @ReadOnlyField() createdAt?: unknown;
  @ReadOnlyField() updatedAt?: unknown;
  @ReadOnlyField() lastLoginAt?: unknown;
}
