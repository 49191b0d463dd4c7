// Column roles: what a source column means to the metrics, the cells it holds, and the header words that name it in
// English, Czech, Polish, Russian and Thai. A role means one thing: two metrics that need different words in a
// column read different roles.

/** The cells a role's column holds: dates, numbers, or anything (ids, names, words). */
export type RoleType = 'date' | 'number' | 'any';

export interface RoleDefinition {
  type: RoleType;
  /**
   * Header words (written without diacritics; headers are folded the same way before matching). Words of up to 3
   * Latin/Cyrillic letters match whole words only; longer ones and Thai match anywhere in the header.
   */
  words: readonly string[];
  /**
   * For columns of words: the values the role accepts (normalised: lower case, single spaces). Detection maps the
   * role only when nearly every value is one of them, and prefers it when a `telling` word is present.
   */
  values?: { accepts: readonly string[]; telling: readonly string[] };
}

const WON = ['won', 'closed won', 'win'];
const LOST = ['lost', 'closed lost', 'loss'];
const OPEN = ['open', 'pending', 'in progress', 'negotiation', 'proposal', 'qualified', 'discovery', 'active', 'ongoing'];
const CHURNED = ['churned', 'churn', 'cancelled', 'canceled', 'inactive', 'left', 'lapsed'];
const STAYED = ['active', 'retained', 'stayed', 'current', 'live'];
const YES_NO = ['yes', 'no', 'y', 'n', 'true', 'false', '1', '0', 'ano', 'ne', 'tak', 'nie', 'да', 'нет'];
const RENEWED = ['renewed', 'renew', 'auto renewed', 'not renewed', 'expired', 'did not renew'];
const LEAD = ['new', 'open', 'contacted', 'working', 'nurturing', 'nurture', 'qualified', 'unqualified', 'disqualified', 'mql', 'sql', 'sal',
  'marketing qualified', 'sales qualified', 'opportunity', 'converted', 'customer', 'recycled', 'junk', 'lost', 'won', 'closed won'];

