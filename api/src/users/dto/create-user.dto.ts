import { Transform } from 'class-transformer';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { trim } from '../../common/rest/transforms';
import { MIN_PASSWORD_LENGTH } from '../../auth/password';
import { LANGUAGES, type Language } from '../../requests/request.entity';
import { ROLES, type Role } from '../user.entity';

export class CreateUserDto {
  @ApiProperty({ example: 'giulia.bianchi@example.com' })
  @Transform(trim)
  @IsEmail({}, { message: 'must be an e-mail address' })
  @MaxLength(320)
  email: string;

  @ApiProperty({ example: 'Giulia Bianchi' })
  @IsString()
  @MinLength(1, { message: 'must not be empty' })
  @MaxLength(200)
  fullName: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: `must be one of ${ROLES.join(', ')}` })
  role: Role;

  /** The language of the e-mails the console sends them (the reminders digest); null or absent: REMINDER_LANGUAGE. */
  @ApiPropertyOptional({ enum: LANGUAGES, nullable: true })
  @IsOptional()
  @IsIn(LANGUAGES, { message: `must be one of ${LANGUAGES.join(', ')}` })
  language?: Language | null;

  @ApiProperty({ minLength: MIN_PASSWORD_LENGTH })
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH, { message: `must be at least ${MIN_PASSWORD_LENGTH} characters` })
  @MaxLength(1000)
  password: string;
}
