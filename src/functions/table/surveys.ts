// Function table entries for survey metrics: NPS, NPS_BREAKDOWN, NPS_CI, CSAT, CES.

import { roleColumn } from '../../core/mapping/inputs';
import { aggregateAll } from '../../core/aggregate';
import { MetricError, messages } from '../../core/errors';
import { csatAggregate, meanScoreAggregate, npsAggregate, npsCounts, npsInterval } from '../../core/metrics/surveys';
import { column } from '../examples';
import { dates } from '../dateParams';
import { number, optional, period, scores, withComputedDefault, withDefault } from '../params';
import { aggregateByPeriod } from '../periodic';
import { defineFunction, type ColourBand } from '../spec';

const npsScores = scores('scores', 'Survey answers: whole numbers from 0 to 10.', { min: 0, max: 10 });
const periodParam = optional(period('period', 'A period label (2025-Q1, 2025-03, …) to keep only answers dated in it, or a grain (month, quarter, …) for a series.'));
const datesOf = (what: string, of: string) => optional(dates('dates', `The date of each ${what}, beside ${of}; needed with period.`, of));
const scale = withDefault(number('scale', 'The highest point of the scale (5 for 1–5, 10 for 0–10).', { noun: 'a whole number', integer: true, min: 2, max: 100 }), 5, '5');
/** NPS colour bands as commonly read (Bain): below 0 poor, 0 to 30 fair, 30 and above good. */
const NPS_BANDS: readonly ColourBand[] = [{ to: 0, tone: 'bad' }, { from: 0, to: 30, tone: 'fair' }, { from: 30, tone: 'good' }];

export const NPS = defineFunction({
  name: 'NPS',
  category: 'Surveys',
  summary: 'Net Promoter Score in points (−100 to 100) from 0–10 answers.',
  labels: {
    en: { name: 'Net Promoter Score', summary: 'Promoters minus detractors, in points from −100 to 100.' },
    cs: { name: 'NPS', summary: 'Podíl promotérů minus podíl kritiků, v bodech od −100 do 100.' },
    pl: { name: 'NPS', summary: 'Odsetek promotorów minus odsetek krytyków, w punktach od −100 do 100.' },
    ru: { name: 'NPS', summary: 'Доля промоутеров минус доля критиков, в пунктах от −100 до 100.' },
    th: { name: 'NPS', summary: 'สัดส่วนผู้สนับสนุนลบสัดส่วนผู้ไม่สนับสนุน เป็นคะแนนตั้งแต่ −100 ถึง 100' },
  },
  definition: 'Promoters answer 9–10, passives 7–8, detractors 0–6. NPS = (promoters − detractors) ÷ answers × 100. Blank cells are skipped.',
  format: 'points',
  direction: 'higher', chart: 'line', kinds: ['surveys'], bands: NPS_BANDS, series: { value: 1, n: 2 },
  inputs: { scores: roleColumn('score'), period: 'period', dates: roleColumn('date') },
  returns: 'NPS in points, or a series period | NPS | responses when period is a grain.',
  params: [npsScores, periodParam, datesOf('answer', 'scores')],
  examples: [
    { args: [column(10, 9, 8, 3)], result: 25, note: 'two promoters, one passive, one detractor' },
    { args: [column(10, 6, '', 9), '2025-03', column('2025-03-02', '2025-03-30', '', '2025-04-01')], result: 0, note: 'only March answers count' },
  ],
  compute: ({ scores, period, dates }, call) =>
    aggregateByPeriod(call, npsAggregate(scores), scores.cells, period, dates, { what: 'scores', valueHeader: 'NPS', countHeader: 'responses' }),
});

