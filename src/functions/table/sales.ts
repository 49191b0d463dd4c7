// Function table entries for sales rates: WIN_RATE, CLOSE_RATE, LEAD_CONVERSION, LEAD_QUALIFICATION_RATE, TRAFFIC_TO_LEAD, LEAD_RESPONSE_TIME.

import { roleColumn } from '../../core/mapping/inputs';
import { MATCH_CODE, OUTCOME } from '../../core/outcomes';
import { durationResult, durationUnit } from '../durations';
import { column } from '../examples';
import { amounts } from '../sums';
import { classified, lostWords, wonWords, wordList } from '../outcomes';
import { dates, durationDates } from '../dateParams';
import { optional } from '../params';
import { datesBeside, periodParam, ratioOfTotals, shareByPeriod } from '../rates';
import { defineFunction } from '../spec';


const CONVERTED = ['converted', 'customer', 'won', 'closed won', 'true', 'yes'];
const QUALIFIED = ['qualified', 'mql', 'sql', 'sal', 'marketing qualified', 'sales qualified', 'opportunity', ...CONVERTED];

const dealDates = column('2025-01-15', '2025-02-01', '2025-03-31', '2025-04-02', '2025-03-01');

export const WIN_RATE = defineFunction({
  name: 'WIN_RATE',
  category: 'Sales and pipeline',
  summary: 'Win rate: won deals ÷ deals won or lost, as a fraction; open deals are left out.',
  labels: {
    en: { name: 'Win rate', summary: 'Won deals ÷ deals won or lost; open deals are left out.' },
    cs: { name: 'Míra výher', summary: 'Vyhrané obchody ÷ vyhrané a prohrané obchody; otevřené se nezapočítávají.' },
    pl: { name: 'Współczynnik wygranych', summary: 'Wygrane transakcje ÷ wygrane i przegrane; otwarte szanse są pomijane.' },
    ru: { name: 'Доля выигранных сделок', summary: 'Выигранные сделки ÷ выигранные и проигранные; открытые не учитываются.' },
    th: { name: 'อัตราการชนะดีล', summary: 'ดีลที่ชนะ ÷ ดีลที่ชนะหรือแพ้ โดยไม่นับดีลที่ยังเปิดอยู่' },
  },
  definition: 'Won ÷ (won + lost). Outcomes are matched case-insensitively: won is "won" or "closed won", lost is "lost" or ' +
    '"closed lost" unless the won and lost arguments give other words; anything else is an open deal and is left out. Blank cells are skipped.',
  format: 'fraction',
  direction: 'higher', chart: 'line', kinds: ['deals'], series: { value: 1, n: 2 },
  inputs: { outcomes: roleColumn('dealOutcome'), period: 'period', dates: roleColumn('dealClosed') },
  returns: 'The win rate (0.75 = 75%), or a series period | win rate | closed deals when period is a grain.',
  params: [classified('outcomes', 'Deal outcomes as text (won, lost, anything else is open), matched case-insensitively.', [{ param: 'won', label: 'won' }, { param: 'lost', label: 'lost' }]), wonWords, lostWords, periodParam, datesBeside('deal (its close date)', 'outcomes')],
  examples: [
    { args: [column('Won', 'Closed Won', 'Lost', 'Open', 'won', 'Closed lost', 'Negotiation', '')], result: 0.6, note: 'three won, two lost; open deals do not count' },
    { args: [column('Signed', 'Dropped', 'Signed', 'Signed', 'Pending'), 'signed', 'dropped'], result: 0.75, note: 'your own words for won and lost' },
    { args: [column('Won', 'Lost', 'Won', 'Lost', 'Won'), '', '', '2025-Q1', dealDates], result: 0.75, note: 'deals closed in the first quarter' },
  ],
  compute: ({ outcomes, period, dates }, call) =>
    shareByPeriod(call, outcomes.values, OUTCOME.won, [OUTCOME.won, OUTCOME.lost], period, dates, { what: 'won or lost deals', valueHeader: 'win rate', countHeader: 'closed deals' }),
});

