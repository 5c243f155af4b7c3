import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { AuditRead } from '../audit/read-audit';
import { ANY_ROLE, CurrentUser, Roles, STAFF_WRITE } from '../auth/access.decorators';
import type { AuthenticatedUser } from '../auth/auth.service';
import { REVIEW_DECISIONS, ReviewService, type ReviewDecision, type ReviewItem } from './review.service';

export class ReviewDecisionDto {
  @ApiProperty({ example: 'chat-conversations' })
  @IsIn(['leads', 'chat-conversations', 'calendar-events', 'consents'], {
    message: 'must be leads, chat-conversations, calendar-events or consents',
  })
  source: string;

  @ApiProperty()
  @IsString({ message: 'must be text' })
  @MaxLength(100)
  recordId: string;

  @ApiProperty({ enum: REVIEW_DECISIONS })
  @IsIn(REVIEW_DECISIONS, { message: `must be one of ${REVIEW_DECISIONS.join(', ')}` })
  decision: ReviewDecision;

  @ApiPropertyOptional({
    description: 'The excerpt to include (other people are redacted from it); by default the passage listed',
  })
  @IsOptional()
  @IsString({ message: 'must be text' })
  @MaxLength(10_000)
  excerpt?: string;
}

/** Art. 15(4): records that mention the subject or that they share, reviewed before anything of them is handed over. */
@ApiTags('requests')
@Roles(...ANY_ROLE)
@Controller('requests/:id/review')
export class ReviewController {
  constructor(private readonly review: ReviewService) {}

  @Get()
  @AuditRead({
    action: 'request.review_viewed',
    entity: 'request',
    read: 'one',
    details: (r: { reference: string; items: ReviewItem[] }) => ({ reference: r.reference, records: r.items.length }),
  })
  @ApiOperation({
    summary:
      'Records that only mention the subject or that they share with others: not exported automatically; each with the passage about them, others redacted',
  })
  list(@Param('id', ParseUUIDPipe) id: string) {
    return this.review.list(id);
  }

  @Roles(...STAFF_WRITE)
  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Includes an excerpt of a reviewed record in the access package (others redacted), or leaves it out; on the timeline',
  })
  decide(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ReviewDecisionDto,
  ) {
    return this.review.decide(actor, id, body);
  }
}
