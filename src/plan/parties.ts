// Parties: the five signatories and, for every other state, its ISO 3166-1 alpha-2 code.
import { z } from 'zod';
import { SIGNATORIES } from './vocabulary.js';

const ISO_3166_ALPHA2 = `
AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ
CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR
GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP
KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS
MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS
RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW
TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW`
  .trim()
  .split(/\s+/);

/** Every accepted party code: the signatories first, then the other states. */
export const PARTIES: readonly string[] = [
  ...SIGNATORIES,
  ...ISO_3166_ALPHA2.filter((c) => !(SIGNATORIES as readonly string[]).includes(c)),
];

const PARTY_DESCRIPTION = `a party: ${SIGNATORIES.join(', ')}, or an ISO 3166 alpha-2 state code such as PL`;

/** A party in any file casus reads: scenarios, rule sets, models. */
export const Party = z.enum(PARTIES as [string, ...string[]], { error: `expected ${PARTY_DESCRIPTION}` });

const NAMES: Record<string, string> = {
  UA: 'Ukraine',
  RU: 'Russia',
  US: 'the US',
  EU: 'the EU',
  NATO: 'NATO',
  GB: 'the UK',
  FR: 'France',
  DE: 'Germany',
  PL: 'Poland',
  FI: 'Finland',
  EE: 'Estonia',
  LV: 'Latvia',
  LT: 'Lithuania',
  RO: 'Romania',
  MD: 'Moldova',
  GE: 'Georgia',
  BY: 'Belarus',
  SE: 'Sweden',
  NO: 'Norway',
  IT: 'Italy',
  ES: 'Spain',
  NL: 'the Netherlands',
  TR: 'Türkiye',
  HU: 'Hungary',
  SK: 'Slovakia',
  CZ: 'Czechia',
  CN: 'China',
  KP: 'North Korea',
  IN: 'India',
  CA: 'Canada',
  DK: 'Denmark',
  BE: 'Belgium',
};

export function partyName(code: string): string {
  return NAMES[code] ?? code;
}