export const CLOSE_RATE = defineFunction({
  name: 'CLOSE_RATE',
  category: 'Sales and pipeline',
  summary: 'Close rate: won deals ÷ all deals or leads in the range, as a fraction.',
  labels: {
    en: { name: 'Close rate', summary: 'Won deals ÷ all deals or leads, open and lost ones included.' },
    cs: { name: 'Míra uzavření obchodů', summary: 'Vyhrané obchody ÷ všechny obchody nebo leady, včetně otevřených a prohraných.' },
    pl: { name: 'Współczynnik zamknięć', summary: 'Wygrane transakcje ÷ wszystkie szanse lub leady, łącznie z otwartymi i przegranymi.' },
    ru: { name: 'Коэффициент закрытия сделок', summary: 'Выигранные сделки ÷ все сделки или лиды, включая открытые и проигранные.' },
    th: { name: 'อัตราการปิดการขาย', summary: 'ดีลที่ชนะ ÷ ดีลหรือลีดทั้งหมด รวมทั้งดีลที่ยังเปิดอยู่และที่แพ้' },
  },
  definition: 'Won ÷ every non-blank outcome, open and lost included. Won is "won" or "closed won" (case-insensitive) unless the won argument gives other words.',
  format: 'fraction',
  direction: 'higher', chart: 'line', kinds: ['deals'], series: { value: 1, n: 2 },
  inputs: { outcomes: roleColumn('dealOutcome'), period: 'period', dates: roleColumn('dealCreated') },
  returns: 'The close rate (0.6 = 60%), or a series period | close rate | deals when period is a grain.',
  params: [classified('outcomes', 'Deal or lead outcomes as text; every non-blank cell is a deal.', [{ param: 'won', label: 'won' }]), wonWords, periodParam, datesBeside('deal (e.g. its created date)', 'outcomes')],
  examples: [
    { args: [column('Won', 'Lost', 'Open', 'Won', '')], result: 0.5, note: 'two of four deals won' },
    { args: [column('Won', 'Lost', 'Won', 'Lost', 'Won'), '', '2025-Q1', dealDates], result: 0.75 },
  ],
  compute: ({ outcomes, period, dates }, call) =>
    shareByPeriod(call, outcomes.values, OUTCOME.won, undefined, period, dates, { what: 'deals', valueHeader: 'close rate', countHeader: 'deals' }),
});

export const LEAD_CONVERSION = defineFunction({
  name: 'LEAD_CONVERSION',
  category: 'Sales and pipeline',
  summary: 'Lead conversion rate: leads that became customers ÷ all leads, as a fraction.',
  labels: {
    en: { name: 'Lead conversion rate', summary: 'Leads that became customers ÷ all leads.' },
    cs: { name: 'Míra konverze leadů', summary: 'Leady, které se staly zákazníky ÷ všechny leady.' },
    pl: { name: 'Konwersja leadów', summary: 'Leady, które stały się klientami ÷ wszystkie leady.' },
    ru: { name: 'Конверсия лидов', summary: 'Лиды, ставшие клиентами ÷ все лиды.' },
    th: { name: 'อัตราการเปลี่ยนลีดเป็นลูกค้า', summary: 'ลีดที่กลายเป็นลูกค้า ÷ ลีดทั้งหมด' },
  },
  definition: `Leads whose status is a converted word ÷ all non-blank statuses. Converted words (case-insensitive) are ${CONVERTED.map((w) => `"${w}"`).join(', ')} unless the converted argument gives others; a ticked checkbox reads as TRUE.`,
  format: 'fraction',
  direction: 'higher', chart: 'line', kinds: ['leads'], series: { value: 1, n: 2 },
  inputs: { statuses: roleColumn('leadStatus'), period: 'period', dates: roleColumn('leadCreated') },
  returns: 'The conversion rate, or a series period | lead conversion | leads when period is a grain.',
  params: [classified('statuses', 'Lead statuses as text (or checkboxes), one per lead.', [{ param: 'converted', label: 'converted' }]), wordList('converted', 'Statuses that mean the lead became a customer.', CONVERTED), periodParam, datesBeside('lead (e.g. its created date)', 'statuses')],
  examples: [
    { args: [column('Customer', 'New', 'Qualified', 'Converted', '')], result: 0.5 },
    { args: [column('Signed up', 'Visitor', 'Visitor', 'Visitor'), 'signed up'], result: 0.25, note: 'your own word for converted' },
  ],
  compute: ({ statuses, period, dates }, call) =>
    shareByPeriod(call, statuses.values, MATCH_CODE, undefined, period, dates, { what: 'leads', valueHeader: 'lead conversion', countHeader: 'leads' }),
});

