import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { presentUser } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { ANY_ROLE, CurrentUser, Public, Roles } from './access.decorators';
import { AuthService, SESSION_COOKIE, type AuthenticatedUser } from './auth.service';
import { LoginDto } from './dto/login.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in: answers {token, user} and sets an httpOnly session cookie' })
  async login(@Body() body: LoginDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const { token, user, expiresAt } = await this.auth.login(body.email, body.password, {
      ip: req.ip ?? null,
      userAgent: req.get('user-agent') ?? null,
    });
    res.cookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: req.secure,
      path: '/',
      expires: expiresAt,
    });
    return { token, user: presentUser(user) };
  }

  @Roles(...ANY_ROLE)
  @Post('logout')
  @HttpCode(200)
  @ApiOperation({ summary: 'Ends the current session' })
  async logout(@CurrentUser() user: AuthenticatedUser, @Res({ passthrough: true }) res: Response) {
    await this.auth.logout(user);
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  }

  @Roles(...ANY_ROLE)
  @Get('me')
  @ApiOperation({ summary: 'The signed-in user' })
  async me(@CurrentUser() user: AuthenticatedUser) {
    return presentUser(await this.users.get(user.id));
  }
}
