import type { Marketplace } from '../../common/index.js';

const DOMAIN_MARKETPLACES: ReadonlyMap<string, Marketplace> = new Map([
  ['amazon.com', 'US'],
  ['amazon.ca', 'CA'],
  ['amazon.com.mx', 'MX'],
  ['amazon.co.uk', 'UK'],
  ['amazon.de', 'DE'],
  ['amazon.fr', 'FR'],
  ['amazon.it', 'IT'],
  ['amazon.es', 'ES'],
  ['amazon.co.jp', 'JP'],
]);

/** Names of a store in words ("the Amazon.de store", "UK marketplace", "Amazon Japan"). */
const MARKETPLACE_NAMES: readonly { pattern: RegExp; marketplace: Marketplace }[] = [
  { pattern: /\b(?:United States|US|U\.S\.) (?:marketplace|store)\b/i, marketplace: 'US' },
  { pattern: /\b(?:Canada|Canadian|CA) (?:marketplace|store)\b/i, marketplace: 'CA' },
  { pattern: /\b(?:Mexico|Mexican|MX) (?:marketplace|store)\b/i, marketplace: 'MX' },
  { pattern: /\b(?:United Kingdom|UK|British) (?:marketplace|store)\b/i, marketplace: 'UK' },
  { pattern: /\b(?:Germany|German|DE) (?:marketplace|store)\b/i, marketplace: 'DE' },
  { pattern: /\b(?:France|French|FR) (?:marketplace|store)\b/i, marketplace: 'FR' },
  { pattern: /\b(?:Italy|Italian|IT) (?:marketplace|store)\b/i, marketplace: 'IT' },
  { pattern: /\b(?:Spain|Spanish|ES) (?:marketplace|store)\b/i, marketplace: 'ES' },
  {
    pattern:
      /\b(?:Japan|Japanese|JP) (?:marketplace|store)\b|\bAmazon Japan\b|アマゾンジャパン|日本のマーケットプレイス/i,
    marketplace: 'JP',
  },
  { pattern: /\bAmazon EU S\.à r\.l\.|\bAmazon Services Europe\b/i, marketplace: 'DE' },
  { pattern: /\bdeutschen (?:Marktplatz|Shop)\b|\bMarktplatz Deutschland\b/i, marketplace: 'DE' },
];

const DOMAIN = /\b(?:[a-z0-9-]+\.)*(amazon\.(?:com\.mx|co\.uk|co\.jp|com|ca|de|fr|it|es))\b/gi;
const SIGN_OFF = /^(?:[-–—]+\s*)?(?:the )?(amazon\.(?:com\.mx|co\.uk|co\.jp|com|ca|de|fr|it|es))\b/i;

/**
 * The marketplace the notice is about: a store named in words or a sign-off line ("Amazon.co.uk")
 * weighs most, then the domains of its links and addresses. amazon.com counts least, because
 * Amazon's global addresses use it for every marketplace.
 */
export function decideMarketplace(
  lines: readonly string[],
  flat: string,
): { marketplace: Marketplace | null; phrase: string | null } {
  const scores = new Map<Marketplace, { score: number; phrase: string }>();
  const add = (marketplace: Marketplace, weight: number, phrase: string) => {
    const entry = scores.get(marketplace) ?? { score: 0, phrase };
    entry.score += weight;
    scores.set(marketplace, entry);
  };
  for (const { pattern, marketplace } of MARKETPLACE_NAMES) {
    const match = pattern.exec(flat);
    if (match) add(marketplace, 6, match[0]);
  }
  for (const line of lines) {
    if (isRecipientLine(line)) continue;
    const signOff = SIGN_OFF.exec(line);
    if (signOff && line.length < 60) add(DOMAIN_MARKETPLACES.get(signOff[1]!.toLowerCase())!, 4, signOff[0]);
    for (const match of line.matchAll(DOMAIN)) {
      const marketplace = DOMAIN_MARKETPLACES.get(match[1]!.toLowerCase())!;
      add(marketplace, marketplace === 'US' ? 1 : 2, match[0]);
    }
  }
  let best: { marketplace: Marketplace; score: number; phrase: string } | null = null;
  for (const [marketplace, entry] of scores) if (!best || entry.score > best.score) best = { marketplace, ...entry };
  return best ? { marketplace: best.marketplace, phrase: best.phrase } : { marketplace: null, phrase: null };
}

/** Header lines naming the seller's own addresses (To, Cc) in English, German and Japanese mail clients. */
export function isRecipientLine(line: string): boolean {
  return /^(?:To|Cc|An|Kopie|宛先|CC)\s*:/i.test(line);
}
