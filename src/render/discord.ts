/**
 * The Discord renderer's public face: everything a command handler or a transport needs to
 * shape a reply, from the modules that each render one kind of reply. Every reply is plain API
 * JSON (embeds, buttons, files) within Discord's limits, quotes with the source's Discord
 * markdown escaped and the matched words in bold, and `allowedMentions: { parse: [] }` so no
 * reply ever pings anyone.
 *
 * - `reply.ts`: the shapes and building blocks of any reply (embeds, buttons, footer, packing)
 * - `markdown.ts`: text made safe and fitting for Discord (escaping, bold, splitting, clipping)
 * - `asked.ts`: the question an answer carries, read back by its buttons
 * - `answer.ts` (`/ask`, "not found"), `search-page.ts` (`/search`), `passage.ts` (`/quote`,
 *   Context), `citations.ts` (`/cite`), `documents.ts` (`/letters`, `/letter`), `help.ts`,
 *   `verdict.ts` (Check in letters), `reload.ts`; `chart.ts` (`/chart`)
 * - `wording.ts`: what every surface says alike (Discord and terminal)
 * - `text.ts`, `chart-text.ts`: the same answers for a terminal; `json.ts`: the CLI's `--json`
 */
export { renderAbstention, renderAnswer, type AnswerView } from './answer.ts';
export { CLIPPED_QUESTION_MARK, QUESTION_MARK, questionFromEmbeds } from './asked.ts';
export { renderCitations } from './citations.ts';
export { LETTERS_PAGE_SIZE, renderLetter, renderLettersPage } from './documents.ts';
export { renderHelp } from './help.ts';
export { clip, escapeText, markQuote, splitForEmbeds } from './markdown.ts';
export { renderPassage } from './passage.ts';
export { renderReloadReport } from './reload.ts';
export {
  type ActionRow,
  type Button,
  button,
  type Embed,
  footer,
  packEmbeds,
  type Reply,
  renderNotice,
  reply,
  row,
} from './reply.ts';
export { renderSearchPage, type SearchView } from './search-page.ts';
export { SEARCH_PAGE_SIZE } from './wording.ts';
export { renderVerdict } from './verdict.ts';
