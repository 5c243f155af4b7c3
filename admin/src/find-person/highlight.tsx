import { Box } from '@mui/material';
import { findPhoneNumbersInText } from 'libphonenumber-js';
import type { ReactNode } from 'react';

import type { SubjectMatch } from '../api';

interface Range {
  start: number;
  end: number;
}

/** Numbers written without a country code are Italian, as the API assumes when it indexes them. */
const DEFAULT_REGION = 'IT';

const occurrences = (text: string, needle: string, caseInsensitive: boolean): Range[] => {
  if (!needle) return [];
  const haystack = caseInsensitive ? text.toLowerCase() : text;
  const target = caseInsensitive ? needle.toLowerCase() : needle;
  const found: Range[] = [];
  for (let at = haystack.indexOf(target); at !== -1; at = haystack.indexOf(target, at + target.length)) {
    found.push({ start: at, end: at + target.length });
  }
  return found;
};

/**
 * Where the matched identifiers are written in a free text. The API matches
 * normalised values (`+393471234567`), so a phone is found again in any
 * writing (`0039 347 123 4567`) with the same library the API indexes with.
 */
export const matchRanges = (text: string, matches: SubjectMatch[]): Range[] => {
  const ranges: Range[] = [];
  const phones = new Set(matches.filter((m) => m.kind === 'phone').map((m) => m.value));
  if (phones.size > 0) {
    for (const found of findPhoneNumbersInText(text, DEFAULT_REGION)) {
      if (phones.has(found.number.number)) ranges.push({ start: found.startsAt, end: found.endsAt });
    }
  }
  for (const match of matches) {
    if (match.kind === 'email' || match.kind === 'account') ranges.push(...occurrences(text, match.value, true));
    if (match.kind === 'consent_id' || match.kind === 'ip') ranges.push(...occurrences(text, match.value, false));
  }
  // Sorted, without overlaps.
  ranges.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Range[] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
};

/**
 * A text with its matched identifiers marked; cut to `maxLength` characters
 * around the first match when it is longer.
 */
export const Highlighted = ({
  text,
  matches,
  maxLength = 200,
}: {
  text: string;
  matches: SubjectMatch[];
  maxLength?: number;
}) => {
  let ranges = matchRanges(text, matches);
  let shown = text;
  let prefix = '';
  let suffix = '';
  if (text.length > maxLength) {
    const first = ranges[0]?.start ?? 0;
    const start = Math.max(0, Math.min(first - Math.floor(maxLength / 3), text.length - maxLength));
    const end = Math.min(text.length, start + maxLength);
    shown = text.slice(start, end);
    prefix = start > 0 ? '…' : '';
    suffix = end < text.length ? '…' : '';
    ranges = ranges
      .filter((r) => r.end > start && r.start < end)
      .map((r) => ({ start: Math.max(0, r.start - start), end: Math.min(shown.length, r.end - start) }));
  }
  const parts: ReactNode[] = [];
  let at = 0;
  ranges.forEach((range, index) => {
    if (range.start > at) parts.push(shown.slice(at, range.start));
    parts.push(
      <Box
        component="mark"
        key={index}
        sx={{ bgcolor: '#fde9a8', color: 'inherit', borderRadius: 0.5, px: 0.25, fontWeight: 600 }}
      >
        {shown.slice(range.start, range.end)}
      </Box>,
    );
    at = range.end;
  });
  if (at < shown.length) parts.push(shown.slice(at));
  return (
    <>
      {prefix}
      {parts}
      {suffix}
    </>
  );
};
