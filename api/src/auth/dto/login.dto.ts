import { Transform } from 'class-transformer';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { trim } from '../../common/rest/transforms';

export class LoginDto {
  @ApiProperty({ example: 'admin@example.com' })
  @Transform(trim)
  @IsString()
  @MinLength(3)
  @MaxLength(320)
  email: string;

  @ApiProperty({ example: 'a long passphrase' })
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  password: string;
}