export const ROLE_DEFINITIONS = {
  // Who, when, what: shared by every kind of table.
  date: { type: 'date', words: ['date', 'day', 'week', 'month', 'timestamp', 'datum', 'den', 'tyden', 'mesic', 'data', 'dzien', 'tydzien', 'miesiac', 'дата', 'день', 'неделя', 'месяц', 'วันที่', 'วัน', 'สัปดาห์', 'เดือน'] },
  customer: { type: 'any', words: ['customer', 'client', 'account', 'company', 'email', 'zakaznik', 'klient', 'odberatel', 'firma', 'nabywca', 'клиент', 'покупатель', 'заказчик', 'ลูกค้า'] },
  segment: { type: 'any', words: ['segment', 'region', 'tier', 'country', 'channel', 'market', 'group', 'category', 'contract', 'source', 'kraj', 'oblast', 'skupina', 'kanal', 'smlouva', 'zdroj', 'grupa', 'kategoria', 'umowa', 'zrodlo', 'сегмент', 'регион', 'группа', 'канал', 'договор', 'источник', 'กลุ่ม', 'ภูมิภาค', 'ช่องทาง', 'สัญญา'] },
  product: { type: 'any', words: ['product', 'item', 'sku', 'product line', 'produkt', 'polozka', 'towar', 'продукт', 'товар', 'สินค้า', 'ผลิตภัณฑ์'] },
  // Survey answers.
  score: { type: 'number', words: ['nps', 'recommend', 'likelihood', 'doporuc', 'polec', 'рекоменд', 'แนะนำ', 'score', 'rating', 'hodnoceni', 'skore', 'ocena', 'оценка', 'балл', 'คะแนน'] },
  satisfaction: { type: 'number', words: ['csat', 'satisfaction', 'satisfied', 'spokojenost', 'zadowolenie', 'satysfakcja', 'удовлетвор', 'พึงพอใจ'] },
  effort: { type: 'number', words: ['effort', 'ces', 'ease', 'usili', 'namaha', 'wysilek', 'усили', 'ความพยายาม', 'ความง่าย'] },
  // Orders and money.
  orderId: { type: 'any', words: ['order', 'invoice', 'objednavka', 'faktura', 'zamowienie', 'заказ', 'счет', 'คำสั่งซื้อ', 'ใบสั่งซื้อ'] },
  amount: { type: 'number', words: ['amount', 'value', 'revenue', 'price', 'total', 'castka', 'hodnota', 'trzba', 'cena', 'obrat', 'kwota', 'wartosc', 'przychod', 'сумма', 'стоимость', 'выручка', 'цена', 'จำนวนเงิน', 'ยอดขาย', 'มูลค่า', 'ราคา'] },
  recurringRevenue: { type: 'number', words: ['mrr', 'arr', 'recurring', 'monthly revenue', 'subscription revenue', 'opakovany', 'mesicni prijem', 'cykliczny', 'przychod miesieczny', 'регулярн', 'ежемесячн', 'รายได้ประจำ', 'รายเดือน'] },
  // Deals and pipeline.
  dealId: { type: 'any', words: ['deal', 'opportunity', 'obchod', 'prilezitost', 'szansa', 'transakcja', 'сделка', 'ดีล', 'โอกาสการขาย'] },
  dealOutcome: {
    type: 'any', words: ['outcome', 'result', 'won lost', 'win loss', 'status', 'vysledek', 'stav', 'wynik', 'результат', 'исход', 'статус', 'ผลลัพธ์', 'ผลการขาย', 'สถานะ'],
    values: { accepts: [...WON, ...LOST, ...OPEN], telling: [...WON, ...LOST] },
  },
  stage: { type: 'any', words: ['stage', 'phase', 'pipeline', 'faze', 'etapa', 'etap', 'faza', 'стадия', 'этап', 'ขั้นตอน', 'สเตจ'] },
  probability: { type: 'number', words: ['probability', 'chance', 'likelihood to close', 'pravdepodobnost', 'prawdopodobienstwo', 'вероятность', 'ความน่าจะเป็น'] },
  dealCreated: { type: 'date', words: ['created', 'creation', 'vytvoreno', 'zalozeno', 'utworzono', 'создан', 'สร้าง'] },
  stageEntered: { type: 'date', words: ['entered', 'stage date', 'moved', 'changed', 'vstup', 'zmena', 'wejscie', 'zmiana', 'вход', 'переход', 'เข้าสู่'] },
  dealClosed: { type: 'date', words: ['closed', 'close date', 'close', 'won date', 'uzavreno', 'zamkniete', 'закрыт', 'ปิด'] },
  // Subscriptions and recurring revenue.
  start: { type: 'date', words: ['start', 'started', 'signup', 'since', 'subscribed', 'zacatek', 'zahajeni', 'od', 'poczatek', 'rozpoczecie', 'начало', 'старт', 'เริ่ม'] },
  end: { type: 'date', words: ['end', 'ended', 'cancel', 'until', 'churn date', 'konec', 'ukonceni', 'do', 'koniec', 'zakonczenie', 'конец', 'окончание', 'отмена', 'สิ้นสุด', 'ยกเลิก'] },
  renewalDate: { type: 'date', words: ['renewal date', 'renewal due', 'due', 'anniversary', 'datum obnovy', 'data odnowienia', 'дата продления', 'วันต่ออายุ'] },
  churnStatus: {
    type: 'any', words: ['churn', 'churned', 'status', 'state', 'active', 'stav', 'odchod', 'odejscie', 'статус', 'отток', 'สถานะ', 'เลิกใช้'],
    values: { accepts: [...CHURNED, ...STAYED, ...YES_NO], telling: CHURNED },
  },
  renewalOutcome: {
    type: 'any', words: ['renewal', 'renewed', 'renew', 'obnova', 'obnoveni', 'prodlouzeni', 'odnowienie', 'przedluzenie', 'продление', 'ต่ออายุ'],
    values: { accepts: [...RENEWED, ...CHURNED, ...YES_NO, 'pending'], telling: RENEWED },
  },
  // Leads and marketing.
  leadStatus: {
    type: 'any', words: ['lead status', 'lead stage', 'lifecycle', 'stav leadu', 'status leada', 'статус лида', 'สถานะลีด'],
    values: { accepts: LEAD, telling: ['mql', 'sql', 'sal', 'qualified', 'disqualified', 'unqualified', 'converted', 'nurturing', 'contacted'] },
  },
  leadCreated: { type: 'date', words: ['created', 'lead date', 'submitted', 'vytvoreno', 'utworzono', 'создан', 'สร้าง'] },
  leadResponded: { type: 'date', words: ['first response', 'responded', 'contacted', 'first touch', 'odpoved', 'odpowiedz', 'ответ', 'ตอบกลับ'] },
  visitors: { type: 'number', words: ['visitors', 'visits', 'sessions', 'traffic', 'navstevy', 'navstevnici', 'odwiedziny', 'odwiedzajacy', 'посетители', 'визиты', 'ผู้เข้าชม'] },
  leads: { type: 'number', words: ['leads', 'signups', 'leady', 'lidy', 'лиды', 'ลีด'] },
  engaged: { type: 'number', words: ['engaged', 'engagement', 'clicks', 'opens', 'zapojeni', 'zaangazowani', 'вовлечен', 'มีส่วนร่วม'] },
  audience: { type: 'number', words: ['reached', 'recipients', 'audience', 'sent', 'delivered', 'impressions', 'osloveni', 'odbiorcy', 'охват', 'получатели', 'ผู้รับ'] },
  spend: { type: 'number', words: ['spend', 'marketing cost', 'ad cost', 'acquisition cost', 'budget', 'naklady', 'koszt', 'wydatki', 'затраты', 'расход', 'ค่าใช้จ่าย', 'ต้นทุน'] },
  newCustomers: { type: 'number', words: ['new customers', 'acquired', 'won customers', 'novi zakaznici', 'nowi klienci', 'новые клиенты', 'ลูกค้าใหม่'] },
  retentionSpend: { type: 'number', words: ['retention cost', 'retention spend', 'naklady na udrzeni', 'koszt utrzymania', 'затраты на удержание', 'ต้นทุนการรักษา'] },
  retainedCustomers: { type: 'number', words: ['retained', 'retained customers', 'udrzeni zakaznici', 'utrzymani klienci', 'удержанные', 'ลูกค้าที่รักษาไว้'] },
  // Support tickets.
  opened: { type: 'date', words: ['opened', 'created', 'submitted', 'received', 'otevreno', 'vytvoreno', 'otwarto', 'utworzono', 'открыт', 'создан', 'เปิด', 'สร้าง'] },
  firstResponse: { type: 'date', words: ['first response', 'responded', 'replied', 'response', 'odpoved', 'odpowiedz', 'ответ', 'ตอบกลับ'] },
  resolved: { type: 'date', words: ['resolved', 'solved', 'closed', 'vyreseno', 'uzavreno', 'rozwiazane', 'zamkniete', 'решен', 'закрыт', 'แก้ไขแล้ว', 'ปิด'] },
  contacts: { type: 'number', words: ['contacts', 'touches', 'interactions', 'replies', 'kontakty', 'kontakty', 'контакты', 'обращения', 'การติดต่อ'] },
} as const satisfies Record<string, RoleDefinition>;

export type Role = keyof typeof ROLE_DEFINITIONS;
export const ROLES = Object.keys(ROLE_DEFINITIONS) as Role[];

/** Which cell type a role's column holds. */
export const roleType = (role: Role): RoleType => (ROLE_DEFINITIONS[role] as RoleDefinition).type;

/** Lower case without Latin diacritics (č → c, ł → l, й → и), so "Částka" matches "castka". */
export function foldHeader(text: string): string {
  return text.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ł/g, 'l').trim();
}
