import { isPlainIpAddress } from '../common/ip-address';
import { ConflictError, InvalidInputError, type Refusal } from '../common/errors/domain.error';
import type { DataSubjectRequest, RequestType } from '../requests/request.entity';

const TYPE_WORDS: Record<RequestType, string> = {
  access: 'an access request',
  rectification: 'a rectification request',
  erasure: 'an erasure request',
  restriction: 'a restriction request',
  portability: 'a portability request',
  objection: 'an objection',
  consent_withdrawal: 'a consent withdrawal',
};

/**
 * A change to the person's data is made only for the request that asks for it, once the
 * person's identity is verified and while the request is open: 409 otherwise, saying why.
 */
export function refusalToAct(
  request: Pick<DataSubjectRequest, 'type' | 'status' | 'identityVerifiedAt' | 'reference'>,
  types: RequestType[],
): string | null {
  return actRefusal(request, types)?.message ?? null;
}

/** `refusalToAct` with its stable reason. */
export function actRefusal(
  request: Pick<DataSubjectRequest, 'type' | 'status' | 'identityVerifiedAt' | 'reference'>,
  types: RequestType[],
): Refusal | null {
  if (request.status === 'completed' || request.status === 'rejected')
    return {
      reason: 'request_closed',
      message: `Nothing more can be done: ${request.reference} is ${request.status}`,
      args: { status: request.status },
    };
  if (!types.includes(request.type)) {
    return {
      reason: 'wrong_request_type',
      message: `${request.reference} is ${TYPE_WORDS[request.type]}; this action belongs to ${types.map((t) => TYPE_WORDS[t]).join(' or ')}`,
      args: { type: request.type },
    };
  }
  if (!request.identityVerifiedAt)
    return {
      reason: 'identity_not_verified',
      message: `Verify the subject's identity before changing their data (${request.reference})`,
    };
  return null;
}

export function requireActionable(request: Parameters<typeof refusalToAct>[0], types: RequestType[]): void {
  const refusal = actRefusal(request, types);
  if (refusal) throw new ConflictError(refusal.message).because(refusal.reason, refusal.args);
}

/** Access-log lines are the person's only through the IP addresses they give: each must be one. */
export function normaliseIps(ips: unknown[]): string[] {
  const out = new Set<string>();
  for (const [i, ip] of ips.entries()) {
    if (typeof ip !== 'string' || !isPlainIpAddress(ip.trim()))
      throw new InvalidInputError(`ips[${i}]: must be an IPv4 or IPv6 address, without a zone (%eth0)`, {
        [`ips[${i}]`]: 'must be an IP address, without a zone',
      })
        .because('invalid_ip')
        .withFieldReasons({ [`ips[${i}]`]: 'invalid_ip' });
    out.add(ip.trim().toLowerCase());
  }
  return [...out];
}
