import { loadCorpus } from '../src/corpus/load.ts';
import { SearchIndex, answerQuestion, parseQuestion } from '../src/search/index.ts';
const corpus = await loadCorpus('corpus');
const index = SearchIndex.build(corpus.letters);
for (const q of process.argv.slice(2)) {
  const p = parseQuestion(index, q);
  console.log('\nQ:', q);
  console.log(' slots:', p.slots.map((s) => `${s.word}${s.correctedTo ? '→' + s.correctedTo : ''}[${s.alternatives.map((a) => a.concept + ':' + a.weight.toFixed(2)).join(',')}]`).join(' '));
  console.log(' letters:', JSON.stringify(p.letters?.documents), 'date:', JSON.stringify(p.date), 'asks:', JSON.stringify(p.asks), 'counted', p.counted, 'fig', p.wantsFigure);
  const a = answerQuestion(index, q, { limit: 5 });
  console.log(' abstained:', a.abstained, a.reason, 'evidence', a.evidence);
  for (const r of a.abstained ? a.related : a.results) console.log(`  ${r.score} [${r.letterId.slice(0, 20)} ${r.part} ${r.passage}] ${r.text.slice(0, 150)}`);
}