export const NPS_BREAKDOWN = defineFunction({
  name: 'NPS_BREAKDOWN',
  category: 'Surveys',
  summary: 'Spills how many answers are promoters, passives and detractors, and their shares.',
  labels: {
    en: { name: 'NPS breakdown', summary: 'How many answers are promoters, passives and detractors, and their shares.' },
    cs: { name: 'Rozložení NPS', summary: 'Počty a podíly promotérů, pasivních a kritiků mezi odpověďmi.' },
    pl: { name: 'Struktura NPS', summary: 'Liczba i odsetek promotorów, biernych i krytyków wśród odpowiedzi.' },
    ru: { name: 'Структура NPS', summary: 'Число и доли промоутеров, нейтралов и критиков среди ответов.' },
    th: { name: 'รายละเอียด NPS', summary: 'จำนวนและสัดส่วนของผู้สนับสนุน ผู้เฉยๆ และผู้ไม่สนับสนุนในคำตอบทั้งหมด' },
  },
  definition: 'Counts of promoters (9–10), passives (7–8) and detractors (0–6) with each group’s share of all answers, then the total.',
  format: 'table',
  direction: 'neither', chart: 'none', kinds: ['surveys'], section: 'spill',
  inputs: { scores: roleColumn('score') },
  returns: 'A table group | count | share.',
  params: [npsScores],
  examples: [{
    args: [column(10, 9, 8, 3)],
    result: [['group', 'count', 'share'], ['promoters', 2, 0.5], ['passives', 1, 0.25], ['detractors', 1, 0.25], ['total', 4, 1]],
  }],
  compute: ({ scores }, call) => {
    const c = npsCounts(aggregateAll(npsAggregate(scores), scores.cells));
    const n = c.promoters + c.passives + c.detractors;
    if (!n) throw new MetricError(messages.noData(call.fn, 'scores'));
    return [
      ['group', 'count', 'share'],
      ['promoters', c.promoters, c.promoters / n],
      ['passives', c.passives, c.passives / n],
      ['detractors', c.detractors, c.detractors / n],
      ['total', n, 1],
    ];
  },
});

export const NPS_CI = defineFunction({
  name: 'NPS_CI',
  category: 'Surveys',
  summary: 'Confidence interval [low, high] for NPS, in points (adjusted Wald).',
  labels: {
    en: { name: 'NPS confidence interval', summary: 'The low and high bounds of a confidence interval for NPS, in points (adjusted Wald).' },
    cs: { name: 'Interval spolehlivosti NPS', summary: 'Dolní a horní mez intervalu spolehlivosti NPS v bodech (upravená Waldova metoda).' },
    pl: { name: 'Przedział ufności NPS', summary: 'Dolna i górna granica przedziału ufności NPS w punktach (skorygowana metoda Walda).' },
    ru: { name: 'Доверительный интервал NPS', summary: 'Нижняя и верхняя границы доверительного интервала NPS в пунктах (метод Вальда с поправкой).' },
    th: { name: 'ช่วงความเชื่อมั่นของ NPS', summary: 'ขอบล่างและขอบบนของช่วงความเชื่อมั่นของ NPS เป็นคะแนน (วิธี Wald แบบปรับแก้)' },
  },
  definition: 'Adjusted-Wald interval: add 3 to the answers and ¾ to promoters and detractors; p and d are their shares, ' +
    'NPS′ = p − d, variance (p + d − NPS′²) ÷ n; interval NPS′ ± z·√variance × 100, clamped to −100..100.',
  format: 'points',
  direction: 'neither', chart: 'none', kinds: ['surveys'], section: 'spill',
  inputs: { scores: roleColumn('score') },
  returns: 'Two cells side by side: low, high.',
  params: [npsScores, withDefault(number('confidence', 'Confidence level between 0 and 1.', { what: 'a level between 0.5 and 0.999', min: 0.5, max: 0.999 }), 0.95, '0.95')],
  examples: [{ args: [column(10, 10, 9, 9, 8, 7, 6, 3, 0, 10)], result: [[-30.33, 61.1]], digits: 2, note: '5 promoters, 2 passives, 3 detractors: NPS 20' }],
  compute: ({ scores, confidence }, call) => {
    const c = npsCounts(aggregateAll(npsAggregate(scores), scores.cells));
    if (!(c.promoters + c.passives + c.detractors)) throw new MetricError(messages.noData(call.fn, 'scores'));
    return [npsInterval(c, confidence)];
  },
});

/** Scores on a 1..scale answer scale (0..10 on a 10-point scale), checked once scale is known. */
const scaleScores = scores('scores', 'Survey answers: whole numbers on the scale.', { scale: 'scale' });

