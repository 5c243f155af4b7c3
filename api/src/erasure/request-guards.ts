import { isPlainIpAddress } from '../common/ip-address';
import { ConflictError, InvalidInputError } from '../common/errors/domain.error';
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
  if (request.status === 'completed' || request.status === 'rejected')
    return `Nothing more can be done: ${request.reference} is ${request.status}`;
  if (!types.includes(request.type)) {
    return `${request.reference} is ${TYPE_WORDS[request.type]}; this action belongs to ${types.map((t) => TYPE_WORDS[t]).join(' or ')}`;
  }
  if (!request.identityVerifiedAt)
    return `Verify the subject's identity before changing their data (${request.reference})`;
  return null;
}

export function requireActionable(request: Parameters<typeof refusalToAct>[0], types: RequestType[]): void {
  const refusal = refusalToAct(request, types);
  if (refusal) throw new ConflictError(refusal);
}

/** Access-log lines are the person's only through the IP addresses they give: each must be one. */
export function normaliseIps(ips: unknown[]): string[] {
  const out = new Set<string>();
  for (const [i, ip] of ips.entries()) {
    if (typeof ip !== 'string' || !isPlainIpAddress(ip.trim()))
      throw new InvalidInputError(`ips[${i}]: must be an IPv4 or IPv6 address, without a zone (%eth0)`, {
        [`ips[${i}]`]: 'must be an IP address, without a zone',
      });
    out.add(ip.trim().toLowerCase());
  }
  return [...out];
}
