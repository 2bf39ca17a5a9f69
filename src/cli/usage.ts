/**
 * The CLI's usage text and the error that means the command line is at fault (exit code 2), as
 * opposed to the corpus or a document (exit code 1).
 */

/**
 * What a command-line mistake ends with, in place of the whole usage text: the problem stays one
 * line a user can read.
 */
export const SEE_HELP = '(`npm run cli -- help` lists every command and option)';

/** Every command and option, as `npm run cli -- help` prints it. */
export const USAGE = `Usage: npm run cli -- <command> [options]

Commands:
  ask "<question>" [options]  answer a question with verbatim, cited passages
      --limit N               at most N passages (1-100, default 3)
      --letter DOC            only this document: its id, its symbol, or a date or title
                              words that fit it alone
      --from DATE, --to DATE  only documents dated from / up to DATE: 2023-09-19, 2023-09 or 2023
      --part PART             only passages of letters themselves (letter), of annexes
                              (annex) or of enclosures (enclosure)
      --json                  one JSON object (with "total", and "related" when not found)
      --stdin                 one question per input line, an answer for each (with --json, one
                              JSON line each, its "query" the line); blank lines are skipped; a
                              bad line gets its own error and the rest go on
  search "<words>" [options]  a compact ranked list of matching passages, as /search gives it
      --limit N, --letter DOC, --from DATE, --to DATE, --part PART   as for ask (default 5)
      --page N                the Nth page of --limit passages (default 1)
      --json                  one JSON object, as ask --json prints it
  cite <document> [passage] [--style S] [--json]
                              ready-to-copy citations of a document (its id, its symbol, or a
                              date or title words that fit it alone) or of
                              one of its passages, as /cite gives them (a passage as citations
                              number it: 66, or para 66 for a paragraph the document prints);
                              --style un, oscola or bluebook (default: all three)
  quote <document> <passage> [context] [--json]
                              one passage whole, with its citation, as /quote shows it (the
                              passage numbered as \`letter\` numbers them); context: with the
                              passages before and after it
  chart "<what>" [options]    the figures the documents state of something, as a chart
      --out FILE.png|FILE.svg the picture (with fewer than two figures, none is drawn)
      --from DATE, --to DATE  only documents dated from / up to DATE
      --json                  one JSON object: series, points, passages, left out
  check "<claim>" [--json]    check a claim as the moderators' "Check in letters" does: quoted
                              verbatim, the closest passages, or not in the documents; a link
                              to a document, or its symbol in brackets ending a line
                              ("… (A/76/930)"), is no words of the claim: it names the document
                              the claim is checked against
  add <file.pdf|.txt|.md> [--title T] [--date D] [--author A] [--kind K] [--symbol S]
                              read a document (a letter, a statement, a speech, a report…),
                              check it, and write it into the corpus; the options become its
                              front matter (--date: 2023-09-19, 2023-09 or 2023); warns when
                              it looks like a document already there
      --dry-run               check it and show the file and front matter it would write,
                              but write nothing
  letters [options]           list the documents in the corpus, newest first (as /letters;
                              "documents" does the same):
                              date, symbol, kind, author, title and id
      --kind K                only documents of this kind (letter, note verbale, speech …)
      --author A              only documents by this author (words of its name: Norway)
      --year Y                only documents dated in this year (1997)
      --json                  a JSON array of the documents listed
  letter <id> [--json]        show one document: metadata and numbered passages
                              ("document <id>" does the same)
  validate [--quiet]          check every corpus file; exits 1 listing each problem
  help                        this text

The corpus folder is CORPUS_DIR (default ./corpus), the saved index INDEX_CACHE_DIR.
Exit codes: 0 done, 1 the corpus or a document has a problem, 2 the command line does.`;

/** The command line asks for something that cannot be done as written: exit code 2. */
export class UsageError extends Error {}
