/** Discord's limits, in one place. Past them Discord answers 400 and the user sees nothing. */
export const DISCORD_LIMITS = {
  content: 2000,
  embeds: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  authorName: 256,
  embedTotal: 6000,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
  actionRows: 5,
  buttonsPerRow: 5,
  customId: 100,
  buttonLabel: 80,
  /** Milliseconds to acknowledge an interaction. */
  acknowledgeMs: 3000,
} as const;

interface EmbedLike {
  title?: string;
  url?: string;
  description?: string;
  fields?: { name: string; value: string }[];
  footer?: { text: string };
  author?: { name: string; url?: string };
  image?: { url: string };
  thumbnail?: { url: string };
}

/** The schemes Discord takes in an embed's links; a picture may also be an attachment of the message. */
const LINK_SCHEMES = ['http:', 'https:'];
const PICTURE_SCHEMES = [...LINK_SCHEMES, 'attachment:'];

/**
 * Whether Discord takes `url` as an embed's link: a whole URL of an allowed scheme with no space
 * in it. Discord answers 400 ("Not a well formed URL") otherwise, and the message is lost.
 */
function wellFormedUrl(url: string, schemes: readonly string[]): boolean {
  if (/\s/.test(url)) return false;
  try {
    return schemes.includes(new URL(url).protocol);
  } catch {
    return false;
  }
}
interface PayloadLike {
  content?: string;
  embeds?: EmbedLike[];
  components?: { components: { custom_id?: string; label?: string }[] }[];
}

/**
 * Every way autocomplete `choices` break Discord's limits; empty when they are fine to send. Past
 * them Discord refuses the whole list and the user sees "Loading options failed".
 */
export function checkChoiceLimits(
  choices: readonly { name: string; value: string | number }[],
): string[] {
  const L = DISCORD_LIMITS;
  const problems: string[] = [];
  if (choices.length > L.choices) problems.push(`choices: ${choices.length} > ${L.choices}`);
  for (const c of choices) {
    if (c.name.length === 0 || c.name.length > L.choiceName)
      problems.push(`choice name: ${c.name.length} characters (1 to ${L.choiceName})`);
    if (String(c.value).length > L.choiceValue)
      problems.push(`choice value: ${String(c.value).length} > ${L.choiceValue}`);
  }
  return problems;
}

/** Every way `payload` breaks Discord's limits; empty when it is fine to send. */
export function checkDiscordLimits(payload: PayloadLike): string[] {
  const L = DISCORD_LIMITS;
  const problems: string[] = [];
  const over = (what: string, length: number, max: number) => {
    if (length > max) problems.push(`${what}: ${length} > ${max}`);
  };
  over('content', payload.content?.length ?? 0, L.content);
  const embeds = payload.embeds ?? [];
  over('embeds', embeds.length, L.embeds);
  let total = 0;
  for (const [i, e] of embeds.entries()) {
    over(`embed ${i} title`, e.title?.length ?? 0, L.embedTitle);
    over(`embed ${i} description`, e.description?.length ?? 0, L.embedDescription);
    over(`embed ${i} fields`, e.fields?.length ?? 0, L.embedFields);
    over(`embed ${i} footer`, e.footer?.text.length ?? 0, L.footer);
    over(`embed ${i} author`, e.author?.name.length ?? 0, L.authorName);
    for (const f of e.fields ?? []) {
      over(`embed ${i} field name`, f.name.length, L.fieldName);
      over(`embed ${i} field value`, f.value.length, L.fieldValue);
      if (f.value.length === 0 || f.name.length === 0) problems.push(`embed ${i}: empty field`);
    }
    const links: [string, string | undefined, readonly string[]][] = [
      ['url', e.url, LINK_SCHEMES],
      ['author url', e.author?.url, LINK_SCHEMES],
      ['image', e.image?.url, PICTURE_SCHEMES],
      ['thumbnail', e.thumbnail?.url, PICTURE_SCHEMES],
    ];
    for (const [what, url, schemes] of links) {
      if (url !== undefined && !wellFormedUrl(url, schemes))
        problems.push(`embed ${i} ${what}: not a well formed URL: ${url.slice(0, 80)}`);
    }
    total +=
      (e.title?.length ?? 0) +
      (e.description?.length ?? 0) +
      (e.footer?.text.length ?? 0) +
      (e.author?.name.length ?? 0) +
      (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
  }
  over('embeds total', total, L.embedTotal);
  const rows = payload.components ?? [];
  over('action rows', rows.length, L.actionRows);
  // Discord refuses a message two of whose components share a custom_id.
  const ids = new Set<string>();
  for (const row of rows) {
    over('buttons in a row', row.components.length, L.buttonsPerRow);
    for (const c of row.components) {
      over('custom_id', c.custom_id?.length ?? 0, L.customId);
      over('button label', c.label?.length ?? 0, L.buttonLabel);
      if (c.custom_id === undefined) continue;
      if (ids.has(c.custom_id)) problems.push(`custom_id used twice: ${c.custom_id}`);
      ids.add(c.custom_id);
    }
  }
  return problems;
}