export const LEAD_QUALIFICATION_RATE = defineFunction({
  name: 'LEAD_QUALIFICATION_RATE',
  category: 'Sales and pipeline',
  summary: 'Lead qualification rate: qualified leads ÷ all leads, as a fraction.',
  labels: {
    en: { name: 'Lead qualification rate', summary: 'Qualified leads ÷ all leads; statuses further down the funnel count as qualified.' },
    cs: { name: 'Míra kvalifikace leadů', summary: 'Kvalifikované leady ÷ všechny leady; stavy dál v trychtýři se počítají jako kvalifikované.' },
    pl: { name: 'Wskaźnik kwalifikacji leadów', summary: 'Leady zakwalifikowane ÷ wszystkie leady; dalsze etapy lejka liczą się jako kwalifikowane.' },
    ru: { name: 'Доля квалифицированных лидов', summary: 'Квалифицированные лиды ÷ все лиды; статусы дальше по воронке тоже считаются.' },
    th: { name: 'อัตราลีดที่ผ่านการคัดกรอง', summary: 'ลีดที่ผ่านการคัดกรอง ÷ ลีดทั้งหมด โดยนับสถานะที่ลึกกว่าในฟันเนลว่าผ่านด้วย' },
  },
  definition: `Leads whose status is a qualified word ÷ all non-blank statuses. Qualified words (case-insensitive) are ${QUALIFIED.map((w) => `"${w}"`).join(', ')} ` +
    '(statuses further down the funnel count as qualified) unless the qualified argument gives others.',
  format: 'fraction',
  direction: 'higher', chart: 'line', kinds: ['leads'], series: { value: 1, n: 2 },
  inputs: { statuses: roleColumn('leadStatus'), period: 'period', dates: roleColumn('leadCreated') },
  returns: 'The qualification rate, or a series period | qualification rate | leads when period is a grain.',
  params: [classified('statuses', 'Lead statuses as text, one per lead.', [{ param: 'qualified', label: 'qualified' }]), wordList('qualified', 'Statuses that mean the lead is qualified.', QUALIFIED), periodParam, datesBeside('lead (e.g. its created date)', 'statuses')],
  examples: [
    { args: [column('MQL', 'New', 'SQL', 'Customer', 'Disqualified')], result: 0.6, note: '"Disqualified" is not "qualified": words match whole' },
  ],
  compute: ({ statuses, period, dates }, call) =>
    shareByPeriod(call, statuses.values, MATCH_CODE, undefined, period, dates, { what: 'leads', valueHeader: 'qualification rate', countHeader: 'leads' }),
});