export const CSAT = defineFunction({
  name: 'CSAT',
  category: 'Surveys',
  summary: 'Customer satisfaction: the share of answers in the top of the scale, as a fraction.',
  labels: {
    en: { name: 'Customer satisfaction (CSAT)', summary: 'The share of answers at the top of the scale (by default its top two points).' },
    cs: { name: 'Spokojenost zákazníků (CSAT)', summary: 'Podíl odpovědí v horní části škály (ve výchozím nastavení dva nejvyšší body).' },
    pl: { name: 'Zadowolenie klientów (CSAT)', summary: 'Odsetek odpowiedzi z górnej części skali (domyślnie dwa najwyższe punkty).' },
    ru: { name: 'Удовлетворённость (CSAT)', summary: 'Доля ответов в верхней части шкалы (по умолчанию два высших балла).' },
    th: { name: 'ความพึงพอใจลูกค้า (CSAT)', summary: 'สัดส่วนคำตอบที่อยู่ช่วงบนของสเกล (ค่าเริ่มต้นคือสองคะแนนสูงสุด)' },
  },
  definition: 'Answers at or above the threshold ÷ all answers. The default threshold is the top two points of the scale ' +
    '(4–5 of 5, 9–10 of 10). Scores are whole numbers from 1 to the scale (0 to 10 on a 10-point scale).',
  format: 'fraction',
  direction: 'higher', chart: 'line', kinds: ['surveys'], series: { value: 1, n: 2 },
  inputs: { scores: roleColumn('satisfaction'), scale: { scaleOf: 'satisfaction' }, period: 'period', dates: roleColumn('date') },
  returns: 'The satisfied share (0.8 = 80%), or a series period | CSAT | responses when period is a grain.',
  params: [
    scaleScores,
    scale,
    withComputedDefault(number('threshold', 'The lowest score that counts as satisfied.', { what: 'a score on the scale', scale: 'scale' }), 'scale − 1', (a) => (a.scale as number) - 1),
    periodParam,
    datesOf('answer', 'scores'),
  ],
  examples: [
    { args: [column(5, 4, 3, 5, 1)], result: 0.6, note: 'three of five answers are 4 or 5' },
    { args: [column(10, 9, 8, 7), 10, 8], result: 0.75, note: 'a 0–10 scale with 8 and above counting as satisfied' },
  ],
  compute: ({ scores, threshold, period, dates }, call) =>
    aggregateByPeriod(call, csatAggregate(scores, threshold), scores.cells, period, dates, { what: 'scores', valueHeader: 'CSAT', countHeader: 'responses' }),
});

export const CES = defineFunction({
  name: 'CES',
  category: 'Surveys',
  summary: 'Customer Effort Score: the mean answer on a 1–7 (or other) effort scale.',
  labels: {
    en: { name: 'Customer Effort Score', summary: 'The mean answer on a 1–7 (or other) customer effort scale.' },
    cs: { name: 'Zákaznické úsilí (CES)', summary: 'Průměrná odpověď na škále zákaznického úsilí 1–7 (nebo jiné).' },
    pl: { name: 'Wysiłek klienta (CES)', summary: 'Średnia odpowiedź na skali wysiłku klienta 1–7 (lub innej).' },
    ru: { name: 'Индекс усилий клиента (CES)', summary: 'Средний ответ по шкале усилий клиента 1–7 (или другой).' },
    th: { name: 'ความพยายามของลูกค้า (CES)', summary: 'ค่าเฉลี่ยของคำตอบบนสเกลความพยายามของลูกค้า 1–7 (หรือสเกลอื่น)' },
  },
  definition: 'The mean of the answers; answers are whole numbers from 1 to the scale (7 by default). Blank cells are skipped.',
  format: 'number',
  direction: 'lower', chart: 'line', kinds: ['surveys'], series: { value: 1, n: 2 },
  inputs: { scores: roleColumn('effort'), scale: { scaleOf: 'effort' }, period: 'period', dates: roleColumn('date') },
  returns: 'The mean effort score, or a series period | CES | responses when period is a grain.',
  params: [
    scores('scores', 'Effort answers: whole numbers from 1 to the scale.', { min: 1, scale: 'scale' }),
    withDefault(number('scale', 'The highest point of the scale.', { noun: 'a whole number', integer: true, min: 2, max: 100 }), 7, '7'),
    periodParam,
    datesOf('answer', 'scores'),
  ],
  examples: [{ args: [column(7, 6, 5, '', 2)], result: 5 }],
  compute: ({ scores, period, dates }, call) =>
    aggregateByPeriod(call, meanScoreAggregate(scores), scores.cells, period, dates, { what: 'scores', valueHeader: 'CES', countHeader: 'responses' }),
});