export const TRAFFIC_TO_LEAD = defineFunction({
  name: 'TRAFFIC_TO_LEAD',
  category: 'Sales and pipeline',
  summary: 'Traffic-to-lead conversion: total leads ÷ total visitors, as a fraction.',
  labels: {
    en: { name: 'Traffic-to-lead rate', summary: 'Total leads ÷ total visitors.' },
    cs: { name: 'Konverze návštěv na leady', summary: 'Celkový počet leadů ÷ celkový počet návštěvníků.' },
    pl: { name: 'Konwersja ruchu na leady', summary: 'Łączna liczba leadów ÷ łączna liczba odwiedzających.' },
    ru: { name: 'Конверсия трафика в лиды', summary: 'Общее число лидов ÷ общее число посетителей.' },
    th: { name: 'อัตราผู้เข้าชมที่เป็นลีด', summary: 'จำนวนลีดทั้งหมด ÷ จำนวนผู้เข้าชมทั้งหมด' },
  },
  definition: 'The sum of leads ÷ the sum of visitors; each may be one number or a range (blanks add nothing). With a period, both are ' +
    'ranges beside the dates, and only rows dated in the period are added up.',
  format: 'fraction',
  direction: 'higher', chart: 'line', kinds: ['leads'], series: { value: 1, n: 2 },
  inputs: { leads: roleColumn('leads'), visitors: roleColumn('visitors'), period: 'period', dates: roleColumn('date') },
  returns: 'The conversion rate (0.02 = 2%), or a series period | traffic to lead | rows when period is a grain.',
  params: [amounts('leads', 'Leads: a number or a range of counts (e.g. per day).', { noun: 'counts', min: 0 }), amounts('visitors', 'Visitors: a number or a range of counts beside leads.', { noun: 'counts', min: 0 }), periodParam, optional(dates('dates', 'The date of each row of leads and visitors; needed with period.'))],
  examples: [
    { args: [column(12, 8), column(400, 600)], result: 0.02 },
    { args: [30, 1200], result: 0.025, note: 'single numbers' },
  ],
  compute: ({ leads, visitors, period, dates }, call) =>
    ratioOfTotals(call, leads, visitors, period, dates, { both: 'leads and visitors', denominator: 'the total of visitors', what: 'visitors', header: 'traffic to lead' }),
});

const leadTimes = {
  created: column('2025-03-03 09:00', '2025-03-03 10:00', '2025-03-03 14:00'),
  responded: column('2025-03-03 11:00', '2025-03-03 10:30', ''),
};

export const LEAD_RESPONSE_TIME = defineFunction({
  name: 'LEAD_RESPONSE_TIME',
  category: 'Sales and pipeline',
  summary: 'Mean time from a lead’s creation to its first response, in hours (or another unit).',
  labels: {
    en: { name: 'Lead response time', summary: 'Mean time from a lead’s creation to its first response, in hours (or another unit).' },
    cs: { name: 'Doba reakce na lead', summary: 'Průměrná doba od vytvoření leadu do první reakce, v hodinách (nebo jiné jednotce).' },
    pl: { name: 'Czas reakcji na lead', summary: 'Średni czas od utworzenia leada do pierwszej reakcji, w godzinach (lub innej jednostce).' },
    ru: { name: 'Время реакции на лид', summary: 'Среднее время от создания лида до первого ответа, в часах (или другой единице).' },
    th: { name: 'เวลาตอบกลับลีด', summary: 'เวลาเฉลี่ยตั้งแต่สร้างลีดจนถึงการตอบกลับครั้งแรก เป็นชั่วโมง (หรือหน่วยอื่น)' },
  },
  definition: 'The mean of first response − created over leads with both dates; leads with a blank date are skipped, a response before ' +
    'its lead was created is an error naming the row. With a period, leads are dated by their created date.',
  format: 'hours',
  direction: 'lower', chart: 'line', kinds: ['leads'], series: { value: 1, n: 2 },
  inputs: { created: roleColumn('leadCreated'), first_response: roleColumn('leadResponded'), period: 'period' },
  returns: 'The mean response time in the unit, or a series period | lead response time | leads when period is a grain.',
  params: [durationDates('created', 'When each lead was created (date and time).'), durationDates('first_response', 'When each lead first got an answer, beside created; blank if not yet.', 'created'), durationUnit('unit', 'hours'), periodParam],
  examples: [
    { args: [leadTimes.created, leadTimes.responded], result: 1.25, note: '2 hours and half an hour; the unanswered lead is skipped' },
    { args: [leadTimes.created, leadTimes.responded, 'minutes'], result: 75 },
  ],
  compute: ({ created, first_response, unit, period }, call) =>
    durationResult(call, created, first_response, unit, 'mean', period, created, { what: 'answered leads', valueHeader: 'lead response time', countHeader: 'leads' }),
});
